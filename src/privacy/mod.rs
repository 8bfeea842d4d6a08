//! Spotting likely personal identifiers in workbook text.
//!
//! Workbooks travel between sites and stay in git history for good, so a real
//! email address, phone number or national identity number written into one
//! by mistake is hard to take back. [`scan`] reads a text and reports the
//! spans that look like such identifiers; [`scan_file`] does the same for a
//! file's text after decoding its escapes (in `decode.rs`), and [`scan_name`]
//! for the name of a file or folder (in `name.rs`); [`normalise`] strips
//! formatting from a value so that a finding can be compared against a site's
//! allow list of known-fictional values.
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

mod decode;
mod name;

use std::collections::BTreeMap;
use std::ops::Range;

pub use decode::{Decoded, Syntax, decode};
pub use name::scan_name;

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
/// syntax are decoded first (see [`decode`]), and every match is placed back
/// on the raw text, from where its first character was written to where its
/// last one was. A text with nothing to decode is scanned as it is.
pub fn scan_file(text: &str, syntax: Syntax) -> Vec<Match> {
    let Some(decoded) = decode(text, syntax) else {
        return scan(text);
    };
    scan(&decoded.text)
        .into_iter()
        .map(|m| {
            let raw = decoded.raw_span(m.start..m.end);
            Match {
                start: raw.start,
                end: raw.end,
                ..m
            }
        })
        .collect()
}

/// The same value with spaces, hyphens, dots and parentheses removed, for comparing against an allow list.
///
/// Any whitespace (including no-break spaces) counts as a space, and the
/// Unicode hyphen and non-breaking hyphen count as hyphens. Case is kept.
pub fn normalise(value: &str) -> String {
    value
        .chars()
        .filter(|&c| {
            !(c.is_whitespace() || matches!(c, '-' | '.' | '(' | ')' | '\u{2010}' | '\u{2011}'))
        })
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

/// Every run of ASCII digits in one pass: (start, length). Prose has few
/// digits, so eight bytes at a time are skipped while none of them is one.
fn digit_runs(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(word);
            if !has_ascii_digit(u64::from_le_bytes(chunk)) {
                i += 8;
                continue;
            }
        }
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

/// Whether any of the eight bytes of `x` is an ASCII digit (a byte strictly
/// between 0x2F and 0x3A; bytes of 0x80 and above never count).
fn has_ascii_digit(x: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const LOW7: u64 = ONES * 127;
    const HIGH: u64 = ONES * 128;
    let low = x & LOW7;
    let below_3a = (ONES * (127 + 0x3A)).wrapping_sub(low);
    let above_2f = low.wrapping_add(ONES * (127 - 0x2F));
    (below_3a & !x & above_2f & HIGH) != 0
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

// ---------------------------------------------------------------------------
// Byte helpers

fn byte_at(bytes: &[u8], i: usize) -> Option<u8> {
    bytes.get(i).copied()
}

fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    byte_at(bytes, i).is_some_and(|b| b.is_ascii_digit())
}

/// How many ASCII digits follow in a row from `i`.
fn digit_run(bytes: &[u8], i: usize) -> usize {
    bytes.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// The value of the ASCII digits in `digits` (other bytes are skipped).
fn ascii_number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0u32, |acc, b| {
            acc.saturating_mul(10).saturating_add(u32::from(b - b'0'))
        })
}

fn number_at(bytes: &[u8], range: Range<usize>) -> u32 {
    ascii_number(bytes.get(range).unwrap_or_default())
}

