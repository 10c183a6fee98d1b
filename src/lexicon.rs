//! Language knowledge as data: cue verbs, titles, pronouns, boilerplate.
//!
//! Every word list lives in a plain text file under `data/<lang>/` and is
//! compiled into the binary with `include_str!`; the formats are described
//! at the top of each file. Adding a word is a data change. Adding a
//! language is a new folder of files and one more constructor here.

mod classes;
mod filter;
mod glue;

use crate::event::Attribution;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
pub use classes::WordClasses;
use classes::{ClassSources, ClassTable};
use filter::KeyFilter;
pub use glue::Glue;

// Lexicon look-ups run for every token: a fast non-cryptographic hasher
// (the keys are our own data, not attacker-chosen).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The data files of one language, as text.
#[derive(Debug, Clone, Copy)]
pub struct LexiconSources {
    /// ISO 639-1 code.
    pub language: &'static str,
    /// `cues.txt`: reporting verbs and phrases.
    pub cues: &'static str,
    /// `titles.txt`: titles before names.
    pub titles: &'static str,
    /// `pronouns.txt`: speaker pronouns.
    pub pronouns: &'static str,
    /// `roles.txt`: lower-case speaker head nouns.
    pub roles: &'static str,
    /// `boilerplate.txt`: scraping junk line rules.
    pub boilerplate: &'static str,
    /// `abbreviations.txt`: words with a period that do not end a sentence.
    pub abbreviations: &'static str,
    /// `stopwords.txt`: capitalised words that are never names.
    pub stopwords: &'static str,
    /// `demonyms.txt`: irregular adjective ↔ place pairs.
    pub demonyms: &'static str,
    /// `orgwords.txt`: words that make a name an organisation.
    pub orgwords: &'static str,
    /// `glue.txt`: small closed word classes, by section.
    pub glue: &'static str,
    /// `given_names.txt`: given names of men and women, by section.
    pub given_names: &'static str,
    /// `honorifics.txt`: forms of address before a name, with a gender.
    pub honorifics: &'static str,
    /// `places.txt`: countries, regions and cities.
    pub places: &'static str,
}

impl LexiconSources {
    /// The English data files in `data/en/`.
    pub const ENGLISH: LexiconSources = LexiconSources {
        language: "en",
        cues: include_str!("../data/en/cues.txt"),
        titles: include_str!("../data/en/titles.txt"),
        pronouns: include_str!("../data/en/pronouns.txt"),
        roles: include_str!("../data/en/roles.txt"),
        boilerplate: include_str!("../data/en/boilerplate.txt"),
        abbreviations: include_str!("../data/en/abbreviations.txt"),
        stopwords: include_str!("../data/en/stopwords.txt"),
        demonyms: include_str!("../data/en/demonyms.txt"),
        orgwords: include_str!("../data/en/orgwords.txt"),
        glue: include_str!("../data/en/glue.txt"),
        given_names: include_str!("../data/en/given_names.txt"),
        honorifics: include_str!("../data/en/honorifics.txt"),
        places: include_str!("../data/en/places.txt"),
    };
}

/// A data file line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How a cue takes its content in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueFrame {
    /// A verb that reports a clause: "X said (that) …", "…, X said."
    Clause,
    /// A phrase with the source after it ("according to").
    Source,
    /// A verb whose object is the content ("endorsed Roe", "called for a
    /// recount").
    Object,
    /// A verb of appearance or expectation whose subject is the content,
    /// with no source ("the plan seems to falter", "the vote is expected
    /// to …"; after an expletive "it", the clause that follows: "it
    /// appears that …").
    Subject,
}

/// One surface form of a cue, as found by the cue matcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueForm {
    /// The form, lower-case ("said", "according to").
    pub form: String,
    /// Index of its lemma in [`Lexicon::lemma`].
    pub lemma: usize,
    /// How it takes its content.
    pub frame: CueFrame,
    /// The attribution class of what it reports.
    pub attribution: Attribution,
    /// Ends in "-ing": takes the subject of the main clause.
    pub participle: bool,
    /// Past form ("said", "told"): may be passive after "was".
    pub past: bool,
    /// May take the hearer as object ("told reporters").
    pub addressee: bool,
    /// Attributes direct quotes only, never a clause of its own.
    pub no_content: bool,
    /// Counts only at the end of a clause (", the report read.").
    pub tail_only: bool,
    /// A verb of asking: in the passive ("When asked whether …, Roe
    /// said") it reports the question, whose asker is unnamed.
    pub question: bool,
    /// Reports a commitment or intention with "to": "vowed to fight on".
    pub infinitive: bool,
    /// Also means showing up somewhere: before a word of
    /// [`Glue::Venues`] or a day ("appeared at the rally", "appeared
    /// Sunday") it attributes nothing.
    pub venue: bool,
    /// Prepositions that open its content right after it ("confessed to
    /// the kidnapping", "apologized for the delay").
    pub direct: Preps,
    /// Prepositions that open its content after an object ("urged Roe to
    /// resign", "accused Roe of lying", "described the plan as a hoax").
    pub after_object: Preps,
}

