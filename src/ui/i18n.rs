//! French (default) and English strings of the web app. Analysis data (names, roles, quotes,
//! rule details) is shown as the core produced it; only the interface is translated.

use crate::schema::{Analysis, EntityType, Polarity};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
    /// The strings of this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the interface.
#[derive(Debug)]
pub struct Strings {
    pub tagline: &'static str,
    /// Text of the language button (names the *other* language, in that language).
    pub lang_button: &'static str,
    pub lang_button_label: &'static str,
    pub input_label: &'static str,
    pub placeholder: &'static str,
    pub analyse: &'static str,
    pub example: &'static str,
    pub open_file: &'static str,
    pub clear: &'static str,
    pub clear_question: &'static str,
    pub clear_yes: &'static str,
    pub clear_no: &'static str,
    pub hint: &'static str,
    pub drop_here: &'static str,
    pub empty_input: &'static str,
    pub empty_result: &'static str,
    pub empty_card: &'static str,
    pub result_label: &'static str,
    pub draft_restored: &'static str,
    pub shared_loaded: &'static str,
    pub shared_bad: &'static str,
    pub html_converted: &'static str,
    pub file_unsupported: &'static str,
    pub file_too_big: &'static str,
    pub file_unreadable: &'static str,
    pub draft_not_saved: &'static str,
    pub draft_blocked: &'static str,
    pub analysis_failed: &'static str,
    pub copied_md: &'static str,
    pub copy_failed: &'static str,
    pub json_saved: &'static str,
    pub png_saved: &'static str,
    pub png_failed: &'static str,
    pub share_ready: &'static str,
    pub share_long: &'static str,
    pub share_failed: &'static str,
    pub layers: &'static str,
    pub layers_help: &'static str,
    pub keys_help: &'static str,
    pub card_heading: &'static str,
    pub untitled: &'static str,
    pub state_media: &'static str,
    pub state_media_title: &'static str,
    pub in_brief: &'static str,
    pub people: &'static str,
    pub organisations: &'static str,
    pub places: &'static str,
    pub key_quotes: &'static str,
    pub stances: &'static str,
    pub frames: &'static str,
    pub holder: &'static str,
    pub position: &'static str,
    pub target: &'static str,
    pub unknown_speaker: &'static str,
    pub jump_hint: &'static str,
    pub export: &'static str,
    pub export_md: &'static str,
    pub export_json: &'static str,
    pub export_png: &'static str,
    pub export_share: &'static str,
    pub share_url_label: &'static str,
    pub close: &'static str,
    pub explain_label: &'static str,
    pub f_canonical: &'static str,
    pub f_role: &'static str,
    pub f_acronym: &'static str,
    pub f_source: &'static str,
    pub f_iso: &'static str,
    pub f_speaker: &'static str,
    pub f_frame: &'static str,
    pub f_why: &'static str,
    pub f_confidence: &'static str,
    pub f_sentence: &'static str,
    /// Heading of the stance chain « qui → position → sur quoi ».
    pub f_chain: &'static str,
    /// Said when a stance has no holder found.
    pub unknown_holder: &'static str,
    /// Said when a stance has no target.
    pub no_target: &'static str,
    /// Heading of a frame's explanation (« Cadre narratif »).
    pub frame_title: &'static str,
    /// Heading of a chrome explanation.
    pub chrome_title: &'static str,
    pub other_mentions: &'static str,
    pub no_other_mention: &'static str,
    pub chrome: &'static str,
    pub quote: &'static str,
    pub stance: &'static str,
    pub frame: &'static str,
    pub date: &'static str,
    pub footer: &'static str,
    pub skip_to_card: &'static str,
}

pub static FR: Strings = Strings {
    tagline: "Qui parle, de qui, de quoi et comment\u{a0}: la lecture d’un article de presse, sans rien envoyer sur Internet.",
    lang_button: "English",
    lang_button_label: "Switch the interface to English",
    input_label: "Collez un article de presse en français",
    placeholder: "Titre, chapeau, paragraphes… Les mentions de page (« Partager », « Lire aussi ») seront mises de côté. Vous pouvez aussi déposer un fichier .txt, .html ou .md.",
    analyse: "Analyser",
    example: "Essayer un exemple",
    open_file: "Ouvrir un fichier",
    clear: "Effacer",
    clear_question: "Effacer tout le texte\u{a0}? Le brouillon enregistré sera supprimé.",
    clear_yes: "Oui, effacer",
    clear_no: "Annuler",
    hint: "L’analyse se relance pendant la frappe. Le brouillon est gardé dans ce navigateur.",
    drop_here: "Déposez le fichier ici",
    empty_input: "Rien à analyser pour l’instant\u{a0}: collez le texte d’un article dans la zone ci-dessus.",
    empty_result: "Le texte annoté apparaîtra ici\u{a0}: personnes, organisations, lieux et dates surlignés, citations, prises de position et cadrages repérés.",
    empty_card: "La fiche résume l’article\u{a0}: titre, média, date, acteurs, citations et cadrages.",
    result_label: "Texte annoté",
    draft_restored: "Votre brouillon a été restauré.",
    shared_loaded: "Texte ouvert depuis un lien de partage.",
    shared_bad: "Ce lien de partage est illisible ou incomplet\u{a0}: aucun texte n’a pu en être tiré.",
    html_converted: "Le HTML collé a été converti en texte (aucun script n’a été exécuté).",
    file_unsupported: "Ce type de fichier n’est pas pris en charge\u{a0}: choisissez un fichier .txt, .html ou .md. Votre texte n’a pas été modifié.",
    file_too_big: "Ce fichier est trop gros (plus de 20\u{a0}Mo). Votre texte n’a pas été modifié.",
    file_unreadable: "Ce fichier n’a pas pu être lu. Votre texte n’a pas été modifié.",
    draft_not_saved: "Texte trop long pour être gardé comme brouillon dans ce navigateur.",
    draft_blocked: "Ce navigateur bloque le stockage local pour cette page\u{a0}: le brouillon ne sera pas gardé après fermeture.",
    analysis_failed: "L’analyse a échoué. Votre texte est intact\u{a0}; modifiez-le ou réessayez.",
    copied_md: "Fiche copiée au format Markdown.",
    copy_failed: "La copie a échoué\u{a0}: le presse-papiers n’est pas accessible.",
    json_saved: "Analyse téléchargée (JSON).",
    png_saved: "Image de la fiche téléchargée (PNG).",
    png_failed: "L’image n’a pas pu être créée.",
    share_ready: "Lien de partage copié. Le texte est dans le lien lui-même (après #)\u{a0}: il n’est envoyé à aucun serveur.",
    share_long: "Lien de partage créé, mais il est très long\u{a0}: certaines applications pourraient le couper.",
    share_failed: "Le lien de partage n’a pas pu être créé.",
    layers: "Calques",
    layers_help: "Cochez ou décochez pour afficher chaque type de surlignage.",
    keys_help: "Clavier\u{a0}: Tab ou j / k pour passer d’un surlignage à l’autre, Entrée pour ouvrir l’explication, Échap pour la fermer.",
    card_heading: "Fiche de l’article",
    untitled: "Sans titre repéré",
    state_media: "média d’État",
    state_media_title: "Média public ou contrôlé par un État",
    in_brief: "En bref",
    people: "Personnes",
    organisations: "Organisations",
    places: "Lieux",
    key_quotes: "Citations clés",
    stances: "Prises de position",
    frames: "Cadrages",
    holder: "Qui",
    position: "Position",
    target: "Sur quoi",
    unknown_speaker: "locuteur non identifié",
    jump_hint: "Cliquez sur un élément pour aller à ses mentions dans le texte.",
    export: "Exporter",
    export_md: "Copier en Markdown",
    export_json: "Télécharger le JSON",
    export_png: "Image PNG",
    export_share: "Lien de partage",
    share_url_label: "Lien de partage",
    close: "Fermer",
    explain_label: "Explication du surlignage",
    f_canonical: "Nom complet",
    f_role: "Rôle",
    f_acronym: "Sigle",
    f_source: "Source",
    f_iso: "Date comprise",
    f_speaker: "Locuteur",
    f_frame: "Cadrage",
    f_why: "Pourquoi",
    f_confidence: "Certitude",
    f_sentence: "Phrase",
    f_chain: "Qui → position → sur quoi",
    unknown_holder: "auteur non trouvé",
    no_target: "objet non précisé",
    frame_title: "Cadre narratif",
    chrome_title: "Mise en page écartée",
    other_mentions: "Autres mentions",
    no_other_mention: "Aucune autre mention dans le texte.",
    chrome: "mise en page écartée",
    quote: "citation",
    stance: "prise de position",
    frame: "cadrage",
    date: "date",
    footer: "Loupe analyse le texte dans votre navigateur\u{a0}: rien n’est envoyé sur un serveur.",
    skip_to_card: "Aller à la fiche",
};