/// The digits in `range` as values 0–9, separators left out.
fn digit_values(bytes: &[u8], range: Range<usize>) -> Vec<u8> {
    bytes
        .get(range)
        .unwrap_or_default()
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a number may start at `i`: not glued to a word, and not the tail
/// of a longer number such as `10.1093`, `1,450` or `2019-2023`.
fn starts_token(bytes: &[u8], i: usize) -> bool {
    let Some(prev_at) = i.checked_sub(1) else {
        return true;
    };
    let Some(prev) = byte_at(bytes, prev_at) else {
        return true;
    };
    let before = prev_at.checked_sub(1).and_then(|k| byte_at(bytes, k));
    match prev {
        b if is_word_byte(b) => false,
        b'-' | b'.' | b'/' | b'+' => !before.is_some_and(|b| b.is_ascii_alphanumeric()),
        b',' | b':' => !before.is_some_and(|b| b.is_ascii_digit()),
        _ => true,
    }
}

/// Whether a number may end at `end`: not glued to a word or a percent sign,
/// and not followed by more digits after a joining mark.
fn ends_token(bytes: &[u8], end: usize) -> bool {
    let Some(next) = byte_at(bytes, end) else {
        return true;
    };
    if is_word_byte(next) || matches!(next, b'%' | b'@') {
        return false;
    }
    let joins_more_digits =
        matches!(next, b'-' | b'+' | b'.' | b'/' | b',' | b':') && is_digit_at(bytes, end + 1);
    !joins_more_digits
}

// ---------------------------------------------------------------------------
// Char-aware windows and cue words

/// The byte offset `chars` characters after `from` (or the end of the text).
fn chars_forward(text: &str, from: usize, chars: usize) -> usize {
    text.get(from..)
        .and_then(|rest| rest.char_indices().nth(chars))
        .map_or(text.len(), |(k, _)| from + k)
}

/// The byte offset `chars` characters before `to` (or the start of the text).
fn chars_back(text: &str, to: usize, chars: usize) -> usize {
    text.get(..to)
        .and_then(|head| head.char_indices().rev().take(chars).last())
        .map_or(to.min(text.len()), |(k, _)| k)
}

/// Latin cues must stand as whole words; Hebrew ones take attached prefixes.
fn needs_word_boundary(cue: &str) -> bool {
    cue.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn is_whole_word(text: &str, span: &Range<usize>) -> bool {
    let before = text.get(..span.start).and_then(|s| s.chars().next_back());
    let after = text.get(span.end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Spans of `cues` (lower-case) found in `within`, ignoring ASCII case, in order.
///
/// One pass over the window, comparing cues only where their first byte
/// stands; nothing is allocated but the result.
fn find_cues(text: &str, within: Range<usize>, cues: &[&str]) -> Vec<Range<usize>> {
    let Some(window) = text.get(within.clone()) else {
        return Vec::new();
    };
    let bytes = window.as_bytes();
    let mut starts_a_cue = [false; 256];
    for cue in cues {
        if let Some(&b) = cue.as_bytes().first() {
            starts_a_cue[usize::from(b)] = true;
            starts_a_cue[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    let mut found = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if !starts_a_cue[usize::from(b)] {
            continue;
        }
        let b = b.to_ascii_lowercase();
        for cue in cues {
            let c = cue.as_bytes();
            if c.first() != Some(&b)
                || !bytes
                    .get(i..i + c.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(c))
            {
                continue;
            }
            let span = within.start + i..within.start + i + c.len();
            if !needs_word_boundary(cue) || is_whole_word(text, &span) {
                found.push(span);
            }
        }
    }
    found
}

fn has_cue_before(text: &str, pos: usize, chars: usize, cues: &[&str]) -> bool {
    let from = chars_back(text, pos, chars);
    !find_cues(text, from..pos, cues).is_empty()
}

// ---------------------------------------------------------------------------
// Check digits and calendar dates

/// The Luhn (mod 10) check, doubling every second digit from the right.
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            let d = u32::from(d);
            match (k % 2 == 1, d * 2) {
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
                (false, _) => d,
            }
        })
        .sum();
    !digits.is_empty() && sum % 10 == 0
}

/// The NHS mod 11 check: weights 10 down to 2, check = 11 − (sum mod 11).
fn nhs_check_valid(digits: &[u8]) -> bool {
    let [body @ .., check] = digits else {
        return false;
    };
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = body
        .iter()
        .zip((2..=10).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => *check == 0,
        10 => false,
        expected => u32::from(*check) == expected,
    }
}

/// Whether `year`-`month`-`day` is a day of the (proleptic Gregorian) calendar.
fn is_calendar_date(year: u32, month: u32, day: u32) -> bool {
    match (i16::try_from(year), i8::try_from(month), i8::try_from(day)) {
        (Ok(year), Ok(month), Ok(day)) => jiff::civil::Date::new(year, month, day).is_ok(),
        _ => false,
    }
}

/// A real calendar date with a plausible year of birth.
fn is_valid_date(year: u32, month: u32, day: u32) -> bool {
    (1850..=2100).contains(&year) && is_calendar_date(year, month, day)
}

/// Whether three numbers written with one separator form a date:
/// `yyyy-mm-dd`, `dd-mm-yyyy` or `mm-dd-yyyy`.
fn forms_date(first: &[u8], second: &[u8], third: &[u8]) -> bool {
    let short = |s: &[u8]| (1..=2).contains(&s.len());
    let (a, b, c) = (
        ascii_number(first),
        ascii_number(second),
        ascii_number(third),
    );
    if first.len() == 4 && short(second) && short(third) {
        is_valid_date(a, b, c)
    } else if short(first) && short(second) && third.len() == 4 {
        is_valid_date(c, b, a) || is_valid_date(c, a, b)
    } else {
        false
    }
}

// ---------------------------------------------------------------------------
// Email addresses

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

fn scan_emails(scan: &Scan) -> Vec<Candidate> {
    let text = scan.text;
    text.match_indices('@')
        .filter_map(|(at, _)| email_around(text, at))
        .collect()
}

/// The email address whose `@` is at `at`, if the parts on both sides fit.
/// Letters outside ASCII are allowed on both sides (`åsa@jönköping.se`).
fn email_around(text: &str, at: usize) -> Option<Candidate> {
    let before = text.get(..at)?;
    let after = text.get(at + 1..)?;
    let local_len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_local_char(c))
        .map(char::len_utf8)
        .sum();
    let local = before
        .get(before.len() - local_len..)?
        .trim_start_matches('.');
    let domain_len: usize = after
        .chars()
        .take_while(|&c| is_domain_char(c))
        .map(char::len_utf8)
        .sum();
    let domain = after.get(..domain_len)?.trim_end_matches(['.', '-']);
    if local.is_empty() || local.ends_with('.') || !valid_domain(domain) {
        return None;
    }
    let span = at - local.len()..at + 1 + domain.len();
    Some(Candidate::new(IdentifierKind::Email, span, false))
}

/// At least two non-empty labels, none edged with a hyphen, and a top-level
/// domain of two or more letters.
fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let labels_ok = labels
        .iter()
        .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.len() >= 2 && labels_ok && tld_ok
}

// ---------------------------------------------------------------------------
// US Social Security numbers

fn scan_us_ssns(scan: &Scan) -> Vec<Candidate> {
    let bytes = scan.text.as_bytes();
    scan.number_starts
        .iter()
        .copied()
        .filter_map(|i| us_ssn_at(bytes, i))
        .collect()
}

/// `ddd-dd-dddd`, without the never-issued area 000, 666 or 9xx, group 00 or serial 0000.
fn us_ssn_at(bytes: &[u8], start: usize) -> Option<Candidate> {
    let shaped = digit_run(bytes, start) == 3
        && byte_at(bytes, start + 3) == Some(b'-')
        && digit_run(bytes, start + 4) == 2
        && byte_at(bytes, start + 6) == Some(b'-')
        && digit_run(bytes, start + 7) == 4
        && ends_token(bytes, start + 11);
    if !shaped {
        return None;
    }
    let area = number_at(bytes, start..start + 3);
    let group = number_at(bytes, start + 4..start + 6);
    let serial = number_at(bytes, start + 7..start + 11);
    let issuable = area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    issuable.then(|| Candidate::new(IdentifierKind::UsSsn, start..start + 11, false))
}

// ---------------------------------------------------------------------------
// Swedish personnummer

fn scan_personnummer(scan: &Scan) -> Vec<Candidate> {
    let bytes = scan.text.as_bytes();
    scan.number_starts
        .iter()
        .copied()
        .filter_map(|i| personnummer_at(bytes, i))
        .collect()
}

/// `YYMMDD-NNNN`, `YYMMDD+NNNN` and `YYYYMMDD-NNNN` are reported whatever
/// their check digit; `YYMMDDNNNN` and `YYYYMMDDNNNN` only with a valid one.
fn personnummer_at(bytes: &[u8], start: usize) -> Option<Candidate> {
    let run = digit_run(bytes, start);
    let separator = byte_at(bytes, start + run);
    let four_after_separator = digit_run(bytes, start + run + 1) == 4;
    let (end, separated) = match (run, separator) {
        (6, Some(b'-' | b'+')) if four_after_separator => (start + 11, true),
        (8, Some(b'-')) if four_after_separator => (start + 13, true),
        (10 | 12, _) => (start + run, false),
        _ => return None,
    };
    if !ends_token(bytes, end) {
        return None;
    }
    let digits = digit_values(bytes, start..end);
    let (century, ten) = digits.split_at(digits.len().saturating_sub(10));
    if ten.len() != 10 || !personnummer_date_valid(century, ten) {
        return None;
    }
    let checksum_valid = luhn_valid(ten);
    (separated || checksum_valid).then(|| {
        Candidate::new(
            IdentifierKind::SwedishPersonnummer,
            start..end,
            checksum_valid,
        )
    })
}

/// The birth date in a personnummer: a real month and day, where the day may
/// carry +60 for a samordningsnummer. Without a century, 29 February is allowed.
fn personnummer_date_valid(century: &[u8], ten: &[u8]) -> bool {
    let value = |d: &[u8]| d.iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    let (Some(yy), Some(mm), Some(dd)) = (ten.get(0..2), ten.get(2..4), ten.get(4..6)) else {
        return false;
    };
    let year = if century.is_empty() {
        2000
    } else {
        value(century) * 100 + value(yy)
    };
    if !century.is_empty() && !(1800..=2099).contains(&year) {
        return false;
    }
    let day = match value(dd) {
        d if d > 60 => d - 60,
        d => d,
    };
    is_calendar_date(year, value(mm), day)
}

// ---------------------------------------------------------------------------
// UK NHS numbers

fn scan_nhs_numbers(scan: &Scan) -> Vec<Candidate> {
    let bytes = scan.text.as_bytes();
    scan.number_starts
        .iter()
        .copied()
        .filter_map(|i| nhs_number_at(bytes, i))
        .collect()
}

/// Ten digits, alone or grouped 3-3-4 with spaces or hyphens, with a valid check digit.
fn nhs_number_at(bytes: &[u8], start: usize) -> Option<Candidate> {
    let end = match digit_run(bytes, start) {
        10 => start + 10,
        3 if grouped_3_3_4(bytes, start) => start + 12,
        _ => return None,
    };
    let valid = ends_token(bytes, end) && nhs_check_valid(&digit_values(bytes, start..end));
    valid.then(|| Candidate::new(IdentifierKind::UkNhsNumber, start..end, true))
}

fn grouped_3_3_4(bytes: &[u8], start: usize) -> bool {
    let separator = byte_at(bytes, start + 3);
    matches!(separator, Some(b' ' | b'-'))
        && digit_run(bytes, start + 4) == 3
        && byte_at(bytes, start + 7) == separator
        && digit_run(bytes, start + 8) == 4
}

// ---------------------------------------------------------------------------
// Israeli identity numbers

/// Words that say an identity number follows (lower-case).
const ID_CUES: &[&str] = &[
    "id", "i.d", "t.z", "tz", "teudat", "identity", "ת.ז", "ת\"ז", "ת״ז", "זהות",
];

/// How many characters before a nine-digit number an ID cue may stand.
const ID_CUE_WINDOW_CHARS: usize = 40;

fn scan_israeli_ids(scan: &Scan) -> Vec<Candidate> {
    scan.number_starts
        .iter()
        .filter_map(|&i| israeli_id_at(scan.text, i))
        .collect()
}

/// Nine digits with a valid check digit and an ID cue shortly before them;
/// without the cue, nine-digit costs and counts would flood the report.
fn israeli_id_at(text: &str, start: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let end = start + 9;
    let found = digit_run(bytes, start) == 9
        && ends_token(bytes, end)
        && luhn_valid(&digit_values(bytes, start..end))
        && has_cue_before(text, start, ID_CUE_WINDOW_CHARS, ID_CUES);
    found.then(|| Candidate::new(IdentifierKind::IsraeliId, start..end, true))
}

// ---------------------------------------------------------------------------
// Dates of birth

/// Words that say a date of birth follows (lower-case).
const DOB_CUES: &[&str] = &[
    "born",
    "date of birth",
    "birth date",
    "birthdate",
    "birthday",
    "dob",
    "d.o.b",
    "född",
    "föddes",
    "födelsedatum",
    "födelsedag",
    "נולד",
    "נולדה",
    "תאריך לידה",
];

/// How many characters after a cue the date may start.
const DOB_WINDOW_CHARS: usize = 30;
/// The longest written date before its year ("September 30th, " is 16).
const DOB_DATE_CHARS: usize = 24;

/// English and Swedish month names and abbreviations, lower-case.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("januari", 1),
    ("jan", 1),
    ("february", 2),
    ("februari", 2),
    ("feb", 2),
    ("march", 3),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("maj", 5),
    ("june", 6),
    ("juni", 6),
    ("jun", 6),
    ("july", 7),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oktober", 10),
    ("oct", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

fn scan_dates_of_birth(scan: &Scan) -> Vec<Candidate> {
    let text = scan.text;
    let bytes = text.as_bytes();
    // A date of birth has a four-digit year; look for cues only shortly
    // before such years, not across the whole text.
    let mut cues: Vec<Range<usize>> = Vec::new();
    let mut searched_to = 0;
    for &(p, run) in &scan.digit_runs {
        if run != 4 || !(1850..=2100).contains(&number_at(bytes, p..p + 4)) {
            continue;
        }
        let from = chars_back(text, p, DOB_WINDOW_CHARS + DOB_DATE_CHARS).max(searched_to);
        if from < p {
            cues.extend(find_cues(text, from..p, DOB_CUES));
            searched_to = p;
        }
    }
    cues.into_iter()
        .filter_map(|cue| {
            let window_end = chars_forward(text, cue.end, DOB_WINDOW_CHARS);
            (cue.end..window_end)
                .filter(|&p| starts_date(bytes, p))
                .find_map(|p| {
                    date_at(bytes, p)
                        .map(|end| Candidate::new(IdentifierKind::DateOfBirth, p..end, false))
                })
        })
        .collect()
}

/// A date may start at a digit that starts a number, or at a letter that starts a word.
fn starts_date(bytes: &[u8], p: usize) -> bool {
    match byte_at(bytes, p) {
        Some(b) if b.is_ascii_digit() => starts_token(bytes, p),
        Some(b) if b.is_ascii_alphabetic() => !p
            .checked_sub(1)
            .and_then(|k| byte_at(bytes, k))
            .is_some_and(|b| b.is_ascii_alphanumeric()),
        _ => false,
    }
}

/// The end of a full date (day, month and four-digit year) starting at `p`.
fn date_at(bytes: &[u8], p: usize) -> Option<usize> {
    let end = numeric_date_at(bytes, p)
        .or_else(|| day_month_year_at(bytes, p))
        .or_else(|| month_day_year_at(bytes, p))?;
    ends_token(bytes, end).then_some(end)
}

/// `1987-03-14`, `14/03/1987`, `03/14/1987`, `14.03.1987`: one separator, used twice.
fn numeric_date_at(bytes: &[u8], p: usize) -> Option<usize> {
    let first = digit_run(bytes, p);
    let separator = byte_at(bytes, p + first).filter(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let q = p + first + 1;
    let second = digit_run(bytes, q);
    if byte_at(bytes, q + second) != Some(separator) {
        return None;
    }
    let r = q + second + 1;
    let third = digit_run(bytes, r);
    let parts = (
        bytes.get(p..p + first)?,
        bytes.get(q..q + second)?,
        bytes.get(r..r + third)?,
    );
    forms_date(parts.0, parts.1, parts.2).then_some(r + third)
}

/// `14 March 1987`, `14th March, 1987`, `14 mars 1987`, `14. Mar. 1987`.
fn day_month_year_at(bytes: &[u8], p: usize) -> Option<usize> {
    let (day, i) = day_at(bytes, p)?;
    let i = skip_byte(bytes, i, b'.');
    let i = skip_spaces(bytes, i)?;
    let (month, i) = month_word_at(bytes, i)?;
    let i = skip_byte(bytes, skip_byte(bytes, i, b'.'), b',');
    let i = skip_spaces(bytes, i)?;
    let (year, end) = year_at(bytes, i)?;
    is_valid_date(year, month, day).then_some(end)
}

/// `March 14, 1987`, `March 14th 1987`, `Mar. 14, 1987`.
fn month_day_year_at(bytes: &[u8], p: usize) -> Option<usize> {
    let (month, i) = month_word_at(bytes, p)?;
    let i = skip_spaces(bytes, skip_byte(bytes, i, b'.'))?;
    let (day, i) = day_at(bytes, i)?;
    let i = skip_spaces(bytes, skip_byte(bytes, i, b','))?;
    let (year, end) = year_at(bytes, i)?;
    is_valid_date(year, month, day).then_some(end)
}

/// A one- or two-digit day, with an English ordinal suffix skipped.
fn day_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    let len = digit_run(bytes, p);
    if !(1..=2).contains(&len) {
        return None;
    }
    Some((number_at(bytes, p..p + len), skip_ordinal(bytes, p + len)))
}

fn year_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    (digit_run(bytes, p) == 4).then(|| (number_at(bytes, p..p + 4), p + 4))
}

fn month_word_at(bytes: &[u8], p: usize) -> Option<(u32, usize)> {
    let len = bytes
        .get(p..)?
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = bytes.get(p..p + len)?.to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .find(|(name, _)| name.as_bytes() == word.as_slice())
        .map(|&(_, month)| (month, p + len))
}

fn skip_ordinal(bytes: &[u8], i: usize) -> usize {
    let suffix = bytes.get(i..i + 2).map(<[u8]>::to_ascii_lowercase);
    let is_ordinal = matches!(suffix.as_deref(), Some(b"st" | b"nd" | b"rd" | b"th"));
    let word_goes_on = byte_at(bytes, i + 2).is_some_and(|b| b.is_ascii_alphabetic());
    if is_ordinal && !word_goes_on {
        i + 2
    } else {
        i
    }
}

fn skip_byte(bytes: &[u8], i: usize, wanted: u8) -> usize {
    if byte_at(bytes, i) == Some(wanted) {
        i + 1
    } else {
        i
    }
}

/// Skips one or more spaces; `None` when there is none.
fn skip_spaces(bytes: &[u8], i: usize) -> Option<usize> {
    let count = bytes
        .get(i..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| b == b' ').count());
    (count > 0).then_some(i + count)
}