/// A small set of the prepositions that open a cue's complement: `to`,
/// `of`, `as`, `for`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Preps(u8);

impl Preps {
    /// The prepositions, in bit order.
    const WORDS: [&'static str; 4] = ["to", "of", "as", "for"];

    /// The set holding the preposition `word` (lower case), if it is one.
    fn of_word(word: &str) -> Option<Preps> {
        Preps::WORDS
            .iter()
            .position(|w| *w == word)
            .map(|i| Preps(1 << i))
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `word` (any case) is a preposition of the set.
    pub fn contains(self, word: &str) -> bool {
        Preps::WORDS
            .iter()
            .enumerate()
            .any(|(i, w)| self.0 & (1 << i) != 0 && word.eq_ignore_ascii_case(w))
    }
}

impl CueForm {
    /// A verb of saying that reports a clause ("said", "told").
    pub fn is_speech_verb(&self) -> bool {
        self.frame == CueFrame::Clause && self.attribution == Attribution::Speech
    }

    /// A verb of belief, stance or evidence that reports a clause
    /// ("thinks", "shows"): the clause must follow, with a subject of its
    /// own, and counts with a lower confidence.
    pub fn is_belief_verb(&self) -> bool {
        self.frame == CueFrame::Clause && self.attribution != Attribution::Speech
    }
}

/// A title that can stand before a name or head a role description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Canonical form ("Prime Minister" for "PM").
    pub canonical: String,
    /// Number of words in the written form.
    pub words: usize,
    /// A military or police rank rather than a position.
    pub rank: bool,
}

/// A speaker pronoun and what it can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    /// Refers to a person (he, she, I) rather than a group or organisation.
    pub person: bool,
    /// Gender for agreement: `Some('m')`, `Some('f')`, or `None`.
    pub gender: Option<char>,
    /// Refers to a group of people (they, we).
    pub group: bool,
}

/// What a lower-case speaker head noun stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Entity kind: `person`, `group` or `organization`.
    pub kind: RoleKind,
    /// The title it corresponds to ("senator" → "Senator"), if any.
    pub title: Option<String>,
    /// Whether the noun can be a speaker's title ("goalkeeper", "editor"),
    /// not only a description ("the man", "his wife").
    pub titled: bool,
}

/// A form of address before a name ("Mrs.", "Sir"): never a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Honorific {
    /// The gender it marks: `Some('m')`, `Some('f')` or `None`.
    pub gender: Option<char>,
}

/// The entity kind a role noun denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// One person ("the senator").
    Person,
    /// Several people ("officials").
    Group,
    /// An institution ("the ministry").
    Organization,
    /// A text or a finding ("the report", "the study"): it speaks for its
    /// author.
    Document,
}

/// How a boilerplate rule matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerplateMatch {
    /// The whole trimmed line.
    Exact,
    /// The start of the trimmed line.
    Prefix,
    /// Anywhere in the line.
    Contains,
    /// The start of the line; the next non-empty line is skipped too.
    Heading,
}

/// One boilerplate rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoilerplateRule {
    /// How it matches.
    pub how: BoilerplateMatch,
    /// The text, compared case-insensitively (ASCII).
    pub text: String,
}

/// The compiled word lists of one language.
#[derive(Debug)]
pub struct Lexicon {
    language: &'static str,
    cue_matcher: AhoCorasick,
    cue_forms: Vec<CueForm>,
    lemmas: Vec<String>,
    titles: HashMap<String, Title>,
    max_title_words: usize,
    pronouns: HashMap<String, Pronoun>,
    roles: HashMap<String, Role>,
    boilerplate: Vec<BoilerplateRule>,
    /// For each first byte (ASCII lower case), the whole-line and prefix
    /// rules whose text starts with it, as indexes into `boilerplate`, in
    /// file order (a rule with an empty text is in every list).
    line_rules: Vec<Vec<usize>>,
    boilerplate_contains: AhoCorasick,
    abbreviations: HashSet<String>,
    stopwords: HashSet<String>,
    demonyms: Vec<(String, String)>,
    honorifics: HashMap<String, Honorific>,
    /// Places, lower-cased.
    places: HashSet<String>,
    /// Place names as written, countries first, for demonym look-ups.
    place_names: Vec<String>,
    /// One-word places by their first four letters (lower case), so that
    /// a demonym is compared with a few places, not all.
    place_stems: HashMap<[u8; 4], Vec<usize>>,
    /// Irregular demonyms, lower-cased, to their index in `demonyms`.
    demonym_index: HashMap<String, usize>,
    orgwords: HashSet<String>,
    /// The word-class table every token is looked up in once.
    classes: ClassTable,
    /// Pre-checks in front of the sets above (see `filter.rs`).
    filters: Filters,
}

