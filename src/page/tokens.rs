//! The page as a stream of tokens: text, start tags, end tags and raw-text
//! elements, in one forward pass with no tree and no copy.
//!
//! The tokenizer is forgiving in the way browsers are: a `<` that opens no
//! tag is text, an unclosed comment or raw-text element runs to the end of
//! the page, and a quoted attribute value may hold `>`. It does not decode
//! character references; [`decode`] does that for the text that is kept.
//! Every token borrows from the page, so a pass over a page allocates
//! nothing.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Whether `name` (lower case) is an element whose content is text up to
/// its end tag: the tokenizer returns it whole as [`Token::Raw`].
pub fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "template"
            | "plaintext"
    )
}

/// Whether `name` (lower case) is an element that never holds children.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Whether `name` (lower case) is an element that the parser closes
/// implicitly when a sibling starts, so that pages often leave its end tag
/// out.
pub fn has_implied_end(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "dt"
            | "dd"
            | "td"
            | "th"
            | "tr"
            | "tbody"
            | "thead"
            | "tfoot"
            | "option"
            | "optgroup"
            | "colgroup"
            | "rb"
            | "rt"
            | "rtc"
            | "rp"
            | "caption"
    )
}

/// A name that no element has: what [`lower`] gives for names too long
/// or not ASCII (custom elements).
pub const CUSTOM: &str = "-custom-";

/// `name` in lower case: itself when it is, else copied into `buf` when
/// it fits; [`CUSTOM`] for names too long or not ASCII.
pub fn lower<'b>(name: &'b str, buf: &'b mut [u8; 16]) -> &'b str {
    let bytes = name.as_bytes();
    if bytes.len() > buf.len() || !name.is_ascii() {
        return CUSTOM;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return name;
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[..bytes.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..bytes.len()]).unwrap_or(CUSTOM)
}

/// A start tag: its name as written and its attributes, undecoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The element name as the page writes it ("DIV", "div").
    pub name: &'a str,
    /// Everything between the name and the closing `>`.
    pub attrs: &'a str,
    /// Whether the tag ends in `/>`.
    pub self_closing: bool,
}

impl<'a> Tag<'a> {
    /// The raw value of attribute `name` (ASCII case-blind), `""` for an
    /// attribute without a value, `None` when the tag has no such
    /// attribute. Character references are left as written.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Every attribute as (name as written, raw value) pairs.
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs { rest: self.attrs }
    }
}

/// The attributes of a tag, as (name, raw value) pairs.
#[derive(Debug, Clone)]
pub struct Attrs<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        // Byte-wise: every delimiter is ASCII, so each cut is on a
        // character boundary.
        let rest = self.rest;
        let bytes = rest.as_bytes();
        let skip_space = |mut at: usize| {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            at
        };
        let mut at = 0;
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at == bytes.len() {
            self.rest = "";
            return None;
        }
        let name_at = at;
        at += 1;
        while at < bytes.len()
            && !matches!(bytes[at], b'=' | b'/')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = &rest[name_at..at];
        let after = skip_space(at);
        if bytes.get(after) != Some(&b'=') {
            self.rest = &rest[after..];
            return Some((name, ""));
        }
        let value_at = skip_space(after + 1);
        let (value, next) = match bytes.get(value_at) {
            Some(&q @ (b'"' | b'\'')) => match find_byte(q, &bytes[value_at + 1..]) {
                Some(n) => (&rest[value_at + 1..value_at + 1 + n], value_at + n + 2),
                None => (&rest[value_at + 1..], bytes.len()),
            },
            _ => {
                let mut end = value_at;
                while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
                    end += 1;
                }
                (&rest[value_at..end], end)
            }
        };
        self.rest = &rest[next..];
        Some((name, value))
    }
}

