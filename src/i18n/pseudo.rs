//! The pseudo-language `en-XA`: English with every letter accented and
//! words about 40 % longer, so that a page printed in it shows at a glance
//! text that is cut or overlaps (it no longer fits), and English that does
//! not come from the catalogue (it has no accents).

use std::borrow::Cow;

/// An accented form of an ASCII letter (every one of them has one).
fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER[(c as u8 - b'a') as usize],
        'A'..='Z' => UPPER[(c as u8 - b'A') as usize],
        other => other,
    }
}

/// The pseudo-English of a text element of a message: each letter
/// accented, and each word 40 % longer (its vowels, then its other
/// letters, doubled until it is).
pub fn transform(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        push_word(&mut out, &word);
        word.clear();
        out.push(c);
    }
    push_word(&mut out, &word);
    Cow::Owned(out)
}

/// A word of ASCII letters, accented and lengthened by 40 % (rounded up).
fn push_word(out: &mut String, word: &str) {
    let letters: Vec<char> = word.chars().collect();
    let mut extra = (letters.len() * 2).div_ceil(5);
    let mut double = vec![false; letters.len()];
    for vowels in [true, false] {
        for (i, c) in letters.iter().enumerate() {
            let vowel = matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
            if extra > 0 && vowel == vowels && !double[i] {
                double[i] = true;
                extra -= 1;
            }
        }
    }
    for (c, twice) in letters.iter().zip(double) {
        out.push(accent(*c));
        if twice {
            out.push(accent(c.to_ascii_lowercase()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_is_accented_and_words_are_longer() {
        let text = "Short form of the register";
        let pseudo = transform(text);
        assert!(!pseudo.chars().any(|c| c.is_ascii_alphabetic()), "{pseudo}");
        let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
        let (before, after) = (letters(text), letters(&pseudo));
        assert!(after * 10 >= before * 14, "{before} → {after}");
        assert_eq!(transform("12 / 30"), "12 / 30");
    }
}
