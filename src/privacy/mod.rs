//! Spotting likely personal identifiers in workbook text.
//!
//! Workbooks travel between sites and stay in git history for good, so a real
//! email address, phone number or national identity number written into one
//! by mistake is hard to take back. [`scan`] reads a text and reports the
//! spans that look like such identifiers; [`scan_file`] does the same for a
//! file's text as its readers see it: escapes decoded (`decode.rs`),
//! look-alike characters read as one (`normalise.rs`: full-width forms, any
//! dash, any space, invisible characters, digits of any script) and link
//! paths opened up (`links.rs`), with a map back to the raw text
//! (`rewrite.rs`). [`scan_name`] scans the name of a file or folder
//! (`name.rs`); [`normalise`] strips formatting from a value so that a
//! finding can be compared against a site's allow list of known-fictional
//! values.
//!
//! Each kind has its own scanner file (`email.rs`, `us_ssn.rs`,
//! `personnummer.rs`, `nhs.rs`, `israeli_id.rs`, `birth_date.rs`,
//! `phone.rs`); they share the digit, token and cue-word helpers in `text.rs`
//! and the check digits and calendar dates in `checks.rs`.
//!
//! Everything here is hand-written over bytes and chars, with no regex crate.
//! Numbers and dates are found byte by byte and always start and end on an
//! ASCII byte; email addresses are walked char by char. Either way every
//! reported span starts and ends on a char boundary, whatever surrounds it.
//!
//! The scanners are heuristics that would rather miss an unusual format than
//! flag a count, a year or a sum of money:
//! - kinds with a fixed shape or a check digit run before the looser ones, and
//!   a later kind never claims text an earlier one already took;
//! - a nine-digit Israeli ID is only reported near a cue such as "ID" or "ת.ז",
//!   and a date only counts as a date of birth just after a cue such as "born";
//! - a phone number must start with `+`, `0` or `(`, or have the North
//!   American `ddd-ddd-dddd` shape, and shapes of dates, times, thousands and
//!   references (ISBN, DOI) are turned away.

mod birth_date;
mod checks;
mod decode;
mod email;
mod israeli_id;
mod links;
mod name;
mod nhs;
mod normalise;
mod personnummer;
mod phone;
mod rewrite;
mod text;
mod us_ssn;

use std::collections::BTreeMap;
use std::ops::Range;

use birth_date::scan_dates_of_birth;
pub use decode::{Syntax, decode};
use email::scan_emails;
use israeli_id::scan_israeli_ids;
pub use name::scan_name;
use nhs::scan_nhs_numbers;
use personnummer::scan_personnummer;
use phone::scan_phones;
pub use rewrite::Rewritten;
use text::{digit_runs, starts_token};
use us_ssn::scan_us_ssns;

/// What kind of identifier was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentifierKind {
    /// An email address such as `name@example.org`.
    Email,
    /// A phone number in an international or a common national format.
    Phone,
    /// A US Social Security number written `ddd-dd-dddd`.
    UsSsn,
    /// A Swedish personnummer (or samordningsnummer).
    SwedishPersonnummer,
    /// A UK NHS number with a valid check digit.
    UkNhsNumber,
    /// An Israeli identity number (teudat zehut) with a valid check digit.
    IsraeliId,
    /// An explicit date written just after a cue such as "born" or "DOB".
    DateOfBirth,
}

impl IdentifierKind {
    /// Plain words for messages, e.g. "a Swedish personnummer".
    pub fn label(self) -> &'static str {
        match self {
            Self::Email => "an email address",
            Self::Phone => "a phone number",
            Self::UsSsn => "a US Social Security number",
            Self::SwedishPersonnummer => "a Swedish personnummer",
            Self::UkNhsNumber => "a UK NHS number",
            Self::IsraeliId => "an Israeli ID number (teudat zehut)",
            Self::DateOfBirth => "a date of birth",
        }
    }

    /// A short, stable name for configuration and machine-readable output.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
            Self::UsSsn => "us-ssn",
            Self::SwedishPersonnummer => "personnummer",
            Self::UkNhsNumber => "nhs-number",
            Self::IsraeliId => "israeli-id",
            Self::DateOfBirth => "date-of-birth",
        }
    }
}

/// One likely identifier in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// What kind of identifier it looks like.
    pub kind: IdentifierKind,
    /// Byte offset of the first byte in the scanned text.
    pub start: usize,
    /// Byte offset just past the last byte in the scanned text.
    pub end: usize,
    /// The matched text: exactly as written for [`scan`], and with escapes
    /// decoded (as a reader sees it) for [`scan_file`].
    pub text: String,
    /// True when the kind has a check digit and it is valid.
    pub checksum_valid: bool,
}

