//! The documentation of finding codes: docs/findings.md, embedded at build
//! time, split into one section per code by its headings in the parsed
//! Markdown (so a `##` line inside a code block is not taken for the next
//! section). `covalue explain` prints a code's section.

use comrak::nodes::NodeValue;
use comrak::{Arena, Options};

use crate::finding::Code;

/// The finding codes' documentation, embedded at build time.
pub const FINDINGS_DOC: &str = include_str!("../../docs/findings.md");

/// One `## CODE: title` section of a Markdown page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The code its heading names, such as `"CV012"`, as written.
    pub code: String,
    /// The heading's text after the code and colon.
    pub title: String,
    /// The Markdown under the heading, up to the next heading of level 1
    /// or 2, without trailing blank lines.
    pub body: String,
}

/// The `## CODE: title` sections of a Markdown page such as
/// docs/findings.md, in order. Headings inside code blocks, block quotes or
/// lists are text, not sections.
pub fn sections(markdown: &str) -> Vec<Section> {
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &Options::default());
    let lines: Vec<&str> = markdown.lines().collect();
    // Top-level headings of level 1 and 2: (level, first line, text).
    let headings: Vec<(u8, usize, String)> = root
        .children()
        .filter_map(|node| {
            let ast = node.data.borrow();
            match &ast.value {
                NodeValue::Heading(h) if h.level <= 2 => {
                    let text: String = node
                        .descendants()
                        .filter_map(|d| match &d.data.borrow().value {
                            NodeValue::Text(t) => Some(t.to_string()),
                            NodeValue::Code(c) => Some(c.literal.clone()),
                            _ => None,
                        })
                        .collect();
                    Some((h.level, ast.sourcepos.start.line, text))
                }
                _ => None,
            }
        })
        .collect();
    headings
        .iter()
        .enumerate()
        .filter(|(_, (level, _, _))| *level == 2)
        .filter_map(|(i, (_, line, text))| {
            let (code, title) = text.split_once(':')?;
            let code = code.trim();
            if !(code.starts_with("CV") && code.len() > 2) {
                return None;
            }
            let end = headings
                .get(i + 1)
                .map_or(lines.len(), |(_, next, _)| next.saturating_sub(1));
            let body = lines
                .get(*line..end.max(*line))
                .unwrap_or_default()
                .join("\n");
            Some(Section {
                code: code.to_string(),
                title: title.trim().to_string(),
                body: body.trim_end().to_string(),
            })
        })
        .collect()
}

/// The section of docs/findings.md about a code, headed by `CODE: title`.
pub fn explanation(code: Code) -> Option<String> {
    sections(FINDINGS_DOC)
        .into_iter()
        .find(|s| s.code == code.as_str())
        .map(|s| format!("{}: {}\n{}\n", s.code, s.title, s.body))
}

/// The code a user probably meant: `12` or `cv12` is CV012, `CV0122` is CV012.
pub fn did_you_mean(typed: &str) -> Option<Code> {
    let typed = typed.trim();
    let digits = typed
        .strip_prefix("CV")
        .or_else(|| typed.strip_prefix("cv"))
        .or_else(|| typed.strip_prefix("Cv"))
        .or_else(|| typed.strip_prefix("cV"))
        .unwrap_or(typed);
    if let Ok(n) = digits.parse::<u32>() {
        if let Some(code) = Code::parse(&format!("CV{n:03}")) {
            return Some(code);
        }
    }
    let names = Code::ALL.iter().map(|c| c.as_str());
    crate::spec::suggest(typed, names).and_then(Code::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_code_has_a_section_in_findings_md() {
        let documented = sections(FINDINGS_DOC);
        for &code in Code::ALL {
            let section = documented.iter().find(|s| s.code == code.as_str());
            let Some(section) = section else {
                panic!("docs/findings.md has no `## {code}: …` section");
            };
            assert_eq!(
                section.title,
                code.title(),
                "the title of {code} in docs/findings.md and in src/finding/code.rs differ"
            );
            assert!(
                section.body.contains("Fix:") || section.body.contains("Example fix:"),
                "docs/findings.md: {code} does not say how to fix it"
            );
        }
    }

    #[test]
    fn findings_md_documents_no_code_that_does_not_exist() {
        let documented = sections(FINDINGS_DOC);
        for section in &documented {
            assert!(
                Code::parse(&section.code).is_some_and(|c| c.as_str() == section.code),
                "docs/findings.md documents {}, which is not in the registry (src/finding/code.rs)",
                section.code
            );
        }
        let mut codes: Vec<&str> = documented.iter().map(|s| s.code.as_str()).collect();
        let all = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all, "a code is documented twice");
    }

    #[test]
    fn a_heading_in_a_code_block_does_not_end_the_section() {
        let page = "# Codes\n\n## CV010: open\n\nExample:\n\n```markdown\n## A question {#q}\n```\n\nFix: answer it.\n\n## CV011: late\n\nFix: x\n";
        let found = sections(page);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].code, "CV010");
        assert!(found[0].body.ends_with("Fix: answer it."), "{found:#?}");
        assert_eq!(found[1].title, "late");
    }

    #[test]
    fn cv010_is_explained_up_to_its_fix() {
        let text = explanation(Code::CV010).unwrap_or_default();
        assert!(text.starts_with("CV010: a question is open\n"), "{text}");
        assert!(
            text.contains("Fix: write the answer under the heading"),
            "{text}"
        );
        assert!(text.contains("Until: 2027-01-31"), "{text}");
        assert!(!text.contains("CV011"), "{text}");
    }

    #[test]
    fn a_near_miss_is_suggested() {
        assert_eq!(did_you_mean("12"), Some(Code::CV012));
        assert_eq!(did_you_mean("cv12"), Some(Code::CV012));
        assert_eq!(did_you_mean("CV0122"), Some(Code::CV012));
        assert_eq!(did_you_mean("CV999"), None);
        assert_eq!(did_you_mean("hello"), None);
    }
}