// ---------------------------------------------------------------------------
// Phone numbers

/// Words after which a number is a bibliographic reference, not a phone (lower-case).
const REFERENCE_CUES: &[&str] = &["isbn", "issn", "doi", "pmid", "arxiv", "orcid"];

/// How many characters before a number a reference cue may stand.
const REFERENCE_CUE_WINDOW_CHARS: usize = 12;

/// More groups than this is not a phone number.
const MAX_PHONE_GROUPS: usize = 8;

/// The longest phone numbers (E.164) have 15 digits.
const MAX_PHONE_DIGITS: usize = 15;

/// A run of digits in a phone number, maybe in parentheses like `(0)` or `(603)`.
struct PhoneGroup {
    digits: Range<usize>,
    end: usize,
    parenthesised: bool,
    separator_before: Option<u8>,
}

/// What trying to read a phone number at one position gave.
enum PhoneAttempt {
    /// A phone number ending here.
    Found(usize),
    /// A run of digit groups too long to be a phone, ending here; skip all of it.
    TooLong(usize),
    /// Nothing; try the next position.
    Nothing,
}

fn scan_phones(scan: &Scan) -> Vec<Candidate> {
    let text = scan.text;
    // Only a digit, `+` or `(` can open a phone number: try just those places.
    let mut opens: Vec<usize> = scan.digit_runs.iter().map(|&(start, _)| start).collect();
    opens.extend(memchr::memchr2_iter(b'+', b'(', text.as_bytes()));
    opens.sort_unstable();
    let mut found = Vec::new();
    let mut next_free = 0;
    for i in opens {
        if i < next_free {
            continue;
        }
        match phone_at(text, i) {
            PhoneAttempt::Found(end) => {
                found.push(Candidate::new(IdentifierKind::Phone, i..end, false));
                next_free = end;
            }
            PhoneAttempt::TooLong(end) => next_free = end.max(i + 1),
            PhoneAttempt::Nothing => {}
        }
    }
    found
}

