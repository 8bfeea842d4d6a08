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
