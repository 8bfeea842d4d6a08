//! US Social Security numbers, written `ddd-dd-dddd`, without the numbers
//! that are never issued.

use super::text::{byte_at, digit_run, ends_token, number_at};
use super::{Candidate, IdentifierKind, Scan};

pub(super) fn scan_us_ssns(scan: &Scan) -> Vec<Candidate> {
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

#[cfg(test)]
mod tests {
    use crate::privacy::testing::found;
    use crate::privacy::{IdentifierKind, scan};

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
}