/// The phone number starting at `start`. Trailing groups are dropped one at
/// a time until the rest reads as a phone, so a count written after a number
/// does not spoil it; but a run of groups with more digits than any phone
/// number (an account or reference number) is skipped whole.
fn phone_at(text: &str, start: usize) -> PhoneAttempt {
    let bytes = text.as_bytes();
    let Some(first) = byte_at(bytes, start) else {
        return PhoneAttempt::Nothing;
    };
    let opens = match first {
        b'+' => is_digit_at(bytes, start + 1),
        b'(' => true,
        b => b.is_ascii_digit(),
    };
    if !opens || !starts_token(bytes, start) {
        return PhoneAttempt::Nothing;
    }
    let groups = read_phone_groups(bytes, start);
    let digit_count: usize = groups.iter().map(|g| g.digits.len()).sum();
    if digit_count > MAX_PHONE_DIGITS {
        return PhoneAttempt::TooLong(groups.last().map_or(start, |g| g.end));
    }
    let longest = (1..=groups.len()).rev().find_map(|count| {
        let kept = groups.get(..count)?;
        let end = kept.last()?.end;
        (ends_token(bytes, end) && plausible_phone(bytes, first == b'+', kept)).then_some(end)
    });
    match longest {
        Some(end) if !follows_reference_cue(text, start) => PhoneAttempt::Found(end),
        _ => PhoneAttempt::Nothing,
    }
}