/// Scans `text` and returns every likely identifier, in order of position, never overlapping.
///
/// Kinds are searched in order of confidence: email addresses, then numbers
/// with a fixed shape or a check digit, then dates of birth, then phone
/// numbers. A later kind never claims text an earlier one already took.
pub fn scan(text: &str) -> Vec<Match> {
    let scan = Scan::new(text);
    let scanners: [fn(&Scan) -> Vec<Candidate>; 7] = [
        scan_emails,
        scan_us_ssns,
        scan_personnummer,
        scan_nhs_numbers,
        scan_israeli_ids,
        scan_dates_of_birth,
        scan_phones,
    ];
    let mut taken = Taken::default();
    for scanner in scanners {
        for candidate in scanner(&scan) {
            taken.insert_if_free(candidate);
        }
    }
    taken
        .into_ordered()
        .filter_map(|c| c.into_match(text))
        .collect()
}

/// Scans a file's text as its readers will see it: the escapes of its
/// syntax are decoded first (see [`decode`]), then look-alike characters
/// are read as one (full-width forms, dashes, spaces, invisible characters,
/// digits of other scripts) and the paths of links are opened up. Every
/// match is placed back on the raw text, from where its first character was
/// written to where its last one was; its `text` is what the scanner read.
/// An ASCII text with nothing to decode and no link is scanned as it is.
pub fn scan_file(text: &str, syntax: Syntax) -> Vec<Match> {
    let decoded = decode(text, syntax);
    let normalised = normalise::normalise_text(decoded.as_ref().map_or(text, |d| &d.text));
    let seen = normalised
        .as_ref()
        .or(decoded.as_ref())
        .map_or(text, |d| &d.text);
    let opened = links::open_links(seen);
    let steps = [decoded, normalised, opened];
    let read = steps
        .iter()
        .rev()
        .flatten()
        .next()
        .map_or(text, |d| &d.text);
    scan(read)
        .into_iter()
        .map(|m| {
            let raw = rewrite::raw_span(&steps, m.start..m.end);
            Match {
                start: raw.start,
                end: raw.end,
                ..m
            }
        })
        .collect()
}

/// Whether `c` is a character outside ASCII that looks like an ASCII hyphen
/// or space, or cannot be seen at all (a format character): what a message
/// should spell out when it quotes how an identifier was written.
pub fn is_look_alike(c: char) -> bool {
    !c.is_ascii() && (normalise::is_dash(c) || normalise::is_space(c) || normalise::is_invisible(c))
}

/// The same value with spaces, hyphens, dots and parentheses removed, for comparing against an allow list.
///
/// Look-alike characters are read as one first, as in [`scan_file`]: any
/// dash counts as a hyphen, any space as a space, full-width forms and
/// digits of other scripts as ASCII, and invisible characters as nothing.
/// Case is kept.
pub fn normalise(value: &str) -> String {
    normalise::normalise_str(value)
        .chars()
        .filter(|&c| !(c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')')))
        .collect()
}

/// A text being scanned, with what several scanners need computed once.
struct Scan<'a> {
    text: &'a str,
    /// Every run of ASCII digits: its start and length.
    digit_runs: Vec<(usize, usize)>,
    /// Byte offsets where a number starts as a token of its own.
    number_starts: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        let digit_runs = digit_runs(text.as_bytes());
        let bytes = text.as_bytes();
        let number_starts = digit_runs
            .iter()
            .map(|&(start, _)| start)
            .filter(|&start| starts_token(bytes, start))
            .collect();
        Scan {
            text,
            digit_runs,
            number_starts,
        }
    }
}

// ---------------------------------------------------------------------------
// Candidates and their merging

/// A span one scanner believes is an identifier, before overlaps are resolved.
struct Candidate {
    kind: IdentifierKind,
    span: Range<usize>,
    checksum_valid: bool,
}

impl Candidate {
    fn new(kind: IdentifierKind, span: Range<usize>, checksum_valid: bool) -> Self {
        Self {
            kind,
            span,
            checksum_valid,
        }
    }

    fn into_match(self, text: &str) -> Option<Match> {
        let found = text.get(self.span.clone())?;
        Some(Match {
            kind: self.kind,
            start: self.span.start,
            end: self.span.end,
            text: found.to_string(),
            checksum_valid: self.checksum_valid,
        })
    }
}

/// Accepted candidates, keyed by start; they never overlap.
#[derive(Default)]
struct Taken(BTreeMap<usize, Candidate>);