pub static EN: Strings = Strings {
    tagline: "Who speaks, about whom, about what and how: a close reading of a French news article, with nothing sent over the Internet.",
    lang_button: "Français",
    lang_button_label: "Passer l’interface en français",
    input_label: "Paste a French news article",
    placeholder: "Title, standfirst, paragraphs… Page chrome (« Partager », « Lire aussi ») will be set aside. You can also drop a .txt, .html or .md file.",
    analyse: "Analyse",
    example: "Try an example",
    open_file: "Open a file",
    clear: "Clear",
    clear_question: "Clear all the text? The saved draft will be deleted.",
    clear_yes: "Yes, clear",
    clear_no: "Cancel",
    hint: "The analysis reruns as you type. The draft is kept in this browser.",
    drop_here: "Drop the file here",
    empty_input: "Nothing to analyse yet: paste the text of an article in the box above.",
    empty_result: "The annotated text will appear here: people, organisations, places and dates highlighted, quotes, stance phrases and frames marked.",
    empty_card: "The card sums up the article: title, outlet, date, actors, quotes and frames.",
    result_label: "Annotated text",
    draft_restored: "Your draft has been restored.",
    shared_loaded: "Text opened from a share link.",
    shared_bad: "This share link is unreadable or incomplete: no text could be taken from it.",
    html_converted: "The pasted HTML was converted to text (no script was run).",
    file_unsupported: "This file type is not supported: choose a .txt, .html or .md file. Your text was not changed.",
    file_too_big: "This file is too big (over 20 MB). Your text was not changed.",
    file_unreadable: "This file could not be read. Your text was not changed.",
    draft_not_saved: "Text too long to be kept as a draft in this browser.",
    draft_blocked: "This browser blocks local storage for this page: the draft will not be kept once it is closed.",
    analysis_failed: "The analysis failed. Your text is intact; edit it or try again.",
    copied_md: "Card copied as Markdown.",
    copy_failed: "Copy failed: the clipboard is not available.",
    json_saved: "Analysis downloaded (JSON).",
    png_saved: "Card image downloaded (PNG).",
    png_failed: "The image could not be created.",
    share_ready: "Share link copied. The text is inside the link itself (after #): it is sent to no server.",
    share_long: "Share link created, but it is very long: some apps might cut it.",
    share_failed: "The share link could not be created.",
    layers: "Layers",
    layers_help: "Tick or untick to show each kind of highlight.",
    keys_help: "Keyboard: Tab or j / k to move between highlights, Enter to open the explanation, Esc to close it.",
    card_heading: "Article card",
    untitled: "No title found",
    state_media: "state media",
    state_media_title: "Publicly owned or state-controlled outlet",
    in_brief: "In brief",
    people: "People",
    organisations: "Organisations",
    places: "Places",
    key_quotes: "Key quotes",
    stances: "Stances",
    frames: "Frames",
    holder: "Who",
    position: "Stance",
    target: "On what",
    unknown_speaker: "unidentified speaker",
    jump_hint: "Click an item to go to its mentions in the text.",
    export: "Export",
    export_md: "Copy as Markdown",
    export_json: "Download JSON",
    export_png: "PNG image",
    export_share: "Share link",
    share_url_label: "Share link",
    close: "Close",
    explain_label: "Highlight explanation",
    f_canonical: "Full name",
    f_role: "Role",
    f_acronym: "Acronym",
    f_source: "Source",
    f_iso: "Understood as",
    f_speaker: "Speaker",
    f_frame: "Frame",
    f_why: "Why",
    f_confidence: "Confidence",
    f_sentence: "Sentence",
    f_chain: "Who → stance → on what",
    unknown_holder: "holder not found",
    no_target: "object not stated",
    frame_title: "Narrative frame",
    chrome_title: "Page chrome set aside",
    other_mentions: "Other mentions",
    no_other_mention: "No other mention in the text.",
    chrome: "page chrome set aside",
    quote: "quote",
    stance: "stance",
    frame: "frame",
    date: "date",
    footer: "Loupe analyses the text in your browser: nothing is sent to a server.",
    skip_to_card: "Go to the card",
};

/// Name of an entity type (also the highlight's hidden label).
pub fn type_label(lang: Lang, t: EntityType) -> &'static str {
    match (lang, t) {
        (Lang::Fr, EntityType::PER) => "personne",
        (Lang::Fr, EntityType::ORG) => "organisation",
        (Lang::Fr, EntityType::LOC) => "lieu",
        (Lang::Fr, EntityType::MISC) => "autre entité",
        (Lang::En, EntityType::PER) => "person",
        (Lang::En, EntityType::ORG) => "organisation",
        (Lang::En, EntityType::LOC) => "place",
        (Lang::En, EntityType::MISC) => "other entity",
    }
}

/// Name of a stance polarity.
pub fn polarity_label(lang: Lang, p: Polarity) -> &'static str {
    match (lang, p) {
        (Lang::Fr, Polarity::Support) => "soutien",
        (Lang::Fr, Polarity::Oppose) => "opposition",
        (Lang::Fr, Polarity::Accuse) => "accusation",
        (Lang::Fr, Polarity::Commit) => "engagement",
        (Lang::Fr, Polarity::Concern) => "inquiétude",
        (Lang::Fr, Polarity::Praise) => "éloge",
        (Lang::En, Polarity::Support) => "support",
        (Lang::En, Polarity::Oppose) => "opposition",
        (Lang::En, Polarity::Accuse) => "accusation",
        (Lang::En, Polarity::Commit) => "commitment",
        (Lang::En, Polarity::Concern) => "concern",
        (Lang::En, Polarity::Praise) => "praise",
    }
}

