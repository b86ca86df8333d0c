//! French inflection for the lexicons: the forms of a verb, a noun or an adjective from its
//! lemma, so that a lexicon row names a word family once (`soutenir/v`) instead of listing its
//! forms. Lower-case output, one token each (as the tokenizer splits: no apostrophes inside).
//!
//! Verbs: the first group (with its spelling changes: -cer, -ger, e/é → è, -eler/-eter, -yer),
//! the second group (-ir, -iss-) and the third group by models chosen from the lemma's ending
//! (tenir/venir, mettre, prendre, -dre, -indre, -uire, faire, dire, voir, ouvrir, partir,
//! -cevoir, battre, vaincre, suivre, -aître, croire, écrire, rompre, résoudre, vouloir, pouvoir,
//! devoir, acquérir, courir, accueillir, fuir, valoir, aller). The forms news writing uses are
//! produced: present, imperfect, future, conditional, passé simple (3rd persons), present
//! subjunctive, infinitive, present participle — the *finite* set — and the four past
//! participles.

/// The forms of a verb: `finite` (conjugated forms, infinitive and present participle) and the
/// past participles (masculine and feminine, singular and plural).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerbForms {
    pub finite: Vec<String>,
    pub participles: Vec<String>,
    /// The future and the conditional (a subset of `finite`).
    pub future: Vec<String>,
}

/// Six persons of a tense.
type Six = [String; 6];

fn six(stem: &str, ends: [&str; 6]) -> Six {
    ends.map(|e| cat(stem, e))
}

/// `format!("{a}{b}")` without the formatting machinery (hundreds of forms per verb lemma).
fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

const IMPF: [&str; 6] = ["ais", "ais", "ait", "ions", "iez", "aient"];
const FUT: [&str; 6] = ["ai", "as", "a", "ons", "ez", "ont"];
const COND: [&str; 6] = ["ais", "ais", "ait", "ions", "iez", "aient"];

/// Principal parts from which every form is derived.
struct Parts {
    /// Present, six persons.
    pres: Six,
    /// Imperfect stem (« soutenai- » → « souten »), and before « i » (« commençait » but
    /// « commencions »).
    impf: String,
    impf_i: String,
    /// Future / conditional stem (« soutiendr »).
    fut: String,
    /// Passé simple 3sg and 3pl.
    ps: [String; 2],
    /// Subjunctive stems: singular and 3pl (« soutienn »), 1pl/2pl (« souten »).
    subj: [String; 2],
    /// Present participle.
    ppr: String,
    /// Past participle, masculine singular; `pp_fem` the feminine singular when it is not
    /// `pp + e` (none here: kept general).
    pp: String,
}

impl Parts {
    fn forms(self, inf: &str) -> VerbForms {
        // The second person singular (« tu ») is left out: news writing hardly uses it, and its
        // forms collide with other words (« sommes », « portes »).
        let no_tu = |x: Six| -> Vec<String> {
            x.into_iter()
                .enumerate()
                .filter(|(i, _)| *i != 1)
                .map(|(_, w)| w)
                .collect()
        };
        let mut f: Vec<String> = Vec::with_capacity(48);
        f.push(inf.to_string());
        f.extend(no_tu(self.pres));
        let impf = six(&self.impf, IMPF);
        let impf_i = six(&self.impf_i, IMPF);
        f.extend([
            impf[0].clone(),
            impf[2].clone(),
            impf_i[3].clone(),
            impf_i[4].clone(),
            impf[5].clone(),
        ]);
        let future: Vec<String> = no_tu(six(&self.fut, FUT))
            .into_iter()
            .chain(no_tu(six(&self.fut, COND)))
            .collect();
        f.extend(future.iter().cloned());
        f.extend(self.ps);
        let s = &self.subj;
        f.extend([
            format!("{}e", s[0]),
            format!("{}ions", s[1]),
            format!("{}iez", s[1]),
            format!("{}ent", s[0]),
        ]);
        f.push(self.ppr);
        let pp = self.pp;
        let participles = if pp.ends_with('s') {
            vec![pp.clone(), cat(&pp, "e"), cat(&pp, "es")]
        } else if pp.ends_with('e') && !pp.ends_with("ée") && !pp.ends_with("ue") {
            vec![pp.clone(), cat(&pp, "s")]
        } else {
            vec![pp.clone(), cat(&pp, "e"), cat(&pp, "s"), cat(&pp, "es")]
        };
        // First occurrences only (borrowed, then dropped in place).
        let mut seen = crate::fxhash::FxHashSet::default();
        seen.reserve(f.len());
        let keep: Vec<bool> = f.iter().map(|w| seen.insert(w.as_str())).collect();
        drop(seen);
        let mut keep = keep.into_iter();
        f.retain(|_| keep.next().unwrap_or(true));
        VerbForms {
            finite: f,
            participles,
            future,
        }
    }
}