/// One [`KeyFilter`] per word set of a [`Lexicon`].
#[derive(Debug)]
struct Filters {
    titles: KeyFilter,
    pronouns: KeyFilter,
    roles: KeyFilter,
    abbreviations: KeyFilter,
    stopwords: KeyFilter,
    honorifics: KeyFilter,
    places: KeyFilter,
    demonyms: KeyFilter,
    orgwords: KeyFilter,
    glue: Vec<KeyFilter>,
    cue_words: KeyFilter,
}

/// `word` with its first letter upper-cased: "watch" → "Watch".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Lines of a data file without comments and blanks, with 1-based numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

/// A short phrase built word by word on the stack, lower-cased, for
/// multi-word lexicon look-ups without heap allocation.
#[derive(Clone, Copy)]
pub struct Phrase {
    buf: [u8; 64],
    len: usize,
}

impl Default for Phrase {
    fn default() -> Self {
        Phrase {
            buf: [0; 64],
            len: 0,
        }
    }
}

impl Phrase {
    /// Appends `s` lower-cased; `false` (and no change) when it does not
    /// fit or is not ASCII (no lexicon phrase is either).
    pub fn push(&mut self, s: &str) -> bool {
        let b = s.as_bytes();
        if !b.is_ascii() || self.len + b.len() > self.buf.len() {
            return false;
        }
        for (d, c) in self.buf[self.len..].iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        self.len += b.len();
        true
    }

    /// The phrase so far.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever pushed.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Calls `f` with `word` lower-cased, without allocating.
///
/// Most look-up words are ASCII and many are lower case already: those are
/// passed as they are. Other ASCII words are lower-cased into a buffer
/// kept per thread (a `String`, so no UTF-8 validation is needed, unlike a
/// stack buffer turned into a `str`: that validation alone was 3.5 % of the
/// instructions of `quotewire extract`, callgrind). Only non-ASCII words,
/// or a call nested inside `f`, allocate.
#[inline]
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return f(&word.to_lowercase());
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    LOWER.with(|buf| match buf.try_borrow_mut() {
        Ok(mut lower) => {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            f(&lower)
        }
        Err(_) => f(&word.to_ascii_lowercase()),
    })
}

impl Lexicon {
    /// The English lexicon.
    pub fn english() -> Lexicon {
        // The English data ships with the crate and is checked by a unit
        // test, so a failure here is a build defect, not an input error.
        Lexicon::from_sources(&LexiconSources::ENGLISH).expect("the English lexicon data is valid")
    }