/// The glyph that marks a stance polarity next to its colour (never colour alone).
pub fn polarity_glyph(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "▲",
        Polarity::Oppose => "▼",
        Polarity::Accuse => "!",
        Polarity::Commit => "→",
        Polarity::Concern => "?",
        Polarity::Praise => "★",
    }
}

/// One frame of the taxonomy: id, French and English labels, French and English descriptions.
type FrameRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The frame taxonomy. Read from the data file itself rather than through
/// [`crate::lexicon::lexicons`], which would build every gazetteer on the page's main thread (the
/// analysis runs in the worker).
fn frame_rows() -> &'static [FrameRow] {
    static ROWS: std::sync::OnceLock<Vec<FrameRow>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        include_str!("../../data/lexicon/frames_taxonomy.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some((c.next()?, c.next()?, c.next()?, c.next()?, c.next()?))
            })
            .collect()
    })
}

/// Label of a frame id from the core's frame taxonomy (the id itself when unknown).
pub fn frame_label(lang: Lang, id: &str) -> String {
    frame_rows()
        .iter()
        .find(|r| r.0 == id)
        .map(|r| match lang {
            Lang::Fr => r.1.to_string(),
            Lang::En => r.2.to_string(),
        })
        .unwrap_or_else(|| id.replace('_', " "))
}

/// What a frame means, from the taxonomy (`None` for an unknown id).
pub fn frame_description(lang: Lang, id: &str) -> Option<&'static str> {
    frame_rows().iter().find(|r| r.0 == id).map(|r| match lang {
        Lang::Fr => r.3,
        Lang::En => r.4,
    })
}

/// French month names for dates written out (the page does not link the core's date tables;
/// `fr_months_are_the_cores` checks they agree with [`crate::layers::dates::month_name`]).
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO 8601 date (`2023-03-03`, `2023-03`, `2023`) written out: « 3 mars 2023 » /
/// "3 March 2023"; anything else is returned as is.
pub fn date_label(lang: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| -> Option<&'static str> {
        let n = m.parse::<u32>().ok().filter(|n| (1..=12).contains(n))?;
        match lang {
            Lang::Fr => Some(FR_MONTHS[n as usize - 1]),
            Lang::En => Some(EN_MONTHS[n as usize - 1]),
        }
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(1)) if lang == Lang::Fr => format!("1er {m} {y}"),
            (Some(m), Ok(d)) if (1..=31).contains(&d) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] => month(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        _ => iso.to_string(),
    }
}

/// « 1 mot », « 2 mots » (French: 0 and 1 take the singular).
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n <= 1 { one } else { many })
}

/// A count with its noun, by each language's rule: French « 0 mot », « 1 mot », « 2 mots »,
/// « 1\u{202f}234 mots »; English "0 words", "1 word", "2 words", "1,234 words".
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!(
        "{} {}",
        group_digits(lang, n),
        if singular { one } else { many }
    )
}

/// Reading time: « 2 min de lecture », "2 min read" (« min » is an abbreviation: no plural).
fn reading_time(lang: Lang, minutes: usize) -> String {
    let m = group_digits(lang, minutes);
    match lang {
        Lang::Fr => format!("{m} min de lecture"),
        Lang::En => format!("{m} min read"),
    }
}

/// Words and reading time: « 412 mots · 2 min de lecture », "1 word · 1 min read".
pub fn words_line(lang: Lang, words: usize, minutes: usize) -> String {
    let w = match lang {
        Lang::Fr => count(lang, words, "mot", "mots"),
        Lang::En => count(lang, words, "word", "words"),
    };
    format!("{w} · {}", reading_time(lang, minutes))
}

/// « 412 mots · 2 min de lecture · 17 entités ».
pub fn stats_line(lang: Lang, a: &Analysis) -> String {
    let c = &a.card;
    let n = a.entities.len();
    let ents = match lang {
        Lang::Fr => count(lang, n, "entité", "entités"),
        Lang::En => count(lang, n, "entity", "entities"),
    };
    format!("{} · {ents}", words_line(lang, c.words, c.reading_minutes))
}

/// Shown before a stance's target when the card's stance table is laid out as stacked rows.
pub fn target_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "sur\u{a0}:",
        Lang::En => "on:",
    }
}

/// Notice after « Essayer un exemple »: which example was loaded, and whether it replaced the
/// reader's text (then « Rétablir le texte précédent » follows it).
pub fn example_loaded(lang: Lang, title: &str, replaced: bool) -> String {
    match (lang, replaced) {
        (Lang::Fr, true) => {
            format!("Exemple chargé\u{a0}: «\u{a0}{title}\u{a0}». Il remplace votre texte.")
        }
        (Lang::Fr, false) => format!(
            "Exemple chargé\u{a0}: «\u{a0}{title}\u{a0}». Collez un autre article à sa place quand vous voulez."
        ),
        (Lang::En, true) => format!("Example loaded: “{title}”. It replaces your text."),
        (Lang::En, false) => {
            format!("Example loaded: “{title}”. Paste another article in its place any time.")
        }
    }
}

/// A size in bytes, readable: « 12 Ko », « 1,2 Mo » / "12 KB", "1.2 MB".
pub fn size_label(lang: Lang, bytes: usize) -> String {
    let (kb, mb) = match lang {
        Lang::Fr => ("Ko", "Mo"),
        Lang::En => ("KB", "MB"),
    };
    let s = if bytes < 1_000 {
        return match lang {
            Lang::Fr => count(lang, bytes, "octet", "octets"),
            Lang::En => count(lang, bytes, "byte", "bytes"),
        };
    } else if bytes < 1_000_000 {
        format!("{}\u{a0}{kb}", (bytes + 500) / 1_000)
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{}\u{a0}{mb}", tenths / 10, tenths % 10)
    };
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// `v` rounded to a whole number, written as `format!("{v:.0}")` writes it (ties to even, `-0`
/// for small negatives) without the float formatting machinery (issue 14: ≈ 5 KB of wasm).
pub fn whole(v: f64) -> String {
    let r = v.round_ties_even();
    if r == 0.0 && v.is_sign_negative() {
        return "-0".into();
    }
    (r as i64).to_string()
}

/// A duration estimate in seconds: « ≈ 2 s », « < 1 s ».
pub fn seconds_label(lang: Lang, ms: f64) -> String {
    if ms < 1_000.0 {
        return "<\u{a0}1\u{a0}s".into();
    }
    let s = format!("≈\u{a0}{}\u{a0}s", whole(ms / 1_000.0));
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Progress message while analysing: « Analyse de 1,2 Mo… ≈ 2 s ».
pub fn analysing(lang: Lang, bytes: usize, estimate_ms: f64) -> String {
    let size = size_label(lang, bytes);
    let eta = seconds_label(lang, estimate_ms);
    match lang {
        Lang::Fr => format!("Analyse de {size}… {eta}"),
        Lang::En => format!("Analysing {size}… {eta}"),
    }
}

/// Said over the text area while a long text is kept out of its layout (see
/// `crate::app::COLLAPSE_CHARS`): « Texte long (1 002 345 caractères) … ».
pub fn long_text(lang: Lang, chars: usize) -> String {
    let n = group_digits(lang, chars);
    match lang {
        Lang::Fr => format!(
            "Texte long ({n}\u{a0}caractères)\u{a0}: il n’est pas affiché ici, pour que la page reste fluide. L’analyse apparaît plus bas."
        ),
        Lang::En => format!(
            "Long text ({n} characters): not shown here, to keep the page responsive. The analysis appears below."
        ),
    }
}

/// Button that shows a long text in the text area.
pub fn show_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Afficher le texte",
        Lang::En => "Show the text",
    }
}