/// One token of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, character references undecoded.
    Text(&'a str),
    /// A start tag of an element that is not raw text.
    Start(Tag<'a>),
    /// An end tag: the element name as written.
    End(&'a str),
    /// A raw-text element (`script`, `style`, `title`, …): its start tag
    /// and its content up to its end tag (or the end of the page).
    Raw(Tag<'a>, &'a str),
    /// A comment, doctype or processing instruction.
    Other,
}

/// The tokens of a page, each with the byte offset where it starts.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    html: &'a str,
    at: usize,
}

/// Tokenizes `html`.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens { html, at: 0 }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let html = self.html;
        let bytes = html.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        // Text runs up to the next `<` that opens markup.
        let mut lt = start;
        loop {
            match find_byte(b'<', &bytes[lt..]) {
                None => {
                    self.at = bytes.len();
                    return Some((start, Token::Text(&html[start..])));
                }
                Some(n) => lt += n,
            }
            match bytes.get(lt + 1) {
                Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') => break,
                _ => lt += 1,
            }
        }
        if lt > start {
            self.at = lt;
            return Some((start, Token::Text(&html[start..lt])));
        }
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            static COMMENT_END: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
            let finder = COMMENT_END.get_or_init(|| memchr::memmem::Finder::new(b"-->"));
            self.at = finder
                .find(&bytes[lt + 4..])
                .map_or(bytes.len(), |end| lt + 4 + end + 3);
            return Some((lt, Token::Other));
        }
        if matches!(rest[0], b'!' | b'?') {
            self.at = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |n| lt + n + 1);
            return Some((lt, Token::Other));
        }
        let closing = rest[0] == b'/';
        let name_at = lt + 1 + usize::from(closing);
        let name_end = bytes[name_at..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
            .map_or(bytes.len(), |n| name_at + n);
        let tag_end = tag_end(bytes, name_end);
        self.at = (tag_end + 1).min(bytes.len());
        let name = &html[name_at..name_end];
        if closing {
            return Some((lt, Token::End(name)));
        }
        let inner = &html[name_end..tag_end.min(bytes.len())];
        let self_closing = inner.ends_with('/');
        let tag = Tag {
            name,
            attrs: inner,
            self_closing,
        };
        if !self_closing && name.len() <= 9 && is_raw_text(lower(name, &mut [0; 16])) {
            let content_at = self.at;
            let end = find_end_tag(bytes, content_at, name);
            let content_end = end.unwrap_or(bytes.len());
            self.at = end
                .and_then(|end| memchr::memchr(b'>', &bytes[end..]).map(|n| end + n + 1))
                .unwrap_or(bytes.len());
            return Some((lt, Token::Raw(tag, &html[content_at..content_end])));
        }
        Some((lt, Token::Start(tag)))
    }
}

/// Where the `>` that ends the tag whose name ends at `from` is: the first
/// `>` outside a quoted attribute value, or the end of the page.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(n) = find_tag_byte(&bytes[at..]) {
        let found = at + n;
        let quote = bytes[found];
        if quote == b'>' {
            return found;
        }
        // A quote opens a value only right after `=` (and white space).
        let opens = bytes[from..found]
            .iter()
            .rev()
            .find(|c| !c.is_ascii_whitespace())
            .is_some_and(|c| *c == b'=');
        at = found + 1;
        if opens {
            match find_byte(quote, &bytes[at..]) {
                Some(close) => at += close + 1,
                // An unclosed value: the tag ends at the next `>`.
                None => return memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |n| at + n),
            }
        }
    }
    bytes.len()
}

/// How many bytes the short searches look at one by one before they hand
/// over to `memchr`: tags, values and the text between tags are mostly
/// shorter, and there the set-up of a vector search costs more than it
/// saves.
const SHORT: usize = 48;

/// Where the first byte that `hit` accepts is in `bytes`: one by one,
/// then `search` past [`SHORT`].
fn find_any(
    bytes: &[u8],
    hit: impl Fn(u8) -> bool,
    search: impl Fn(&[u8]) -> Option<usize>,
) -> Option<usize> {
    let head = bytes.len().min(SHORT);
    match bytes[..head].iter().position(|&b| hit(b)) {
        Some(at) => Some(at),
        None if bytes.len() > head => search(&bytes[head..]).map(|n| head + n),
        None => None,
    }
}

/// Where `byte` first is in `bytes`.
fn find_byte(byte: u8, bytes: &[u8]) -> Option<usize> {
    find_any(bytes, |b| b == byte, |rest| memchr::memchr(byte, rest))
}

/// Where the first `>`, `"` or `'` is in `bytes`.
fn find_tag_byte(bytes: &[u8]) -> Option<usize> {
    find_any(
        bytes,
        |b| matches!(b, b'>' | b'"' | b'\''),
        |rest| memchr::memchr3(b'>', b'"', b'\'', rest),
    )
}

/// Where `needle` first occurs in `bytes` from `from` on.
pub fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|n| from + n)
}

/// Where the end tag `</name` of a raw-text element starts, case-blind.
pub fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memchr(b'<', bytes.get(at..)?)?;
        let after = lt + 2 + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(lt + 2..after)
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
            && bytes.get(after).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(lt);
        }
        at = lt + 1;
    }
}