fn follows_reference_cue(text: &str, pos: usize) -> bool {
    has_cue_before(text, pos, REFERENCE_CUE_WINDOW_CHARS, REFERENCE_CUES)
}

/// Digit groups joined by at most one separator each (space, no-break space,
/// hyphen or dot), or directly after a parenthesised group.
fn read_phone_groups(bytes: &[u8], start: usize) -> Vec<PhoneGroup> {
    let mut groups = Vec::new();
    let mut pos = skip_byte(bytes, start, b'+');
    let mut separator = None;
    while groups.len() < MAX_PHONE_GROUPS {
        let Some(group) = phone_group_at(bytes, pos, separator) else {
            break;
        };
        (pos, separator) = phone_separator_at(bytes, group.end);
        groups.push(group);
    }
    groups
}

fn phone_group_at(bytes: &[u8], pos: usize, separator_before: Option<u8>) -> Option<PhoneGroup> {
    match byte_at(bytes, pos)? {
        b'(' => {
            let len = digit_run(bytes, pos + 1);
            let closed = (1..=4).contains(&len) && byte_at(bytes, pos + 1 + len) == Some(b')');
            closed.then(|| PhoneGroup {
                digits: pos + 1..pos + 1 + len,
                end: pos + len + 2,
                parenthesised: true,
                separator_before,
            })
        }
        b if b.is_ascii_digit() => {
            let len = digit_run(bytes, pos);
            Some(PhoneGroup {
                digits: pos..pos + len,
                end: pos + len,
                parenthesised: false,
                separator_before,
            })
        }
        _ => None,
    }
}

/// The position after one separator at `pos`, and which one (a no-break space counts as a space).
fn phone_separator_at(bytes: &[u8], pos: usize) -> (usize, Option<u8>) {
    match byte_at(bytes, pos) {
        Some(b @ (b' ' | b'-' | b'.')) => (pos + 1, Some(b)),
        Some(0xC2) if byte_at(bytes, pos + 1) == Some(0xA0) => (pos + 2, Some(b' ')),
        _ => (pos, None),
    }
}

fn group_digits<'a>(bytes: &'a [u8], group: &PhoneGroup) -> &'a [u8] {
    bytes.get(group.digits.clone()).unwrap_or_default()
}

fn plausible_phone(bytes: &[u8], international: bool, groups: &[PhoneGroup]) -> bool {
    let Some(first) = groups.first() else {
        return false;
    };
    let ends_in_single_digit = groups.last().is_some_and(|g| g.digits.len() < 2);
    if ends_in_single_digit || looks_like_date_or_time(bytes, groups) {
        return false;
    }
    let digits: Vec<u8> = groups
        .iter()
        .flat_map(|g| group_digits(bytes, g).iter().copied())
        .collect();
    if international {
        plausible_international(bytes, groups, &digits)
    } else if first.parenthesised {
        plausible_parenthesised(bytes, groups, &digits)
    } else {
        plausible_national(groups, &digits) || plausible_north_american(bytes, groups)
    }
}