    /// Builds a lexicon from its data files.
    pub fn from_sources(src: &LexiconSources) -> Result<Lexicon, LexiconError> {
        let (cue_forms, lemmas) = parse_cues(src.cues)?;
        let cue_matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(cue_forms.iter().map(|c| c.form.as_str()))
            .map_err(|e| err("cues.txt", 0, format!("cannot build the cue matcher: {e}")))?;

        let mut titles = HashMap::default();
        let mut max_title_words = 1;
        for (n, line) in data_lines(src.titles) {
            let (line, rank) = match line.split_once('|') {
                Some((l, "rank")) | Some((l, " rank")) => (l.trim(), true),
                Some(_) => return Err(err("titles.txt", n, "expected `| rank`".into())),
                None => (line, false),
            };
            let (written, canonical) = match line.split_once('=') {
                Some((w, c)) => (w.trim(), c.trim()),
                None => (line, line),
            };
            if written.is_empty() || canonical.is_empty() {
                return Err(err("titles.txt", n, "empty title".into()));
            }
            let words = written.split_whitespace().count();
            max_title_words = max_title_words.max(words);
            titles.insert(
                normalize_phrase(written),
                Title {
                    canonical: canonical.to_string(),
                    words,
                    rank,
                },
            );
        }

        let mut pronouns = HashMap::default();
        for (n, line) in data_lines(src.pronouns) {
            let f = fields(line);
            if f.len() != 2 {
                return Err(err("pronouns.txt", n, "expected `pronoun | kind`".into()));
            }
            let mut kind = f[1].split_whitespace();
            let p = match (kind.next(), kind.next()) {
                (Some("person"), g) => Pronoun {
                    person: true,
                    gender: g
                        .and_then(|g| g.chars().next())
                        .filter(|&c| c == 'm' || c == 'f'),
                    group: false,
                },
                (Some("group"), _) => Pronoun {
                    person: false,
                    gender: None,
                    group: true,
                },
                (Some("organization"), _) => Pronoun {
                    person: false,
                    gender: None,
                    group: false,
                },
                _ => return Err(err("pronouns.txt", n, format!("unknown kind `{}`", f[1]))),
            };
            pronouns.insert(f[0].to_lowercase(), p);
        }

        let mut roles = HashMap::default();
        for (n, line) in data_lines(src.roles) {
            let f = fields(line);
            if f.len() < 2 {
                return Err(err(
                    "roles.txt",
                    n,
                    "expected `noun | kind [| title]`".into(),
                ));
            }
            let kind = match f[1] {
                "person" => RoleKind::Person,
                "group" => RoleKind::Group,
                "organization" => RoleKind::Organization,
                "document" => RoleKind::Document,
                other => return Err(err("roles.txt", n, format!("unknown kind `{other}`"))),
            };
            let third = f.get(2).copied().unwrap_or("");
            let titled = third != "-" && kind == RoleKind::Person;
            let title = (!third.is_empty() && third != "-").then(|| third.to_string());
            roles.insert(
                f[0].to_lowercase(),
                Role {
                    kind,
                    title,
                    titled,
                },
            );
        }

        let mut boilerplate = Vec::new();
        for (n, line) in data_lines(src.boilerplate) {
            let (how, text) = line
                .split_once(':')
                .ok_or_else(|| err("boilerplate.txt", n, "expected `rule: text`".into()))?;
            let how = match how.trim() {
                "exact" => BoilerplateMatch::Exact,
                "prefix" => BoilerplateMatch::Prefix,
                "contains" => BoilerplateMatch::Contains,
                "heading" => BoilerplateMatch::Heading,
                other => return Err(err("boilerplate.txt", n, format!("unknown rule `{other}`"))),
            };
            let text = text.trim();
            if text.is_empty() {
                return Err(err("boilerplate.txt", n, "empty pattern".into()));
            }
            boilerplate.push(BoilerplateRule {
                how,
                text: text.to_string(),
            });
        }
        let mut line_rules = vec![Vec::new(); 256];
        for (i, r) in boilerplate.iter().enumerate() {
            if r.how == BoilerplateMatch::Contains {
                continue;
            }
            match r.text.as_bytes().first() {
                Some(&b) => line_rules[usize::from(b.to_ascii_lowercase())].push(i),
                None => line_rules.iter_mut().for_each(|l| l.push(i)),
            }
        }
        let boilerplate_contains = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(
                boilerplate
                    .iter()
                    .filter(|r| r.how == BoilerplateMatch::Contains)
                    .map(|r| r.text.as_str()),
            )
            .map_err(|e| err("boilerplate.txt", 0, e.to_string()))?;

        let words = |text: &str| -> HashSet<String> {
            data_lines(text)
                .flat_map(|(_, l)| l.split_whitespace())
                .map(str::to_string)
                .collect()
        };
        let abbreviations = words(src.abbreviations);
        let stopwords = words(src.stopwords);
        let orgwords = words(src.orgwords);

        let mut demonyms = Vec::new();
        for (n, line) in data_lines(src.demonyms) {
            let f = fields(line);
            if f.len() != 2 {
                return Err(err(
                    "demonyms.txt",
                    n,
                    "expected `adjective | place`".into(),
                ));
            }
            demonyms.push((f[0].to_string(), f[1].to_string()));
        }

        let mut honorifics = HashMap::default();
        for (n, line) in data_lines(src.honorifics) {
            let f = fields(line);
            let gender = match f.as_slice() {
                [_, "m"] => Some('m'),
                [_, "f"] => Some('f'),
                [_, "-"] => None,
                _ => {
                    return Err(err(
                        "honorifics.txt",
                        n,
                        "expected `form | m, f or -`".into(),
                    ))
                }
            };
            honorifics.insert(f[0].to_lowercase(), Honorific { gender });
        }

        let mut places = HashSet::default();
        let mut place_names = Vec::new();
        let mut place_stems: HashMap<[u8; 4], Vec<usize>> = HashMap::default();
        for (_, line) in data_lines(src.places) {
            if line.starts_with('[') {
                continue;
            }
            places.insert(normalize_phrase(line));
            if let Some(key) = stem_key(line).filter(|_| !line.contains(' ')) {
                place_stems.entry(key).or_default().push(place_names.len());
            }
            place_names.push(line.to_string());
        }
        let demonym_index: HashMap<String, usize> = demonyms
            .iter()
            .enumerate()
            .map(|(i, (a, _))| (a.to_lowercase(), i))
            .collect();

        let mut sections: HashMap<(&'static str, String), HashSet<String>> = HashMap::default();
        for (file, text) in [("glue.txt", src.glue), ("given_names.txt", src.given_names)] {
            let mut section: Option<String> = None;
            for (n, line) in data_lines(text) {
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    section = Some(name.to_string());
                    sections.entry((file, name.to_string())).or_default();
                    continue;
                }
                let name = section
                    .as_ref()
                    .ok_or_else(|| err(file, n, "words before the first [section]".into()))?;
                let set = sections.entry((file, name.clone())).or_default();
                set.extend(line.split_whitespace().map(str::to_lowercase));
            }
        }
        let mut glue = Vec::with_capacity(Glue::ALL.len());
        for g in Glue::ALL {
            debug_assert_eq!(g as usize, glue.len());
            match sections.remove(&(g.file(), g.section().to_string())) {
                Some(set) => glue.push(set),
                None => {
                    return Err(err(
                        g.file(),
                        0,
                        format!("missing section [{}]", g.section()),
                    ))
                }
            }
        }

        // A name ender is a stopword wherever it is capitalised ("Watch:
        // …"); only the segmenter lets one end a name ("Human Rights
        // Watch").
        let mut stopwords = stopwords;
        stopwords.extend(
            glue[Glue::NameEnders as usize]
                .iter()
                .map(|w| capitalised(w)),
        );

        let cue_words: HashSet<String> = cue_forms
            .iter()
            .filter(|c| !c.form.contains(' '))
            .map(|c| c.form.clone())
            .collect();
        let classes = ClassTable::new(ClassSources {
            glue: &glue,
            cue_words: &cue_words,
            roles: roles.keys().map(String::as_str).collect(),
            honorifics: honorifics.keys().map(String::as_str).collect(),
            titles: titles.keys().map(String::as_str).collect(),
            cue_forms: cue_forms.iter().map(|c| c.form.as_str()).collect(),
        });
        let keys = |set: &HashSet<String>| KeyFilter::new(set.iter().map(String::as_str));
        let filters = Filters {
            titles: KeyFilter::new(titles.keys().map(String::as_str)),
            pronouns: KeyFilter::new(pronouns.keys().map(String::as_str)),
            roles: KeyFilter::new(roles.keys().map(String::as_str)),
            abbreviations: keys(&abbreviations),
            stopwords: keys(&stopwords),
            honorifics: KeyFilter::new(honorifics.keys().map(String::as_str)),
            places: keys(&places),
            demonyms: KeyFilter::new(demonym_index.keys().map(String::as_str)),
            orgwords: keys(&orgwords),
            glue: glue.iter().map(keys).collect(),
            cue_words: keys(&cue_words),
        };
        Ok(Lexicon {
            filters,
            classes,
            language: src.language,
            cue_matcher,
            cue_forms,
            lemmas,
            titles,
            max_title_words,
            pronouns,
            roles,
            boilerplate,
            boilerplate_contains,
            line_rules,
            abbreviations,
            stopwords,
            demonyms,
            honorifics,
            places,
            place_names,
            place_stems,
            demonym_index,
            orgwords,
        })
    }

