//! The spelling-independent key of a person's name (transliteration variants meet). Pure, with
//! no data: used by the entity rules (engine) and by the comparison of articles (engine and page).

/// A spelling-independent key of a name, so that the transliterations of one name meet
/// (« Tokaïev », « Tokayev », « Tokaev »; « Sergueï », « Sergei », « Sergey »; « Zelensky »,
/// « Zelenski », « Zelenskyy »; « Michoustine », « Mishustin »; « Mirziyoyev », « Mirzioïev »):
/// lower case without accents, hyphens as spaces; « tch/sch/sh » → « ch », « kh » → « h »,
/// « dj/dzh/zh » → « j », « ou » → « u », « w » → « v », « y » → « i », « ck » → « k »,
/// « gu » + e/i → « g », « ph » → « f »; an « i » between two vowels dropped, doubled letters
/// single, a final « e » after a consonant dropped (« Poutine » / « Putin »).
pub fn translit_key(name: &str) -> String {
    // (One buffer of chars for the first two passes: the digraph pass writes behind its read
    // position, never ahead, since no replacement is longer than what it replaces.)
    let mut a: Vec<char> = Vec::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            a.push(match c {
                '-' | '\'' => ' ',
                c => c.to_ascii_lowercase(),
            });
            continue;
        }
        for c in c.to_lowercase() {
            let c = match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'ā' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
                'î' | 'ï' | 'í' | 'ì' | 'ı' | 'ī' => 'i',
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'ō' => 'o',
                'ù' | 'û' | 'ü' | 'ú' | 'ū' => 'u',
                'ç' | 'ć' => 'c',
                'ÿ' | 'ý' => 'y',
                'ñ' | 'ń' => 'n',
                'ğ' => 'g',
                'ş' | 'ś' => 's',
                'ž' => 'j',
                'š' | 'č' => {
                    a.push('c');
                    'h'
                }
                '-' | '\'' | '’' => ' ',
                c => c,
            };
            a.push(c);
        }
    }
    // Digraphs, longest first, in one left-to-right pass (in place: `w <= i`).
    let (mut i, mut w) = (0, 0);
    while i < a.len() {
        let (rep, n): (&[char], usize) = match a[i..] {
            ['t' | 's', 'c', 'h', ..] => (&['c', 'h'], 3),
            ['d', 'z', 'h', ..] => (&['j'], 3),
            ['s', 'h', ..] => (&['c', 'h'], 2),
            ['k', 'h', ..] => (&['h'], 2),
            ['d', 'j', ..] | ['z', 'h', ..] => (&['j'], 2),
            ['o', 'u', ..] => (&['u'], 2),
            ['c', 'k', ..] => (&['k'], 2),
            ['p', 'h', ..] => (&['f'], 2),
            ['g', 'u', 'e' | 'i' | 'y', ..] => (&['g'], 2),
            ['w', ..] => (&['v'], 1),
            ['y', ..] => (&['i'], 1),
            _ => (&[], 1),
        };
        if rep.is_empty() {
            a[w] = a[i];
            w += 1;
        } else {
            a[w..w + rep.len()].copy_from_slice(rep);
            w += rep.len();
        }
        i += n;
    }
    a.truncate(w);
    let b = a;
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut out = String::with_capacity(b.len());
    let mut prev: Option<char> = None;
    for k in 0..b.len() {
        let c = b[k];
        if Some(c) == prev {
            continue; // doubled letter
        }
        if c == 'i' && k > 0 && vowel(b[k - 1]) && b.get(k + 1).copied().is_some_and(vowel) {
            continue; // « Tokaïev » / « Tokaev »
        }
        let word_end = b.get(k + 1).is_none_or(|&n| n == ' ');
        if c == 'e' && word_end && k >= 2 && !vowel(b[k - 1]) && b[k - 1] != ' ' {
            continue; // « Poutine » / « Putin »
        }
        out.push(c);
        prev = Some(c);
    }
    out
}
