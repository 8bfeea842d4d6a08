//! The three-way merge of a file cut into keyed parts ([`Part`]): records by
//! id, fields by key, answers by question id, walk-through parts by persona.
//! Each part is merged on its own, so two sides that changed different
//! parts merge cleanly; a part both sides changed is merged one level down
//! (its fields), and only a leaf both sides changed gets conflict markers,
//! around that leaf alone. Text neither side touched is copied byte for byte.

use std::collections::{HashMap, HashSet};

/// One keyed part of a file: its exact text (the concatenation of its
/// children's, when it has children).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What the part is, unique among its siblings (`[[step]] first-symptoms`,
    /// `title`, `## #access-walkthrough`).
    pub key: String,
    /// Its bytes, as written.
    pub text: String,
    /// Its own parts (fields of a record, persona parts of an answer); empty
    /// for a leaf.
    pub children: Vec<Part>,
}

impl Part {
    /// A part with no children.
    pub fn leaf(key: impl Into<String>, text: impl Into<String>) -> Part {
        Part {
            key: key.into(),
            text: text.into(),
            children: Vec::new(),
        }
    }

    /// A part made of `children`, its text theirs put together.
    pub fn branch(key: impl Into<String>, children: Vec<Part>) -> Part {
        Part {
            key: key.into(),
            text: children.iter().map(|c| c.text.as_str()).collect(),
            children,
        }
    }
}

/// Makes the keys of `parts` unique: a second `x` becomes `x #2`, and so on.
pub fn unique_keys(parts: &mut [Part]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for part in parts {
        let n = seen.entry(part.key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            part.key = format!("{} #{}", part.key, n);
        }
    }
}

/// How a leaf both sides changed is merged: by lines, with conflict
/// markers where the lines meet. Returns the text and how many conflicts
/// it holds.
pub trait LeafMerge {
    /// Merges `ours` and `theirs`, both changed from `base`.
    fn merge(&self, base: &str, ours: &str, theirs: &str) -> (String, usize);
    /// One conflict holding the whole of `ours` and of `theirs` (a part
    /// one side deleted and the other changed).
    fn conflict(&self, ours: &str, theirs: &str) -> String;
}

/// The merged text of a whole file and how many conflicts it holds.
pub fn merge_file(
    base: &[Part],
    ours: &[Part],
    theirs: &[Part],
    leaf: &dyn LeafMerge,
) -> (String, usize) {
    let mut out = Vec::new();
    let conflicts = merge_parts(base, ours, theirs, leaf, &mut out);
    (join(&out), conflicts)
}

/// Puts pieces of text together, ending a piece that lacks it with a line
/// end before the next (a last line without one that the other side
/// followed with a new record), in the file's own style.
fn join(pieces: &[String]) -> String {
    let crlf = pieces.iter().any(|p| p.contains("\r\n"));
    let mut text = String::new();
    for piece in pieces.iter().filter(|p| !p.is_empty()) {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
        text.push_str(piece);
    }
    text
}

/// Which side a kept part comes from, and how.
enum Pick<'a> {
    /// One text as it is.
    Text(&'a str),
    /// Merged from the three versions (the base missing when both added it).
    Merge(Option<&'a Part>, &'a Part, &'a Part),
    /// Deleted on one side and changed on the other.
    DeletedChanged { ours: &'a str, theirs: &'a str },
}

/// Merges three sequences of keyed parts into `out`; returns the number of
/// conflicts.
fn merge_parts(
    base: &[Part],
    ours: &[Part],
    theirs: &[Part],
    leaf: &dyn LeafMerge,
    out: &mut Vec<String>,
) -> usize {
    let index = |parts: &[Part]| -> HashMap<String, usize> {
        parts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.key.clone(), i))
            .collect()
    };
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));

    // What becomes of each key.
    let decide = |key: &str| -> Option<Pick<'_>> {
        let b = bi.get(key).map(|&i| &base[i]);
        let o = oi.get(key).map(|&i| &ours[i]);
        let t = ti.get(key).map(|&i| &theirs[i]);
        match (b, o, t) {
            (_, Some(o), Some(t)) if o.text == t.text => Some(Pick::Text(&o.text)),
            (Some(b), Some(o), Some(t)) if o.text == b.text => Some(Pick::Text(&t.text)),
            (Some(b), Some(o), Some(t)) if t.text == b.text => Some(Pick::Text(&o.text)),
            (b, Some(o), Some(t)) => Some(Pick::Merge(b, o, t)),
            (Some(b), Some(o), None) if o.text == b.text => None,
            (Some(b), None, Some(t)) if t.text == b.text => None,
            (Some(_), Some(o), None) => Some(Pick::DeletedChanged {
                ours: &o.text,
                theirs: "",
            }),
            (Some(_), None, Some(t)) => Some(Pick::DeletedChanged {
                ours: "",
                theirs: &t.text,
            }),
            (None, Some(o), None) => Some(Pick::Text(&o.text)),
            (None, None, Some(t)) => Some(Pick::Text(&t.text)),
            _ => None,
        }
    };

    let order = order(base, ours, theirs);
    let mut conflicts = 0;
    for key in order {
        match decide(&key) {
            None => {}
            Some(Pick::Text(text)) => out.push(text.to_string()),
            Some(Pick::Merge(b, o, t)) => {
                let empty = Vec::new();
                let b_children = b.map_or(&empty, |b| &b.children);
                if !o.children.is_empty()
                    && !t.children.is_empty()
                    && (b.is_none() || !b_children.is_empty())
                {
                    let mut inner = Vec::new();
                    conflicts +=
                        merge_parts(b_children, &o.children, &t.children, leaf, &mut inner);
                    out.push(join(&inner));
                } else {
                    let (text, n) = leaf.merge(b.map_or("", |b| &b.text), &o.text, &t.text);
                    conflicts += n;
                    out.push(text);
                }
            }
            Some(Pick::DeletedChanged { ours, theirs }) => {
                conflicts += 1;
                out.push(leaf.conflict(ours, theirs));
            }
        }
    }
    conflicts
}