    /// The ISO 639-1 code of this lexicon's language.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The matcher over all cue forms (ASCII case-insensitive, leftmost
    /// longest, anchored searches only: a cue starts at a token); pattern
    /// ids index [`Lexicon::cue_form`].
    pub fn cue_matcher(&self) -> &AhoCorasick {
        &self.cue_matcher
    }

    /// The cue form of a matcher pattern id.
    pub fn cue_form(&self, pattern: usize) -> &CueForm {
        &self.cue_forms[pattern]
    }

    /// The lemma of a cue form ("say" for "said").
    pub fn lemma(&self, index: usize) -> &str {
        &self.lemmas[index]
    }

    /// The longest title, in words.
    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// Looks up a title phrase (words separated by single spaces).
    pub fn title(&self, phrase: &str) -> Option<&Title> {
        if !self.filters.titles.may_hold_lower(phrase, 0) {
            return None;
        }
        with_lower(phrase, |p| self.titles.get(p))
    }

    /// Looks up a title phrase already lower-cased.
    pub fn title_lower(&self, phrase: &Phrase) -> Option<&Title> {
        if !self.filters.titles.may_hold(&phrase.buf[..phrase.len]) {
            return None;
        }
        self.titles.get(phrase.as_str())
    }

    /// Whether `word` followed by a period is a title ("Gen" → "Gen.").
    pub fn is_dotted_title(&self, word: &str) -> bool {
        let mut p = Phrase::default();
        p.push(word) && p.push(".") && self.title_lower(&p).is_some()
    }

