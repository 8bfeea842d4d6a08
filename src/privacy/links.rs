//! Reading the paths of links, before the scan.
//!
//! A link holds text no reader sees until they follow it, but it travels in
//! the report all the same: `[record](https://x.org/19811218-9876)`,
//! `<mailto:anna%40example.org>`, `href="/p/070%20123%2045%2067"`. Two
//! things hide an identifier there from a scanner made for prose: the path
//! separator glues a number to the word before it (`org/19811218`), and
//! percent-encoding (`%40` for `@`, `%2D` for `-`) changes its shape.
//! [`open_links`] rewrites each link (see `rewrite.rs`) so that a `/` before a
//! digit reads as a space and percent-encoded characters as what they stand
//! for (normalised as in `normalise.rs`).
//!
//! A link is a run of text without spaces, quotes, brackets or angle
//! brackets that starts with a scheme (`https://`, `mailto:`, `tel:`, …) or
//! `www.`, or stands where Markdown or HTML put a link: after `](`, in
//! `<…>`, after `]: ` or as the value of an attribute (`="…"`).

use super::normalise::normalise_str;
use super::rewrite::{Builder, Rewritten};

/// How a link may start, in lower case.
const SCHEMES: &[&[u8]] = &[
    b"http://",
    b"https://",
    b"ftp://",
    b"ftps://",
    b"file:",
    b"mailto:",
    b"tel:",
    b"sms:",
    b"www.",
];

/// `text` with its links opened up for the scanner; `None` when nothing
/// changes (a text with no `/` or `%` at all is passed over at once).
pub(super) fn open_links(text: &str) -> Option<Rewritten> {
    let bytes = text.as_bytes();
    let mut out = Builder::new(text);
    let mut next = 0;
    for at in memchr::memchr2_iter(b'/', b'%', bytes) {
        if at < next {
            continue;
        }
        let (start, end) = run_around(bytes, at);
        next = end.max(at + 1);
        if is_link(bytes, start, end) {
            open_link(&mut out, start, end);
        }
    }
    out.finish()
}

/// Whether a byte ends a link: ASCII space or control, quotes, brackets.
fn ends_link(b: u8) -> bool {
    b.is_ascii_whitespace()
        || b.is_ascii_control()
        || matches!(
            b,
            b'"' | b'\''
                | b'`'
                | b'<'
                | b'>'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'|'
                | b'\\'
        )
}

/// The run of link characters around `at`.
fn run_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = bytes
        .get(..at)
        .and_then(|before| before.iter().rposition(|&b| ends_link(b)))
        .map_or(0, |k| k + 1);
    let end = bytes
        .get(at..)
        .and_then(|after| after.iter().position(|&b| ends_link(b)))
        .map_or(bytes.len(), |k| at + k);
    (start, end)
}

/// Whether the run `start..end` is a link, by how it starts or where it stands.
fn is_link(bytes: &[u8], start: usize, end: usize) -> bool {
    let Some(run) = bytes.get(start..end) else {
        return false;
    };
    let has_scheme = SCHEMES.iter().any(|scheme| {
        run.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    });
    let before = |n: usize| start.checked_sub(n).and_then(|k| bytes.get(k..start));
    let in_markdown_link = before(2) == Some(b"](");
    let in_angle_brackets = before(1) == Some(b"<") && run.contains(&b':');
    let attribute = matches!(before(2), Some(b"=\"" | b"='"));
    has_scheme || in_markdown_link || in_angle_brackets || attribute || is_definition(bytes, start)
}

/// Whether `start` follows a Markdown link reference definition's `]:` and spaces.
fn is_definition(bytes: &[u8], start: usize) -> bool {
    let head = bytes.get(..start).unwrap_or_default();
    let spaces = head.iter().rev().take_while(|&&b| b == b' ').count();
    spaces > 0
        && head
            .get(..head.len() - spaces)
            .is_some_and(|h| h.ends_with(b"]:"))
}

/// Rewrites one link: percent-encoded runs decoded, and each `/` before a
/// digit read as a space.
fn open_link(out: &mut Builder, start: usize, end: usize) {
    let bytes = out.raw.as_bytes();
    let mut i = start.max(out.done());
    while i < end {
        match bytes.get(i) {
            Some(b'%') => {
                let (run_end, decoded) = percent_run(bytes, i, end);
                match decoded {
                    Some(text) => {
                        out.replace(i..run_end, &normalise_str(&text));
                        i = run_end;
                    }
                    None => i += 1,
                }
            }
            Some(b'/') if digit_follows(bytes, i + 1) => {
                out.replace(i..i + 1, " ");
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Whether a digit, written or percent-encoded, starts at `i`.
fn digit_follows(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b) if b.is_ascii_digit() => true,
        Some(b'%') => {
            bytes.get(i + 1) == Some(&b'3') && bytes.get(i + 2).is_some_and(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The run of `%XX` escapes from `i` (before `end`): where it ends, and the
/// text it stands for when that is UTF-8.
fn percent_run(bytes: &[u8], i: usize, end: usize) -> (usize, Option<String>) {
    let mut decoded = Vec::new();
    let mut k = i;
    while k + 3 <= end && bytes.get(k) == Some(&b'%') {
        let Some(value) = bytes
            .get(k + 1..k + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        else {
            break;
        };
        decoded.push(value);
        k += 3;
    }
    if decoded.is_empty() {
        return (i, None);
    }
    (k, String::from_utf8(decoded).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(text: &str) -> Option<String> {
        open_links(text).map(|r| r.text)
    }

    #[test]
    fn a_slash_before_a_digit_in_a_link_reads_as_a_space() {
        assert_eq!(
            opened("See [x](https://x.org/19811218-9876) now").as_deref(),
            Some("See [x](https://x.org 19811218-9876) now")
        );
        assert_eq!(
            opened("[x](notes/19811218-9876.md)").as_deref(),
            Some("[x](notes 19811218-9876.md)")
        );
        assert_eq!(
            opened("<a href=\"/p/0701234567\">").as_deref(),
            Some("<a href=\"/p 0701234567\">")
        );
        assert_eq!(
            opened("[r]: https://x.org/p/1/2").as_deref(),
            Some("[r]: https://x.org/p 1 2")
        );
        assert_eq!(
            opened("bare www.x.org/19811218-9876.").as_deref(),
            Some("bare www.x.org 19811218-9876.")
        );
    }

    #[test]
    fn percent_escapes_in_a_link_are_decoded() {
        let raw = "<mailto:anna%40example.org> and https://x.org/?p=070%20123%E2%80%9145%2067";
        let r = open_links(raw).unwrap_or_else(|| panic!("opened"));
        assert_eq!(
            r.text,
            "<mailto:anna@example.org> and https://x.org/?p=070 123-45 67"
        );
        let at = r.text.find("anna@").unwrap_or_default();
        let span = r.raw_span(at..at + "anna@example.org".len());
        assert_eq!(&raw[span], "anna%40example.org");
        assert_eq!(
            opened("https://x.org/a%2").as_deref(),
            None,
            "an unfinished escape stays"
        );
        assert_eq!(opened("https://x.org/%FF%FE").as_deref(), None);
    }

    #[test]
    fn text_that_is_no_link_is_left_alone() {
        for text in [
            "1/2 of 10/20 and/or 50%",
            "pp. 12/13, 2019/2020",
            "doi 10.1093/brain/awz123",
            "x = 'a/1'",
            "(see /1) and 12%3",
        ] {
            assert_eq!(opened(text), None, "{text}");
        }
    }
}