/// The order of the merged parts. The side that reordered what it shares
/// with the base gives the order (ours when neither or both did); the
/// other side's new parts go after the part they follow there. Where both
/// sides added parts at the same place (two new records at the end), the
/// two runs are ordered by their first key, so the result is the same
/// whichever side is merged into the other.
fn order(base: &[Part], ours: &[Part], theirs: &[Part]) -> Vec<String> {
    let in_base: HashSet<&str> = base.iter().map(|p| p.key.as_str()).collect();
    let shared_order = |side: &[Part]| -> Vec<String> {
        side.iter()
            .filter(|p| in_base.contains(p.key.as_str()))
            .map(|p| p.key.clone())
            .collect()
    };
    let base_order = |side: &[Part]| -> Vec<String> {
        let keys: HashSet<&str> = side.iter().map(|p| p.key.as_str()).collect();
        base.iter()
            .filter(|p| keys.contains(p.key.as_str()))
            .map(|p| p.key.clone())
            .collect()
    };
    let ours_moved = shared_order(ours) != base_order(ours);
    let theirs_moved = shared_order(theirs) != base_order(theirs);
    let (skeleton, other) = if theirs_moved && !ours_moved {
        (theirs, ours)
    } else {
        (ours, theirs)
    };

    // The skeleton's keys, then base keys the skeleton dropped (kept when
    // the other side changed them: a conflict), at their base place.
    let mut keys: Vec<String> = skeleton.iter().map(|p| p.key.clone()).collect();
    let mut present: HashSet<String> = keys.iter().cloned().collect();
    for (i, part) in base.iter().enumerate() {
        if present.contains(&part.key) {
            continue;
        }
        let after = base[..i]
            .iter()
            .rev()
            .find(|p| present.contains(&p.key))
            .map(|p| p.key.clone());
        let at = after
            .and_then(|k| keys.iter().position(|x| *x == k))
            .map_or(0, |p| p + 1);
        keys.insert(at, part.key.clone());
        present.insert(part.key.clone());
    }

    // The other side's new parts, in runs after the part they follow.
    let mut i = 0;
    while i < other.len() {
        if present.contains(&other[i].key) {
            i += 1;
            continue;
        }
        let start = i;
        while i < other.len() && !present.contains(&other[i].key) {
            i += 1;
        }
        let run: Vec<String> = other[start..i].iter().map(|p| p.key.clone()).collect();
        let anchor = other[..start]
            .iter()
            .rev()
            .find(|p| present.contains(&p.key))
            .map(|p| p.key.clone());
        let mut at = anchor
            .and_then(|k| keys.iter().position(|x| *x == k))
            .map_or(0, |p| p + 1);
        // Past the skeleton's own new run at this place when it sorts first.
        let own_run_end = keys[at..]
            .iter()
            .position(|k| in_base.contains(k.as_str()))
            .map_or(keys.len(), |p| at + p);
        if own_run_end > at && keys[at] < run[0] {
            at = own_run_end;
        }
        for (n, key) in run.iter().enumerate() {
            keys.insert(at + n, key.clone());
            present.insert(key.clone());
        }
    }
    keys
}
