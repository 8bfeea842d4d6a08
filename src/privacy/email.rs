//! E-mail addresses, walked char by char either side of each `@`, so that
//! letters outside ASCII (`åsa@jönköping.se`) are allowed in both parts.

use super::{Candidate, IdentifierKind, Scan};

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

pub(super) fn scan_emails(scan: &Scan) -> Vec<Candidate> {
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
    if is_git_address(local, after.get(domain.len()..).unwrap_or_default()) {
        return None;
    }
    let span = at - local.len()..at + 1 + domain.len();
    Some(Candidate::new(IdentifierKind::Email, span, false))
}

/// `git@github.com:org/repo.git` or `ssh://git@host/repo`: the address of a
/// repository (in `.gitmodules`, a CI workflow), not of a person.
fn is_git_address(local: &str, after_domain: &str) -> bool {
    local.eq_ignore_ascii_case("git") && after_domain.starts_with([':', '/'])
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

#[cfg(test)]
mod tests {
    use crate::privacy::IdentifierKind;
    use crate::privacy::testing::{assert_clean, assert_single};

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
            "url = git@github.com:org/guide.git",
            "ssh://git@gitlab.example.org/team/workbook",
        ] {
            assert_clean(text);
        }
    }
}