/// `n` with its thousands grouped: « 1 002 345 » (narrow no-break spaces), "1,002,345".
pub fn group_digits(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Progress message while rendering: « Affichage du texte annoté… 40 % ».
pub fn rendering(lang: Lang, percent: usize) -> String {
    match lang {
        Lang::Fr => format!("Affichage du texte annoté… {percent}\u{a0}%"),
        Lang::En => format!("Rendering the annotated text… {percent}%"),
    }
}

/// Notice for a text longer than the analysis limit.
pub fn truncated(lang: Lang, analysed: usize, total: usize) -> String {
    let a = size_label(lang, analysed);
    let t = size_label(lang, total);
    match lang {
        Lang::Fr => format!(
            "Texte long\u{a0}: seuls les {a} premiers (sur {t}) ont été analysés, coupés à une fin de paragraphe ou de phrase. La zone de saisie garde tout le texte."
        ),
        Lang::En => format!(
            "Long text: only the first {a} (of {t}) were analysed, cut at the end of a paragraph or sentence. The text box keeps the whole text."
        ),
    }
}

/// Layer toggle names (plural), in [`crate::ui::html::Kind::ALL`] order.
pub fn kind_name(lang: Lang, k: crate::ui::html::Kind) -> &'static str {
    use crate::ui::html::Kind::*;
    match (lang, k) {
        (Lang::Fr, Per) => "Personnes",
        (Lang::Fr, Org) => "Organisations",
        (Lang::Fr, Loc) => "Lieux",
        (Lang::Fr, Misc) => "Autres entités",
        (Lang::Fr, Date) => "Dates",
        (Lang::Fr, Quote) => "Citations",
        (Lang::Fr, Stance) => "Prises de position",
        (Lang::Fr, Frame) => "Cadrages",
        (Lang::Fr, Chrome) => "Mise en page écartée",
        (Lang::En, Per) => "People",
        (Lang::En, Org) => "Organisations",
        (Lang::En, Loc) => "Places",
        (Lang::En, Misc) => "Other entities",
        (Lang::En, Date) => "Dates",
        (Lang::En, Quote) => "Quotes",
        (Lang::En, Stance) => "Stances",
        (Lang::En, Frame) => "Frames",
        (Lang::En, Chrome) => "Page chrome",
    }
}

/// How each layer is drawn besides its colour (legend).
pub fn kind_style(lang: Lang, k: crate::ui::html::Kind) -> &'static str {
    use crate::ui::html::Kind::*;
    match (lang, k) {
        (Lang::Fr, Per) => "trait plein",
        (Lang::Fr, Org) => "trait double",
        (Lang::Fr, Loc) => "tirets",
        (Lang::Fr, Misc) => "pointillés",
        (Lang::Fr, Date) => "vague",
        (Lang::Fr, Quote) => "italique, filet",
        (Lang::Fr, Stance) => "surligneur, symbole ▲ ▼ ! ★ → ?",
        (Lang::Fr, Frame) => "cadre pointillé",
        (Lang::Fr, Chrome) => "grisé, étiqueté",
        (Lang::En, Per) => "solid underline",
        (Lang::En, Org) => "double underline",
        (Lang::En, Loc) => "dashed underline",
        (Lang::En, Misc) => "dotted underline",
        (Lang::En, Date) => "wavy underline",
        (Lang::En, Quote) => "italic, rule",
        (Lang::En, Stance) => "highlighter, glyph ▲ ▼ ! ★ → ?",
        (Lang::En, Frame) => "dotted box",
        (Lang::En, Chrome) => "greyed out, labelled",
    }
}

/// Why a result has little or nothing in it (said instead of a silent « 0 mot · 0 entité »).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultNote {
    /// Every line of the text was set aside as page chrome.
    AllChrome,
    /// No word at all (only punctuation or symbols).
    NoWords,
    /// The text seems to be in another language (`stats.language`).
    Language(String),
    /// Words, but no entity, quote or stance.
    NothingFound,
}

impl ResultNote {
    /// The note for a complete analysis, if it deserves one.
    pub fn of(a: &Analysis) -> Option<ResultNote> {
        let found = !(a.entities.is_empty() && a.quotes.is_empty() && a.stances.is_empty());
        Self::decide(a, !a.boilerplate.is_empty(), found)
    }

    /// The same from the head of a result ([`crate::ui::parts::Head`]: its span layers are
    /// still in the parts, their lengths are in `counts`).
    pub fn of_head(h: &crate::ui::parts::Head) -> Option<ResultNote> {
        use crate::ui::html::Kind;
        let c = &h.counts;
        let found = !h.analysis.entities.is_empty()
            || c[Kind::Quote as usize] > 0
            || c[Kind::Stance as usize] > 0;
        Self::decide(&h.analysis, c[Kind::Chrome as usize] > 0, found)
    }

    fn decide(a: &Analysis, chrome: bool, found: bool) -> Option<ResultNote> {
        if a.stats.bytes == 0 {
            return None;
        }
        // The language first: English paragraphs are set aside as chrome (English photo
        // captions), so an English article would otherwise read as « all page chrome ».
        let l = a.stats.language.as_str();
        if !l.is_empty() && l != "fr" && l != "und" {
            return Some(ResultNote::Language(l.to_string()));
        }
        if a.card.words == 0 {
            return Some(if chrome {
                ResultNote::AllChrome
            } else {
                ResultNote::NoWords
            });
        }
        if !found {
            return Some(ResultNote::NothingFound);
        }
        None
    }

    /// A warning (the result is unreliable or empty) rather than plain information.
    pub fn is_warning(&self) -> bool {
        matches!(self, ResultNote::AllChrome | ResultNote::Language(_))
    }

    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ResultNote::AllChrome, Lang::Fr) => "Tout ce texte a été mis de côté comme habillage de page (menus, liens, mentions de partage…)\u{a0}: il ne reste aucun paragraphe d’article à analyser. Collez le corps de l’article.".into(),
            (ResultNote::AllChrome, Lang::En) => "All of this text was set aside as page chrome (menus, links, share buttons…): no article paragraph is left to analyse. Paste the body of the article.".into(),
            (ResultNote::NoWords, Lang::Fr) => "Ce texte ne contient aucun mot à analyser (seulement des signes ou des symboles).".into(),
            (ResultNote::NoWords, Lang::En) => "This text contains no word to analyse (only punctuation or symbols).".into(),
            (ResultNote::Language(code), Lang::Fr) => match language_name(Lang::Fr, code) {
                Some(name) => format!("Ce texte semble être en {name}\u{a0}; Loupe lit le français\u{a0}: l’analyse ci-dessous risque d’être pauvre ou fausse."),
                None => "Ce texte ne semble pas être en français\u{a0}; Loupe lit le français\u{a0}: l’analyse ci-dessous risque d’être pauvre ou fausse.".into(),
            },
            (ResultNote::Language(code), Lang::En) => match language_name(Lang::En, code) {
                Some(name) => format!("This text seems to be in {name}; Loupe reads French, so the analysis below may be thin or wrong."),
                None => "This text does not seem to be in French; Loupe reads French, so the analysis below may be thin or wrong.".into(),
            },
            (ResultNote::NothingFound, Lang::Fr) => "Aucune personne, organisation, lieu, citation ni prise de position n’a été repérée dans ce texte.".into(),
            (ResultNote::NothingFound, Lang::En) => "No person, organisation, place, quote or stance was found in this text.".into(),
        }
    }
}