    /// Looks up a speaker pronoun.
    pub fn pronoun(&self, word: &str) -> Option<&Pronoun> {
        if !self.filters.pronouns.may_hold_lower(word, 0) {
            return None;
        }
        with_lower(word, |w| self.pronouns.get(w))
    }

    /// Looks up a lower-case speaker head noun.
    pub fn role(&self, word: &str) -> Option<&Role> {
        if !self.filters.roles.may_hold_lower(word, 0) {
            return None;
        }
        with_lower(word, |w| self.roles.get(w))
    }

    /// The boilerplate rules, in file order.
    pub fn boilerplate(&self) -> &[BoilerplateRule] {
        &self.boilerplate
    }

    /// The whole-line and prefix rules that may match a line starting with
    /// the byte `first` (any ASCII case), in file order.
    pub fn line_rules(&self, first: u8) -> impl Iterator<Item = &BoilerplateRule> {
        self.line_rules[usize::from(first.to_ascii_lowercase())]
            .iter()
            .map(|&i| &self.boilerplate[i])
    }

    /// Whether a line contains a `contains:` boilerplate pattern.
    pub fn boilerplate_contains(&self, line: &str) -> bool {
        self.boilerplate_contains.is_match(line)
    }

    /// Whether `word` (without its period) is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.filters.abbreviations.may_hold(word.as_bytes()) && self.abbreviations.contains(word)
    }

    /// Whether a capitalised `word` is never part of a name.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.filters.stopwords.may_hold(word.as_bytes()) && self.stopwords.contains(word)
    }

    /// Whether `word` (any case) is a one-word cue form ("said", "Recalling").
    pub fn is_cue_word(&self, word: &str) -> bool {
        self.filters.cue_words.may_hold_lower(word, 0) && self.classes(word).is_cue_word()
    }

    /// Whether `word` marks an organisation name.
    pub fn is_orgword(&self, word: &str) -> bool {
        self.filters.orgwords.may_hold(word.as_bytes()) && self.orgwords.contains(word)
    }

    /// Whether `word` belongs to a closed class of `glue.txt`.
    pub fn is(&self, class: Glue, word: &str) -> bool {
        self.filters
            .glue
            .get(class as usize)
            .is_some_and(|f| f.may_hold_lower(word, 0))
            && self.classes(word).has(class)
    }

    /// Every class of `word` (any case) at once: what the segmenter stores
    /// on each token, so that later stages test a bit instead of hashing
    /// the word again for each question.
    pub fn classes(&self, word: &str) -> WordClasses {
        self.classes.get(word)
    }

    /// The place of an irregular demonym ("French" → "France").
    pub fn demonym_place(&self, adjective: &str) -> Option<&str> {
        if !self.filters.demonyms.may_hold_lower(adjective, 0) {
            return None;
        }
        with_lower(adjective, |a| self.demonym_index.get(a).copied())
            .map(|i| self.demonyms[i].1.as_str())
    }

    /// The honorific `word` (without its period): "Mr", "Dame".
    pub fn honorific(&self, word: &str) -> Option<Honorific> {
        if !self.filters.honorifics.may_hold_lower(word, 0) {
            return None;
        }
        with_lower(word, |w| self.honorifics.get(w).copied())
    }

    /// Whether `phrase` (words separated by single spaces) is a place.
    pub fn is_place(&self, phrase: &str) -> bool {
        // A place is `phrase` or, for "U.S", `phrase` and a period.
        if !self.filters.places.may_hold_lower(phrase, 0)
            && !self.filters.places.may_hold_lower(phrase, 1)
        {
            return false;
        }
        with_lower(phrase, |p| {
            self.places.contains(p)
                // "U.S" before a sentence's full stop is "U.S.".
                || (p.contains('.') && !p.ends_with('.') && self.places.contains(&format!("{p}.")))
        })
    }

    /// The place an adjective names ("Ukrainian" → "Ukraine", "French" →
    /// "France"): listed in `demonyms.txt`, or a place of `places.txt`
    /// sharing its stem when the word has an adjective's ending. A word
    /// that is itself a place ("Indiana") names no other.
    pub fn place_of_adjective(&self, adjective: &str) -> Option<&str> {
        if let Some(p) = self.demonym_place(adjective) {
            return Some(p);
        }
        let bytes = adjective.as_bytes();
        let adjective_ending = ["an", "ian", "ean", "ese", "ish", "i", "ic", "er"]
            .iter()
            .any(|s| {
                bytes.len() > s.len()
                    && bytes[bytes.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
            });
        if !adjective_ending || self.is_place(adjective) {
            return None;
        }
        let candidates = self.place_stems.get(&stem_key(adjective)?)?;
        candidates
            .iter()
            .map(|&i| self.place_names[i].as_str())
            .find(|p| self.demonym_matches(adjective, p))
    }

    /// Whether `adjective` names `place`: listed in `demonyms.txt`, or a
    /// regular pair sharing a stem of five letters or more
    /// ("Estonian"/"Estonia").
    pub fn demonym_matches(&self, adjective: &str, place: &str) -> bool {
        if self
            .demonym_place(adjective)
            .is_some_and(|p| p.eq_ignore_ascii_case(place))
        {
            return true;
        }
        let common = adjective
            .chars()
            .zip(place.chars())
            .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
            .count();
        common >= 5 || (common >= 4 && common + 2 >= place.chars().count())
    }
}

