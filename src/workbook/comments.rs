//! HTML comments in Markdown answers: the prompts covalue scaffolds under
//! each question. Found (with where they open), taken out of an answer, and
//! a comment never closed found where it opens.

/// The HTML comments in Markdown (the scaffolded prompts), each with the
/// byte offset of its `<!--`; a comment never closed is left out.
pub fn comments(text: &str) -> Vec<(usize, String)> {
    let (open, close) = (
        memchr::memmem::Finder::new("<!--"),
        memchr::memmem::Finder::new("-->"),
    );
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = open.find(&text.as_bytes()[at..]) {
        let inner = at + start + 4;
        // Both markers are ASCII, so these offsets are character boundaries.
        let Some(end) = close.find(&text.as_bytes()[inner..]) else {
            break;
        };
        out.push((at + start, text[inner..inner + end].to_string()));
        at = inner + end + 3;
    }
    out
}

/// The reason a comment `<!-- exemplar: why -->` gives (empty when it
/// gives none), or `None` for any other comment: a team marks an answer as
/// an exemplar for the other sites of a network this way. A comment,
/// because an answer file has no front matter of its own; it sits with the
/// one answer it marks, and neither shows in a report nor counts as answer
/// text. `inner` is the comment's text between `<!--` and `-->`.
pub fn exemplar_reason(inner: &str) -> Option<String> {
    let inner = inner.trim_start();
    let head = inner.get(..8)?;
    let tail = &inner[8..];
    let marks = head.eq_ignore_ascii_case("exemplar")
        && tail
            .chars()
            .next()
            .is_none_or(|c| c == ':' || c.is_whitespace());
    marks.then(|| {
        let reason = tail.trim_start_matches([':', ' ', '\t']);
        reason.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

/// The reason of the first `<!-- exemplar: why -->` comment in `text`, if
/// there is one (see [`exemplar_reason`]).
pub fn exemplar_mark(text: &str) -> Option<String> {
    comments(text)
        .into_iter()
        .find_map(|(_, c)| exemplar_reason(&c))
}

/// Removes HTML comments (the scaffolded prompts) from Markdown.
pub fn strip_comments(text: &str) -> String {
    let (open, close) = (
        memchr::memmem::Finder::new("<!--"),
        memchr::memmem::Finder::new("-->"),
    );
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = open.find(rest.as_bytes()) {
        out.push_str(&rest[..start]);
        let after = &rest[start + 4..];
        // Both markers are ASCII, so these offsets are character boundaries.
        rest = match close.find(after.as_bytes()) {
            Some(end) => &after[end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The byte offset of the `<!--` in `text` that is never closed, if one is:
/// [`strip_comments`] drops everything after it.
pub fn unclosed_comment(text: &str) -> Option<usize> {
    let (open, close) = (
        memchr::memmem::Finder::new("<!--"),
        memchr::memmem::Finder::new("-->"),
    );
    let mut at = 0;
    while let Some(start) = open.find(text.as_bytes().get(at..)?) {
        let after = at + start + 4;
        match close.find(text.as_bytes().get(after..)?) {
            Some(end) => at = after + end + 3,
            None => return Some(at + start),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_marked_an_exemplar_by_its_own_comment_only() {
        assert_eq!(
            exemplar_mark("Text.\n<!-- Exemplar:  a plan\n with dates -->\n"),
            Some("a plan with dates".into())
        );
        assert_eq!(exemplar_mark("<!--exemplar-->"), Some(String::new()));
        assert_eq!(
            exemplar_mark("<!-- prompt --> <!-- exemplar: b -->"),
            Some("b".into())
        );
        assert_eq!(exemplar_mark("<!-- exemplary work -->"), None);
        assert_eq!(exemplar_mark("exemplar: not in a comment"), None);
        assert_eq!(exemplar_mark("<!-- exemplar: never closed"), None);
        assert_eq!(exemplar_mark("<!-- é -->"), None);
    }
}