/// The name of a language of `stats.language` (« anglais », "English"); `None` when unknown.
pub fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    Some(match (lang, code) {
        (Lang::Fr, "fr") => "français",
        (Lang::Fr, "en") => "anglais",
        (Lang::Fr, "de") => "allemand",
        (Lang::Fr, "es") => "espagnol",
        (Lang::Fr, "it") => "italien",
        (Lang::Fr, "pt") => "portugais",
        (Lang::En, "fr") => "French",
        (Lang::En, "en") => "English",
        (Lang::En, "de") => "German",
        (Lang::En, "es") => "Spanish",
        (Lang::En, "it") => "Italian",
        (Lang::En, "pt") => "Portuguese",
        _ => return None,
    })
}

/// The marker of a weak claim (`guess`) in the card and the exports.
pub fn to_check(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "à vérifier",
        Lang::En => "to check",
    }
}

/// What the « à vérifier » marker means (its tooltip, and the line under the card's exports).
pub fn to_check_help(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "À vérifier\u{a0}: Loupe l’a déduit d’indices faibles (un mot à majuscule, un locuteur ou un auteur repris d’une phrase précédente). Vérifiez-le dans le texte.",
        Lang::En => "To check: Loupe inferred it from weak evidence (a capitalised word, a speaker or holder carried over from an earlier sentence). Check it in the text.",
    }
}

/// Label of the button that dismisses a card item.
pub fn dismiss_label(lang: Lang, item: &str) -> String {
    match lang {
        Lang::Fr => format!("Écarter «\u{a0}{item}\u{a0}» de la fiche"),
        Lang::En => format!("Dismiss “{item}” from the card"),
    }
}

/// Label of the button that puts a dismissed item back.
pub fn restore_label(lang: Lang, item: &str) -> String {
    match lang {
        Lang::Fr => format!("Rétablir «\u{a0}{item}\u{a0}» dans la fiche"),
        Lang::En => format!("Restore “{item}” to the card"),
    }
}

/// Visible text of the restore button.
pub fn restore(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Rétablir",
        Lang::En => "Restore",
    }
}

/// Said next to a dismissed item.
pub fn dismissed_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "écarté",
        Lang::En => "dismissed",
    }
}

/// Under the card when items are dismissed: how many, and that the exports leave them out.
pub fn dismissed_summary(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{} par vous pour ce texte (gardé dans ce navigateur)\u{a0}: absent des exports.",
            plural(n, "élément écarté", "éléments écartés")
        ),
        Lang::En => format!(
            "{} by you for this text (kept in this browser): left out of the exports.",
            plural(n, "item dismissed", "items dismissed")
        ),
    }
}

/// « Toute la fiche (12 de plus) » (embed mode shows a short card).
pub fn show_full_card(lang: Lang, more: usize) -> String {
    match (lang, more) {
        (Lang::Fr, 0) => "Toute la fiche".into(),
        (Lang::En, 0) => "Whole card".into(),
        (Lang::Fr, _) => format!("Toute la fiche ({more}\u{a0}de plus)"),
        (Lang::En, _) => format!("Whole card ({more} more)"),
    }
}

/// Heading of the short card's list of people, organisations and places.
pub fn actors(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Acteurs et lieux",
        Lang::En => "Actors and places",
    }
}

/// The holder of a stance-matrix row as shown: the core writes « ? » when no holder was found.
pub fn holder_label(lang: Lang, holder: &str) -> String {
    match (holder, lang) {
        ("?", Lang::Fr) => "auteur non identifié".into(),
        ("?", Lang::En) => "unidentified holder".into(),
        _ => holder.to_string(),
    }
}

/// Said for a stance-matrix row without a target.
pub fn no_target(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "non précisé",
        Lang::En => "not stated",
    }
}

/// Hidden heading of the stance matrix's column of « Écarter » buttons.
pub fn dismiss_column(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Écarter",
        Lang::En => "Dismiss",
    }
}

/// « Réduire la fiche ».
pub fn show_short_card(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Réduire la fiche",
        Lang::En => "Show a short card",
    }
}

// ---- The library of kept articles and the comparison view (issue 15) ----

/// Fixed strings of the library and the comparison view.
#[derive(Debug)]
pub struct LibStrings {
    pub keep: &'static str,
    pub keep_label: &'static str,
    pub kept: &'static str,
    pub already_kept: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub loading: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub rename_field: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub delete: &'static str,
    pub undo_delete: &'static str,
    pub export: &'static str,
    pub import: &'static str,
    pub compare_hint: &'static str,
    pub unavailable: &'static str,
    pub full: &'static str,
    pub import_not_json: &'static str,
    pub import_not_library: &'static str,
    pub import_empty: &'static str,
    pub import_unreadable: &'static str,
    pub cmp_heading: &'static str,
    pub cmp_busy: &'static str,
    pub cmp_failed: &'static str,
    pub cmp_close: &'static str,
    pub cmp_md: &'static str,
    pub cmp_json: &'static str,
    pub cmp_print: &'static str,
    pub cmp_saved: &'static str,
    pub cmp_articles: &'static str,
    pub cmp_actors: &'static str,
    pub cmp_actors_help: &'static str,
    pub cmp_actor: &'static str,
    pub cmp_stances: &'static str,
    pub cmp_stances_help: &'static str,
    pub cmp_stance: &'static str,
    pub cmp_frames: &'static str,
    pub cmp_frame: &'static str,
    pub cmp_quotes: &'static str,
    pub cmp_quotes_help: &'static str,
    pub cmp_speaker: &'static str,
    pub cmp_unidentified: &'static str,
    pub cmp_dates: &'static str,
    pub cmp_dates_help: &'static str,
    pub cmp_date: &'static str,
    pub cmp_published: &'static str,
    pub cmp_absent: &'static str,
    pub cmp_differs: &'static str,
    pub cmp_quoted_differently: &'static str,
    pub cmp_none: &'static str,
    pub back_to_comparison: &'static str,
    pub untitled: &'static str,
}