/// -eler / -eter verbs that take « è » instead of doubling the consonant.
const EL_ET_GRAVE: &[&str] = &[
    "acheter",
    "racheter",
    "geler",
    "dégeler",
    "congeler",
    "modeler",
    "peler",
    "harceler",
    "marteler",
    "démanteler",
    "ciseler",
    "haleter",
    "crocheter",
    "fureter",
];

/// First-group forms of `inf` (ends in « er »).
fn first_group(inf: &str) -> Parts {
    let stem = &inf[..inf.len() - 2];
    // Stem before a/o: « commenç », « mange ».
    let soft = if let Some(s) = stem.strip_suffix('c') {
        cat(s, "ç")
    } else if stem.ends_with('g') {
        cat(stem, "e")
    } else {
        stem.to_string()
    };
    // Stem before a mute e (present singular and 3pl, subjunctive, and — except for é →
    // è — the future): « lève », « appelle », « emploie », « espère ».
    let chars: Vec<char> = stem.chars().collect();
    let n = chars.len();
    let mut mute = stem.to_string();
    let mut fut_changes = true;
    if stem.ends_with("oy") || stem.ends_with("uy") || stem.ends_with("ay") {
        mute = format!("{}i", &stem[..stem.len() - 1]);
    } else if n >= 2
        && (chars[n - 2] == 'e' || chars[n - 2] == 'é')
        && !"aeiouyé".contains(chars[n - 1])
    {
        // e/é + one consonant (or « ch », « gu »… are rare enough to ignore).
        let c = chars[n - 1];
        let before: String = chars[..n - 2].iter().collect();
        if chars[n - 2] == 'é' {
            mute = format!("{before}è{c}");
            fut_changes = false;
        } else if (c == 'l' || c == 't') && !EL_ET_GRAVE.contains(&inf) {
            mute = format!("{stem}{c}");
        } else {
            mute = format!("{before}è{c}");
        }
    } else if n >= 3
        && chars[n - 3] == 'é'
        && matches!(
            (chars[n - 2], chars[n - 1]),
            ('g', 'r') | ('t', 'r') | ('c', 'h') | ('g', 'l') | ('b', 'r') | ('v', 'r')
        )
    {
        // « intégrer », « pénétrer », « sécher », « régler », « célébrer »: é → è.
        let before: String = chars[..n - 3].iter().collect();
        mute = format!("{before}è{}{}", chars[n - 2], chars[n - 1]);
        fut_changes = false;
    }
    let fut = if fut_changes && mute != stem {
        cat(&mute, "er")
    } else {
        inf.to_string()
    };
    Parts {
        pres: [
            cat(&mute, "e"),
            cat(&mute, "es"),
            cat(&mute, "e"),
            cat(&soft, "ons"),
            cat(stem, "ez"),
            cat(&mute, "ent"),
        ],
        impf: soft.clone(),
        impf_i: stem.to_string(),
        fut,
        ps: [cat(&soft, "a"), cat(stem, "èrent")],
        subj: [mute, stem.to_string()],
        ppr: cat(&soft, "ant"),
        pp: cat(stem, "é"),
    }
}

