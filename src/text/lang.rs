//! A cheap language check: which language's most frequent function words the text uses. It
//! only has to tell French from the languages a French reader is likely to paste by mistake
//! (English above all), so that the page can say « Ce texte semble être en anglais ; Loupe lit
//! le français » instead of showing an empty result.

/// Language codes [`guess`] can return (ISO 639-1), `und` when the text is too short or mixed.
pub const CODES: [&str; 6] = ["fr", "en", "de", "es", "it", "pt"];

/// How many word tokens are looked at (the start of the text says enough).
const SAMPLE: usize = 4000;

fn lang_of(w: &str) -> Option<usize> {
    // Words frequent in one language and not a frequent word of the others.
    Some(match w {
        "le" | "les" | "des" | "du" | "et" | "est" | "une" | "dans" | "pour" | "pas" | "sur"
        | "au" | "aux" | "avec" | "il" | "elle" | "cette" | "qui" | "sont" | "ont" | "mais"
        | "ses" | "leur" | "été" | "ou" | "nous" | "vous" | "d'" | "l'" | "qu'" | "n'" => 0,
        "the" | "and" | "of" | "to" | "is" | "that" | "for" | "with" | "was" | "are" | "it"
        | "as" | "by" | "this" | "from" | "at" | "have" | "has" | "be" | "which" | "were"
        | "will" | "their" | "said" | "not" => 1,
        "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "den" | "von" | "zu" | "ein"
        | "eine" | "sich" | "auf" | "für" | "dem" | "wird" | "auch" => 2,
        "el" | "los" | "las" | "y" | "es" | "por" | "con" | "una" | "para" | "del" | "lo"
        | "su" | "más" | "pero" | "como" | "fue" => 3,
        "di" | "che" | "è" | "per" | "non" | "della" | "sono" | "gli" | "nel" | "alla"
        | "anche" | "questo" | "ha" | "dei" | "delle" => 4,
        "os" | "não" | "em" | "uma" | "pelo" | "pela" | "foi" | "também" | "são" | "dos" | "ao" => {
            5
        }
        _ => return None,
    })
}

/// The language of a text, from its lower-cased word tokens: a code of [`CODES`], or `und`
/// when fewer than 5 function words were seen or no language has clearly more (1.5×) than the
/// next.
pub fn guess<'a>(words: impl Iterator<Item = &'a str>) -> &'static str {
    let mut counts = [0usize; CODES.len()];
    for w in words.take(SAMPLE) {
        if let Some(l) = lang_of(w) {
            counts[l] += 1;
        }
    }
    let mut order: Vec<usize> = (0..CODES.len()).collect();
    order.sort_by_key(|&l| std::cmp::Reverse(counts[l]));
    let (first, second) = (counts[order[0]], counts[order[1]]);
    if first < 5 || first * 2 < second * 3 {
        "und"
    } else {
        CODES[order[0]]
    }
}

#[cfg(test)]
mod tests {
    use super::guess;

    fn g(t: &str) -> &'static str {
        let lower = t.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        guess(words.into_iter())
    }

    #[test]
    fn tells_french_from_english_and_others() {
        assert_eq!(g("Le gouvernement a annoncé mardi une réforme des retraites, mais les syndicats ne sont pas d'accord avec le calendrier et ils le disent."), "fr");
        assert_eq!(g("The government announced on Tuesday that it will reform pensions, and the unions said they were not happy with the timetable."), "en");
        assert_eq!(g("Die Regierung hat am Dienstag eine Reform angekündigt, und die Gewerkschaften sind mit dem Zeitplan nicht einverstanden, sagen sie auch."), "de");
        assert_eq!(g("El gobierno anunció el martes una reforma de las pensiones, pero los sindicatos no están de acuerdo con el calendario y lo dicen."), "es");
        // Too little to tell.
        assert_eq!(g("Paris, mardi."), "und");
        // A French page with an English caption is French.
        assert_eq!(g("Le président est arrivé à Pékin pour une visite de trois jours avec les ministres. The president arrives in Beijing. Il a rencontré son homologue et ils ont signé des accords sur le commerce."), "fr");
    }
}
