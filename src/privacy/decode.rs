//! Decoding a file's text the way its readers will see it, before the scan.
//!
//! A report shows `19811218-9876` for the TOML string `"19811218\u002D9876"`
//! and `anna@example.org` for the Markdown `anna&#64;example.org`, so the
//! scanner must read what is shown, not what is typed. [`decode`] undoes the
//! escapes of a file's syntax (TOML basic strings, JSON and YAML escapes,
//! Markdown backslash escapes and HTML character references) and keeps, for
//! every escape, where it was in the raw text (see `rewrite.rs`), so that a
//! match found in the decoded text is reported where it starts in the file.
//!
//! What an escape stands for is decoded as it is: a `&hyphen;` becomes
//! U+2010, a `&shy;` a soft hyphen. Reading those as `-` or as nothing is
//! the next step's work (`normalise.rs`), which treats characters written
//! as they are and characters written as escapes alike. Decoding is
//! deliberately generous: it would rather decode an escape where a parser
//! would not (a backslash in a YAML plain scalar, an entity in a code span)
//! than miss one.

use std::ops::Range;

use super::rewrite::{Builder, Rewritten};

/// Which escapes a file's text may hold, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML: escapes in basic strings (`"…"` and `"""…"""`).
    Toml,
    /// JSON: escapes in strings.
    Json,
    /// YAML: escapes in double-quoted strings.
    Yaml,
    /// Markdown: backslash escapes and HTML character references, and YAML
    /// escapes in the front matter.
    Markdown,
    /// HTML (`.html`, `.htm`, `.xhtml`, `.svg`, `.xml`): character references.
    Html,
    /// Plain text (`.txt`, `.csv`, `.tsv`, a file with no or another
    /// extension): read as written.
    Plain,
}

impl Syntax {
    /// The syntax of a file, from the extension of its name (any case);
    /// plain text for any other name.
    pub fn of_file(name: &str) -> Syntax {
        const BY_EXTENSION: &[(&str, Syntax)] = &[
            ("md", Syntax::Markdown),
            ("toml", Syntax::Toml),
            ("markdown", Syntax::Markdown),
            ("json", Syntax::Json),
            ("yaml", Syntax::Yaml),
            ("yml", Syntax::Yaml),
            ("txt", Syntax::Plain),
            ("html", Syntax::Html),
            ("htm", Syntax::Html),
            ("xhtml", Syntax::Html),
            ("svg", Syntax::Html),
            ("xml", Syntax::Html),
        ];
        let Some((_, extension)) = name.rsplit_once('.') else {
            return Syntax::Plain;
        };
        BY_EXTENSION
            .iter()
            .find(|(e, _)| e.eq_ignore_ascii_case(extension))
            .map_or(Syntax::Plain, |&(_, syntax)| syntax)
    }

    /// Whether `text` may hold anything to decode: the fast path skips the
    /// decoder when it holds no backslash (and, in Markdown, no `&`).
    fn may_need_decoding(self, text: &str) -> bool {
        let bytes = text.as_bytes();
        match self {
            Syntax::Plain => false,
            Syntax::Markdown => memchr::memchr2(b'\\', b'&', bytes).is_some(),
            Syntax::Html => memchr::memchr(b'&', bytes).is_some(),
            Syntax::Toml | Syntax::Json | Syntax::Yaml => memchr::memchr(b'\\', bytes).is_some(),
        }
    }
}

/// `text` with the escapes of `syntax` decoded; `None` when there is nothing
/// to decode, so that the caller scans the text as it is.
pub fn decode(text: &str, syntax: Syntax) -> Option<Rewritten> {
    if !syntax.may_need_decoding(text) {
        return None;
    }
    let mut out = Builder::new(text);
    match syntax {
        Syntax::Toml => decode_toml(&mut out),
        Syntax::Json => decode_backslashes(&mut out, 0..text.len(), Dialect::Json),
        Syntax::Yaml => decode_backslashes(&mut out, 0..text.len(), Dialect::Yaml),
        Syntax::Markdown => decode_markdown(&mut out),
        Syntax::Html => decode_references(&mut out),
        Syntax::Plain => {}
    }
    out.finish()
}

