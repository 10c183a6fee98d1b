//! The word classes of a token: one look-up in one table answers every
//! closed-class question the later stages ask of a word (each `glue.txt`
//! class, one-word cue form, role word, honorific, first word of a title
//! or of a cue form). The segmenter stores the answer on each token
//! ([`crate::pipeline::segment::Token::classes`]), so that a rule tests a
//! bit instead of lower-casing and hashing the word again (callgrind: the
//! per-rule look-ups were about a sixth of `quotewire extract`).

use super::filter::KeyFilter;
use super::{with_lower, Glue};
use rustc_hash::FxHashMap as HashMap;

/// The lexicon's closed classes of one word, as bits: one per [`Glue`]
/// class, and one for a one-word cue form ([`super::Lexicon::classes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClasses(u64);

impl WordClasses {
    /// The bit of a one-word cue form, above every [`Glue`] class.
    const CUE: u64 = 1 << 63;
    /// A key of `roles.txt` ([`super::Lexicon::role`]).
    const ROLE: u64 = 1 << 62;
    /// An honorific ([`super::Lexicon::honorific`]).
    const HONORIFIC: u64 = 1 << 61;
    /// The first word of a title, without a final period ("gen" of
    /// "gen.", "prime" of "prime minister"): no title phrase starts
    /// with any other word.
    const TITLE_START: u64 = 1 << 60;
    /// The first word of a cue form ("according" of "according to").
    const CUE_START: u64 = 1 << 59;
    const _FITS: () = assert!(Glue::ALL.len() < 59, "one bit per class below the others");

    const fn bit(class: Glue) -> u64 {
        1 << class as u64
    }

    /// Whether the word belongs to `class`.
    #[inline]
    pub fn has(self, class: Glue) -> bool {
        self.0 & Self::bit(class) != 0
    }

    /// Whether the word (any case) is a one-word cue form.
    #[inline]
    pub fn is_cue_word(self) -> bool {
        self.0 & Self::CUE != 0
    }

    /// Whether [`super::Lexicon::role`] knows the word.
    #[inline]
    pub fn is_role(self) -> bool {
        self.0 & Self::ROLE != 0
    }

    /// Whether [`super::Lexicon::honorific`] knows the word.
    #[inline]
    pub fn is_honorific(self) -> bool {
        self.0 & Self::HONORIFIC != 0
    }

    /// Whether a cue form starts with the word: a cue can start at no
    /// other token.
    #[inline]
    pub fn may_start_cue(self) -> bool {
        self.0 & Self::CUE_START != 0
    }

    /// Whether a title phrase may start with the word: when not, no
    /// phrase opened by it is a title.
    #[inline]
    pub fn may_start_title(self) -> bool {
        self.0 & Self::TITLE_START != 0
    }
}

/// The word lists a [`ClassTable`] is built from, lower-cased.
pub(super) struct ClassSources<'a, S> {
    /// One set per [`Glue`] class, indexed by the class.
    pub glue: &'a [S],
    /// One-word cue forms.
    pub cue_words: &'a S,
    /// Role nouns.
    pub roles: Vec<&'a str>,
    /// Honorifics, without their period.
    pub honorifics: Vec<&'a str>,
    /// Title phrases, words separated by single spaces.
    pub titles: Vec<&'a str>,
    /// Cue forms, words separated by single spaces.
    pub cue_forms: Vec<&'a str>,
}

/// Every word of the lexicon's closed classes, lower-cased, to its
/// [`WordClasses`].
#[derive(Debug)]
pub(super) struct ClassTable {
    /// Keyed by bytes, so that a word lower-cased into a stack buffer is
    /// looked up without a UTF-8 check.
    long: HashMap<Box<[u8]>, WordClasses>,
    /// The keys of `long` of at most 16 bytes, packed into a number
    /// (zero-padded: no word holds a zero byte), so that the look-up every
    /// token makes hashes two words and compares one number, with no
    /// `memcmp` (callgrind: 137 -> about 110 instructions a token).
    short: HashMap<u128, WordClasses>,
    /// Over every key.
    filter: KeyFilter,
}

