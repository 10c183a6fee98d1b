//! What element names and class names say about an element, read from the
//! data files: `data/html/boilerplate.txt` (never article text) and
//! `data/html/weights.txt` (how likely the element holds the article).

use aho_corasick::AhoCorasick;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The boilerplate rules, compiled into the binary.
const BOILERPLATE: &str = include_str!("../../data/html/boilerplate.txt");
/// The class weights, compiled into the binary.
const WEIGHTS: &str = include_str!("../../data/html/weights.txt");

/// Words that negate a class name ("no_caption", "hide-byline").
const NEGATIONS: &[&str] = &["no", "hide"];

/// The rules of one data file: (kind, value) pairs, comments and blank
/// lines skipped. The files are part of the source: a bad line is a bug.
fn lines<'a>(text: &'a str, file: &'static str) -> impl Iterator<Item = (&'a str, String)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(move |line| match line.split_once(':') {
            Some((kind, value)) => (kind.trim(), value.trim().to_ascii_lowercase()),
            None => panic!("{file}: bad rule `{line}`"),
        })
}

/// The parsed rules of `data/html/boilerplate.txt`.
#[derive(Debug, Default)]
pub struct Boilerplate {
    tags: Vec<String>,
    words: HashSet<String>,
    /// Rules with a `-`, matched against a whole class token.
    tokens: Vec<String>,
    /// Every word and token rule as a substring, case-blind: a value
    /// without any names no boilerplate, and most values have none.
    prefilter: Option<AhoCorasick>,
}

impl Boilerplate {
    /// Parses rules in the format of `data/html/boilerplate.txt`.
    pub fn parse(text: &str) -> Boilerplate {
        let mut rules = Boilerplate::default();
        for (kind, value) in lines(text, "data/html/boilerplate.txt") {
            match kind {
                "tag" => rules.tags.push(value),
                "word" if value.contains('-') => rules.tokens.push(value),
                "word" => {
                    rules.words.insert(value);
                }
                _ => panic!("data/html/boilerplate.txt: unknown rule kind `{kind}`"),
            }
        }
        let all = rules.words.iter().chain(&rules.tokens);
        rules.prefilter = Some(
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(all)
                .expect("data/html/boilerplate.txt: the words build an automaton"),
        );
        rules
    }

    /// The shipped rules.
    pub fn english() -> &'static Boilerplate {
        static ONCE: OnceLock<Boilerplate> = OnceLock::new();
        ONCE.get_or_init(|| Boilerplate::parse(BOILERPLATE))
    }

    /// Whether every element named `name` (lower case) is boilerplate.
    pub fn is_tag(&self, name: &str) -> bool {
        self.tags.iter().any(|t| t == name)
    }

    /// Whether a class or id value names boilerplate: one of its tokens
    /// has a rule's word and no negation.
    pub fn names_boilerplate(&self, value: &str) -> bool {
        if let Some(prefilter) = &self.prefilter {
            let bytes = value.as_bytes();
            // Where a word of `words` may start or end: at the ends, next
            // to punctuation, at a lower-to-upper case change, or next to
            // a non-ASCII character (left to the exact test).
            let edge = |before: usize, after: usize| {
                let (b, a) = (bytes[before], bytes[after]);
                !b.is_ascii()
                    || !a.is_ascii()
                    || !b.is_ascii_alphanumeric()
                    || !a.is_ascii_alphanumeric()
                    || ((b.is_ascii_lowercase() || b.is_ascii_digit()) && a.is_ascii_uppercase())
            };
            let whole = |m: aho_corasick::Match| {
                (m.start() == 0 || edge(m.start() - 1, m.start()))
                    && (m.end() == bytes.len() || edge(m.end() - 1, m.end()))
            };
            if !prefilter.find_overlapping_iter(value).any(whole) {
                return false;
            }
        }
        let lower = [0u8; 32];
        let has = |word: &str, list: &dyn Fn(&str) -> bool| {
            let bytes = word.as_bytes();
            if bytes.len() > lower.len() || !word.is_ascii() {
                return list(&word.to_lowercase());
            }
            let mut buf = lower;
            buf[..bytes.len()].copy_from_slice(bytes);
            buf[..bytes.len()].make_ascii_lowercase();
            // ASCII in, ASCII out.
            list(std::str::from_utf8(&buf[..bytes.len()]).unwrap_or_default())
        };
        value.split_ascii_whitespace().any(|token| {
            let negated = words(token).any(|w| NEGATIONS.iter().any(|n| n.eq_ignore_ascii_case(w)));
            !negated
                && (words(token).any(|w| has(w, &|l| self.words.contains(l)))
                    || self.tokens.iter().any(|t| token.eq_ignore_ascii_case(t)))
        })
    }
}

/// The words of a class token: split at `-`, `_`, other punctuation and
/// lower-to-upper case changes ("articleByline" → "article", "Byline").
pub fn words(token: &str) -> impl Iterator<Item = &str> {
    let mut rest = token;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if rest.is_empty() {
            return None;
        }
        let mut prev_lower = false;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if !c.is_alphanumeric() || (i > 0 && prev_lower && c.is_uppercase()) {
                end = i;
                break;
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

/// What the class and id values of an element say (`data/html/weights.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassSense {
    /// +25 per value with a positive word, −25 per value with a negative
    /// one.
    pub weight: i32,
    /// Unlikely to hold the article, and no `maybe` word.
    pub unlikely: bool,
    /// Names a byline.
    pub byline: bool,
}

/// The kinds of rule in `data/html/weights.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeightKind {
    Positive,
    Negative,
    Unlikely,
    Maybe,
    Byline,
}

