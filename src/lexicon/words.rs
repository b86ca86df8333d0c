//! Closed word lists of the entity rules, interned in the vocabulary as word classes
//! ([`CLASS_LISTS`]: one bit of [`super::class`] each).

use super::class;

/// The closed word lists below, by their [`class`] bit (interned in the lexicons' vocabulary).
pub(crate) const CLASS_LISTS: [(&[&str], u32); 7] = [
    (CONNECTORS, class::CONNECTOR),
    (NAME_BREAKERS, class::NAME_BREAKER),
    (EVENT_NOUNS, class::EVENT_NOUN),
    (NAME_PARTICLES, class::NAME_PARTICLE),
    (TYPE_NOUN_WORDS, class::TYPE_NOUN),
    (MINISTRY_NOUNS, class::MINISTRY_NOUN),
    (&["("], class::OPEN_PAREN),
];

/// Nouns that open a ministry's name (« ministère de l'Intérieur », « Département d'État »).
pub(crate) const MINISTRY_NOUNS: &[&str] =
    &["ministère", "ministere", "département", "secrétariat"];

/// The words of [`TYPE_NOUNS`] (for their class bit).
pub(crate) const TYPE_NOUN_WORDS: &[&str] = &[
    "média",
    "médias",
    "groupe",
    "agence",
    "quotidien",
    "hebdomadaire",
    "mensuel",
    "magazine",
    "journal",
    "chaîne",
    "radio",
    "télévision",
    "site",
    "plateforme",
    "réseau",
    "application",
    "messagerie",
    "société",
    "entreprise",
    "firme",
    "compagnie",
    "constructeur",
    "géant",
    "opérateur",
    "banque",
    "assureur",
    "laboratoire",
    "cabinet",
    "fonds",
    "parti",
    "mouvement",
    "coalition",
    "alliance",
    "syndicat",
    "association",
    "ONG",
    "organisation",
    "fondation",
    "institut",
    "club",
    "start-up",
    "startup",
    "collectif",
    "enseigne",
    "fabricant",
    "équipementier",
    "distributeur",
    "milice",
    "mont",
    "massif",
    "volcan",
    "fleuve",
    "rivière",
    "lac",
    "île",
    "quartier",
    "village",
    "localité",
    "commune",
    "bourg",
];

/// Words that link parts of a multi-word name (« Organisation de coopération de Shanghai »).
pub(crate) const CONNECTORS: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "en", "sur", "à", "au", "aux",
];

/// Particles inside personal names (« Charles de Gaulle », « Ursula von der Leyen »).
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "du", "d'", "van", "von", "der", "den", "al", "ben", "bin", "el", "da", "dos", "di",
    "le", "la",
];

/// Lower-case words that end a multi-word name (verbs, relatives, prepositions of clauses).
pub(crate) const NAME_BREAKERS: &[&str] = &[
    "qui", "que", "qu'", "dont", "où", "comme", "est", "sont", "a", "ont", "sera", "seront",
    "était", "étaient", "avait", "avaient", "fut", "dans", "par", "avec", "selon", "lors",
    "depuis", "contre", "entre", "vers", "chez", "sans", "sous", "mais", "ou", "ni", "car", "si",
    "afin", "après", "avant", "pendant", "il", "elle", "ils", "elles", "on", "se", "s'", "ne",
    "n'", "y", "lui", "leur", "ce", "cette", "ces", "cet", "son", "sa", "ses", "leurs", "un",
    "une", "a-t-il", "a-t-elle", "the", "and", "of",
];

/// Lower-case common nouns that name an event when a proper name follows: « l'affaire
/// Dreyfus », « la convention de Genève », « le traité de Maastricht », « le plan Marshall ».
pub(crate) const EVENT_NOUNS: &[&str] = &[
    "affaire",
    "scandale",
    "traité",
    "traités",
    "convention",
    "accord",
    "accords",
    "guerre",
    "procès",
    "plan",
    "opération",
    "fête",
    "festival",
    "pacte",
    "protocole",
    "loi",
];