impl Taken {
    /// Keeps `candidate` unless it overlaps one already taken. As the taken
    /// spans never overlap, only the last one starting before its end can.
    fn insert_if_free(&mut self, candidate: Candidate) {
        let span = &candidate.span;
        let clashes = self
            .0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, t)| t.span.end > span.start);
        if !clashes {
            self.0.insert(span.start, candidate);
        }
    }

    fn into_ordered(self) -> impl Iterator<Item = Candidate> {
        self.0.into_values()
    }
}

/// What every scanner's tests need: digits, check digits and assertions on a scan.
#[cfg(test)]
mod testing {
    use super::checks::luhn_valid;
    use super::*;

    pub(super) fn digits_of(s: &str) -> Vec<u8> {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect()
    }

    /// `body` followed by the digit that makes it pass the Luhn check.
    pub(super) fn with_luhn_digit(body: &str) -> String {
        (0..=9)
            .map(|d| format!("{body}{d}"))
            .find(|s| luhn_valid(&digits_of(s)))
            .unwrap_or_else(|| panic!("no Luhn digit for {body}"))
    }

    pub(super) fn found(text: &str) -> Vec<(IdentifierKind, String)> {
        scan(text).into_iter().map(|m| (m.kind, m.text)).collect()
    }

    pub(super) fn assert_single(text: &str, kind: IdentifierKind, expected: &str) {
        assert_eq!(
            found(text),
            vec![(kind, expected.to_string())],
            "in {text:?}"
        );
        assert_well_formed(text);
    }

    pub(super) fn assert_clean(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }

    pub(super) fn assert_well_formed(text: &str) {
        let matches = scan(text);
        for m in &matches {
            assert!(m.start < m.end, "{m:?}");
            assert_eq!(
                text.get(m.start..m.end),
                Some(m.text.as_str()),
                "{m:?} in {text:?}"
            );
        }
        for pair in matches.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?} in {text:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{assert_clean, assert_single, assert_well_formed, found};
    use super::*;

    // --- kinds --------------------------------------------------------------

    #[test]
    fn kinds_have_labels_and_slugs() {
        use IdentifierKind::*;
        let all = [
            Email,
            Phone,
            UsSsn,
            SwedishPersonnummer,
            UkNhsNumber,
            IsraeliId,
            DateOfBirth,
        ];
        let slugs: Vec<&str> = all.iter().map(|k| k.slug()).collect();
        assert_eq!(
            slugs,
            [
                "email",
                "phone",
                "us-ssn",
                "personnummer",
                "nhs-number",
                "israeli-id",
                "date-of-birth"
            ]
        );
        assert_eq!(SwedishPersonnummer.label(), "a Swedish personnummer");
        assert!(all.iter().all(|k| k.label().starts_with('a')));
    }

    #[test]
    fn normalise_strips_formatting() {
        assert_eq!(normalise("+1 (603) 555-0123"), "+16035550123");
        assert_eq!(normalise("943 476 5919"), "9434765919");
        assert_eq!(normalise("811218-9876"), "8112189876");
        assert_eq!(normalise("14.03.1987"), "14031987");
        assert_eq!(normalise("036\u{a0}555\u{2011}01 00"), "0365550100");
        assert_eq!(normalise("０３６\u{2212}555\u{200b}0100"), "0365550100");
        assert_eq!(normalise("Anna@Example.se"), "Anna@Examplese");
        assert_eq!(normalise(""), "");
    }

    // --- decoded files ------------------------------------------------------

    #[test]
    fn scan_file_reports_decoded_matches_at_their_raw_place() {
        let raw = "note = \"pnr 19811218\\u002D9876\"\n";
        let m = scan_file(raw, Syntax::Toml);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].kind, IdentifierKind::SwedishPersonnummer);
        assert_eq!(m[0].text, "19811218-9876");
        assert_eq!(&raw[m[0].start..m[0].end], "19811218\\u002D9876");
        assert!(scan(raw).is_empty(), "the raw text alone hides it");