static LIB_FR: LibStrings = LibStrings {
    keep: "Garder",
    keep_label: "Garder cet article dans la bibliothèque",
    kept: "Article gardé dans la bibliothèque.",
    already_kept: "Cet article est déjà dans la bibliothèque.",
    heading: "Bibliothèque",
    intro: "Les articles gardés restent dans ce navigateur (rien n’est envoyé ailleurs).",
    empty: "Aucun article gardé pour l’instant. Analysez un article, puis choisissez «\u{a0}Garder\u{a0}».",
    loading: "Lecture de la bibliothèque…",
    open: "Ouvrir",
    rename: "Renommer",
    rename_field: "Nouveau nom",
    save: "Enregistrer",
    cancel: "Annuler",
    delete: "Supprimer",
    undo_delete: "Annuler la suppression",
    export: "Exporter la bibliothèque",
    import: "Importer une bibliothèque",
    compare_hint: "Cochez de 2 à 6 articles pour les comparer.",
    unavailable: "Bibliothèque indisponible\u{a0}: ce navigateur bloque le stockage pour cette page (navigation privée, page intégrée dans une autre ou réglages). L’article à l’écran n’est pas touché\u{a0}; «\u{a0}Télécharger le JSON\u{a0}» permet d’en garder une copie.",
    full: "Stockage plein\u{a0}: rien n’a été enregistré. Supprimez ou exportez des articles pour faire de la place. L’article à l’écran n’est pas touché.",
    import_not_json: "Ce fichier n’est pas du JSON\u{a0}: rien n’a été importé.",
    import_not_library: "Ce fichier n’est pas une bibliothèque exportée par Loupe (loupe.library/1)\u{a0}: rien n’a été importé.",
    import_empty: "Ce fichier ne contient aucun article\u{a0}: rien n’a été importé.",
    import_unreadable: "Ce fichier n’a pas pu être lu\u{a0}: rien n’a été importé.",
    cmp_heading: "Comparaison",
    cmp_busy: "Comparaison en cours…",
    cmp_failed: "La comparaison a échoué. Les articles de la bibliothèque ne sont pas touchés.",
    cmp_close: "Fermer la comparaison",
    cmp_md: "Télécharger en Markdown",
    cmp_json: "Télécharger le JSON",
    cmp_print: "Imprimer",
    cmp_saved: "Comparaison téléchargée.",
    cmp_articles: "Articles comparés",
    cmp_actors: "Acteurs",
    cmp_actors_help: "Qui chaque article nomme, combien de fois et avec quel rôle. «\u{a0}—\u{a0}»\u{a0}: l’article ne le nomme pas.",
    cmp_actor: "Acteur",
    cmp_stances: "Prises de position",
    cmp_stances_help: "Qui prend position sur quoi, article par article. Les lignes où les articles divergent viennent en premier.",
    cmp_stance: "Qui → sur quoi",
    cmp_frames: "Cadrages",
    cmp_frame: "Cadrage",
    cmp_quotes: "Citations",
    cmp_quotes_help: "Qui est cité, et avec quels mots, dans chaque article.",
    cmp_speaker: "Locuteur",
    cmp_unidentified: "(non identifié)",
    cmp_dates: "Dates",
    cmp_dates_help: "Toutes les dates citées, sur une seule ligne du temps.",
    cmp_date: "Date",
    cmp_published: "Date de publication",
    cmp_absent: "absent",
    cmp_differs: "divergent",
    cmp_quoted_differently: "cité différemment",
    cmp_none: "Rien à comparer dans cette partie.",
    back_to_comparison: "Retour à la comparaison",
    untitled: "Article sans titre",
};

static LIB_EN: LibStrings = LibStrings {
    keep: "Keep",
    keep_label: "Keep this article in the library",
    kept: "Article kept in the library.",
    already_kept: "This article is already in the library.",
    heading: "Library",
    intro: "Kept articles stay in this browser (nothing is sent anywhere).",
    empty: "No article kept yet. Analyse an article, then choose “Keep”.",
    loading: "Reading the library…",
    open: "Open",
    rename: "Rename",
    rename_field: "New name",
    save: "Save",
    cancel: "Cancel",
    delete: "Delete",
    undo_delete: "Undo delete",
    export: "Export the library",
    import: "Import a library",
    compare_hint: "Tick 2 to 6 articles to compare them.",
    unavailable: "Library unavailable: this browser blocks storage for this page (private browsing, a page embedded in another, or settings). The article on screen is untouched; “Download JSON” keeps a copy of it.",
    full: "Storage full: nothing was saved. Delete or export articles to make room. The article on screen is untouched.",
    import_not_json: "This file is not JSON: nothing was imported.",
    import_not_library: "This file is not a library exported by Loupe (loupe.library/1): nothing was imported.",
    import_empty: "This file holds no article: nothing was imported.",
    import_unreadable: "This file could not be read: nothing was imported.",
    cmp_heading: "Comparison",
    cmp_busy: "Comparing…",
    cmp_failed: "The comparison failed. The library’s articles are untouched.",
    cmp_close: "Close the comparison",
    cmp_md: "Download as Markdown",
    cmp_json: "Download JSON",
    cmp_print: "Print",
    cmp_saved: "Comparison downloaded.",
    cmp_articles: "Articles compared",
    cmp_actors: "Actors",
    cmp_actors_help: "Who each article names, how often and in which role. “—”: the article does not name them.",
    cmp_actor: "Actor",
    cmp_stances: "Stances",
    cmp_stances_help: "Who takes a stance on what, article by article. Rows where the articles disagree come first.",
    cmp_stance: "Who → on what",
    cmp_frames: "Frames",
    cmp_frame: "Frame",
    cmp_quotes: "Quotes",
    cmp_quotes_help: "Who is quoted, and in which words, in each article.",
    cmp_speaker: "Speaker",
    cmp_unidentified: "(unidentified)",
    cmp_dates: "Dates",
    cmp_dates_help: "Every date mentioned, on one timeline.",
    cmp_date: "Date",
    cmp_published: "Publication date",
    cmp_absent: "absent",
    cmp_differs: "differs",
    cmp_quoted_differently: "quoted differently",
    cmp_none: "Nothing to compare in this part.",
    back_to_comparison: "Back to the comparison",
    untitled: "Untitled article",
};

/// The library's and the comparison's strings.
pub fn lib(lang: Lang) -> &'static LibStrings {
    match lang {
        Lang::Fr => &LIB_FR,
        Lang::En => &LIB_EN,
    }
}

/// « Ouvrir « X » », "Open “X”" and the like: an action's accessible name with its article.
pub fn lib_action(lang: Lang, action: &str, name: &str) -> String {
    match lang {
        Lang::Fr => format!("{action} «\u{a0}{name}\u{a0}»"),
        Lang::En => format!("{action} “{name}”"),
    }
}

/// The check box of an article in the list.
pub fn lib_select(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Comparer «\u{a0}{name}\u{a0}»"),
        Lang::En => format!("Compare “{name}”"),
    }
}

/// « Comparer la sélection (3) ».
pub fn lib_compare(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Comparer la sélection ({n})"),
        Lang::En => format!("Compare the selection ({n})"),
    }
}

/// « 3 articles gardés ».
pub fn lib_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => count(lang, n, "article gardé", "articles gardés"),
        Lang::En => count(lang, n, "article kept", "articles kept"),
    }
}

/// « « X » supprimé de la bibliothèque. »
pub fn lib_deleted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{name}\u{a0}» supprimé de la bibliothèque."),
        Lang::En => format!("“{name}” deleted from the library."),
    }
}

/// « « X » remis dans la bibliothèque. »
pub fn lib_restored(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{name}\u{a0}» remis dans la bibliothèque."),
        Lang::En => format!("“{name}” is back in the library."),
    }
}

/// « Renommé en « X ». »
pub fn lib_renamed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Renommé en «\u{a0}{name}\u{a0}»."),
        Lang::En => format!("Renamed to “{name}”."),
    }
}

