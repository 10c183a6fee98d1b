//! The page as a flat tree of elements and the paragraphs of text they
//! hold, built in one pass over the [`tokens`](super::tokens).
//!
//! Only what choosing the main text needs is kept: for each element its
//! kind, its parent, what its class and id say, and the text, link text,
//! commas, images and form inputs directly in it. Text is collected once,
//! white space collapsed and character references decoded, into one
//! buffer; a paragraph is a range of it, ended by the start or end of any
//! block element or by `<br>`. Elements are in document order, so a parent
//! always comes before its children.

use super::head::Head;
use super::rules::{Boilerplate, ClassSense, ValueSense, Weights};
use super::tokens::{decode, has_implied_end, is_void, lower, tokens, Tag, Token};

/// The parent of the root.
pub const NONE: u32 = u32::MAX;

/// How far up the stack of open elements an end tag looks for its start
/// tag, and a start tag for an element it closes implicitly; an end tag
/// without one that close is ignored. Bounds the work per tag on hostile
/// pages.
const END_TAG_REACH: usize = 64;

/// What kind of element a node is, as far as choosing the text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum El {
    /// The document itself.
    Root,
    /// `<body>`.
    Body,
    /// `<article>` and `<main>`: containers that class rules never drop.
    Article,
    /// `<section>`.
    Section,
    /// `<div>`.
    Div,
    /// `<p>`.
    P,
    /// `<pre>`.
    Pre,
    /// `<td>`.
    Td,
    /// `<th>`.
    Th,
    /// `<blockquote>`.
    Blockquote,
    /// `<li>`.
    Li,
    /// `<ul>` and `<ol>`.
    List,
    /// `<dd>` and `<dt>`.
    DefItem,
    /// `<form>` and `<fieldset>`.
    Form,
    /// `<table>`.
    Table,
    /// `<h1>` … `<h6>`, with the level.
    Heading(u8),
    /// Any other block element.
    Block,
    /// `<a>`.
    Link,
    /// Any other inline element.
    Inline,
    /// Elements whose content is never shown as text (`<svg>`, `<select>`,
    /// `<button>`, `<head>`, …).
    Hidden,
}

impl El {
    fn of(name: &str) -> El {
        match name {
            "body" => El::Body,
            "article" | "main" => El::Article,
            "section" => El::Section,
            "div" => El::Div,
            "p" => El::P,
            "pre" => El::Pre,
            "td" => El::Td,
            "th" => El::Th,
            "blockquote" => El::Blockquote,
            "li" => El::Li,
            "ul" | "ol" => El::List,
            "dd" | "dt" => El::DefItem,
            "form" | "fieldset" => El::Form,
            "table" => El::Table,
            "h1" => El::Heading(1),
            "h2" => El::Heading(2),
            "h3" => El::Heading(3),
            "h4" => El::Heading(4),
            "h5" => El::Heading(5),
            "h6" => El::Heading(6),
            "a" => El::Link,
            "address" | "aside" | "center" | "details" | "dialog" | "dir" | "dl" | "figcaption"
            | "figure" | "footer" | "header" | "hgroup" | "html" | "menu" | "nav" | "summary"
            | "tbody" | "thead" | "tfoot" | "tr" | "caption" | "legend" | "option" | "optgroup" => {
                El::Block
            }
            "head" | "svg" | "math" | "select" | "button" | "object" | "canvas" | "video"
            | "audio" | "map" | "datalist" | "picture" => El::Hidden,
            _ => El::Inline,
        }
    }

    /// Whether the element starts and ends paragraphs.
    pub fn is_block(self) -> bool {
        !matches!(self, El::Link | El::Inline)
    }
}

/// One element.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its kind.
    pub el: El,
    /// Its parent's index, [`NONE`] for the root.
    pub parent: u32,
    /// A hash of its lower-cased name, to match end tags.
    name: u32,
    /// The nearest block element: itself, or its parent's.
    block: u32,
    /// A hash of its class value (0 when it has none).
    pub class: u32,
    /// What its class and id say (`data/html/weights.txt`).
    pub weight: i32,
    /// Unlikely to hold the article (`unlikely` rules).
    pub unlikely: bool,
    /// Matches a boilerplate rule (`data/html/boilerplate.txt`).
    pub boilerplate: bool,
    /// Names a byline.
    pub byline: bool,
    /// Bytes of text directly in it (in its own paragraphs).
    pub chars: u32,
    /// Of those, bytes inside links.
    pub links: u32,
    /// Commas directly in it.
    pub commas: u32,
    /// Images directly in it.
    pub images: u32,
    /// Form inputs directly in it.
    pub inputs: u32,
}