impl ClassTable {
    /// The table of the word lists of `src`.
    pub(super) fn new<'a, S>(src: ClassSources<'a, S>) -> ClassTable
    where
        &'a S: IntoIterator<Item = &'a String>,
    {
        let mut long: HashMap<Box<[u8]>, WordClasses> = HashMap::default();
        let mut add = |w: &str, bit: u64| long.entry(w.as_bytes().into()).or_default().0 |= bit;
        for (g, set) in Glue::ALL.iter().zip(src.glue) {
            for w in set {
                add(w, WordClasses::bit(*g));
            }
        }
        for w in src.cue_words {
            add(w, WordClasses::CUE);
        }
        for w in &src.roles {
            add(w, WordClasses::ROLE);
        }
        for w in &src.honorifics {
            add(w, WordClasses::HONORIFIC);
        }
        for t in &src.titles {
            add(title_start(t), WordClasses::TITLE_START);
        }
        for f in &src.cue_forms {
            add(
                &f.split(' ').next().unwrap_or_default().to_lowercase(),
                WordClasses::CUE_START,
            );
        }
        let short = long
            .iter()
            .filter_map(|(k, &c)| Some((pack_short(k)?, c)))
            .collect();
        // Every key was a `&str`.
        let filter = KeyFilter::new(long.keys().filter_map(|k| std::str::from_utf8(k).ok()));
        ClassTable {
            long,
            short,
            filter,
        }
    }

    /// The classes of `word`, any case.
    pub(super) fn get(&self, word: &str) -> WordClasses {
        // Nearly every token is a short ASCII word: lower-case it into a
        // stack buffer in the same pass that checks it is ASCII (callgrind:
        // half the instructions of `with_lower`'s separate passes).
        let bytes = word.as_bytes();
        let mut buf = [0u8; 24];
        if bytes.len() <= buf.len() {
            let mut high = 0;
            for (d, &b) in buf.iter_mut().zip(bytes) {
                high |= b;
                *d = b.to_ascii_lowercase();
            }
            if high.is_ascii() {
                let lower = &buf[..bytes.len()];
                if !self.filter.may_hold(lower) {
                    return WordClasses::default();
                }
                // `buf` is zero-padded already. A zero byte in the text is
                // a token of its own and packs to 0, which no key does.
                let found = if lower.len() <= 16 {
                    let mut key = [0u8; 16];
                    key.copy_from_slice(&buf[..16]);
                    self.short.get(&u128::from_le_bytes(key))
                } else {
                    self.long.get(lower)
                };
                return found.copied().unwrap_or_default();
            }
        }
        if !self.filter.may_hold_lower(word, 0) {
            return WordClasses::default();
        }
        with_lower(word, |w| {
            self.long.get(w.as_bytes()).copied().unwrap_or_default()
        })
    }
}

/// `word` (at most 16 bytes, none of them zero) as a number, zero-padded.
fn pack_short(word: &[u8]) -> Option<u128> {
    if word.len() > 16 || word.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

/// The word a title phrase opens with, as the title scan reads it: up to
/// the first space, without a final period ("lt" of "lt. gen.").
fn title_start(title: &str) -> &str {
    let first = title.split(' ').next().unwrap_or(title);
    first.strip_suffix('.').unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::super::Lexicon;
    use super::*;

    #[test]
    fn packing_and_title_starts() {
        assert_eq!(pack_short(b"a"), Some(u128::from(b'a')));
        assert_eq!(pack_short(&[b'x'; 17]), None);
        assert_eq!(pack_short(b"a\0"), None);
        assert_eq!(title_start("lt. gen."), "lt");
        assert_eq!(title_start("prime minister"), "prime");
        assert_eq!(title_start("gen."), "gen");
    }

    #[test]
    fn word_classes_answer_as_the_look_ups_do() {
        let lex = Lexicon::english();
        let mut words: Vec<String> = lex
            .classes
            .long
            .keys()
            .map(|k| String::from_utf8_lossy(k).into_owned())
            .collect();
        words.extend(
            [
                "Said", "SAID", "Minister", "Mrs", "Gen", "Vold", "état", "", "%", "the",
            ]
            .map(String::from),
        );
        words.push("x".repeat(30));
        for w in &words {
            let c = lex.classes(w);
            for g in Glue::ALL {
                assert_eq!(c.has(g), lex.is(g, w), "{w:?} {g:?}");
            }
            assert_eq!(c.is_cue_word(), lex.is_cue_word(w), "{w:?}");
            assert_eq!(c.is_role(), lex.role(w).is_some(), "{w:?}");
            assert_eq!(c.is_honorific(), lex.honorific(w).is_some(), "{w:?}");
        }
        // Every title phrase opens with a word marked as a title start,
        // and a word that opens none is not marked.
        for t in lex.titles.keys() {
            assert!(lex.classes(title_start(t)).may_start_title(), "{t}");
        }
        assert!(lex.classes("Lt").may_start_title() || lex.title("lt.").is_none());
        assert!(!lex.classes("Vold").may_start_title());
        assert!(!lex.classes("Vold").is_role());
    }
}