/// « Article « X » ouvert. »
pub fn lib_opened(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Article «\u{a0}{name}\u{a0}» ouvert."),
        Lang::En => format!("Article “{name}” opened."),
    }
}

/// « Bibliothèque exportée (3 articles). »
pub fn lib_exported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "Bibliothèque exportée ({}).",
            count(lang, n, "article", "articles")
        ),
        Lang::En => format!(
            "Library exported ({}).",
            count(lang, n, "article", "articles")
        ),
    }
}

/// « 2 articles importés, 1 déjà présent. »
pub fn lib_imported(lang: Lang, added: usize, present: usize) -> String {
    let (a, p) = match lang {
        Lang::Fr => (
            count(lang, added, "article importé", "articles importés"),
            count(lang, present, "déjà présent", "déjà présents"),
        ),
        Lang::En => (
            count(lang, added, "article imported", "articles imported"),
            format!("{} already there", group_digits(lang, present)),
        ),
    };
    if present == 0 {
        format!("{a}.")
    } else {
        format!("{a}, {p}.")
    }
}

/// Why an import file was refused, in words; nothing was imported.
pub fn lib_import_error(lang: Lang, e: &crate::ui::libfile::ImportError) -> String {
    use crate::ui::libfile::{ImportError as E, Why};
    let t = lib(lang);
    match e {
        E::NotJson => t.import_not_json.to_string(),
        E::NotLibrary => t.import_not_library.to_string(),
        E::Empty => t.import_empty.to_string(),
        E::Version(v) => match lang {
            Lang::Fr => format!("Ce fichier est au format {v}, que cette version de Loupe ne lit pas\u{a0}: rien n’a été importé."),
            Lang::En => format!("This file is in the {v} format, which this version of Loupe cannot read: nothing was imported."),
        },
        E::Article { index, why } => {
            let why = match (lang, why) {
                (Lang::Fr, Why::NotObject) => "ce n’est pas un objet",
                (Lang::Fr, Why::NoText) => "il n’a pas de texte",
                (Lang::Fr, Why::BadName) => "son nom n’est pas un texte",
                (Lang::Fr, Why::NoAnalysis) => "il n’a pas d’analyse",
                (Lang::Fr, Why::BadAnalysis) => "son analyse n’est pas au format loupe.analysis/1",
                (Lang::Fr, Why::Mismatch) => "son analyse est celle d’un autre texte",
                (Lang::Fr, Why::BadDate) => "sa date d’ajout n’est pas valable",
                (Lang::En, Why::NotObject) => "it is not an object",
                (Lang::En, Why::NoText) => "it has no text",
                (Lang::En, Why::BadName) => "its name is not a string",
                (Lang::En, Why::NoAnalysis) => "it has no analysis",
                (Lang::En, Why::BadAnalysis) => "its analysis is not loupe.analysis/1",
                (Lang::En, Why::Mismatch) => "its analysis is of another text",
                (Lang::En, Why::BadDate) => "its date added is not valid",
            };
            match lang {
                Lang::Fr => format!("L’article n°\u{a0}{} du fichier est inutilisable ({why})\u{a0}: rien n’a été importé.", index + 1),
                Lang::En => format!("Article {} of the file is unusable ({why}): nothing was imported.", index + 1),
            }
        }
    }
}

/// The calendar date (`YYYY-MM-DD`, UTC) of a time in milliseconds since 1970.
pub fn iso_day(ms: f64) -> String {
    let days = (ms / 86_400_000.0).floor() as i64;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The line under an article's name in the list: « Le Journal · 14 avril 2025 · 312 mots ·
/// gardé le 4 décembre 2026 ».
pub fn lib_meta_line(lang: Lang, m: &crate::ui::libfile::Meta) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &m.publisher {
        parts.push(p.clone());
    }
    if let Some(d) = &m.date {
        parts.push(date_label(lang, d));
    }
    parts.push(match lang {
        Lang::Fr => count(lang, m.words, "mot", "mots"),
        Lang::En => count(lang, m.words, "word", "words"),
    });
    if m.added > 0.0 {
        let day = date_label(lang, &iso_day(m.added));
        parts.push(match lang {
            Lang::Fr => format!("gardé le {day}"),
            Lang::En => format!("kept on {day}"),
        });
    }
    parts.join(" · ")
}

/// « seulement dans l’article 2 ».
pub fn cmp_only_in(lang: Lang, i: usize) -> String {
    match lang {
        Lang::Fr => format!("seulement dans l’article {}", i + 1),
        Lang::En => format!("only in article {}", i + 1),
    }
}

/// « 3 mentions ».
pub fn cmp_mentions(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => count(lang, n, "mention", "mentions"),
        Lang::En => count(lang, n, "mention", "mentions"),
    }
}

/// « Échelle commune : 0 à 4 ».
pub fn cmp_scale(lang: Lang, max: usize) -> String {
    match lang {
        Lang::Fr => format!("Échelle commune à tous les articles\u{a0}: 0 à {max}."),
        Lang::En => format!("One scale for every article: 0 to {max}."),
    }
}

/// The accessible name of a jump from a comparison cell: « Voir dans l’article 2 : … ».
pub fn cmp_jump(lang: Lang, article: usize, what: &str) -> String {
    match lang {
        Lang::Fr => format!("Voir dans l’article {}\u{a0}: {what}", article + 1),
        Lang::En => format!("Show in article {}: {what}", article + 1),
    }
}