/// Second-group forms (« finir »: « finissons »).
fn second_group(inf: &str) -> Parts {
    let stem = &inf[..inf.len() - 2];
    let iss = cat(stem, "iss");
    Parts {
        pres: [
            cat(stem, "is"),
            cat(stem, "is"),
            cat(stem, "it"),
            cat(&iss, "ons"),
            cat(&iss, "ez"),
            cat(&iss, "ent"),
        ],
        impf: iss.clone(),
        impf_i: iss.clone(),
        fut: inf.to_string(),
        ps: [cat(stem, "it"), cat(stem, "irent")],
        subj: [iss.clone(), iss.clone()],
        ppr: cat(&iss, "ant"),
        pp: cat(stem, "i"),
    }
}

/// A third-group model: the lemma ends with the suffix; the endings, added to the part of the
/// lemma before it, are the present (six persons), the imperfect and future stems, the passé
/// simple 3sg and 3pl, the subjunctive stems (singular/3pl, 1pl/2pl), the present and the past
/// participles. (Data, not code: forty models cost a few hundred bytes.)
type Model = (&'static str, [&'static str; 14]);

fn model_parts(b: &str, e: &[&str; 14]) -> Parts {
    let c = |k: usize| format!("{b}{}", e[k]);
    Parts {
        pres: [c(0), c(1), c(2), c(3), c(4), c(5)],
        impf: c(6),
        impf_i: c(6),
        fut: c(7),
        ps: [c(8), c(9)],
        subj: [c(10), c(11)],
        ppr: c(12),
        pp: c(13),
    }
}

