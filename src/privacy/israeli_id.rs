//! Israeli identity numbers (teudat zehut): nine digits with a valid check
//! digit, reported only shortly after a cue such as "ID" or "ת.ז".

use super::checks::luhn_valid;
use super::text::{digit_run, digit_values, ends_token, has_cue_before};
use super::{Candidate, IdentifierKind, Scan};

/// Words that say an identity number follows (lower-case).
const ID_CUES: &[&str] = &[
    "id", "i.d", "t.z", "tz", "teudat", "identity", "ת.ז", "ת\"ז", "ת״ז", "זהות",
];

/// How many characters before a nine-digit number an ID cue may stand.
const ID_CUE_WINDOW_CHARS: usize = 40;

pub(super) fn scan_israeli_ids(scan: &Scan) -> Vec<Candidate> {
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

#[cfg(test)]
mod tests {
    use crate::privacy::IdentifierKind;
    use crate::privacy::testing::{assert_clean, assert_single, with_luhn_digit};

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
}
