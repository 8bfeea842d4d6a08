//! One escaper per language covalue writes user text into: HTML (and SVG,
//! which shares its rules) and Markdown. Reports, pictures and diff
//! handouts all escape through here, so a rule fixed once holds everywhere.

/// Escapes text for HTML and SVG element content and attribute values.
/// Control characters, which XML does not allow, are dropped.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text so that Markdown shows it as written, on one line: markup
/// characters (and `&`, which would start an entity) are backslash-escaped,
/// and each run of line breaks, tabs, spaces and control characters becomes
/// one space. Leading and trailing spaces are kept, so that pieces of a line
/// escaped one by one join as they were; trim a whole value first.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last_space = false;
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' | '{'
            | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            _ => out.push(c),
        }
        last_space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_drops_control_characters() {
        assert_eq!(html("<b a=\"1\">&'"), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
        assert_eq!(html("a\u{1}b"), "ab");
    }

    #[test]
    fn markdown_keeps_text_on_one_line() {
        assert_eq!(
            markdown("a *b*\n<script> | [x](y)"),
            "a \\*b\\* \\<script\\> \\| \\[x\\](y)"
        );
        assert_eq!(markdown("A &amp; B {x}"), "A \\&amp; B \\{x\\}");
        assert_eq!(markdown(" to\r\n\tthe "), " to the ");
    }
}