/// Dates (`01.02.1987`, `03.2021`) and times (`08.30-09.15`) written with phone separators.
fn looks_like_date_or_time(bytes: &[u8], groups: &[PhoneGroup]) -> bool {
    let dotted = groups.iter().any(|g| g.separator_before == Some(b'.'));
    if dotted && groups.iter().all(|g| g.digits.len() <= 2) {
        return true;
    }
    let joined =
        |g: &PhoneGroup| matches!(g.separator_before, Some(b'-' | b'.')) && !g.parenthesised;
    let date_triple = groups.windows(3).any(|w| {
        joined(&w[1])
            && joined(&w[2])
            && !w[0].parenthesised
            && w[1].separator_before == w[2].separator_before
            && forms_date(
                group_digits(bytes, &w[0]),
                group_digits(bytes, &w[1]),
                group_digits(bytes, &w[2]),
            )
    });
    let month_year = groups.windows(2).any(|w| {
        let (month, year) = (group_digits(bytes, &w[0]), group_digits(bytes, &w[1]));
        joined(&w[1])
            && !w[0].parenthesised
            && month.len() <= 2
            && (1..=12).contains(&ascii_number(month))
            && year.len() == 4
            && (1900..=2099).contains(&ascii_number(year))
    });
    date_triple || month_year
}

/// `+46 36 555 01 00`, `+1 (603) 555-0123`, `+44 (0)20 7946 0958`, `+46701234567`.
fn plausible_international(bytes: &[u8], groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let [country, rest @ ..] = groups else {
        return false;
    };
    let code = group_digits(bytes, country);
    let code_ok = !country.parenthesised
        && code.first().is_some_and(|&d| d != b'0')
        && (rest.is_empty() || (1..=3).contains(&code.len()));
    code_ok && (8..=MAX_PHONE_DIGITS).contains(&digits.len())
}

/// `(603) 555-0123` or a national area code in parentheses, `(036) 555 01 00`, `(0)20 7946 0958`.
fn plausible_parenthesised(bytes: &[u8], groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let [area, rest @ ..] = groups else {
        return false;
    };
    if rest.is_empty() || rest.iter().any(|g| g.parenthesised) {
        return false;
    }
    let area_digits = group_digits(bytes, area);
    if area_digits.first() == Some(&b'0') {
        return (8..=12).contains(&digits.len());
    }
    let [exchange, line] = rest else {
        return false;
    };
    north_american_shape(
        area_digits,
        group_digits(bytes, exchange),
        group_digits(bytes, line),
    )
}

/// National numbers with a trunk `0`: `036-555 01 00`, `020 7946 0958`,
/// `07700 900123`, `03-555-1234`, `0701234567`, or `00` and a country code.
fn plausible_national(groups: &[PhoneGroup], digits: &[u8]) -> bool {
    let Some(first) = groups.first() else {
        return false;
    };
    if digits.first() != Some(&b'0')
        || digits.starts_with(b"000")
        || groups.iter().any(|g| g.parenthesised)
    {
        return false;
    }
    let count = digits.len();
    let length_ok = if digits.starts_with(b"00") {
        (10..=MAX_PHONE_DIGITS).contains(&count)
    } else if groups.len() == 1 {
        (9..=11).contains(&count)
    } else {
        (8..=12).contains(&count)
    };
    first.digits.len() >= 2 && length_ok
}

/// `603-555-0123`, `603.555.0123` or `1-603-555-0123`: one separator (hyphen or dot) throughout.
fn plausible_north_american(bytes: &[u8], groups: &[PhoneGroup]) -> bool {
    let groups = match groups {
        [trunk, rest @ ..] if rest.len() == 3 && group_digits(bytes, trunk) == b"1" => rest,
        _ => groups,
    };
    let [area, exchange, line] = groups else {
        return false;
    };
    let separator = exchange.separator_before;
    matches!(separator, Some(b'-' | b'.'))
        && line.separator_before == separator
        && groups.iter().all(|g| !g.parenthesised)
        && north_american_shape(
            group_digits(bytes, area),
            group_digits(bytes, exchange),
            group_digits(bytes, line),
        )
}

/// An area code of three digits not starting with 0 or 1, an exchange of
/// three and a line of four. Real exchanges do not start with 0 or 1 either,
/// but made-up and mistyped numbers such as `(555) 123-4567` are still
/// someone's number once written down, and the shape is distinctive enough.
fn north_american_shape(area: &[u8], exchange: &[u8], line: &[u8]) -> bool {
    area.len() == 3
        && exchange.len() == 3
        && line.len() == 4
        && area.first().is_some_and(|d| (b'2'..=b'9').contains(d))
}

