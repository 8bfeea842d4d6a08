//! Word-level changes of a text (an answer, a narrative, an opportunity):
//! the changed words with a few words of context, the rest left out.
//! Whitespace is normalised first, so re-wrapping a paragraph is no change.

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

use super::model::{Segment, Words};

/// Words of unchanged context kept on each side of a change.
const CONTEXT: usize = 6;

/// The words of a text, whitespace dropped.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Whether two texts hold the same words (whitespace aside).
pub fn same(old: &str, new: &str) -> bool {
    old == new || old.split_whitespace().eq(new.split_whitespace())
}

/// The word-level change from `old` to `new`, or None when they hold the same words.
pub fn diff(old: &str, new: &str) -> Option<Words> {
    if same(old, new) {
        return None;
    }
    let old_words = words(old);
    let new_words = words(new);
    // The words both texts start and end with are the same run: only the
    // middle is given to the diff (a long answer with one word changed is
    // then a diff of a few words).
    let head = old_words
        .iter()
        .zip(&new_words)
        .take_while(|(a, b)| a == b)
        .count();
    let tail = old_words[head..]
        .iter()
        .rev()
        .zip(new_words[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_middle, new_middle) = (
        &old_words[head..old_words.len() - tail],
        &new_words[head..new_words.len() - tail],
    );
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_millis(250))
        .diff_slices(old_middle, new_middle);
    // Runs of words by tag; a change is all removed words then all added
    // words, so a replaced phrase reads as one replacement.
    let mut runs: Vec<(ChangeTag, Vec<&str>)> = Vec::new();
    for word in &old_words[..head] {
        push(&mut runs, ChangeTag::Equal, word);
    }
    for change in diff.iter_all_changes() {
        push(&mut runs, change.tag(), change.value());
    }
    for word in &old_words[old_words.len() - tail..] {
        push(&mut runs, ChangeTag::Equal, word);
    }
    Some(Words(with_context(&merge_replacements(runs))))
}

/// Adds a word to the last run when it has the same tag, or starts a run.
fn push<'a>(runs: &mut Vec<(ChangeTag, Vec<&'a str>)>, tag: ChangeTag, word: &'a str) {
    match runs.last_mut() {
        Some((last, run)) if *last == tag => run.push(word),
        _ => runs.push((tag, vec![word])),
    }
}

/// Joins removed and added runs that are only split by another change, and
/// puts the removed words first.
fn merge_replacements<'a>(runs: Vec<(ChangeTag, Vec<&'a str>)>) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    for (tag, run) in runs {
        match tag {
            ChangeTag::Equal => out.push(Run::Same(run)),
            ChangeTag::Delete | ChangeTag::Insert => {
                if !matches!(out.last(), Some(Run::Changed { .. })) {
                    out.push(Run::Changed {
                        removed: Vec::new(),
                        added: Vec::new(),
                    });
                }
                if let Some(Run::Changed { removed, added }) = out.last_mut() {
                    if tag == ChangeTag::Delete {
                        removed.extend(run);
                    } else {
                        added.extend(run);
                    }
                }
            }
        }
    }
    out
}

enum Run<'a> {
    Same(Vec<&'a str>),
    Changed {
        removed: Vec<&'a str>,
        added: Vec<&'a str>,
    },
}

/// Keeps `CONTEXT` words of unchanged text around each change; longer
/// unchanged stretches become gaps.
fn with_context(runs: &[Run<'_>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let last = runs.len().saturating_sub(1);
    for (i, run) in runs.iter().enumerate() {
        match run {
            Run::Same(words) => {
                let keep_head = if i == 0 { 0 } else { CONTEXT };
                let keep_tail = if i == last { 0 } else { CONTEXT };
                if words.len() <= keep_head + keep_tail + 1 {
                    out.push(Segment::Same {
                        text: words.join(" "),
                    });
                    continue;
                }
                if keep_head > 0 {
                    out.push(Segment::Same {
                        text: words[..keep_head].join(" "),
                    });
                }
                out.push(Segment::Gap {
                    words: words.len() - keep_head - keep_tail,
                });
                if keep_tail > 0 {
                    out.push(Segment::Same {
                        text: words[words.len() - keep_tail..].join(" "),
                    });
                }
            }
            Run::Changed { removed, added } => {
                if !removed.is_empty() {
                    out.push(Segment::Removed {
                        text: removed.join(" "),
                    });
                }
                if !added.is_empty() {
                    out.push(Segment::Added {
                        text: added.join(" "),
                    });
                }
            }
        }
    }
    out
}

/// A whole text, as added.
pub fn added(text: &str) -> Words {
    let words = words(text);
    if words.is_empty() {
        return Words::default();
    }
    Words(vec![Segment::Added {
        text: words.join(" "),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(words: &Words) -> String {
        words
            .0
            .iter()
            .map(|s| match s {
                Segment::Same { text } => text.clone(),
                Segment::Removed { text } => format!("[-{text}-]"),
                Segment::Added { text } => format!("{{+{text}+}}"),
                Segment::Gap { .. } => "…".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_reworded_sentence_shows_the_changed_words_in_context() {
        let old = "Infusions are booked in a fixed six-month cycle by the day unit, \
                   and the nurse calls the day before to check blood results and \
                   arrange transport for those who need it.";
        let new = "Infusions are booked in a fixed six-month cycle by the day unit, \
                   and the nurse texts the day before to check blood results and \
                   arrange transport for those who need it.";
        let words = diff(old, new).map(|w| show(&w));
        assert_eq!(
            words.as_deref(),
            Some(
                "… the day unit, and the nurse [-calls-] {+texts+} the day before to check blood …"
            )
        );
    }

    #[test]
    fn a_word_added_or_removed_at_either_end_is_shown_with_its_context() {
        let long = "one two three four five six seven eight nine ten eleven twelve";
        let show_diff = |a: &str, b: &str| diff(a, b).map(|w| show(&w));
        assert_eq!(
            show_diff(long, &format!("zero {long}")).as_deref(),
            Some("{+zero+} one two three four five six …")
        );
        assert_eq!(
            show_diff(long, &format!("{long} thirteen")).as_deref(),
            Some("… seven eight nine ten eleven twelve {+thirteen+}")
        );
        assert_eq!(
            show_diff(&format!("{long} twelve"), long).as_deref(),
            Some("… seven eight nine ten eleven twelve [-twelve-]")
        );
        assert_eq!(show_diff("a b a b", "a b").as_deref(), Some("a b [-a b-]"));
    }

    #[test]
    fn rewrapping_is_no_change() {
        assert_eq!(diff("a b\nc  d", "a\tb c\n\nd"), None);
    }

    #[test]
    fn short_texts_are_shown_whole() {
        let words = diff("coproduction none", "coproduction shared planning").map(|w| show(&w));
        assert_eq!(
            words.as_deref(),
            Some("coproduction [-none-] {+shared planning+}")
        );
        assert_eq!(
            diff("", "new text").map(|w| show(&w)).as_deref(),
            Some("{+new text+}")
        );
    }
}