/// A paragraph: a range of [`Tree::text`] and the element that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Para {
    /// The index of the nearest block element around it.
    pub node: u32,
    /// Where it starts in [`Tree::text`].
    pub start: u32,
    /// Where it ends in [`Tree::text`].
    pub end: u32,
    /// Bytes of it inside links.
    pub links: u32,
}

/// The elements and paragraphs of a page.
#[derive(Debug, Default)]
pub struct Tree {
    /// Elements in document order; index 0 is the root.
    pub nodes: Vec<Node>,
    /// Paragraphs in document order.
    pub paras: Vec<Para>,
    /// All paragraph text, one paragraph after another.
    pub text: String,
}

impl Tree {
    /// The text of a paragraph.
    pub fn para(&self, para: &Para) -> &str {
        &self.text[para.start as usize..para.end as usize]
    }
}

/// The tree being built.
struct Builder<'r> {
    tree: Tree,
    stack: Vec<u32>,
    /// Open hidden elements.
    hidden: usize,
    /// Open links.
    links: usize,
    /// Where the open paragraph starts in the text, and its element.
    para_start: usize,
    para_node: u32,
    para_links: u32,
    /// White space seen since the last word of the open paragraph.
    space: bool,
    /// The nesting estimate of [`super::prescan`]: elements that need an
    /// end tag, minus end tags.
    depth: usize,
    boilerplate: &'r Boilerplate,
    weights: &'r Weights,
    /// What class and id values said, by a hash of the value: pages
    /// repeat their class names, and reading one costs a pass of the
    /// rule automaton and a lookup per word.
    values: Vec<(u64, ValueInfo)>,
}

/// Slots in [`Builder::values`] (a power of two).
const VALUE_SLOTS: usize = 512;

/// What a class or id value says.
#[derive(Debug, Clone, Copy, Default)]
struct ValueInfo {
    sense: ValueSense,
    boilerplate: bool,
}

/// Builds the tree of `html`, passing metadata tags to `head`. Fails with
/// the nesting depth when it exceeds `max_depth`, as soon as it does.
pub fn build(html: &str, head: &mut Head, max_depth: usize) -> Result<Tree, usize> {
    let mut b = Builder {
        tree: Tree {
            nodes: Vec::with_capacity(html.len() / 64),
            paras: Vec::new(),
            text: String::with_capacity(html.len() / 16),
        },
        stack: vec![0],
        hidden: 0,
        links: 0,
        para_start: 0,
        para_node: 0,
        para_links: 0,
        space: false,
        depth: 0,
        boilerplate: Boilerplate::english(),
        weights: Weights::english(),
        values: vec![(0, ValueInfo::default()); VALUE_SLOTS],
    };
    b.tree.nodes.push(Node::new(El::Root, NONE, 0));
    let mut buf = [0u8; 16];
    for (_, token) in tokens(html) {
        match token {
            Token::Text(text) => {
                if b.hidden == 0 {
                    b.text(text);
                }
            }
            Token::Start(tag) => {
                let name = lower(tag.name, &mut buf);
                if is_void(name) {
                    b.void(name, &tag, head);
                    continue;
                }
                if name == "time" {
                    head.tag(name, &tag);
                }
                if !has_implied_end(name) && !tag.self_closing {
                    b.depth += 1;
                    if b.depth > max_depth {
                        return Err(b.depth);
                    }
                }
                b.start(name, &tag);
            }
            Token::End(name) => {
                let name = lower(name, &mut buf);
                if name == "br" {
                    b.break_para();
                } else if !is_void(name) {
                    if !has_implied_end(name) {
                        b.depth = b.depth.saturating_sub(1);
                    }
                    b.end(hash(name));
                }
            }
            Token::Raw(tag, content) => {
                let name = lower(tag.name, &mut buf);
                head.raw(name, &tag, content);
            }
            Token::Other => {}
        }
    }
    b.break_para();
    Ok(b.tree)
}