/// The first four letters of `word`, lower-cased, when they are ASCII.
fn stem_key(word: &str) -> Option<[u8; 4]> {
    let b = word.as_bytes();
    (b.len() >= 4 && b[..4].is_ascii()).then(|| {
        let mut k = [0u8; 4];
        for (d, s) in k.iter_mut().zip(&b[..4]) {
            *d = s.to_ascii_lowercase();
        }
        k
    })
}

fn normalize_phrase(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn err(file: &'static str, line: usize, message: String) -> LexiconError {
    LexiconError {
        file,
        line,
        message,
    }
}

fn parse_cues(text: &str) -> Result<(Vec<CueForm>, Vec<String>), LexiconError> {
    let mut forms: Vec<CueForm> = Vec::new();
    let mut lemmas: Vec<String> = Vec::new();
    let mut seen = HashSet::default();
    for (n, line) in data_lines(text) {
        let f = fields(line);
        if f.len() < 3 {
            return Err(err(
                "cues.txt",
                n,
                "expected `class | lemma | forms [| flags]`".into(),
            ));
        }
        let attribution = Attribution::from_name(f[0])
            .ok_or_else(|| err("cues.txt", n, format!("unknown class `{}`", f[0])))?;
        let flags: Vec<&str> = f
            .get(3)
            .map(|s| s.split_whitespace().collect())
            .unwrap_or_default();
        let (mut direct, mut after_object) = (Preps::default(), Preps::default());
        for flag in &flags {
            let prep = |p: Option<&str>| p.and_then(Preps::of_word);
            if let Some(p) = prep(flag.strip_prefix("pp-")) {
                direct.0 |= p.0;
            } else if let Some(p) = prep(flag.strip_prefix("np-")) {
                after_object.0 |= p.0;
            } else if !matches!(
                *flag,
                "source"
                    | "object"
                    | "subject"
                    | "addressee"
                    | "nocontent"
                    | "tail"
                    | "question"
                    | "infinitive"
                    | "venue"
            ) {
                return Err(err("cues.txt", n, format!("unknown flag `{flag}`")));
            }
        }
        let frames = ["source", "object", "subject"].map(|f| flags.contains(&f));
        let frame = match frames {
            [false, false, false] => CueFrame::Clause,
            [true, false, false] => CueFrame::Source,
            [false, true, false] => CueFrame::Object,
            [false, false, true] => CueFrame::Subject,
            _ => {
                return Err(err(
                    "cues.txt",
                    n,
                    "a cue is one of `source`, `object` or `subject`, not several".into(),
                ))
            }
        };
        let lemma = match lemmas.iter().position(|l| l == f[1]) {
            Some(i) => i,
            None => {
                lemmas.push(f[1].to_string());
                lemmas.len() - 1
            }
        };
        for form in f[2].split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let form = normalize_phrase(form);
            // The first line listing a form wins (speech before belief).
            if !seen.insert(form.clone()) {
                continue;
            }
            let last = form.split(' ').next_back().unwrap_or(&form).to_string();
            let first = form.split(' ').next().unwrap_or(&form).to_string();
            forms.push(CueForm {
                participle: first.ends_with("ing") || last == "saying",
                past: first.ends_with("ed")
                    || matches!(
                        first.as_str(),
                        "said" | "told" | "wrote" | "thought" | "knew" | "felt" | "found" | "shown"
                    ),
                form,
                lemma,
                frame,
                attribution,
                addressee: flags.contains(&"addressee"),
                no_content: flags.contains(&"nocontent"),
                tail_only: flags.contains(&"tail"),
                question: flags.contains(&"question"),
                infinitive: flags.contains(&"infinitive"),
                venue: flags.contains(&"venue"),
                direct,
                after_object,
            });
        }
    }
    if forms.is_empty() {
        return Err(err("cues.txt", 0, "no cues".into()));
    }
    Ok((forms, lemmas))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_data_parses() {
        let lex = Lexicon::from_sources(&LexiconSources::ENGLISH).unwrap();
        assert_eq!(lex.language(), "en");
        assert!(lex.title("Prime Minister").is_some());
        assert_eq!(lex.title("pm").unwrap().canonical, "Prime Minister");
        assert_eq!(lex.title("Gen.").unwrap().canonical, "General");
        assert!(lex.pronoun("She").unwrap().person);
        assert_eq!(lex.role("officials").unwrap().kind, RoleKind::Group);
        assert!(lex.is_abbreviation("Sept"));
        assert!(lex.is(Glue::Determiners, "The"));
        assert_eq!(lex.honorific("Mrs").unwrap().gender, Some('f'));
        assert_eq!(lex.honorific("dr").unwrap().gender, None);
        assert!(lex.title("Mr.").is_none());
        assert_eq!(lex.place_of_adjective("Ukrainian"), Some("Ukraine"));
        assert_eq!(lex.place_of_adjective("French"), Some("France"));
        assert_eq!(lex.place_of_adjective("Indiana"), None);
        assert_eq!(lex.place_of_adjective("Francis"), None);
        assert!(lex.is_place("new york"));
    }

    #[test]
    fn cue_forms_carry_their_grammar() {
        let lex = Lexicon::english();
        let find = |form: &str| {
            (0..lex.cue_forms.len())
                .map(|i| lex.cue_form(i))
                .find(|c| c.form == form)
                .unwrap_or_else(|| panic!("no cue {form}"))
                .clone()
        };
        let saying = find("saying");
        assert!(saying.participle);
        assert_eq!(lex.lemma(saying.lemma), "say");
        assert!(find("told").addressee);
        assert!(find("told").past);
        assert_eq!(find("according to").frame, CueFrame::Source);
        assert!(find("said").is_speech_verb());
        assert!(find("thinks").is_belief_verb());
        assert_eq!(find("thinks").attribution, Attribution::Belief);
        assert_eq!(find("shows").attribution, Attribution::Evidence);
        assert_eq!(
            (find("endorsed").frame, find("endorsed").attribution),
            (CueFrame::Object, Attribution::Stance)
        );
        assert_eq!(find("called for").attribution, Attribution::Speech);
        assert!(find("urged").after_object.contains("to"));
        assert!(find("accused").after_object.contains("OF"));
        assert!(!find("accused").after_object.contains("as"));
        assert!(find("confessed").direct.contains("to"));
        assert!(find("said").direct.is_empty() && find("said").after_object.is_empty());
        assert!(find("read").tail_only);
        assert!(find("appeared").venue && !find("seemed").venue);
    }

    #[test]
    fn bad_data_is_a_clear_error() {
        let mut src = LexiconSources::ENGLISH;
        src.cues = "speech | say\n";
        let e = Lexicon::from_sources(&src).unwrap_err();
        assert_eq!((e.file, e.line), ("cues.txt", 1));
        src.cues = "shout | say | said | loud\n";
        assert!(Lexicon::from_sources(&src)
            .unwrap_err()
            .message
            .contains("unknown class"));
        src.cues = "speech | say | said | loud\n";
        assert!(Lexicon::from_sources(&src)
            .unwrap_err()
            .message
            .contains("unknown flag"));
        src.cues = "speech | urge | urged | np-into\n";
        assert!(Lexicon::from_sources(&src)
            .unwrap_err()
            .message
            .contains("unknown flag"));
        src.cues = "speech | cite | cites | source object\n";
        assert!(Lexicon::from_sources(&src)
            .unwrap_err()
            .message
            .contains("not several"));
        let mut src = LexiconSources::ENGLISH;
        src.glue = "[determiners]\nthe\n";
        assert!(Lexicon::from_sources(&src)
            .unwrap_err()
            .message
            .contains("missing section"));
    }

    #[test]
    fn demonyms_match_regular_stems_and_the_table() {
        let lex = Lexicon::english();
        assert!(lex.demonym_matches("Estonian", "Estonia"));
        assert!(lex.demonym_matches("Ukrainian", "Ukraine"));
        assert!(lex.demonym_matches("French", "France"));
        assert!(!lex.demonym_matches("French", "Germany"));
        assert_eq!(lex.demonym_place("German"), Some("Germany"));
    }

    #[test]
    fn lowercasing_helper_handles_long_and_unicode_words() {
        assert!(with_lower("SAID", |w| w == "said"));
        assert!(with_lower("ÉTAT", |w| w == "état"));
        let long = "A".repeat(60);
        assert!(with_lower(&long, |w| w == "a".repeat(60)));
        assert!(with_lower("said", |w| w == "said"));
        // A nested call cannot share the per-thread buffer, and need not.
        assert!(with_lower("Ab", |a| with_lower("CD", |c| a == "ab" && c == "cd")));
    }
}