/// Third-group models, longest suffix first where two could apply.
const MODELS: &[Model] = &[
    (
        "enir",
        [
            "iens", "iens", "ient", "enons", "enez", "iennent", "en", "iendr", "int", "inrent",
            "ienn", "en", "enant", "enu",
        ],
    ),
    (
        "mettre",
        [
            "mets", "mets", "met", "mettons", "mettez", "mettent", "mett", "mettr", "mit",
            "mirent", "mett", "mett", "mettant", "mis",
        ],
    ),
    (
        "prendre",
        [
            "prends", "prends", "prend", "prenons", "prenez", "prennent", "pren", "prendr", "prit",
            "prirent", "prenn", "pren", "prenant", "pris",
        ],
    ),
    (
        "aindre",
        [
            "ains",
            "ains",
            "aint",
            "aignons",
            "aignez",
            "aignent",
            "aign",
            "aindr",
            "aignit",
            "aignirent",
            "aign",
            "aign",
            "aignant",
            "aint",
        ],
    ),
    (
        "eindre",
        [
            "eins",
            "eins",
            "eint",
            "eignons",
            "eignez",
            "eignent",
            "eign",
            "eindr",
            "eignit",
            "eignirent",
            "eign",
            "eign",
            "eignant",
            "eint",
        ],
    ),
    (
        "oindre",
        [
            "oins",
            "oins",
            "oint",
            "oignons",
            "oignez",
            "oignent",
            "oign",
            "oindr",
            "oignit",
            "oignirent",
            "oign",
            "oign",
            "oignant",
            "oint",
        ],
    ),
    (
        "soudre",
        [
            "sous", "sous", "sout", "solvons", "solvez", "solvent", "solv", "soudr", "solut",
            "solurent", "solv", "solv", "solvant", "solu",
        ],
    ),
    (
        "uire",
        [
            "uis", "uis", "uit", "uisons", "uisez", "uisent", "uis", "uir", "uisit", "uisirent",
            "uis", "uis", "uisant", "uit",
        ],
    ),
    (
        "faire",
        [
            "fais", "fais", "fait", "faisons", "faites", "font", "fais", "fer", "fit", "firent",
            "fass", "fass", "faisant", "fait",
        ],
    ),
    (
        "dire",
        [
            "dis", "dis", "dit", "disons", "disez", "disent", "dis", "dir", "dit", "dirent", "dis",
            "dis", "disant", "dit",
        ],
    ),
    (
        "crire",
        [
            "cris",
            "cris",
            "crit",
            "crivons",
            "crivez",
            "crivent",
            "criv",
            "crir",
            "crivit",
            "crivirent",
            "criv",
            "criv",
            "crivant",
            "crit",
        ],
    ),
    (
        "cevoir",
        [
            "çois", "çois", "çoit", "cevons", "cevez", "çoivent", "cev", "cevr", "çut", "çurent",
            "çoiv", "cev", "cevant", "çu",
        ],
    ),
    (
        "prévoir",
        [
            "prévois",
            "prévois",
            "prévoit",
            "prévoyons",
            "prévoyez",
            "prévoient",
            "prévoy",
            "prévoir",
            "prévit",
            "prévirent",
            "prévoi",
            "prévoy",
            "prévoyant",
            "prévu",
        ],
    ),
    (
        "voir",
        [
            "vois", "vois", "voit", "voyons", "voyez", "voient", "voy", "verr", "vit", "virent",
            "voi", "voy", "voyant", "vu",
        ],
    ),
    (
        "vrir",
        [
            "vre", "vres", "vre", "vrons", "vrez", "vrent", "vr", "vrir", "vrit", "vrirent", "vr",
            "vr", "vrant", "vert",
        ],
    ),
    (
        "frir",
        [
            "fre", "fres", "fre", "frons", "frez", "frent", "fr", "frir", "frit", "frirent", "fr",
            "fr", "frant", "fert",
        ],
    ),
    (
        "ouffrir",
        [
            "ouffre",
            "ouffres",
            "ouffre",
            "ouffrons",
            "ouffrez",
            "ouffrent",
            "ouffr",
            "ouffrir",
            "ouffrit",
            "ouffrirent",
            "ouffr",
            "ouffr",
            "ouffrant",
            "ouffert",
        ],
    ),
    (
        "battre",
        [
            "bats",
            "bats",
            "bat",
            "battons",
            "battez",
            "battent",
            "batt",
            "battr",
            "battit",
            "battirent",
            "batt",
            "batt",
            "battant",
            "battu",
        ],
    ),
    (
        "vaincre",
        [
            "vaincs",
            "vaincs",
            "vainc",
            "vainquons",
            "vainquez",
            "vainquent",
            "vainqu",
            "vaincr",
            "vainquit",
            "vainquirent",
            "vainqu",
            "vainqu",
            "vainquant",
            "vaincu",
        ],
    ),
    (
        "suivre",
        [
            "suis",
            "suis",
            "suit",
            "suivons",
            "suivez",
            "suivent",
            "suiv",
            "suivr",
            "suivit",
            "suivirent",
            "suiv",
            "suiv",
            "suivant",
            "suivi",
        ],
    ),
    (
        "aître",
        [
            "ais", "ais", "aît", "aissons", "aissez", "aissent", "aiss", "aîtr", "ut", "urent",
            "aiss", "aiss", "aissant", "u",
        ],
    ),
    (
        "croire",
        [
            "crois", "crois", "croit", "croyons", "croyez", "croient", "croy", "croir", "crut",
            "crurent", "croi", "croy", "croyant", "cru",
        ],
    ),
    (
        "rompre",
        [
            "romps",
            "romps",
            "rompt",
            "rompons",
            "rompez",
            "rompent",
            "romp",
            "rompr",
            "rompit",
            "rompirent",
            "romp",
            "romp",
            "rompant",
            "rompu",
        ],
    ),
    (
        "vouloir",
        [
            "veux",
            "veux",
            "veut",
            "voulons",
            "voulez",
            "veulent",
            "voul",
            "voudr",
            "voulut",
            "voulurent",
            "veuill",
            "voul",
            "voulant",
            "voulu",
        ],
    ),
    (
        "pouvoir",
        [
            "peux", "peux", "peut", "pouvons", "pouvez", "peuvent", "pouv", "pourr", "put",
            "purent", "puiss", "puiss", "pouvant", "pu",
        ],
    ),
    (
        "devoir",
        [
            "dois", "dois", "doit", "devons", "devez", "doivent", "dev", "devr", "dut", "durent",
            "doiv", "dev", "devant", "dû",
        ],
    ),
    (
        "quérir",
        [
            "quiers",
            "quiers",
            "quiert",
            "quérons",
            "quérez",
            "quièrent",
            "quér",
            "querr",
            "quit",
            "quirent",
            "quièr",
            "quér",
            "quérant",
            "quis",
        ],
    ),
    (
        "courir",
        [
            "cours",
            "cours",
            "court",
            "courons",
            "courez",
            "courent",
            "cour",
            "courr",
            "courut",
            "coururent",
            "cour",
            "cour",
            "courant",
            "couru",
        ],
    ),
    (
        "cueillir",
        [
            "cueille",
            "cueilles",
            "cueille",
            "cueillons",
            "cueillez",
            "cueillent",
            "cueill",
            "cueiller",
            "cueillit",
            "cueillirent",
            "cueill",
            "cueill",
            "cueillant",
            "cueilli",
        ],
    ),
    (
        "fuir",
        [
            "fuis", "fuis", "fuit", "fuyons", "fuyez", "fuient", "fuy", "fuir", "fuit", "fuirent",
            "fui", "fuy", "fuyant", "fui",
        ],
    ),
    (
        "valoir",
        [
            "vaux", "vaux", "vaut", "valons", "valez", "valent", "val", "vaudr", "valut",
            "valurent", "vaill", "val", "valant", "valu",
        ],
    ),
    (
        "aller",
        [
            "vais",
            "vas",
            "va",
            "allons",
            "allez",
            "vont",
            "all",
            "ir",
            "alla",
            "allèrent",
            "aill",
            "all",
            "allant",
            "allé",
        ],
    ),
    (
        "tir",
        [
            "s", "s", "t", "tons", "tez", "tent", "t", "tir", "tit", "tirent", "t", "t", "tant",
            "ti",
        ],
    ),
    (
        "servir",
        [
            "sers",
            "sers",
            "sert",
            "servons",
            "servez",
            "servent",
            "serv",
            "servir",
            "servit",
            "servirent",
            "serv",
            "serv",
            "servant",
            "servi",
        ],
    ),
    (
        "dormir",
        [
            "dors",
            "dors",
            "dort",
            "dormons",
            "dormez",
            "dorment",
            "dorm",
            "dormir",
            "dormit",
            "dormirent",
            "dorm",
            "dorm",
            "dormant",
            "dormi",
        ],
    ),
    (
        "vivre",
        [
            "vis",
            "vis",
            "vit",
            "vivons",
            "vivez",
            "vivent",
            "viv",
            "vivr",
            "vécut",
            "vécurent",
            "viv",
            "viv",
            "vivant",
            "vécu",
        ],
    ),
    (
        "lire",
        [
            "lis", "lis", "lit", "lisons", "lisez", "lisent", "lis", "lir", "lut", "lurent", "lis",
            "lis", "lisant", "lu",
        ],
    ),
    (
        "mourir",
        [
            "meurs",
            "meurs",
            "meurt",
            "mourons",
            "mourez",
            "meurent",
            "mour",
            "mourr",
            "mourut",
            "moururent",
            "meur",
            "mour",
            "mourant",
            "mort",
        ],
    ),
    (
        "plaire",
        [
            "plais", "plais", "plaît", "plaisons", "plaisez", "plaisent", "plais", "plair", "plut",
            "plurent", "plais", "plais", "plaisant", "plu",
        ],
    ),
    (
        "taire",
        [
            "tais", "tais", "tait", "taisons", "taisez", "taisent", "tais", "tair", "tut",
            "turent", "tais", "tais", "taisant", "tu",
        ],
    ),
    // -dre last: « prendre », « -indre », « résoudre » are matched before it.
    (
        "dre",
        [
            "ds", "ds", "d", "dons", "dez", "dent", "d", "dr", "dit", "dirent", "d", "d", "dant",
            "du",
        ],
    ),
];