/// FNV-1a, for element names.
fn hash(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A 64-bit hash of a class or id value.
fn hash64(s: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(s.as_bytes())
}

impl Node {
    fn new(el: El, parent: u32, name: u32) -> Node {
        Node {
            el,
            parent,
            name,
            block: 0,
            class: 0,
            weight: 0,
            unlikely: false,
            boilerplate: false,
            byline: false,
            chars: 0,
            links: 0,
            commas: 0,
            images: 0,
            inputs: 0,
        }
    }
}

impl Builder<'_> {
    fn top(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn void(&mut self, name: &str, tag: &Tag<'_>, head: &mut Head) {
        let top = self.top() as usize;
        match name {
            "br" | "hr" => self.break_para(),
            "img" | "image" => self.tree.nodes[top].images += 1,
            "input" => self.tree.nodes[top].inputs += 1,
            "meta" | "link" => head.tag(name, tag),
            _ => {}
        }
    }

    fn start(&mut self, name: &str, tag: &Tag<'_>) {
        let el = El::of(name);
        self.imply_ends(el);
        if el.is_block() {
            self.break_para();
        }
        // `<div/>`: browsers would open it, but no end tag closes it and
        // the nesting estimate counts it as closed; as an empty element
        // it can neither hold text by mistake nor pile up open elements.
        if tag.self_closing {
            return;
        }
        let parent = self.top();
        let mut node = Node::new(el, parent, hash(name));
        let (mut class, mut id, mut hidden) = ("", "", false);
        // Class names on inline elements and links say little that
        // their block does not, and most tags are inline.
        let attrs = if el.is_block() { tag.attrs } else { "" };
        for (key, value) in (Tag { attrs, ..*tag }).attrs() {
            if key.eq_ignore_ascii_case("class") {
                class = value;
            } else if key.eq_ignore_ascii_case("id") {
                id = value;
            } else if key.eq_ignore_ascii_case("hidden") {
                hidden = true;
            } else if key.eq_ignore_ascii_case("aria-hidden") {
                hidden |= value.eq_ignore_ascii_case("true");
            } else if key.eq_ignore_ascii_case("style") {
                hidden |= value.contains("display:none") || value.contains("display: none");
            } else if key.eq_ignore_ascii_case("itemprop") || key.eq_ignore_ascii_case("rel") {
                node.byline |= value.eq_ignore_ascii_case("author");
            }
        }
        if !class.is_empty() || !id.is_empty() {
            let ((class_key, c), (_, i)) = (self.value(class), self.value(id));
            let sense = ClassSense::of(c.sense, i.sense);
            node.weight = sense.weight;
            node.unlikely = sense.unlikely;
            node.byline |= sense.byline;
            // The low bits keep the `| 1`: 0 only when there is no class.
            node.class = class_key as u32;
            if !matches!(el, El::Article | El::Body) {
                node.boilerplate = c.boilerplate || i.boilerplate;
            }
        }
        node.boilerplate |= self.boilerplate.is_tag(name);
        if hidden {
            node.el = El::Hidden;
        }
        self.hidden += usize::from(node.el == El::Hidden);
        self.links += usize::from(node.el == El::Link);
        let index = u32::try_from(self.tree.nodes.len()).unwrap_or(NONE);
        node.block = if node.el.is_block() {
            index
        } else {
            self.tree.nodes[parent as usize].block
        };
        self.tree.nodes.push(node);
        self.stack.push(index);
    }

    /// What a class or id value says, from the cache when it can.
    /// Also gives the value's hash (never 0), or 0 for no value.
    fn value(&mut self, value: &str) -> (u64, ValueInfo) {
        if value.is_empty() {
            return (0, ValueInfo::default());
        }
        let key = hash64(value) | 1;
        let slot = &mut self.values[key as usize & (VALUE_SLOTS - 1)];
        if slot.0 != key {
            *slot = (
                key,
                ValueInfo {
                    sense: self.weights.value(value),
                    boilerplate: self.boilerplate.names_boilerplate(value),
                },
            );
        }
        (key, slot.1)
    }

    /// Closes what a start tag of `el` closes implicitly: an open `<p>`
    /// before a block, an open `<li>` before a list item, a cell before a
    /// cell, a `<dd>`/`<dt>` before another.
    fn imply_ends(&mut self, el: El) {
        if !el.is_block() {
            return;
        }
        let closes = |open: El| match el {
            El::Li => open == El::Li,
            El::DefItem => open == El::DefItem,
            El::Td | El::Th => matches!(open, El::Td | El::Th),
            _ => el.is_block() && open == El::P,
        };
        let stops = |open: El| match el {
            El::Li => matches!(open, El::List | El::Table | El::Body | El::Root),
            El::Td | El::Th => matches!(open, El::Table | El::Body | El::Root),
            _ => !matches!(open, El::Link | El::Inline | El::P | El::DefItem),
        };
        let reach = self.stack.len().saturating_sub(END_TAG_REACH).max(1);
        for at in (reach..self.stack.len()).rev() {
            let open = self.tree.nodes[self.stack[at] as usize].el;
            if closes(open) {
                self.pop_to(at);
                return;
            }
            if stops(open) {
                return;
            }
        }
    }

    fn end(&mut self, name: u32) {
        let reach = self.stack.len().saturating_sub(END_TAG_REACH).max(1);
        if let Some(at) = (reach..self.stack.len())
            .rfind(|&at| self.tree.nodes[self.stack[at] as usize].name == name)
        {
            self.pop_to(at);
        }
    }

    /// Pops the open elements from `at` up.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            let Some(index) = self.stack.pop() else { break };
            let el = self.tree.nodes[index as usize].el;
            if el == El::Hidden {
                self.hidden -= 1;
            }
            if el == El::Link {
                self.links -= 1;
            }
            if el.is_block() {
                self.break_para();
            }
        }
    }

    fn break_para(&mut self) {
        let end = self.tree.text.len();
        if end > self.para_start {
            self.tree.paras.push(Para {
                node: self.para_node,
                start: self.para_start as u32,
                end: end as u32,
                links: self.para_links,
            });
            self.para_start = end;
            self.para_links = 0;
        }
        self.space = false;
    }

    fn text(&mut self, raw: &str) {
        // Most text between tags is indentation.
        if all_space(raw.as_bytes()) {
            self.space |= !raw.is_empty();
            return;
        }
        let text = decode(raw);
        let mut words = Words { text: &text, at: 0 };
        let Some(first) = words.next() else {
            self.space = true;
            return;
        };
        let out = &mut self.tree.text;
        let before = out.len();
        if before == self.para_start {
            self.para_node = self.block();
        } else if self.space || first.as_ptr() != text.as_ptr() {
            out.push(' ');
        }
        let out = &mut self.tree.text;
        let words_at = out.len();
        out.push_str(first);
        let mut last_end = first.len() + (first.as_ptr() as usize - text.as_ptr() as usize);
        for word in words.by_ref() {
            out.push(' ');
            out.push_str(word);
            last_end = word.len() + (word.as_ptr() as usize - text.as_ptr() as usize);
        }
        self.space = last_end < text.len();
        let added = out.len() - before;
        let commas = memchr::memchr_iter(b',', &out.as_bytes()[before..]).count();
        let node = &mut self.tree.nodes[self.para_node as usize];
        node.chars += added as u32;
        node.commas += commas as u32;
        if self.links > 0 {
            // The space before a link is not link text.
            let linked = (out.len() - words_at) as u32;
            node.links += linked;
            self.para_links += linked;
        }
    }

    /// The nearest open block element.
    fn block(&self) -> u32 {
        self.tree.nodes[self.top() as usize].block
    }
}

