//! The words that mark how an answer stands, in every language covalue
//! prints: `Not applicable:` and `Deferred:` at the start of an answer, and
//! a deferral's `Owner:` and `Until:` lines, in English, Swedish, Hebrew
//! and Spanish.
//!
//! Every one of them is read in every workbook, whatever its language: a
//! handout printed in Swedish (`render --format md`, which words a
//! deferral `**Uppskjuten:** …`) reads back the same through `import`, a
//! team may type the marks in its own language, and a file keeps its
//! meaning when the workbook's language changes. The words the page
//! catalogues print (`label-not-applicable`, `label-deferred`,
//! `deferred-owner`, `deferred-until`) must be among these (a test says
//! so): a translation that changes a word adds the new word here and keeps
//! the old one, so that files written with it stay readable.
//!
//! The date after `Until:` is YYYY-MM-DD in any language; after Hebrew's
//! and Spanish's word it may also be written as those pages print a date
//! (`31.1.2027`, `31/1/2027`, day first), and is read as the same date.

use crate::date::Date;

/// What a word marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// An answer that does not apply: `Not applicable: reason`.
    NotApplicable,
    /// An answer put off: `Deferred: reason`.
    Deferred,
    /// Who will answer a deferred question: `Owner: name`.
    Owner,
    /// By when: `Until: 2027-01-31`.
    Until,
}

/// How a date may be written after an `Until:` word, besides YYYY-MM-DD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// Only YYYY-MM-DD.
    Iso,
    /// Also day.month.year, as Hebrew pages print it (`31.1.2027`).
    DayDotMonth,
    /// Also day/month/year, as Spanish pages print it (`31/1/2027`).
    DaySlashMonth,
}

/// Every word, with the mark it stands for and the dates its language
/// writes. Each ends in its colon.
const WORDS: &[(Mark, &str, DateForm)] = &[
    // English: what covalue has always read.
    (Mark::NotApplicable, "Not applicable:", DateForm::Iso),
    (Mark::Deferred, "Deferred:", DateForm::Iso),
    (Mark::Owner, "Owner:", DateForm::Iso),
    (Mark::Until, "Until:", DateForm::Iso),
    // Swedish.
    (Mark::NotApplicable, "Ej tillämplig:", DateForm::Iso),
    (Mark::NotApplicable, "Ej tillämpligt:", DateForm::Iso),
    (Mark::Deferred, "Uppskjuten:", DateForm::Iso),
    (Mark::Deferred, "Uppskjutet:", DateForm::Iso),
    (Mark::Owner, "Ansvarig:", DateForm::Iso),
    (Mark::Until, "Till:", DateForm::Iso),
    // Hebrew (the page writes "אחראי/ת"; a team may write either form).
    (Mark::NotApplicable, "לא רלוונטי:", DateForm::DayDotMonth),
    (Mark::Deferred, "נדחה:", DateForm::DayDotMonth),
    (Mark::Owner, "אחראי/ת:", DateForm::DayDotMonth),
    (Mark::Owner, "אחראי:", DateForm::DayDotMonth),
    (Mark::Owner, "אחראית:", DateForm::DayDotMonth),
    (Mark::Until, "עד:", DateForm::DayDotMonth),
    // Spanish.
    (Mark::NotApplicable, "No aplica:", DateForm::DaySlashMonth),
    (Mark::Deferred, "Aplazada:", DateForm::DaySlashMonth),
    (Mark::Deferred, "Aplazado:", DateForm::DaySlashMonth),
    (Mark::Owner, "Responsable:", DateForm::DaySlashMonth),
    (Mark::Until, "Hasta:", DateForm::DaySlashMonth),
];

/// The word covalue writes for `mark` in a workbook of `lang` (what its
/// pages print: `Uppskjuten:` in Swedish); English for English and en-XA,
/// whose accented words would not read back.
pub fn word(mark: Mark, lang: crate::i18n::Lang) -> &'static str {
    use crate::i18n::Lang;
    let column = match lang {
        Lang::En | Lang::EnXa => 0,
        Lang::Sv => 1,
        Lang::He => 2,
        Lang::Es => 3,
    };
    let words = match mark {
        Mark::NotApplicable => [
            "Not applicable:",
            "Ej tillämplig:",
            "לא רלוונטי:",
            "No aplica:",
        ],
        Mark::Deferred => ["Deferred:", "Uppskjuten:", "נדחה:", "Aplazada:"],
        Mark::Owner => ["Owner:", "Ansvarig:", "אחראי/ת:", "Responsable:"],
        Mark::Until => ["Until:", "Till:", "עד:", "Hasta:"],
    };
    words[column]
}

/// The words of a mark, in every language.
pub fn words(mark: Mark) -> impl Iterator<Item = &'static str> {
    WORDS
        .iter()
        .filter(move |(m, _, _)| *m == mark)
        .map(|(_, w, _)| *w)
}