#[cfg(test)]
mod tests {
    #[test]
    fn digit_runs_match_a_plain_scan() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let len = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    [b'0', b'9', b'/', b':', b'a', 0xC3, 0xB6, b' ', b'5', 0xFF]
                        [(seed % 10) as usize]
                })
                .collect();
            let mut plain = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if n > 0 {
                    plain.push((i, n));
                    i += n;
                } else {
                    i += 1;
                }
            }
            assert_eq!(super::digit_runs(&bytes), plain, "{bytes:?}");
        }
    }

    use super::*;

    fn digits_of(s: &str) -> Vec<u8> {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect()
    }

    /// `body` followed by the digit that makes it pass the Luhn check.
    fn with_luhn_digit(body: &str) -> String {
        (0..=9)
            .map(|d| format!("{body}{d}"))
            .find(|s| luhn_valid(&digits_of(s)))
            .unwrap_or_else(|| panic!("no Luhn digit for {body}"))
    }

    /// `body` followed by its NHS check digit, if it has one.
    fn with_nhs_digit(body: &str) -> Option<String> {
        (0..=9)
            .map(|d| format!("{body}{d}"))
            .find(|s| nhs_check_valid(&digits_of(s)))
    }

    fn found(text: &str) -> Vec<(IdentifierKind, String)> {
        scan(text).into_iter().map(|m| (m.kind, m.text)).collect()
    }

    fn assert_single(text: &str, kind: IdentifierKind, expected: &str) {
        assert_eq!(
            found(text),
            vec![(kind, expected.to_string())],
            "in {text:?}"
        );
        assert_well_formed(text);
    }

    fn assert_clean(text: &str) {
        assert_eq!(found(text), vec![], "in {text:?}");
    }

    fn assert_well_formed(text: &str) {
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
        assert_eq!(normalise("Anna@Example.se"), "Anna@Examplese");
        assert_eq!(normalise(""), "");
    }

    // --- check digits -------------------------------------------------------

    #[test]
    fn check_digits_match_known_values() {
        assert!(nhs_check_valid(&digits_of("9434765919")));
        assert!(!nhs_check_valid(&digits_of("9434765918")));
        assert!(luhn_valid(&digits_of("8112189876")));
        assert!(!luhn_valid(&digits_of("8112189875")));
        assert!(luhn_valid(&digits_of("000000018")));
        assert!(luhn_valid(&digits_of("123456782")));
        assert!(!luhn_valid(&digits_of("123456789")));
        assert!(!luhn_valid(&[]));
        assert!(!nhs_check_valid(&[]));
    }

    // --- email --------------------------------------------------------------

    #[test]
    fn finds_email_addresses() {
        use IdentifierKind::Email;
        assert_single(
            "Contact anna.svensson@rjl.se for details.",
            Email,
            "anna.svensson@rjl.se",
        );
        assert_single(
            "<a+tag@sub.example.co.uk>",
            Email,
            "a+tag@sub.example.co.uk",
        );
        assert_single(
            "mailto:dana_cohen@clalit.org.il.",
            Email,
            "dana_cohen@clalit.org.il",
        );
        assert_single("(J.Doe-1@nhs.net)", Email, "J.Doe-1@nhs.net");
    }

    #[test]
    fn rejects_non_email_at_signs() {
        for text in [
            "@handle",
            "user@localhost",
            "a@b.c",
            "x@.se",
            "x@se.",
            "team @ site.se",
            "a@-b.se",
            "a@b.s3",
            "a.@b.se",
        ] {
            assert_clean(text);
        }
    }

    // --- US SSN -------------------------------------------------------------

    #[test]
    fn finds_us_ssn_without_checksum() {
        let m = scan("SSN 123-45-6789.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, IdentifierKind::UsSsn);
        assert_eq!(m[0].text, "123-45-6789");
        assert!(!m[0].checksum_valid);
    }

    #[test]
    fn rejects_never_issued_ssns() {
        for text in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "123-00-4567",
            "123-45-0000",
            "123-45-67890",
            "1123-45-6789",
            "123 45 6789",
        ] {
            assert!(
                found(text).iter().all(|(k, _)| *k != IdentifierKind::UsSsn),
                "{text}"
            );
        }
    }

    // --- personnummer -------------------------------------------------------

    #[test]
    fn finds_personnummer_in_every_form() {
        use IdentifierKind::SwedishPersonnummer as Pnr;
        assert_single("Personnummer: 811218-9876.", Pnr, "811218-9876");
        assert_single("811218+9876", Pnr, "811218+9876");
        assert_single("pnr 19811218-9876", Pnr, "19811218-9876");
        assert_single("198112189876", Pnr, "198112189876");
        assert_single("8112189876", Pnr, "8112189876");
        assert!(scan("811218-9876")[0].checksum_valid);
    }

    #[test]
    fn finds_samordningsnummer() {
        let number = with_luhn_digit("811278987");
        let text = format!("{}-{}", &number[..6], &number[6..]);
        assert_single(&text, IdentifierKind::SwedishPersonnummer, &text);
        assert_single(&number, IdentifierKind::SwedishPersonnummer, &number);
    }

    #[test]
    fn hyphenated_personnummer_with_bad_check_digit_is_still_reported() {
        let m = scan("811218-9875");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, IdentifierKind::SwedishPersonnummer);
        assert!(!m[0].checksum_valid);
    }

    #[test]
    fn unseparated_personnummer_needs_valid_check_digit_and_date() {
        assert_clean("8112189875");
        assert_clean("198112189875");
        assert_clean("811318-9876"); // month 13
        assert_clean("810230-9876"); // 30 February
        assert_clean("17811218-9876"); // century 17
        assert_clean("811218-98765");
    }

    // --- NHS ----------------------------------------------------------------

    #[test]
    fn finds_nhs_numbers() {
        use IdentifierKind::UkNhsNumber as Nhs;
        assert_single("NHS number 943 476 5919", Nhs, "943 476 5919");
        assert_single("943-476-5919", Nhs, "943-476-5919");
        assert_single("(9434765919)", Nhs, "9434765919");
        let generated = with_nhs_digit("401023213").unwrap_or_else(|| panic!("no NHS check digit"));
        assert_single(&generated, Nhs, &generated);
        assert!(scan("943 476 5919")[0].checksum_valid);
    }

    #[test]
    fn nhs_number_needs_valid_check_digit() {
        assert_clean("943 476 5918");
        assert_clean("9434765918");
        assert!(
            found("943-476-5918")
                .iter()
                .all(|(k, _)| *k != IdentifierKind::UkNhsNumber)
        );
        assert_clean("943 476-5919"); // mixed separators
        // A body whose check digit would be 10 has no valid NHS number.
        let body = (100_000_000u32..)
            .map(|n| n.to_string())
            .find(|b| with_nhs_digit(b).is_none())
            .unwrap_or_else(|| panic!("every body has a check digit"));
        for d in 0..=9 {
            assert!(
                found(&format!("{body}{d}"))
                    .iter()
                    .all(|(k, _)| *k != IdentifierKind::UkNhsNumber)
            );
        }
    }

    // --- Israeli ID ---------------------------------------------------------

    #[test]
    fn finds_israeli_id_after_cue() {
        use IdentifierKind::IsraeliId;
        assert_single("ID: 000000018", IsraeliId, "000000018");
        assert_single("ת.ז. 000000018", IsraeliId, "000000018");
        assert_single("ת\"ז 123456782", IsraeliId, "123456782");
        assert_single("מספר תעודת זהות: 123456782", IsraeliId, "123456782");
        assert_single("Teudat zehut 123456782", IsraeliId, "123456782");
        assert_single(
            "identity number of the patient is 123456782",
            IsraeliId,
            "123456782",
        );
        let generated = with_luhn_digit("31234567");
        assert_single(&format!("T.Z. {generated}"), IsraeliId, &generated);
    }

    #[test]
    fn israeli_id_needs_cue_and_check_digit() {
        assert_clean("123456782 SEK");
        assert_clean("The programme provided 123456782 kronor"); // "id" inside a word
        assert_clean("ID 123456789");
        assert_clean("ID mentioned long before, then a lot more words and 123456782");
        assert_clean("IDs 123456782");
    }

    // --- dates of birth ----------------------------------------------------

    #[test]
    fn finds_dates_of_birth_after_cues() {
        use IdentifierKind::DateOfBirth as Dob;
        assert_single(
            "Anna, born 1987-03-14, lives in Jönköping.",
            Dob,
            "1987-03-14",
        );
        assert_single("DOB: 14/03/1987", Dob, "14/03/1987");
        assert_single("Date of birth: 03/14/1987", Dob, "03/14/1987");
        assert_single("D.O.B. 14.03.1987", Dob, "14.03.1987");
        assert_single("Född: 1987-03-14", Dob, "1987-03-14");
        assert_single("födelsedatum 14 mars 1987", Dob, "14 mars 1987");
        assert_single("She was born on 14 March 1987.", Dob, "14 March 1987");
        assert_single("born 14th March, 1987", Dob, "14th March, 1987");
        assert_single("Birthday: March 14, 1987", Dob, "March 14, 1987");
        assert_single("birthday Mar. 14th 1987", Dob, "Mar. 14th 1987");
        assert_single("born in Jönköping on 01.02.1987", Dob, "01.02.1987");
        assert_single("דנה נולדה ב-14.03.1987", Dob, "14.03.1987");
        assert_single("תאריך לידה: 1987-03-14", Dob, "1987-03-14");
        assert_single("born 29/02/1988", Dob, "29/02/1988");
    }

    #[test]
    fn dates_of_birth_need_cue_day_and_year() {
        assert_clean("born in 1987");
        assert_clean("born in the 1980s");
        assert_clean("born in March 1987");
        assert_clean("born 14 March");
        assert_clean("Meeting on 14/03/1987 and 2026-11-26.");
        assert_clean("born 31/02/1987");
        assert_clean("born 29/02/1987");
        assert_clean("stubborn 14/03/1987");
        assert_clean("born long ago, and on a very different day, 14/03/1987");
    }

    // --- phones ------------------------------------------------------------

    #[test]
    fn finds_phone_numbers() {
        use IdentifierKind::Phone;
        let cases = [
            "+46 36 555 01 00",
            "+1 (603) 555-0123",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "+972-3-555-1234",
            "+46701234567",
            "0046 36 555 01 00",
            "(603) 555-0123",
            "603-555-0123",
            "603.555.0123",
            "1-603-555-0123",
            "036-555 01 00",
            "(036) 555 01 00",
            "070-123 45 67",
            "0701234567",
            "020 7946 0958",
            "07700 900123",
            "03-555-1234",
            "052-555-1234",
            "036\u{a0}555\u{a0}01\u{a0}00",
        ];
        for number in cases {
            assert_single(number, Phone, number);
            assert_single(&format!("Ring {number}."), Phone, number);
            assert_single(&format!("tel: {number}, then"), Phone, number);
        }
    }

    #[test]
    fn finds_north_american_numbers_with_any_exchange() {
        use IdentifierKind::Phone;
        for number in [
            "(555) 123-4567",
            "(555)123-4567",
            "555-123-4567",
            "555.123.4567",
            "+1 555 123 4567",
            "+1 (555) 123-4567",
            "1-555-123-4567",
        ] {
            assert_single(number, Phone, number);
            assert_single(&format!("Call her on {number}."), Phone, number);
        }
        // Still not phones: no area code that can be one, or spaces alone.
        for text in [
            "(155) 123-4567",
            "055-123-4567x",
            "555 123 4567",
            "(2019) 123-45",
        ] {
            assert!(
                found(text).iter().all(|(k, _)| *k != Phone),
                "{text}: {:?}",
                found(text)
            );
        }
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

    #[test]
    fn phone_keeps_number_and_drops_following_count() {
        assert_single(
            "call 070-123 45 67 2 times",
            IdentifierKind::Phone,
            "070-123 45 67",
        );
    }

    #[test]
    fn ignores_numbers_that_are_not_phones() {
        let texts = [
            "1,450 people",
            "360 000 residents",
            "2019–2023",
            "2019-2023",
            "SEK 48 000",
            "SEK 1 450 000",
            "MSIS-29",
            "ii48–ii54",
            "ii48-ii54",
            "doi:10.1093/intqhc/mzab072",
            "https://doi.org/10.1136/bmjqs-2019-010290",
            "ISBN 978-0-19-882146-2",
            "ISBN 0-19-852663-6",
            "ORCID 0000-0002-1825-0097",
            "2026",
            "2026-11-26",
            "26/11/2026",
            "Meeting 01.02.2026",
            "01-02-2026 03-04-2026",
            "03.2021-05.2023",
            "08.30-09.15",
            "09:30–10:15",
            "kl. 08.30",
            "12.5%",
            "0.75",
            "p < 0.001",
            "n = 1450",
            "version 1.12.3",
            "v0.10.2",
            "version 0.10.2",
            "pp. 1093-1102",
            "€48,000",
            "$1,234,567.89",
            "population 1 234 567",
            "1 234 567 890",
            "+12%",
            "+1 450 000 visits",
            "0-24 months",
            "(2019) 45 participants",
            "(2019) 1 450 000",
            "20261126",
            "123456789",
            "603 555 0123",
            "0123abc4567",
            "account 0123 456 789 012 345 678",
        ];
        for text in texts {
            assert_clean(text);
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
