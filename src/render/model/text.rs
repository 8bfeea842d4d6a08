//! Small helpers that turn values into text for the report: HTML ids,
//! numbers for print and CSS string literals.

/// Turns text into something usable in an HTML id.
pub fn id_part(text: &str) -> String {
    let mut out: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    out.truncate(40);
    out
}

/// Guidance on a question as paper prints it, in the team's words: the
/// sentences that name the workbook's files (`population.toml`, its
/// `[[team]]` entries, a guide in `docs/`) are for whoever types the
/// answers in, not for the room, and are left out. None when nothing is
/// left.
pub fn paper_help(help: &str) -> Option<String> {
    let names_a_file = |s: &str| {
        s.contains(".toml") || s.contains("[[") || s.contains(".md") || s.contains("docs/")
    };
    let kept: Vec<&str> = help
        .split_inclusive(". ")
        .map(str::trim)
        .filter(|s| !s.is_empty() && !names_a_file(s))
        .collect();
    let text = kept.join(" ");
    (!text.is_empty()).then_some(text)
}

/// A number for print: thousands separated, at most two decimals.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let fraction = ((rounded - whole).abs() * 100.0).round() as u64;
    let digits = format!("{}", whole.abs() as u64);
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    match fraction {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// Escapes text as a CSS string literal, with quotes; safe inside `<style>`.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('"');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | ':' | '-' | '(' | ')' | '+') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_help_leaves_out_the_sentences_that_name_files() {
        let help = "Name roles rather than people. The roster itself goes in population.toml as [[team]] entries; a partner has the role patient-partner or family-partner. Say who leads.";
        assert_eq!(
            paper_help(help).as_deref(),
            Some("Name roles rather than people. Say who leads.")
        );
        assert_eq!(paper_help("Record the steps in process-map.toml."), None);
        assert_eq!(
            paper_help("Answer in words.").as_deref(),
            Some("Answer in words.")
        );
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(96000.0), "96,000");
        assert_eq!(number(1180.0), "1,180");
        assert_eq!(number(21.0), "21");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1234567.891), "1,234,567.89");
        assert_eq!(number(-3.0), "-3");
    }

    #[test]
    fn css_strings_cannot_escape_their_quotes_or_the_style_element() {
        let s = css_string("a\"b</style><script>\\\n");
        assert!(!s[1..s.len() - 1].contains('"'));
        assert!(!s.contains('<'));
        assert!(!s.contains('\n'));
        assert_eq!(css_string("Åsa"), "\"\\c5 sa\"");
    }

    #[test]
    fn ids_are_plain() {
        assert_eq!(id_part("Åsa <x>"), "-sa--x-");
    }
}