/// What follows `mark`'s word at the start of `line` (letter case and
/// direction marks aside), with the dates the word's language writes; none
/// when the line does not start with one of its words.
pub fn strip(line: &str, mark: Mark) -> Option<(&str, DateForm)> {
    let line = line.trim_start_matches(['\u{200e}', '\u{200f}', '\u{2068}', '\u{2069}']);
    WORDS
        .iter()
        .filter(|(m, _, _)| *m == mark)
        .find_map(|(_, word, form)| strip_caseless(line, word).map(|rest| (rest, *form)))
}

/// Whether `line` starts with one of `mark`'s words.
pub fn starts(line: &str, mark: Mark) -> bool {
    strip(line, mark).is_some()
}

/// `line` after `prefix`, compared letter by letter without case.
fn strip_caseless<'l>(line: &'l str, prefix: &str) -> Option<&'l str> {
    let mut chars = line.char_indices();
    for want in prefix.chars() {
        let (_, got) = chars.next()?;
        if !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    let at = chars.next().map_or(line.len(), |(at, _)| at);
    Some(&line[at..])
}

/// The date after an `Until:` word, as YYYY-MM-DD: written so, or in the
/// form of the word's language. None when it is not a date.
pub fn until_date(value: &str, form: DateForm) -> Option<String> {
    let value = value.trim();
    if let Some(date) = crate::date::parse_date(value) {
        return Some(crate::date::format(date));
    }
    let separator = match form {
        DateForm::Iso => return None,
        DateForm::DayDotMonth => '.',
        DateForm::DaySlashMonth => '/',
    };
    day_first(value, separator).map(crate::date::format)
}

/// A day-first date (`31.1.2027`, `31/01/2027`): one or two digits of day
/// and month, four of year, checked against the calendar.
fn day_first(value: &str, separator: char) -> Option<Date> {
    let mut parts = value.split(separator);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4)) {
        return None;
    }
    jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_word_written_is_the_word_the_pages_print_and_reads_back() {
        use crate::i18n::{Catalogue, Lang};
        for lang in [Lang::En, Lang::Sv, Lang::He, Lang::Es] {
            let c = Catalogue::builtin(lang);
            for (mark, printed) in [
                (Mark::NotApplicable, c.text("label-not-applicable", &[])),
                (Mark::Deferred, c.text("label-deferred", &[])),
                (
                    Mark::Owner,
                    c.text("deferred-owner", &[("owner", "X".into())]),
                ),
                (
                    Mark::Until,
                    c.text("deferred-until", &[("date", "X".into())]),
                ),
            ] {
                let written = word(mark, lang);
                assert!(
                    printed.starts_with(written),
                    "{lang}: {written} / {printed}"
                );
                assert!(starts(&format!("{written} x"), mark), "{lang}: {written}");
            }
        }
        assert_eq!(word(Mark::Deferred, Lang::EnXa), "Deferred:");
    }

    use super::*;
    use crate::i18n::{Catalogue, Lang};

    /// The words every catalogue prints are read back: a translation that
    /// changes one must add it to [`WORDS`].
    #[test]
    fn every_word_the_pages_print_is_read() {
        for lang in Lang::REAL {
            let catalogue = Catalogue::builtin(lang);
            let printed = [
                (
                    Mark::NotApplicable,
                    catalogue.text("label-not-applicable", &[]),
                ),
                (Mark::Deferred, catalogue.text("label-deferred", &[])),
                (
                    Mark::Owner,
                    catalogue.text("deferred-owner", &[("owner", "Kim".into())]),
                ),
                (
                    Mark::Until,
                    catalogue.text("deferred-until", &[("date", "2027-01-31".into())]),
                ),
            ];
            for (mark, text) in printed {
                assert!(
                    starts(text.trim(), mark),
                    "{lang}: `{text}` is printed as {mark:?} but not read as it"
                );
            }
        }
    }

    #[test]
    fn words_are_read_without_case_and_keep_what_follows() {
        assert_eq!(
            strip("UPPSKJUTEN: vi väntar", Mark::Deferred).map(|(r, _)| r),
            Some(" vi väntar")
        );
        assert_eq!(
            strip("no aplica: no hay cadena", Mark::NotApplicable).map(|(r, _)| r),
            Some(" no hay cadena")
        );
        assert_eq!(strip("Till", Mark::Until), None);
        assert_eq!(strip("Tillämpning: x", Mark::Until), None);
        assert!(starts("\u{200f}עד: 31.1.2027", Mark::Until));
    }

    #[test]
    fn a_date_is_read_in_the_form_of_its_word() {
        assert_eq!(
            until_date("2027-01-31", DateForm::Iso).as_deref(),
            Some("2027-01-31")
        );
        assert_eq!(
            until_date("31.1.2027", DateForm::DayDotMonth).as_deref(),
            Some("2027-01-31")
        );
        assert_eq!(
            until_date("7/12/2026", DateForm::DaySlashMonth).as_deref(),
            Some("2026-12-07")
        );
        // Only after the word of a language that writes dates so.
        assert_eq!(until_date("7/12/2026", DateForm::Iso), None);
        assert_eq!(until_date("31.1.2027", DateForm::DaySlashMonth), None);
        assert_eq!(until_date("31/2/2027", DateForm::DaySlashMonth), None);
        assert_eq!(until_date("soon", DateForm::DayDotMonth), None);
    }
}