// ---------------------------------------------------------------------------
// Backslash escapes

/// Whose backslash escapes to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    /// A TOML basic string on one line.
    TomlLine,
    /// A TOML multi-line basic string (a backslash at the end of a line
    /// joins it to the next).
    TomlMultiline,
    /// A JSON string.
    Json,
    /// A YAML double-quoted string.
    Yaml,
    /// Markdown text: a backslash before ASCII punctuation.
    Markdown,
}

/// Decodes every backslash escape of `dialect` in `range` of the raw text.
fn decode_backslashes(out: &mut Builder, range: Range<usize>, dialect: Dialect) {
    let bytes = out.raw.as_bytes();
    let from = range.start;
    let Some(window) = bytes.get(range) else {
        return;
    };
    let mut next = from;
    for k in memchr::memchr_iter(b'\\', window) {
        let at = from + k;
        if at < next {
            continue; // the second backslash of `\\`
        }
        if let Some((end, with)) = backslash_escape(out.raw, at, dialect) {
            out.replace_char(at..end, with);
            next = end;
        }
    }
}

/// The escape starting with the backslash at `at`: where it ends, and the
/// character it stands for (`None` for a joined line break).
fn backslash_escape(raw: &str, at: usize, dialect: Dialect) -> Option<(usize, Option<char>)> {
    let bytes = raw.as_bytes();
    let next = *bytes.get(at + 1)?;
    if dialect == Dialect::Markdown {
        return next
            .is_ascii_punctuation()
            .then(|| (at + 2, Some(char::from(next))));
    }
    let simple = |c: char| Some((at + 2, Some(c)));
    match next {
        b'"' | b'\\' => simple(char::from(next)),
        b'/' if matches!(dialect, Dialect::Json | Dialect::Yaml) => simple('/'),
        b'b' => simple('\u{8}'),
        b't' => simple('\t'),
        b'n' => simple('\n'),
        b'f' => simple('\u{c}'),
        b'r' => simple('\r'),
        b'e' if dialect != Dialect::Json => simple('\u{1b}'),
        b'u' => hex_escape(raw, at, 4, dialect),
        b'U' if dialect != Dialect::Json => hex_escape(raw, at, 8, dialect),
        b'x' if dialect != Dialect::Json => hex_escape(raw, at, 2, dialect),
        b'0' | b'a' | b'v' | b' ' | b'\t' | b'N' | b'_' | b'L' | b'P'
            if dialect == Dialect::Yaml =>
        {
            simple(match next {
                b'0' => '\0',
                b'a' => '\u{7}',
                b'v' => '\u{b}',
                b'N' => '\u{85}',
                b'_' => '\u{a0}',
                b'L' => '\u{2028}',
                b'P' => '\u{2029}',
                b'\t' => '\t',
                _ => ' ',
            })
        }
        _ => joined_line(bytes, at, dialect),
    }
}

/// `\` at the end of a line in a TOML multi-line basic string or a YAML
/// double-quoted string: the line break and the next line's leading
/// whitespace (in TOML, every blank line after it too) are dropped.
fn joined_line(bytes: &[u8], at: usize, dialect: Dialect) -> Option<(usize, Option<char>)> {
    if !matches!(dialect, Dialect::TomlMultiline | Dialect::Yaml) {
        return None;
    }
    let blank = |b: &u8| matches!(b, b' ' | b'\t');
    let rest = bytes.get(at + 1..)?;
    let trailing = rest.iter().take_while(|b| blank(b)).count();
    let after = at + 1 + trailing;
    let newline = match (bytes.get(after), bytes.get(after + 1)) {
        (Some(b'\n'), _) => 1,
        (Some(b'\r'), Some(b'\n')) => 2,
        _ => return None,
    };
    let mut end = after + newline;
    let keep_going = |b: &u8| match dialect {
        Dialect::TomlMultiline => matches!(b, b' ' | b'\t' | b'\n' | b'\r'),
        _ => blank(b),
    };
    end += bytes
        .get(end..)
        .map_or(0, |r| r.iter().take_while(|b| keep_going(b)).count());
    Some((end, None))
}

