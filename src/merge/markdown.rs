//! A workbook Markdown file (an answer file, a persona) cut into keyed
//! parts for merging: the front matter (key by key), the text before the first
//! question, then one part per `#`/`##` heading (a question, by its
//! `{#id}`), each made of its own text and one part per deeper heading (a
//! walk-through's persona part, by its `{#persona}`). Headings are found as
//! `check` finds them ([`crate::workbook::answers::outline`]), so a `#` in
//! fenced code starts nothing. The parts put together are the file.

use super::tree::{Part, unique_keys};
use crate::workbook::answers;

/// Cuts `text` into parts.
pub fn parts(text: &str) -> Vec<Part> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut parts = Vec::new();
    let body_start = front_matter_end(&lines);
    if body_start > 0 {
        parts.push(front_matter(&lines[..body_start]));
    }
    let body = &lines[body_start..];
    let outline = answers::outline(
        body.iter().map(|l| l.trim_end_matches(['\n', '\r'])),
        &|_| false,
    );
    // Where each part starts: (line index in body, level, key).
    let starts: Vec<(usize, usize, String)> = outline
        .headings
        .iter()
        .map(|h| {
            let key = match &h.id {
                Some(id) => format!("{{#{id}}}"),
                None => h.text.trim().to_string(),
            };
            (h.line - 1, h.level, key)
        })
        .collect();
    let top: Vec<&(usize, usize, String)> = starts.iter().filter(|s| s.1 <= 2).collect();
    let first = top.first().map_or(body.len(), |s| s.0);
    if first > 0 {
        parts.push(Part::leaf("@preamble", body[..first].concat()));
    }
    for (n, (start, _, key)) in top.iter().enumerate() {
        let end = top.get(n + 1).map_or(body.len(), |s| s.0);
        let inner: Vec<&(usize, usize, String)> = starts
            .iter()
            .filter(|s| s.1 > 2 && s.0 > *start && s.0 < end)
            .collect();
        let head_end = inner.first().map_or(end, |s| s.0);
        let mut children = vec![Part::leaf("@text", body[*start..head_end].concat())];
        for (k, (sub, _, sub_key)) in inner.iter().enumerate() {
            let sub_end = inner.get(k + 1).map_or(end, |s| s.0);
            children.push(Part::leaf(sub_key.clone(), body[*sub..sub_end].concat()));
        }
        unique_keys(&mut children);
        parts.push(Part::branch(format!("# {key}"), children));
    }
    unique_keys(&mut parts);
    parts
}

/// The front matter as a part made of its opening line, one part per
/// top-level key (with the comments above it and the indented or listed
/// lines under it: `figures:` and its numbers), and its closing line.
fn front_matter(lines: &[&str]) -> Part {
    let mut children = Vec::new();
    let Some((open, rest)) = lines.split_first() else {
        return Part::leaf("@front-matter", String::new());
    };
    let Some((close, inner)) = rest.split_last() else {
        return Part::leaf("@front-matter", lines.concat());
    };
    children.push(Part::leaf("@open", *open));
    let mut pending = String::new();
    let mut current: Option<(String, String)> = None;
    for line in inner {
        let bare = line.trim_end();
        let starts_key =
            !bare.is_empty() && !bare.starts_with([' ', '\t', '#', '-']) && bare.contains(':');
        if starts_key {
            if let Some((key, text)) = current.take() {
                children.push(Part::leaf(key, text));
            }
            let name = bare.split(':').next().unwrap_or_default().trim();
            current = Some((format!("{name}:"), std::mem::take(&mut pending) + line));
        } else if bare.is_empty() || bare.starts_with('#') {
            pending.push_str(line);
        } else if let Some((_, text)) = current.as_mut() {
            text.push_str(&std::mem::take(&mut pending));
            text.push_str(line);
        } else {
            pending.push_str(line);
        }
    }
    if let Some((key, text)) = current.take() {
        children.push(Part::leaf(key, text));
    }
    children.push(Part::leaf("@close", pending + close));
    unique_keys(&mut children);
    Part::branch("@front-matter", children)
}

/// The number of lines of a YAML front matter block (`---` to `---` or
/// `...`) at the start, or 0 when there is none.
fn front_matter_end(lines: &[&str]) -> usize {
    let bare = |l: &str| l.trim_start_matches('\u{feff}').trim_end().to_string();
    if lines.first().map(|l| bare(l)) != Some("---".to_string()) {
        return 0;
    }
    lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| matches!(bare(l).as_str(), "---" | "..."))
        .map_or(0, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_persona_parts_are_parts() {
        let text = "---\nname: A\n---\n# Step\n\nintro\n\n## Q1 {#q1}\n\nx\n\n## Walk {#walk}\n\n### Åsa {#asa}\n\na\n\n### Per {#per}\n```\n# not a heading\n```\n";
        let parts = parts(text);
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        let keys: Vec<&str> = parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["@front-matter", "# Step", "# {#q1}", "# {#walk}"]);
        let walk: Vec<&str> = parts[3].children.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(walk, ["@text", "{#asa}", "{#per}"]);
    }

    #[test]
    fn the_front_matter_is_cut_by_top_level_key() {
        let text = "---\nname: Åsa\n# shares\nfigures:\n  share: 21\n\n  cost: 9\ngoals:\n- work\n---\nStory\n";
        let parts = parts(text);
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        let keys: Vec<&str> = parts[0].children.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["@open", "name:", "figures:", "goals:", "@close"]);
        assert_eq!(
            parts[0].children[2].text,
            "# shares\nfigures:\n  share: 21\n\n  cost: 9\n"
        );
    }
}
