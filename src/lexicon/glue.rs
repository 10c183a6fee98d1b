//! The closed word classes of `glue.txt` (and the given names of
//! `given_names.txt`): one variant per section, looked up with
//! [`super::Lexicon::is`].

/// A closed word class of `glue.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glue {
    /// Determiners that make a cue form a noun.
    Determiners,
    /// Words between a speaker and the cue.
    BetweenSubjectAndVerb,
    /// Words that make a past cue passive.
    Passive,
    /// Forms of "be" that make a participle cue finite ("is urging").
    Progressive,
    /// Quantifiers that may float after a subject ("they all said").
    FloatingQuantifiers,
    /// Verbs whose object speaks a participle cue ("quoted Roe as saying").
    Quoting,
    /// Hearers after an addressee verb.
    Addressees,
    /// Lower-case particles inside names.
    Particles,
    /// Words between a cue and its content.
    Adverbials,
    /// Words a clause after a cue does not start with.
    ContentStops,
    /// Relative pronouns.
    Relative,
    /// Titles of men ("King").
    MaleMarkers,
    /// Titles of women ("Queen").
    FemaleMarkers,
    /// Words that end the object of a stance verb.
    ObjectStops,
    /// Words after a comma that end a reported clause.
    ContentBreaks,
    /// Days and months: capitalised, but no sentence opener.
    Calendar,
    /// Name suffixes that are not part of the surname ("Jr.", "III").
    NameSuffixes,
    /// Words that open a short lower-case speaker phrase ("some voters").
    Quantifiers,
    /// Pronouns of a man, any case.
    MalePronouns,
    /// Pronouns of a woman, any case.
    FemalePronouns,
    /// Given names of men (`given_names.txt`).
    MaleNames,
    /// Given names of women (`given_names.txt`).
    FemaleNames,
    /// Finite verbs and auxiliaries that make words a clause.
    FiniteVerbs,
    /// Nouns whose object states what was communicated ("the possibility
    /// of …").
    ContentNouns,
    /// Words before a cue that negate it ("did not say").
    Negations,
    /// Words before a cue that make it hypothetical ("would tell").
    Hypotheticals,
    /// Verbs that, before "to", keep the cue from being said ("declined
    /// to say").
    Refusals,
    /// First-person pronouns: outside quote marks, the writer.
    FirstPerson,
    /// Words of a poll's share of respondents ("51 percent say").
    PollShares,
    /// Conjunctions that open a subordinate clause ("once", "when").
    Subordinators,
    /// Words that open a reported question ("whether", "what").
    Questions,
    /// Words of photo credits and captions ("Photo", "Getty").
    Credits,
    /// Holidays: capitalised, never a person ("Christmas").
    Holidays,
    /// Nouns of someone speaking for an organisation ("spokesman").
    Spokespeople,
    /// Nouns that refer back to any organisation ("the company").
    OrganisationAnaphors,
    /// A person's entourage, speaking for the person ("his aides").
    Entourage,
    /// Verbs of leading a body ("runs", "heads").
    Leads,
    /// Plural verbs ("have", "are"): after a name, an organisation.
    PluralVerbs,
    /// Lower-case words that never modify a title: "what host", "against
    /// singer".
    TitleStops,
    /// Verbs of working for a body ("reports for NPR", "plays for
    /// Charlton").
    WorksFor,
    /// Nouns of belonging to a body, which are no title ("a member of
    /// the group").
    Members,
    /// Words after a verb of showing up that make it mean being
    /// somewhere, not seeming ("appeared at the rally").
    Venues,
    /// Words that are no name but may end one: labels of a news page's
    /// line ("Watch: …", "Breaking: …") and "One", the last word of a name
    /// only right after a capitalised name word ("Human Rights Watch",
    /// "Capital One").
    NameEnders,
    /// Words before a title that say when or how it is held ("former",
    /// "acting"): part of the title, never an affiliation or a name.
    TitleModifiers,
}

impl Glue {
    pub(super) fn section(self) -> &'static str {
        match self {
            Glue::Determiners => "determiners",
            Glue::BetweenSubjectAndVerb => "between_subject_and_verb",
            Glue::Passive => "passive",
            Glue::Progressive => "progressive",
            Glue::FloatingQuantifiers => "floating_quantifiers",
            Glue::Quoting => "quoting",
            Glue::Addressees => "addressees",
            Glue::Particles => "particles",
            Glue::Adverbials => "adverbials",
            Glue::ContentStops => "content_stops",
            Glue::Relative => "relative",
            Glue::MaleMarkers => "male_markers",
            Glue::FemaleMarkers => "female_markers",
            Glue::ObjectStops => "object_stops",
            Glue::ContentBreaks => "content_breaks",
            Glue::Calendar => "calendar",
            Glue::NameSuffixes => "name_suffixes",
            Glue::Quantifiers => "quantifiers",
            Glue::MalePronouns => "male_pronouns",
            Glue::FemalePronouns => "female_pronouns",
            Glue::MaleNames => "male",
            Glue::FemaleNames => "female",
            Glue::FiniteVerbs => "finite_verbs",
            Glue::ContentNouns => "content_nouns",
            Glue::Negations => "negations",
            Glue::Hypotheticals => "hypotheticals",
            Glue::Refusals => "refusals",
            Glue::FirstPerson => "first_person",
            Glue::PollShares => "poll_shares",
            Glue::Subordinators => "subordinators",
            Glue::Questions => "questions",
            Glue::Credits => "credits",
            Glue::Holidays => "holidays",
            Glue::Spokespeople => "spokespeople",
            Glue::OrganisationAnaphors => "organisation_anaphors",
            Glue::Entourage => "entourage",
            Glue::Leads => "leads",
            Glue::PluralVerbs => "plural_verbs",
            Glue::TitleStops => "title_stops",
            Glue::WorksFor => "works_for",
            Glue::Members => "members",
            Glue::Venues => "venues",
            Glue::NameEnders => "name_enders",
            Glue::TitleModifiers => "title_modifiers",
        }
    }

    /// The data file holding the class.
    pub(super) fn file(self) -> &'static str {
        match self {
            Glue::MaleNames | Glue::FemaleNames => "given_names.txt",
            _ => "glue.txt",
        }
    }

    pub(super) const ALL: [Glue; 44] = [
        Glue::Determiners,
        Glue::BetweenSubjectAndVerb,
        Glue::Passive,
        Glue::Progressive,
        Glue::FloatingQuantifiers,
        Glue::Quoting,
        Glue::Addressees,
        Glue::Particles,
        Glue::Adverbials,
        Glue::ContentStops,
        Glue::Relative,
        Glue::MaleMarkers,
        Glue::FemaleMarkers,
        Glue::ObjectStops,
        Glue::ContentBreaks,
        Glue::Calendar,
        Glue::NameSuffixes,
        Glue::Quantifiers,
        Glue::MalePronouns,
        Glue::FemalePronouns,
        Glue::MaleNames,
        Glue::FemaleNames,
        Glue::FiniteVerbs,
        Glue::ContentNouns,
        Glue::Negations,
        Glue::Hypotheticals,
        Glue::Refusals,
        Glue::FirstPerson,
        Glue::PollShares,
        Glue::Subordinators,
        Glue::Questions,
        Glue::Credits,
        Glue::Holidays,
        Glue::Spokespeople,
        Glue::OrganisationAnaphors,
        Glue::Entourage,
        Glue::Leads,
        Glue::PluralVerbs,
        Glue::TitleStops,
        Glue::WorksFor,
        Glue::Members,
        Glue::Venues,
        Glue::NameEnders,
        Glue::TitleModifiers,
    ];
}
