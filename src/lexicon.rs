//! Language knowledge as data: cue verbs, titles, pronouns, boilerplate.
//!
//! Every word list lives in a plain text file under `data/<lang>/`, compiled
//! into the binary with `include_str!`. Adding a word, or a language, is a
//! data change.

/// The compiled word lists of one language.
#[derive(Debug)]
pub struct Lexicon {
    language: &'static str,
}

impl Lexicon {
    /// The English lexicon.
    pub fn english() -> Lexicon {
        Lexicon { language: "en" }
    }

    /// The ISO 639-1 code of this lexicon's language.
    pub fn language(&self) -> &'static str {
        self.language
    }
}