        let md = "Jönköping: anna&#64;example.org, &lpar;555&rpar; 123&#45;4567";
        let m = scan_file(md, Syntax::Markdown);
        let written: Vec<&str> = m.iter().map(|m| &md[m.start..m.end]).collect();
        assert_eq!(
            written,
            ["anna&#64;example.org", "&lpar;555&rpar; 123&#45;4567"]
        );
        assert_eq!(m[1].text, "(555) 123-4567");
        // Without anything to decode, scan_file is scan.
        let plain = "ring 070-123 45 67";
        assert_eq!(scan_file(plain, Syntax::Markdown), scan(plain));
    }

    #[test]
    fn scan_file_reads_look_alikes_and_links_at_their_raw_place() {
        let raw = "Jönköping: pnr １９８１１２１８\u{2011}9876, ring 070\u{2009}123&thinsp;45\u{200b} 67, \
                   [journal](https://x.org/p/811218&#x2D;9876) <mailto:anna%40example.org>";
        let m = scan_file(raw, Syntax::Markdown);
        let read: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (m.text.as_str(), &raw[m.start..m.end]))
            .collect();
        assert_eq!(
            read,
            [
                ("19811218-9876", "１９８１１２１８\u{2011}9876"),
                ("070 123 45 67", "070\u{2009}123&thinsp;45\u{200b} 67"),
                ("811218-9876", "811218&#x2D;9876"),
                ("anna@example.org", "anna%40example.org"),
            ]
        );
    }

    #[test]
    fn decoding_alone_adds_nothing_to_clean_text() {
        for (text, syntax) in [
            (
                "R&amp;D cost SEK 48&nbsp;000 in 2019&ndash;2023",
                Syntax::Markdown,
            ),
            ("pp. 1093&#45;1102; MSIS\\-29 &lt;5%", Syntax::Markdown),
            ("x = \"2019\\u20132023, 12.5\\u0025\"", Syntax::Toml),
            ("{\"v\": \"1.12.3\\n0.75\"}", Syntax::Json),
        ] {
            assert_eq!(scan_file(text, syntax), vec![], "{text}");
        }
    }

    // --- priorities and overlaps --------------------------------------------

    #[test]
    fn checksum_kinds_win_over_phones() {
        assert_single(
            "NHS 943 476 5919",
            IdentifierKind::UkNhsNumber,
            "943 476 5919",
        );
        assert_single("SSN 123-45-6789", IdentifierKind::UsSsn, "123-45-6789");
        assert_single("ID 000000018", IdentifierKind::IsraeliId, "000000018");
    }

    #[test]
    fn reports_several_in_order() {
        let text = "Anna (anna@rjl.se, 036-555 01 00), född 1987-03-14, pnr 811218-9876; NHS 943 476 5919.";
        let kinds: Vec<IdentifierKind> = scan(text).into_iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                IdentifierKind::Email,
                IdentifierKind::Phone,
                IdentifierKind::DateOfBirth,
                IdentifierKind::SwedishPersonnummer,
                IdentifierKind::UkNhsNumber
            ]
        );
        assert_well_formed(text);
    }

    // --- Unicode and robustness ----------------------------------------------

    #[test]
    fn offsets_are_bytes_in_unicode_text() {
        let text =
            "Jönköping: ring 036-555 01 00 eller mejla åsa.öberg@jönköping.se eller asa@rjl.se";
        let m = scan(text);
        assert_eq!(m.len(), 3, "{m:?}");
        assert_eq!(m[0].text, "036-555 01 00");
        assert_eq!(&text[m[0].start..m[0].end], "036-555 01 00");
        assert_eq!(m[1].text, "åsa.öberg@jönköping.se");
        assert_eq!(m[2].text, "asa@rjl.se");
        assert_well_formed(text);

        let hebrew = "טלפון: 03-555-1234, דוא\"ל: dana@example.co.il";
        assert_eq!(
            found(hebrew),
            vec![
                (IdentifierKind::Phone, "03-555-1234".to_string()),
                (IdentifierKind::Email, "dana@example.co.il".to_string())
            ]
        );
        assert_well_formed(hebrew);
    }

    #[test]
    fn never_panics_on_any_substring() {
        let text = "Jönköping ☎ +46 36 555 01 00, anna@rjl.se; ת.ז 000000018 נולדה 14.03.1987 — NHS 943 476 5919, \
                    811218-9876 (603) 555-0123 born 14 March 1987 🙂 2019–2023 1,450\u{a0}ü @ x.y ( 0";
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (n, &i) in boundaries.iter().enumerate() {
            for &j in &boundaries[n..] {
                assert_well_formed(&text[i..j]);
            }
        }
    }

    #[test]
    fn never_panics_on_generated_text() {
        let pieces = [
            "0", "1", "4", "9", "-", "+", " ", "(", ")", ".", ",", ":", "/", "@", "a", "é", "ת",
            "🙂", "\u{a0}", "\u{c2}", "born ", "ID ", "x.se", "%", "th", "March", "\n",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..40 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let pick = (state >> 33) as usize % pieces.len();
                text.push_str(pieces[pick]);
            }
            assert_well_formed(&text);
        }
    }

    #[test]
    fn handles_empty_and_edge_inputs() {
        for text in [
            "", "@", "+", "(", "0", "born", "ID", "ת.ז", "\u{a0}", "1-", "(0)", "+(", "born 1",
        ] {
            assert_well_formed(text);
        }
        assert_clean("");
    }
}