/// Lemmas in « -tir » that are second group (« aboutir », « garantir »…), not « partir ».
const TIR_SECOND: &[&str] = &[
    "aboutir",
    "garantir",
    "anéantir",
    "ralentir",
    "investir",
    "convertir",
    "avertir",
    "divertir",
    "engloutir",
    "amortir",
    "aplatir",
    "rôtir",
    "bâtir",
    "rebâtir",
    "pâtir",
    "retentir",
    "abrutir",
    "compatir",
    "assortir",
    "nantir",
    "ratir",
];

/// The forms of the verb `inf` (lower case, infinitive). Irregular verbs outside the models are
/// given their nearest regular forms; the lexicon lists such verbs' forms as words instead.
pub fn verb(inf: &str) -> VerbForms {
    if inf == "être" || inf == "avoir" {
        let (finite, participles): (&[&str], &[&str]) = if inf == "être" {
            (
                &[
                    "être", "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était",
                    "étions", "étiez", "étaient", "serai", "seras", "sera", "serons", "serez",
                    "seront", "serais", "serait", "serions", "seriez", "seraient", "fut", "furent",
                    "sois", "soit", "soyons", "soyez", "soient", "étant",
                ],
                &["été"],
            )
        } else {
            (
                &[
                    "avoir", "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions",
                    "aviez", "avaient", "aurai", "auras", "aura", "aurons", "aurez", "auront",
                    "aurais", "aurait", "aurions", "auriez", "auraient", "eut", "eurent", "aie",
                    "ait", "ayons", "ayez", "aient", "ayant",
                ],
                &["eu", "eue", "eus", "eues"],
            )
        };
        return VerbForms {
            finite: finite.iter().map(|s| s.to_string()).collect(),
            participles: participles.iter().map(|s| s.to_string()).collect(),
            future: Vec::new(),
        };
    }
    let parts = if let Some((suffix, ends)) = MODELS
        .iter()
        .filter(|(suffix, _)| inf.ends_with(suffix))
        .filter(|(suffix, _)| !(*suffix == "tir" && TIR_SECOND.contains(&inf)))
        .max_by_key(|(suffix, _)| suffix.len())
    {
        model_parts(&inf[..inf.len() - suffix.len()], ends)
    } else if inf.ends_with("er") {
        first_group(inf)
    } else if inf.ends_with("ir") {
        second_group(inf)
    } else {
        // Unknown ending: the infinitive alone.
        return VerbForms {
            finite: vec![inf.to_string()],
            participles: Vec::new(),
            future: Vec::new(),
        };
    };
    let mut forms = parts.forms(inf);
    // Spellings without the circumflex (1990 reform): « connait », « parait ».
    let extra: Vec<String> = forms
        .finite
        .iter()
        .filter(|w| !w.is_ascii() && w.contains('î'))
        .map(|w| w.replace('î', "i"))
        .collect();
    forms.finite.extend(extra);
    // « payer »: « paie » and « paye » are both in use.
    if inf.ends_with("ayer") {
        let stem = &inf[..inf.len() - 2];
        for e in ["e", "es", "ent"] {
            forms.finite.push(format!("{stem}{e}"));
        }
        for e in ["era", "eront", "erait", "eraient"] {
            forms.finite.push(format!("{stem}{e}"));
            forms.future.push(format!("{stem}{e}"));
        }
    }
    forms
}