/// The parsed rules of `data/html/weights.txt`: one automaton over all
/// words, so that a class value is read in one pass.
#[derive(Debug)]
pub struct Weights {
    automaton: AhoCorasick,
    kinds: Vec<WeightKind>,
}

impl Weights {
    /// Parses rules in the format of `data/html/weights.txt`.
    pub fn parse(text: &str) -> Weights {
        let mut words = Vec::new();
        let mut kinds = Vec::new();
        for (kind, value) in lines(text, "data/html/weights.txt") {
            kinds.push(match kind {
                "positive" => WeightKind::Positive,
                "negative" => WeightKind::Negative,
                "unlikely" => WeightKind::Unlikely,
                "maybe" => WeightKind::Maybe,
                "byline" => WeightKind::Byline,
                _ => panic!("data/html/weights.txt: unknown rule kind `{kind}`"),
            });
            words.push(value);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words)
            .expect("data/html/weights.txt: the words build an automaton");
        Weights { automaton, kinds }
    }

    /// The shipped rules.
    pub fn english() -> &'static Weights {
        static ONCE: OnceLock<Weights> = OnceLock::new();
        ONCE.get_or_init(|| Weights::parse(WEIGHTS))
    }

    /// What one `class` or `id` value says.
    pub fn value(&self, value: &str) -> ValueSense {
        let mut sense = ValueSense::default();
        for found in self.automaton.find_overlapping_iter(value) {
            match self.kinds[found.pattern().as_usize()] {
                WeightKind::Positive => sense.positive = true,
                WeightKind::Negative => sense.negative = true,
                WeightKind::Unlikely => sense.unlikely = true,
                WeightKind::Maybe => sense.maybe = true,
                WeightKind::Byline => sense.byline = true,
            }
        }
        sense
    }

    /// What an element's `class` and `id` values say.
    pub fn sense(&self, class: &str, id: &str) -> ClassSense {
        ClassSense::of(self.value(class), self.value(id))
    }
}

/// What one class or id value holds, by kind of rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValueSense {
    /// A `positive` word.
    pub positive: bool,
    /// A `negative` word.
    pub negative: bool,
    /// An `unlikely` word.
    pub unlikely: bool,
    /// A `maybe` word.
    pub maybe: bool,
    /// A `byline` word.
    pub byline: bool,
}

impl ClassSense {
    /// What an element says with these class and id values.
    pub fn of(class: ValueSense, id: ValueSense) -> ClassSense {
        let weight = |v: ValueSense| 25 * (i32::from(v.positive) - i32::from(v.negative));
        ClassSense {
            weight: weight(class) + weight(id),
            unlikely: (class.unlikely || id.unlikely) && !(class.maybe || id.maybe),
            byline: class.byline || id.byline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_at_punctuation_and_case_changes() {
        let split = |t| words(t).collect::<Vec<_>>();
        assert_eq!(split("photo-caption"), ["photo", "caption"]);
        assert_eq!(split("articleByline"), ["article", "Byline"]);
        assert_eq!(
            split("--buzz_superlist__item2-"),
            ["buzz", "superlist", "item2"]
        );
        assert_eq!(split("URLBox"), ["URLBox"]);
        assert_eq!(split("éCaption"), ["é", "Caption"]);
        assert!(split("--").is_empty());
    }

    #[test]
    fn boilerplate_matches_whole_words_without_negation() {
        let rules = Boilerplate::parse("word: caption\nword: ad\nword: more-stories\ntag: nav");
        assert!(rules.names_boilerplate("wrap photo-caption"));
        assert!(rules.names_boilerplate("AD"));
        assert!(rules.names_boilerplate("More-Stories"));
        assert!(!rules.names_boilerplate("no_caption image"));
        assert!(
            !rules.names_boilerplate("headline"),
            "ad is a word, not a substring"
        );
        assert!(!rules.names_boilerplate("captioned"));
        assert!(rules.is_tag("nav") && !rules.is_tag("div"));
    }

    #[test]
    fn the_shipped_rules_parse() {
        let rules = Boilerplate::english();
        assert!(rules.is_tag("figcaption"));
        assert!(rules.names_boilerplate("newsletter-box"));
        let weights = Weights::english();
        assert_eq!(weights.sense("", "").weight, 0);
    }

    #[test]
    fn class_and_id_weigh_separately() {
        let weights = Weights::parse(
            "positive: article\nnegative: comment\nunlikely: comment\nunlikely: menu\n\
             maybe: content\nbyline: author",
        );
        let sense = weights.sense("article-body", "comments");
        assert_eq!(sense.weight, 0);
        assert!(sense.unlikely);
        assert_eq!(weights.sense("ARTICLE", "article").weight, 50);
        assert!(!weights.sense("menu content", "").unlikely, "maybe cancels");
        assert!(weights.sense("", "post-author").byline);
        assert_eq!(weights.sense("plain", "").weight, 0);
    }
}
