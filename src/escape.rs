//! One escaper per language covalue writes user text into: HTML (and SVG,
//! which shares its rules), Markdown and the terminal. Reports, pictures,
//! diff handouts and every line printed to a terminal escape through here,
//! so a rule fixed once holds everywhere.

use std::borrow::Cow;

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
            // A bidi embedding or override would reorder the rest of the
            // printed line: dropped, as on pages.
            '\u{202a}'..='\u{202e}' => continue,
            _ => out.push(c),
        }
        last_space = false;
    }
    out
}

/// Whether a character must not reach a terminal as it is: C0 controls
/// other than line feed and tab (escape, carriage return, backspace, bell),
/// DEL, the C1 controls (U+0080–U+009F, which some terminals obey like an
/// escape), and the characters that reorder whole runs of text (bidi
/// embeddings, overrides and isolates) or break lines unseen (line and
/// paragraph separators). The single direction marks of Hebrew and Arabic
/// text (U+200E, U+200F, U+061C) are kept: they reorder nothing beyond
/// their neighbours.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from a workbook made safe to print on a terminal, whatever the
/// colour setting: every character [`is_unsafe_for_terminal`] is shown
/// visibly instead of obeyed: a C0 control as its Unicode picture (`␛` for
/// escape, `␍` for a carriage return), anything else as `\u{…}`. Line
/// feeds and tabs are kept. Text with nothing to escape is not copied.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !is_unsafe_for_terminal(c) {
            out.push(c);
        } else if let Some(picture) = control_picture(c) {
            out.push(picture);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    Cow::Owned(out)
}

/// Text without control characters other than line feeds and tabs (C0,
/// DEL and C1), and without the bidi embeddings and overrides (U+202A–
/// U+202E) that would reorder the rest of a printed line, for pages and
/// handouts; text without any is not copied. Isolates and direction marks
/// stay: Hebrew text needs them, and they reorder nothing beyond their run.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    let unwanted = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    };
    if !text.chars().any(unwanted) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !unwanted(*c)).collect())
}

/// A writer that passes everything written through [`terminal`] before
/// it reaches the one it wraps: for printers that mix workbook text into
/// lines of their own, and write their own colour codes to [`Terminal::raw`].
pub struct Terminal<'a>(pub &'a mut dyn std::io::Write);

impl Terminal<'_> {
    /// The writer underneath, for what covalue itself writes: colour codes,
    /// text already made safe.
    pub fn raw(&mut self) -> &mut dyn std::io::Write {
        &mut *self.0
    }
}

impl std::io::Write for Terminal<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(terminal(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// JSON made safe for a terminal, meaning the same: every character
/// [`is_unsafe_for_terminal`] left raw by the serializer (C1 controls, bidi
/// marks; C0 controls are escaped by JSON itself) is written as a `\uXXXX`
/// escape. Such characters occur only inside JSON strings, where the escape
/// stands for the same character.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A word for a POSIX shell: as it is when it holds only letters, digits
/// and `-_./=:,@+%`, else in single quotes (a `'` in it as `'\''`), so a
/// command covalue suggests runs as shown when pasted, whatever a folder or
/// file name holds.
pub fn shell(word: &str) -> Cow<'_, str> {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@+%".contains(c));
    if plain {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
    }
}

/// The Unicode picture of a C0 control or DEL (U+2400–U+2421).
fn control_picture(c: char) -> Option<char> {
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code),
        0x7f => Some('\u{2421}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_controls_instead_of_obeying_them() {
        assert_eq!(
            terminal("plain Jönköping\tנעמה\n"),
            "plain Jönköping\tנעמה\n"
        );
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
        // OSC 52 (clipboard), clear screen, a carriage return.
        assert_eq!(terminal("\u{1b}]52;c;aGk=\u{7}"), "␛]52;c;aGk=␇");
        assert_eq!(terminal("a\u{1b}[2Jb\rc"), "a␛[2Jb␍c");
        // C1 CSI and a right-to-left override.
        assert_eq!(terminal("x\u{9b}2Jy\u{202e}z"), "x\\u{9b}2Jy\\u{202e}z");
        assert!(
            !terminal("\u{2066}\u{7f}")
                .chars()
                .any(is_unsafe_for_terminal)
        );
    }

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