/// `\uXXXX`, `\UXXXXXXXX` or `\xXX`; in JSON and YAML, a UTF-16 surrogate
/// pair written as two `\u` escapes is one character.
fn hex_escape(
    raw: &str,
    at: usize,
    digits: usize,
    dialect: Dialect,
) -> Option<(usize, Option<char>)> {
    let end = at + 2 + digits;
    let value = hex_value(raw.get(at + 2..end)?)?;
    if let Some(c) = char::from_u32(value) {
        return Some((end, Some(c)));
    }
    let high = (0xD800..0xDC00).contains(&value) && digits == 4 && dialect != Dialect::TomlLine;
    if !high || raw.get(end..end + 2) != Some("\\u") {
        return None;
    }
    let low = hex_value(raw.get(end + 2..end + 6)?)?;
    if !(0xDC00..0xE000).contains(&low) {
        return None;
    }
    let c = char::from_u32(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))?;
    Some((end + 6, Some(c)))
}

fn hex_value(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

// ---------------------------------------------------------------------------
// TOML

/// Decodes the escapes of TOML basic strings. Comments and literal strings
/// (`'…'`, `'''…'''`) are read as written, as TOML does.
fn decode_toml(out: &mut Builder) {
    let bytes = out.raw.as_bytes();
    let len = bytes.len();
    let starts = |i: usize, s: &[u8]| bytes.get(i..i + s.len()) == Some(s);
    let mut i = 0;
    while i < len {
        match bytes.get(i) {
            Some(b'#') => i = find_from(bytes, i, b"\n").map_or(len, |k| k + 1),
            Some(b'"') if starts(i, b"\"\"\"") => {
                let end = toml_string_end(bytes, i + 3, true);
                decode_backslashes(out, i + 3..end, Dialect::TomlMultiline);
                i = end;
            }
            Some(b'"') => {
                let end = toml_string_end(bytes, i + 1, false);
                decode_backslashes(out, i + 1..end, Dialect::TomlLine);
                i = end;
            }
            Some(b'\'') if starts(i, b"'''") => {
                i = find_from(bytes, i + 3, b"'''").map_or(len, |k| k + 3);
            }
            Some(b'\'') => {
                i = memchr::memchr2(b'\'', b'\n', bytes.get(i + 1..).unwrap_or_default())
                    .map_or(len, |k| i + 1 + k + 1);
            }
            _ => i += 1,
        }
    }
}

/// Where a basic string whose text starts at `from` ends (its closing quote
/// included; the end of the line or of the text if it is never closed).
fn toml_string_end(bytes: &[u8], from: usize, multiline: bool) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' if !multiline => return i + 1,
            b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                // Up to two quotes may stand just before the closing three.
                let run = bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&q| q == b'"')
                    .count();
                return i + run.min(5);
            }
            b'\n' if !multiline => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    memchr::memmem::find(hay, needle).map(|k| from + k)
}

// ---------------------------------------------------------------------------
// Markdown

/// Decodes YAML escapes in the front matter, Markdown backslash escapes in
/// the body, and HTML character references everywhere.
fn decode_markdown(out: &mut Builder) {
    let raw = out.raw;
    let body_start = front_matter_end(raw);
    let bytes = raw.as_bytes();
    let backslashes = memchr::memchr_iter(b'\\', bytes);
    let ampersands = memchr::memchr_iter(b'&', bytes);
    let mut marks: Vec<usize> = backslashes.chain(ampersands).collect();
    marks.sort_unstable();
    let mut next = 0;
    for at in marks {
        if at < next {
            continue;
        }
        let found = if bytes.get(at) == Some(&b'&') {
            character_reference(raw, at)
        } else if at < body_start {
            backslash_escape(raw, at, Dialect::Yaml)
        } else {
            backslash_escape(raw, at, Dialect::Markdown)
        };
        if let Some((end, with)) = found {
            out.replace_char(at..end, with);
            next = end;
        }
    }
}

/// Decodes the HTML character references of an HTML file.
fn decode_references(out: &mut Builder) {
    let raw = out.raw;
    let mut next = 0;
    for at in memchr::memchr_iter(b'&', raw.as_bytes()) {
        if at < next {
            continue;
        }
        if let Some((end, with)) = character_reference(raw, at) {
            out.replace_char(at..end, with);
            next = end;
        }
    }
}

