//! Spotting identifiers in the name of a file or folder.
//!
//! A name such as `ms-19811218-9876` or `anna19811218-9876.md` travels with
//! every copy of a workbook, but the scanner, made for prose, will not read a
//! number glued to a word. So a name is first cut into words: a space goes
//! between letters and digits, and a hyphen, underscore or dot that joins a
//! letter to a digit becomes one. The extension of a file covalue knows is
//! left out, so that `anna@example.org.md` reads as `anna@example.org`.
//! E-mail addresses are looked for in the name as it is, as cutting would
//! split one that holds digits. Look-alike characters are read as one first
//! (`normalise.rs`), as in a file's text.

use super::normalise::normalise_str;
use super::{IdentifierKind, Match, scan};

/// Extensions left out of a file's name before it is scanned (lower-case).
const KNOWN_EXTENSIONS: &[&str] = &[
    "md", "markdown", "toml", "txt", "csv", "yaml", "yml", "json", "html", "htm", "pdf", "png",
    "jpg", "jpeg", "gif", "svg", "webp", "docx", "xlsx", "pptx", "odt", "ods", "rtf", "zip",
];

/// Scans one file or folder name (not a whole path) and returns the likely
/// identifiers in it; `text` is the identifier as read (normalised), and
/// `start` and `end` are byte offsets in the normalised name only for e-mail
/// addresses (a name has no line or column to point at).
pub fn scan_name(name: &str) -> Vec<Match> {
    // Every kind of identifier holds a digit or an `@`; most names hold neither.
    if name.is_ascii() && !name.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return Vec::new();
    }
    let name = normalise_str(name);
    let stem = without_known_extension(&name);
    let mut found: Vec<Match> = scan(stem)
        .into_iter()
        .filter(|m| m.kind == IdentifierKind::Email)
        .collect();
    let words = cut_into_words(stem);
    for m in scan(&words) {
        if m.kind != IdentifierKind::Email && !found.iter().any(|f| f.text.contains(&m.text)) {
            found.push(m);
        }
    }
    found
}

fn without_known_extension(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && KNOWN_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => name,
    }
}

/// `ms-19811218-9876` → `ms 19811218-9876`; `anna0701234567` → `anna 0701234567`.
fn cut_into_words(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    let kind = |c: Option<&char>| match c {
        Some(c) if c.is_ascii_digit() => 'd',
        Some(c) if c.is_alphabetic() => 'a',
        _ => ' ',
    };
    for (i, &c) in chars.iter().enumerate() {
        let before = kind(i.checked_sub(1).and_then(|k| chars.get(k)));
        let here = kind(Some(&c));
        let after = kind(chars.get(i + 1));
        let joins_word_and_number =
            matches!(c, '-' | '_' | '.') && before != ' ' && after != ' ' && before != after;
        if joins_word_and_number {
            out.push(' ');
            continue;
        }
        if before != ' ' && here != ' ' && before != here {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(name: &str) -> Vec<(IdentifierKind, String)> {
        scan_name(name)
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect()
    }

    #[test]
    fn numbers_glued_to_words_are_found() {
        use IdentifierKind::{Email, Phone, SwedishPersonnummer as Pnr};
        assert_eq!(
            kinds("ms-19811218-9876"),
            [(Pnr, "19811218-9876".to_string())]
        );
        assert_eq!(
            kinds("19811218-9876.md"),
            [(Pnr, "19811218-9876".to_string())]
        );
        assert_eq!(
            kinds("anna19811218-9876"),
            [(Pnr, "19811218-9876".to_string())]
        );
        assert_eq!(
            kinds("call_0701234567.txt"),
            [(Phone, "0701234567".to_string())]
        );
        assert_eq!(
            kinds("anna1@example.org.md"),
            [(Email, "anna1@example.org".to_string())]
        );
        assert_eq!(
            kinds("anna@example.org"),
            [(Email, "anna@example.org".to_string())]
        );
        assert_eq!(
            kinds("ms\u{2011}１９８１１２１８\u{2013}9876.md"),
            [(Pnr, "19811218-9876".to_string())]
        );
        assert_eq!(
            kinds("anna＠example.org"),
            [(Email, "anna@example.org".to_string())]
        );
    }

    #[test]
    fn ordinary_names_are_clean() {
        for name in [
            "populations",
            "ms",
            "heart-failure",
            "step-3.md",
            "short-form.md",
            "notes-2024-03-14.md",
            "covalue.schema.json",
            "value-compass.toml",
            "v1.2.3",
            "msis-29.csv",
            "2019-2023",
            "ms-0001",
        ] {
            assert_eq!(kinds(name), [], "{name}");
        }
    }

    #[test]
    fn cutting_puts_spaces_between_letters_and_digits() {
        assert_eq!(cut_into_words("ms-19811218-9876"), "ms 19811218-9876");
        assert_eq!(cut_into_words("anna0701234567"), "anna 0701234567");
        assert_eq!(cut_into_words("a1b"), "a 1 b");
        assert_eq!(cut_into_words("Jönköping-2"), "Jönköping 2");
        assert_eq!(cut_into_words(""), "");
    }
}