/// The comparison's heading with its number of articles.
pub fn cmp_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Comparaison de {n} articles"),
        Lang::En => format!("Comparison of {n} articles"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_is_the_zero_precision_format() {
        let mut vals = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            -0.4,
            -1.5,
            0.49999999999999994,
            1e15 + 0.5,
        ];
        vals.extend((-2000..2000).map(|i| i as f64 * 0.25 + 0.125));
        vals.extend((0..1000).map(|i| (i as f64).sqrt() * 37.1 - 300.0));
        for v in vals {
            assert_eq!(super::whole(v), format!("{v:.0}"), "{v}");
        }
    }

    use super::*;

    #[test]
    fn fr_months_are_the_cores() {
        for (i, m) in FR_MONTHS.iter().enumerate() {
            assert_eq!(crate::layers::dates::month_name(i as u32 + 1), Some(*m));
        }
    }

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(date_label(Lang::Fr, "2023-03-03"), "3 mars 2023");
        assert_eq!(date_label(Lang::Fr, "2023-05-01"), "1er mai 2023");
        assert_eq!(date_label(Lang::Fr, "2023-12"), "décembre 2023");
        assert_eq!(date_label(Lang::En, "2023-05-01"), "1 May 2023");
        assert_eq!(date_label(Lang::En, "2023-12"), "December 2023");
        assert_eq!(date_label(Lang::En, "2023"), "2023");
        assert_eq!(date_label(Lang::Fr, "2023-13-40"), "2023-13-40");
    }

    #[test]
    fn sizes_and_estimates() {
        assert_eq!(size_label(Lang::Fr, 1_234_567), "1,2\u{a0}Mo");
        assert_eq!(size_label(Lang::En, 1_234_567), "1.2\u{a0}MB");
        assert_eq!(size_label(Lang::Fr, 10_240), "10\u{a0}Ko");
        assert_eq!(size_label(Lang::Fr, 1), "1 octet");
        assert_eq!(
            analysing(Lang::Fr, 1_200_000, 2_100.0),
            "Analyse de 1,2\u{a0}Mo… ≈\u{a0}2\u{a0}s"
        );
        assert!(
            truncated(Lang::Fr, 2_000_000, 3_000_000).contains("seuls les 2,0\u{a0}Mo premiers")
        );
    }

    #[test]
    fn long_text_notice() {
        assert_eq!(group_digits(Lang::Fr, 1_002_345), "1\u{202f}002\u{202f}345");
        assert_eq!(group_digits(Lang::En, 1_002_345), "1,002,345");
        assert_eq!(group_digits(Lang::En, 999), "999");
        assert!(
            long_text(Lang::Fr, 60_001).starts_with("Texte long (60\u{202f}001\u{a0}caractères)")
        );
        assert!(long_text(Lang::En, 60_001).starts_with("Long text (60,001 characters)"));
        assert_eq!(show_text(Lang::En), "Show the text");
    }

    #[test]
    fn counts_follow_each_language_rule() {
        assert_eq!(words_line(Lang::Fr, 1, 1), "1 mot · 1 min de lecture");
        assert_eq!(words_line(Lang::Fr, 0, 0), "0 mot · 0 min de lecture");
        assert_eq!(words_line(Lang::Fr, 2, 1), "2 mots · 1 min de lecture");
        assert_eq!(
            words_line(Lang::Fr, 1_234, 6),
            "1\u{202f}234 mots · 6 min de lecture"
        );
        assert_eq!(words_line(Lang::En, 1, 1), "1 word · 1 min read");
        assert_eq!(words_line(Lang::En, 0, 0), "0 words · 0 min read");
        assert_eq!(words_line(Lang::En, 1_234, 6), "1,234 words · 6 min read");
        assert_eq!(count(Lang::En, 0, "entity", "entities"), "0 entities");
        assert_eq!(count(Lang::Fr, 0, "entité", "entités"), "0 entité");
        assert_eq!(size_label(Lang::En, 0), "0 bytes");
        assert_eq!(size_label(Lang::En, 1), "1 byte");
    }

    #[test]
    fn example_notice_names_the_example() {
        let fr = example_loaded(Lang::Fr, "Le titre", true);
        assert_eq!(
            fr,
            "Exemple chargé\u{a0}: «\u{a0}Le titre\u{a0}». Il remplace votre texte."
        );
        assert!(!fr.contains(FR.example));
        assert!(example_loaded(Lang::En, "T", false).starts_with("Example loaded: “T”."));
    }

    #[test]
    fn stats_line_plurals() {
        let a = crate::analyze("Le président français Emmanuel Macron a parlé.");
        assert_eq!(
            stats_line(Lang::Fr, &a),
            "7 mots · 1 min de lecture · 1 entité"
        );
        assert_eq!(stats_line(Lang::En, &a), "7 words · 1 min read · 1 entity");
    }

    #[test]
    fn frame_labels_match_the_core_taxonomy() {
        let lex = crate::lexicon::lexicons();
        assert!(!lex.frame_labels.is_empty());
        for (id, fr, en) in &lex.frame_labels {
            assert_eq!(&frame_label(Lang::Fr, id), fr);
            assert_eq!(&frame_label(Lang::En, id), en);
        }
    }

    #[test]
    fn result_notes() {
        // The page decides from the head of the result: both must agree.
        let note = |t: &str| {
            let a = crate::analyze(t);
            let (head, _) = crate::ui::parts::split(a.clone(), t.len(), 40);
            assert_eq!(ResultNote::of_head(&head), ResultNote::of(&a), "{t}");
            ResultNote::of(&a)
        };
        assert_eq!(note(""), None);
        assert_eq!(
            note("Le président français Emmanuel Macron a parlé à Lyon."),
            None
        );
        let en = "The president of the United States said on Monday that the talks with the \
                  European Union would resume next week, and that he was confident they would \
                  reach an agreement on the trade of steel and of the other goods in the coming days.";
        let n = note(en).unwrap();
        assert_eq!(n, ResultNote::Language("en".into()));
        assert!(n
            .text(Lang::Fr)
            .starts_with("Ce texte semble être en anglais\u{a0}; Loupe lit le français"));
        assert!(n
            .text(Lang::En)
            .starts_with("This text seems to be in English; Loupe reads French"));
        assert_eq!(
            note("Il fait beau aujourd'hui et nous irons marcher dans les bois."),
            Some(ResultNote::NothingFound)
        );
        assert_eq!(note("… !!! ???"), Some(ResultNote::NoWords));
        let chrome = "Accueil\nPolitique\nÉconomie\nInternational\nCulture\nSport\n\nPartager sur Facebook\nPartager sur X\nLire aussi\n";
        let a = crate::analyze(chrome);
        assert_eq!(
            ResultNote::of(&a),
            Some(ResultNote::AllChrome),
            "{:?}",
            a.card.words
        );
        for l in ["fr", "en", "de", "es", "it", "pt"] {
            assert!(language_name(Lang::Fr, l).is_some() && language_name(Lang::En, l).is_some());
        }
        assert_eq!(
            ResultNote::Language("xx".into()).text(Lang::Fr),
            "Ce texte ne semble pas être en français\u{a0}; Loupe lit le français\u{a0}: l’analyse ci-dessous risque d’être pauvre ou fausse."
        );
    }

    #[test]
    fn unknown_stance_holders_are_named() {
        assert_eq!(holder_label(Lang::Fr, "?"), "auteur non identifié");
        assert_eq!(holder_label(Lang::En, "?"), "unidentified holder");
        assert_eq!(holder_label(Lang::Fr, "Moscou"), "Moscou");
    }

    #[test]
    fn frames_have_labels_in_both_languages() {
        assert_eq!(frame_label(Lang::Fr, "hegemony"), "Hégémonie");
        assert_eq!(frame_label(Lang::En, "hegemony"), "Hegemony");
        assert_eq!(frame_label(Lang::En, "no_such_frame"), "no such frame");
    }

    #[test]
    fn library_strings_in_both_languages() {
        assert_eq!(iso_day(0.0), "1970-01-01");
        assert_eq!(iso_day(1_764_806_400_000.0), "2025-12-04");
        assert_eq!(iso_day(951_782_400_000.0), "2000-02-29");
        assert_eq!(lib(Lang::Fr).keep, "Garder");
        assert_eq!(lib(Lang::En).keep, "Keep");
        assert_eq!(lib_imported(Lang::Fr, 2, 0), "2 articles importés.");
        assert_eq!(
            lib_imported(Lang::Fr, 1, 1),
            "1 article importé, 1 déjà présent."
        );
        assert_eq!(
            lib_imported(Lang::En, 0, 3),
            "0 articles imported, 3 already there."
        );
        let e = crate::ui::libfile::ImportError::Article {
            index: 1,
            why: crate::ui::libfile::Why::Mismatch,
        };
        assert!(lib_import_error(Lang::Fr, &e).contains("n°\u{a0}2"));
        assert!(lib_import_error(Lang::En, &e).starts_with("Article 2 of the file"));
        assert_eq!(lib_count(Lang::Fr, 1), "1 article gardé");
        assert_eq!(lib_count(Lang::En, 2), "2 articles kept");
    }
}