/// Where the body starts after a front matter block (`---` … `---` or
/// `...`), or 0 when the text has none.
fn front_matter_end(text: &str) -> usize {
    let mut lines = text.split_inclusive('\n');
    let is_fence = |line: &str, ends: &[&str]| ends.contains(&line.trim_end());
    if !lines.next().is_some_and(|l| is_fence(l, &["---"])) {
        return 0;
    }
    let mut offset = text.split_inclusive('\n').next().map_or(0, str::len);
    for line in lines {
        offset += line.len();
        if is_fence(line, &["---", "..."]) {
            return offset;
        }
    }
    0
}

/// The HTML character reference at `at` (`&#64;`, `&#x40;`, `&commat;`): where
/// it ends and the character it stands for. References need their `;`.
fn character_reference(raw: &str, at: usize) -> Option<(usize, Option<char>)> {
    let bytes = raw.as_bytes();
    let rest = bytes.get(at + 1..)?;
    let semicolon = rest.iter().take(34).position(|&b| b == b';')?;
    let body = raw.get(at + 1..at + 1 + semicolon)?;
    let end = at + 1 + semicolon + 1;
    let c = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if hex.len() <= 6 => hex_value(hex)?,
            Some(_) => return None,
            None if (1..=7).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit()) =>
            {
                number.parse().ok()?
            }
            None => return None,
        };
        // As in HTML: NUL, surrogates and values past Unicode read as U+FFFD.
        char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        named_reference(body)?
    };
    Some((end, Some(c)))
}