/// Whether `bytes` are all ASCII white space; in chunks without an early
/// exit, so that the test vectorizes.
fn all_space(bytes: &[u8]) -> bool {
    bytes.chunks(32).all(|chunk| {
        chunk
            .iter()
            // Not ' ', '\t', '\n', '\x0C' or '\r', without branches.
            .fold(0u8, |other, &b| {
                let space = (b == b' ') | ((b.wrapping_sub(9) <= 4) & (b != 11));
                other | u8::from(!space)
            })
            == 0
    })
}

/// The words of a text, as `str::split_whitespace` gives them, with a fast
/// path for ASCII.
struct Words<'t> {
    text: &'t str,
    at: usize,
}

impl Words<'_> {
    /// The length of the white space character at `at`, 0 if there is
    /// none.
    fn space_at(&self, at: usize) -> usize {
        let b = self.text.as_bytes()[at];
        if b.is_ascii() {
            return usize::from(b.is_ascii_whitespace());
        }
        match self.text[at..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        }
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while at < bytes.len() {
            match self.space_at(at) {
                0 => break,
                n => at += n,
            }
        }
        let start = at;
        while at < bytes.len() {
            if bytes[at].is_ascii() && !bytes[at].is_ascii_whitespace() {
                at += 1;
                continue;
            }
            if self.space_at(at) > 0 {
                break;
            }
            at += self.text[at..].chars().next().map_or(1, char::len_utf8);
        }
        self.at = at;
        (at > start).then(|| &self.text[start..at])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(html: &str) -> Tree {
        build(html, &mut Head::default(), 512).unwrap()
    }

    fn paras(html: &str) -> Vec<(El, String)> {
        let tree = tree(html);
        tree.paras
            .iter()
            .map(|p| (tree.nodes[p.node as usize].el, tree.para(p).to_string()))
            .collect()
    }

    #[test]
    fn blocks_and_breaks_end_paragraphs_inline_elements_do_not() {
        assert_eq!(
            paras("<div>One <b>bold</b>word<p>Two &amp;\n three<br>Four</p> five </div>"),
            [
                (El::Div, "One boldword".to_string()),
                (El::P, "Two & three".to_string()),
                (El::P, "Four".to_string()),
                (El::Div, "five".to_string()),
            ]
        );
        assert_eq!(
            paras("<p>a <span> </span>b<p>c</p>"),
            [(El::P, "a b".to_string()), (El::P, "c".to_string())]
        );
    }

    #[test]
    fn words_split_like_split_whitespace() {
        for text in [
            "",
            "   ",
            " a  b\tc\n",
            "non\u{a0}breaking\u{2009}thin é\u{3000}ü ",
            "x",
        ] {
            let ours: Vec<&str> = Words { text, at: 0 }.collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn hidden_elements_scripts_and_the_head_give_no_text() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body>\
                    <p>shown<svg><text>no</text></svg></p><div hidden>no</div>\
                    <div style=\"display: none\">no</div><button>no</button>\
                    <script>no</script><noscript>no</noscript><p>end</p>";
        let texts: Vec<String> = paras(page).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["shown", "end"]);
    }

    #[test]
    fn implied_ends_and_stray_end_tags() {
        let tree = tree("<ul><li>a<li>b</ul><p>c<div>d</div></span><p>e");
        let parent = |i: usize| tree.nodes[tree.paras[i].node as usize].parent;
        // Both items are children of the list, not nested.
        assert_eq!(parent(0), parent(1));
        assert_eq!(tree.nodes[parent(0) as usize].el, El::List);
        // The div closed the open paragraph: it is the body's child.
        assert_eq!(tree.nodes[tree.paras[3].node as usize].el, El::Div);
        assert_eq!(parent(3), 0);
        assert_eq!(tree.para(&tree.paras[4]), "e");
    }

    #[test]
    fn counts_text_links_commas_and_images_per_element() {
        let tree = tree("<div class=story-body><p>One, two, <a href=x>three</a>.<img src=a><img src=b></p></div>");
        let p = &tree.nodes[2];
        assert_eq!(
            (p.el, p.chars, p.links, p.commas, p.images),
            (El::P, 16, 5, 2, 2)
        );
        assert_eq!(tree.nodes[1].weight, 25, "story and body are one value");
        // Only a class value is a class: no id makes two elements alike.
        let alike =
            super::tests::tree("<div id=a class=x></div><div id=b class=x></div><div id=c></div>");
        assert_eq!(alike.nodes[1].class, alike.nodes[2].class);
        assert_ne!(alike.nodes[1].class, 0);
        assert_eq!(alike.nodes[3].class, 0);
    }

    #[test]
    fn class_rules_mark_but_keep_elements() {
        let tree = tree("<article class=caption><nav>n</nav><div class=\"photo-credit\">c</div>\
             <div id=comments>x</div><div itemprop=author>A</div><span class=caption>c</span></article>");
        let marks: Vec<(bool, bool, bool)> = tree.nodes[1..]
            .iter()
            .map(|n| (n.boilerplate, n.unlikely, n.byline))
            .collect();
        assert_eq!(
            marks,
            [
                (false, false, false),
                (true, false, false),
                (true, false, false),
                (false, true, false),
                (false, false, true),
                // Inline elements are not read for class names.
                (false, false, false),
            ]
        );
    }

    #[test]
    fn self_closed_and_unclosed_inline_elements_stay_cheap() {
        let started = std::time::Instant::now();
        let self_closed = "<span/>".repeat(200_000) + "<p>text</p>";
        assert_eq!(paras(&self_closed), [(El::P, "text".to_string())]);
        // Elements with an implied end are not counted as nesting: a page
        // of them must not cost a walk of the open elements per tag.
        let ruby = "<rb>x".repeat(200_000);
        assert_eq!(tree(&ruby).paras.len(), 1);
        let ruby = "<rt><p>x</p>".repeat(100_000);
        assert_eq!(tree(&ruby).paras.len(), 100_000);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn too_deep_pages_fail_as_soon_as_they_are() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(build(&deep, &mut Head::default(), 512).unwrap_err(), 513);
        let ok = "<div></div>".repeat(1000) + &"<p>x".repeat(1000);
        assert!(build(&ok, &mut Head::default(), 512).is_ok());
    }
}