/// `text` with its character references decoded; borrowed when it has
/// none.
pub fn decode(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    html_escape::decode_html_entities(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<String> {
        tokens(html)
            .map(|(at, t)| match t {
                Token::Text(s) => format!("{at}:T({s})"),
                Token::Start(tag) => format!("{at}:S({}{})", tag.name, tag.attrs),
                Token::End(name) => format!("{at}:E({name})"),
                Token::Raw(tag, body) => format!("{at}:R({}|{body})", tag.name),
                Token::Other => format!("{at}:O"),
            })
            .collect()
    }

    #[test]
    fn text_tags_and_offsets() {
        assert_eq!(
            kinds("a<p class=x>b</P>c"),
            ["0:T(a)", "1:S(p class=x)", "12:T(b)", "13:E(P)", "17:T(c)"]
        );
        assert_eq!(
            kinds("1 < 2 <3 <b>x"),
            ["0:T(1 < 2 <3 )", "9:S(b)", "12:T(x)"]
        );
        assert_eq!(kinds("<br/>"), ["0:S(br/)"]);
        assert!(matches!(
            tokens("<br/>").next(),
            Some((
                0,
                Token::Start(Tag {
                    self_closing: true,
                    ..
                })
            ))
        ));
    }

    #[test]
    fn comments_doctypes_and_unclosed_markup() {
        assert_eq!(
            kinds("<!DOCTYPE html><!-- <p> -->x<?xml?>"),
            ["0:O", "15:O", "27:T(x)", "28:O"]
        );
        assert_eq!(kinds("a<!-- never closed <p>"), ["0:T(a)", "1:O"]);
        assert_eq!(kinds("<div"), ["0:S(div)"]);
        assert_eq!(kinds("<"), ["0:T(<)"]);
        // A name is ASCII; the rest of the tag is its attributes.
        assert_eq!(kinds("é<dïv>ü"), ["0:T(é)", "2:S(dïv)", "8:T(ü)"]);
    }

    #[test]
    fn quoted_values_may_hold_brackets() {
        assert_eq!(
            kinds("<a title=\"1 > 0\" href='x>y'>t</a>"),
            ["0:S(a title=\"1 > 0\" href='x>y')", "28:T(t)", "29:E(a)"]
        );
        // A quote that opens no value is only a character.
        assert_eq!(kinds("<p it's>x"), ["0:S(p it's)", "8:T(x)"]);
        assert_eq!(kinds("<p a=\"open>x"), ["0:S(p a=\"open)", "11:T(x)"]);
    }

    #[test]
    fn raw_text_elements_are_one_token() {
        assert_eq!(
            kinds("<script>if (a <div) {'</scripts>'}</SCRIPT >x"),
            ["0:R(script|if (a <div) {'</scripts>'})", "44:T(x)"]
        );
        assert_eq!(kinds("<title>A <b> t</title>"), ["0:R(title|A <b> t)"]);
        assert_eq!(
            kinds("<style>never closed <p>"),
            ["0:R(style|never closed <p>)"]
        );
        assert_eq!(kinds("<script/>x"), ["0:S(script/)", "9:T(x)"]);
    }

    #[test]
    fn short_searches_find_the_first_match_at_any_distance() {
        for len in [0, 1, 7, 8, 9, 63, 64, 65, 200] {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'"';
                if at + 1 < len {
                    bytes[at + 1] = b'>';
                }
                assert_eq!(find_byte(b'"', &bytes), Some(at), "{len} {at}");
                assert_eq!(find_tag_byte(&bytes), Some(at), "{len} {at}");
            }
            assert_eq!(find_byte(b'"', &vec![b'x'; len]), None);
        }
        // Against the plain search, on bytes next to the needles in value
        // (a borrow across bytes must not make a false first match).
        let alphabet = [
            b'<', b'=', b'>', b'?', b'"', b'#', b'\'', b'&', 0x00, 0x80, 0xFF, b'a',
        ];
        let mut state = 7u32;
        for len in 0..150 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    alphabet[(state >> 16) as usize % alphabet.len()]
                })
                .collect();
            for needle in [b'<', b'>', b'"', b'\''] {
                let plain = bytes.iter().position(|&b| b == needle);
                assert_eq!(find_byte(needle, &bytes), plain, "{bytes:?}");
            }
            let plain = bytes.iter().position(|b| matches!(b, b'>' | b'"' | b'\''));
            assert_eq!(find_tag_byte(&bytes), plain, "{bytes:?}");
        }
    }

    #[test]
    fn attributes() {
        let tag =
            match tokens("<meta  NAME=author content=\"Ola &amp; Berg\" data-x hidden>").next() {
                Some((_, Token::Start(tag))) => tag,
                other => panic!("{other:?}"),
            };
        assert_eq!(tag.attr("name"), Some("author"));
        assert_eq!(tag.attr("content"), Some("Ola &amp; Berg"));
        assert_eq!(tag.attr("hidden"), Some(""));
        assert_eq!(tag.attr("data-x"), Some(""));
        assert_eq!(tag.attr("class"), None);
        let odd = Tag {
            name: "p",
            attrs: " = a='unclosed",
            self_closing: false,
        };
        assert_eq!(odd.attr("a"), Some("unclosed"));
    }

    #[test]
    fn decodes_references_only_when_there_are_some() {
        assert!(matches!(decode("plain"), Cow::Borrowed("plain")));
        assert_eq!(decode("Caf&eacute; &amp; &#8220;x&#x201D;"), "Café & “x”");
    }
}