/// The named references that can write or hide part of an identifier:
/// punctuation, hyphens and dashes, spaces, and invisible characters.
const NAMED_REFERENCES: &[(&str, char)] = &[
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("commat", '@'),
    ("period", '.'),
    ("comma", ','),
    ("colon", ':'),
    ("semi", ';'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("num", '#'),
    ("plus", '+'),
    ("equals", '='),
    ("percnt", '%'),
    ("lowbar", '_'),
    ("UnderBar", '_'),
    ("excl", '!'),
    ("quest", '?'),
    ("ast", '*'),
    ("midast", '*'),
    ("dollar", '$'),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("lbrack", '['),
    ("rsqb", ']'),
    ("rbrack", ']'),
    ("lcub", '{'),
    ("lbrace", '{'),
    ("rcub", '}'),
    ("rbrace", '}'),
    ("verbar", '|'),
    ("vert", '|'),
    ("VerticalLine", '|'),
    ("grave", '`'),
    ("Hat", '^'),
    ("hyphen", '\u{2010}'),
    ("dash", '\u{2010}'),
    ("minus", '\u{2212}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("nbsp", '\u{a0}'),
    ("NonBreakingSpace", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("emsp13", '\u{2004}'),
    ("emsp14", '\u{2005}'),
    ("numsp", '\u{2007}'),
    ("puncsp", '\u{2008}'),
    ("thinsp", '\u{2009}'),
    ("ThinSpace", '\u{2009}'),
    ("hairsp", '\u{200a}'),
    ("VeryThinSpace", '\u{200a}'),
    ("MediumSpace", '\u{205f}'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("shy", '\u{ad}'),
    ("ZeroWidthSpace", '\u{200b}'),
    ("NegativeThinSpace", '\u{200b}'),
    ("NegativeMediumSpace", '\u{200b}'),
    ("NegativeThickSpace", '\u{200b}'),
    ("NegativeVeryThinSpace", '\u{200b}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("NoBreak", '\u{2060}'),
];

fn named_reference(name: &str) -> Option<char> {
    NAMED_REFERENCES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoded text, and the raw text each match of `needle` in it maps to.
    fn decoded_and_raw(raw: &str, syntax: Syntax, needle: &str) -> (String, String) {
        let decoded = decode(raw, syntax).unwrap_or_else(|| panic!("nothing decoded in {raw:?}"));
        let start = decoded
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", decoded.text));
        let span = decoded.raw_span(start..start + needle.len());
        (decoded.text.clone(), raw[span].to_string())
    }

    #[test]
    fn toml_basic_strings_are_decoded_and_mapped_back() {
        let raw = "name = \"Anna\"\nnote = \"pnr 19811218\\u002D9876 ok\"\n";
        let (text, written) = decoded_and_raw(raw, Syntax::Toml, "19811218-9876");
        assert_eq!(text, "name = \"Anna\"\nnote = \"pnr 19811218-9876 ok\"\n");
        assert_eq!(written, "19811218\\u002D9876");
        let (_, written) = decoded_and_raw("x = \"\\u0031981\"", Syntax::Toml, "1981");
        assert_eq!(
            written, "\\u0031981",
            "a match that starts inside an escape"
        );
        let (_, written) = decoded_and_raw("x = \"198\\U00000031\"", Syntax::Toml, "1981");
        assert_eq!(
            written, "198\\U00000031",
            "a match that ends inside an escape"
        );
        let (text, _) = decoded_and_raw("x = \"a\\tb\\\"c\\\\d\\ne\"", Syntax::Toml, "a");
        assert_eq!(text, "x = \"a\tb\"c\\d\ne\"");
    }

    #[test]
    fn toml_literal_strings_and_comments_are_left_alone() {
        assert_eq!(decode("x = 'a\\u0040b'", Syntax::Toml), None);
        assert_eq!(decode("x = '''a\\u0040b'''", Syntax::Toml), None);
        assert_eq!(decode("# a\\u0040b\nx = 1", Syntax::Toml), None);
        assert_eq!(decode("plain text", Syntax::Toml), None);
        let mixed = decode("a = 'x\\n' # \\t\nb = \"\\u0040\"", Syntax::Toml).map(|d| d.text);
        assert_eq!(mixed.as_deref(), Some("a = 'x\\n' # \\t\nb = \"@\""));
    }

    #[test]
    fn toml_multiline_strings_join_lines_after_a_backslash() {
        let raw = "x = \"\"\"\n19811218-\\\n     9876\"\"\"\n";
        let (text, written) = decoded_and_raw(raw, Syntax::Toml, "19811218-9876");
        assert_eq!(text, "x = \"\"\"\n19811218-9876\"\"\"\n");
        assert_eq!(written, "19811218-\\\n     9876");
    }

    #[test]
    fn markdown_references_and_escapes_are_decoded() {
        let raw = "Mail anna&#64;example.org or b&#x40;x&period;se, pnr 811218&#45;9876.";
        let (text, written) = decoded_and_raw(raw, Syntax::Markdown, "anna@example.org");
        assert_eq!(text, "Mail anna@example.org or b@x.se, pnr 811218-9876.");
        assert_eq!(written, "anna&#64;example.org");
        let (_, written) = decoded_and_raw(raw, Syntax::Markdown, "b@x.se");
        assert_eq!(written, "b&#x40;x&period;se");
        let (_, written) = decoded_and_raw(raw, Syntax::Markdown, "811218-9876");
        assert_eq!(written, "811218&#45;9876");
        let (text, _) = decoded_and_raw(
            "a&commat;b &lpar;1&rpar; &plus;4&amp;",
            Syntax::Markdown,
            "@",
        );
        assert_eq!(text, "a@b (1) +4&");
        let (text, _) = decoded_and_raw("070\\-123 \\@x", Syntax::Markdown, "070");
        assert_eq!(text, "070-123 @x");
    }

    #[test]
    fn hyphens_spaces_and_invisible_characters_decode_as_they_are() {
        let (text, written) = decoded_and_raw(
            "811218&hyphen;98&shy;76",
            Syntax::Markdown,
            "811218\u{2010}98\u{ad}76",
        );
        assert_eq!(text, "811218\u{2010}98\u{ad}76");
        assert_eq!(written, "811218&hyphen;98&shy;76");
        let (text, _) = decoded_and_raw("943&nbsp;476&thinsp;5919 &dash;", Syntax::Markdown, "943");
        assert_eq!(text, "943\u{a0}476\u{2009}5919 \u{2010}");
        let (text, _) = decoded_and_raw("x = \"1\\u2011\\u200b2\"", Syntax::Toml, "1");
        assert_eq!(text, "x = \"1\u{2011}\u{200b}2\"");
    }

    #[test]
    fn html_files_take_character_references_only() {
        let (text, written) = decoded_and_raw(
            "<p>anna&#64;example.org \\x2D</p>",
            Syntax::Html,
            "anna@example.org",
        );
        assert_eq!(text, "<p>anna@example.org \\x2D</p>");
        assert_eq!(written, "anna&#64;example.org");
        assert_eq!(decode("a \\u0040 b", Syntax::Html), None);
    }

    #[test]
    fn unknown_or_unfinished_references_stay_as_written() {
        assert_eq!(
            decode("R&D &unknown; &#; &#x; &amp &#99999999;", Syntax::Markdown),
            None
        );
        assert_eq!(decode("a \\q b \\", Syntax::Toml), None);
        let text = decode("&#0; &#xD800;", Syntax::Markdown).map(|d| d.text);
        assert_eq!(text.as_deref(), Some("\u{fffd} \u{fffd}"));
    }

    #[test]
    fn markdown_front_matter_takes_yaml_escapes() {
        let raw =
            "---\nname: \"Anna\"\nnote: \"19811218\\x2D9876 \\u002D\"\n---\nBody \\x2D stays.\n";
        let (text, written) = decoded_and_raw(raw, Syntax::Markdown, "19811218-9876");
        assert_eq!(
            text,
            "---\nname: \"Anna\"\nnote: \"19811218-9876 -\"\n---\nBody \\x2D stays.\n"
        );
        assert_eq!(written, "19811218\\x2D9876");
        assert_eq!(front_matter_end("no front matter\n---\n"), 0);
        assert_eq!(front_matter_end("---\r\na: 1\r\n...\r\nbody"), 16);
    }

    #[test]
    fn json_and_yaml_escapes_are_decoded() {
        let (text, written) = decoded_and_raw(
            "{\"a\": \"x\\ud83d\\ude00 \\u0040\"}",
            Syntax::Json,
            "\u{1f600}",
        );
        assert_eq!(text, "{\"a\": \"x\u{1f600} @\"}");
        assert_eq!(written, "\\ud83d\\ude00");
        let (text, _) = decoded_and_raw("a: \"1\\x2D2\\_3\"", Syntax::Yaml, "1-2");
        assert_eq!(text, "a: \"1-2\u{a0}3\"");
        assert_eq!(decode("a,b\\x2D", Syntax::Plain), None);
    }

    #[test]
    fn offsets_map_back_through_many_escapes() {
        // Every decoded character maps to where it was written, and spans
        // of plain text between escapes keep their length.
        let raw = "é&#64;ö\\-x&amp;&amp;y&shy;z";
        let decoded = decode(raw, Syntax::Markdown).unwrap_or_else(|| panic!("decoded"));
        assert_eq!(decoded.text, "é@ö-x&&y\u{ad}z");
        let pieces: Vec<&str> = decoded
            .text
            .char_indices()
            .map(|(i, c)| &raw[decoded.raw_span(i..i + c.len_utf8())])
            .collect();
        assert_eq!(
            pieces,
            [
                "é", "&#64;", "ö", "\\-", "x", "&amp;", "&amp;", "y", "&shy;", "z"
            ]
        );
        assert_eq!(decoded.raw_span(0..0), 0..0);
        let end = decoded.text.len();
        assert_eq!(decoded.raw_span(end..end), raw.len()..raw.len());
    }

    #[test]
    fn syntax_comes_from_the_extension() {
        assert_eq!(Syntax::of_file("a/b/population.toml"), Syntax::Toml);
        assert_eq!(Syntax::of_file("README.MD"), Syntax::Markdown);
        assert_eq!(Syntax::of_file("x.yml"), Syntax::Yaml);
        assert_eq!(Syntax::of_file("notes.txt"), Syntax::Plain);
        assert_eq!(Syntax::of_file("data.csv"), Syntax::Plain);
        assert_eq!(Syntax::of_file("s.schema.json"), Syntax::Json);
        assert_eq!(Syntax::of_file("page.HTML"), Syntax::Html);
        assert_eq!(Syntax::of_file("data.tsv"), Syntax::Plain);
        assert_eq!(Syntax::of_file("Makefile"), Syntax::Plain);
    }
}