/// Singular and plural of a noun (« soutien » → « soutiens »; « -al » → « -aux »; « -eau » →
/// « -eaux »; words ending in s, x, z are invariable).
pub fn noun(sg: &str) -> Vec<String> {
    let pl = if sg.ends_with('s') || sg.ends_with('x') || sg.ends_with('z') {
        return vec![sg.to_string()];
    } else if let Some(b) = sg.strip_suffix("al") {
        cat(b, "aux")
    } else if sg.ends_with("eau") || sg.ends_with("eu") {
        cat(sg, "x")
    } else {
        cat(sg, "s")
    };
    vec![sg.to_string(), pl]
}

/// The four forms of an adjective from its masculine singular (« opposé » → « opposée »,
/// « opposés », « opposées »; « -if » → « -ive »; « -eux » → « -euse »; « -el/-en/-on » double
/// their consonant; « -al » → « -aux »; a word ending in e keeps it).
pub fn adjective(m: &str) -> Vec<String> {
    let fem = if m.ends_with('e') {
        m.to_string()
    } else if let Some(b) = m.strip_suffix("eux") {
        cat(b, "euse")
    } else if let Some(b) = m.strip_suffix("if") {
        cat(b, "ive")
    } else if let Some(b) = m.strip_suffix("er") {
        cat(b, "ère")
    } else if let Some(b) = m.strip_suffix("et").filter(|_| {
        matches!(
            m,
            "inquiet" | "complet" | "incomplet" | "concret" | "discret" | "secret"
        )
    }) {
        cat(b, "ète")
    } else if m.ends_with("el") || m.ends_with("en") || m.ends_with("on") || m.ends_with("et") {
        let last = m.chars().last().unwrap_or('e');
        format!("{m}{last}e")
    } else if m.ends_with('c') && m.ends_with("ic") {
        cat(m, "que")
    } else {
        cat(m, "e")
    };
    let mpl = if m.ends_with('s') || m.ends_with('x') {
        m.to_string()
    } else if let Some(b) = m.strip_suffix("al") {
        cat(b, "aux")
    } else {
        cat(m, "s")
    };
    let fpl = cat(&fem, "s");
    let mut out = vec![m.to_string()];
    for w in [fem, mpl, fpl] {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(v: &VerbForms, ws: &[&str]) {
        for w in ws {
            assert!(
                v.finite.iter().any(|f| f == w) || v.participles.iter().any(|f| f == w),
                "missing {w} in {v:?}"
            );
        }
    }

    #[test]
    fn first_group_with_spelling_changes() {
        has(
            &verb("saluer"),
            &[
                "salue",
                "saluent",
                "saluons",
                "saluait",
                "saluera",
                "saluerait",
                "salua",
                "saluèrent",
                "saluant",
                "salué",
                "saluées",
            ],
        );
        has(
            &verb("menacer"),
            &["menace", "menaçons", "menaçait", "menaçant", "menacé"],
        );
        has(
            &verb("encourager"),
            &["encourage", "encourageons", "encourageait", "encourageant"],
        );
        has(
            &verb("appeler"),
            &[
                "appelle",
                "appellent",
                "appelons",
                "appellera",
                "appelait",
                "appelé",
            ],
        );
        has(
            &verb("rejeter"),
            &["rejette", "rejettent", "rejetons", "rejettera", "rejeté"],
        );
        has(&verb("marteler"), &["martèle", "martèlent", "martèlera"]);
        has(
            &verb("lever"),
            &["lève", "lèvent", "lèvera", "levons", "levé"],
        );
        has(
            &verb("espérer"),
            &["espère", "espèrent", "espérons", "espérera", "espéré"],
        );
        has(
            &verb("employer"),
            &["emploie", "emploient", "emploiera", "employons", "employé"],
        );
        has(&verb("intégrer"), &["intègre", "intégrons"]);
        has(&verb("payer"), &["paie", "paye", "payons"]);
        // No stray forms.
        let v = verb("appeler");
        assert!(!v.finite.iter().any(|f| f == "appele"));
    }

    #[test]
    fn second_and_third_groups() {
        has(
            &verb("agir"),
            &[
                "agit", "agissent", "agissons", "agissait", "agira", "agirait", "agi",
            ],
        );
        has(&verb("garantir"), &["garantit", "garantissent", "garanti"]);
        has(
            &verb("soutenir"),
            &[
                "soutient",
                "soutiennent",
                "soutenons",
                "soutenait",
                "soutiendra",
                "soutiendrait",
                "soutint",
                "soutienne",
                "soutenant",
                "soutenu",
                "soutenues",
            ],
        );
        has(
            &verb("promettre"),
            &[
                "promet",
                "promettent",
                "promettra",
                "promis",
                "promise",
                "promises",
            ],
        );
        has(
            &verb("entreprendre"),
            &["entreprend", "entreprennent", "entrepris"],
        );
        has(
            &verb("défendre"),
            &["défend", "défendent", "défendra", "défendu", "défendues"],
        );
        has(
            &verb("craindre"),
            &[
                "craint",
                "craignent",
                "craignait",
                "craindra",
                "craint",
                "craintes",
            ],
        );
        has(&verb("rejoindre"), &["rejoint", "rejoignent"]);
        has(
            &verb("détruire"),
            &["détruit", "détruisent", "détruira", "détruit"],
        );
        has(&verb("contredire"), &["contredit", "contredisent"]);
        has(
            &verb("prévoir"),
            &["prévoit", "prévoient", "prévoira", "prévu"],
        );
        has(&verb("revoir"), &["revoit", "reverra", "revu"]);
        has(
            &verb("offrir"),
            &["offre", "offrent", "offrira", "offert", "offertes"],
        );
        has(&verb("découvrir"), &["découvre", "découvert"]);
        has(&verb("souffrir"), &["souffre", "souffert"]);
        has(&verb("ressentir"), &["ressent", "ressentent", "ressenti"]);
        has(
            &verb("recevoir"),
            &["reçoit", "reçoivent", "recevons", "recevra", "reçu"],
        );
        has(&verb("combattre"), &["combat", "combattent", "combattu"]);
        has(
            &verb("convaincre"),
            &["convainc", "convainquent", "convaincu"],
        );
        has(
            &verb("poursuivre"),
            &["poursuit", "poursuivent", "poursuivra", "poursuivi"],
        );
        has(
            &verb("reconnaître"),
            &[
                "reconnaît",
                "reconnait",
                "reconnaissent",
                "reconnut",
                "reconnu",
            ],
        );
        has(
            &verb("décrire"),
            &["décrit", "décrivent", "décrira", "décrit"],
        );
        has(&verb("interrompre"), &["interrompt", "interrompu"]);
        has(
            &verb("résoudre"),
            &["résout", "résolvent", "résoudra", "résolu"],
        );
        has(
            &verb("vouloir"),
            &["veut", "veulent", "voulons", "voudra", "voudrait", "voulu"],
        );
        has(
            &verb("acquérir"),
            &["acquiert", "acquièrent", "acquerra", "acquis"],
        );
        has(&verb("recourir"), &["recourt", "recourra", "recouru"]);
        has(
            &verb("accueillir"),
            &["accueille", "accueillent", "accueillera", "accueilli"],
        );
        has(
            &verb("faire"),
            &["fait", "font", "fera", "ferait", "faisant", "fait"],
        );
        has(&verb("satisfaire"), &["satisfait", "satisfont"]);
        has(&verb("aller"), &["va", "vont", "ira", "irait"]);
        has(&verb("être"), &["est", "sont", "sera", "été"]);
        let f = verb("fournir").future;
        assert!(f.contains(&"fournira".to_string()) && f.contains(&"fourniraient".to_string()));
        assert!(!f.contains(&"fournit".to_string()));
        // « garantir » is second group, « partir » is not.
        assert!(verb("garantir").finite.iter().any(|f| f == "garantissent"));
        assert!(verb("repartir").finite.iter().any(|f| f == "repartent"));
    }

    #[test]
    fn nouns_and_adjectives() {
        assert_eq!(noun("soutien"), ["soutien", "soutiens"]);
        assert_eq!(noun("accord"), ["accord", "accords"]);
        assert_eq!(noun("appel"), ["appel", "appels"]);
        assert_eq!(noun("travail"), ["travail", "travails"]);
        assert_eq!(noun("signal"), ["signal", "signaux"]);
        assert_eq!(noun("progrès"), ["progrès"]);
        assert_eq!(
            adjective("opposé"),
            ["opposé", "opposée", "opposés", "opposées"]
        );
        assert_eq!(adjective("hostile"), ["hostile", "hostiles"]);
        assert_eq!(
            adjective("inquiet"),
            ["inquiet", "inquiète", "inquiets", "inquiètes"]
        );
        assert_eq!(
            adjective("préoccupant"),
            [
                "préoccupant",
                "préoccupante",
                "préoccupants",
                "préoccupantes"
            ]
        );
        assert_eq!(
            adjective("déterminé"),
            ["déterminé", "déterminée", "déterminés", "déterminées"]
        );
        assert_eq!(adjective("favorable"), ["favorable", "favorables"]);
        assert_eq!(
            adjective("décisif"),
            ["décisif", "décisive", "décisifs", "décisives"]
        );
        assert_eq!(adjective("sérieux"), ["sérieux", "sérieuse", "sérieuses"]);
        assert_eq!(adjective("fier"), ["fier", "fière", "fiers", "fières"]);
        assert_eq!(
            adjective("essentiel"),
            ["essentiel", "essentielle", "essentiels", "essentielles"]
        );
        assert_eq!(
            adjective("crucial"),
            ["crucial", "cruciale", "cruciaux", "cruciales"]
        );
    }
}
