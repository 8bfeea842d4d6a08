//! Findings in a persona's YAML front matter point at the value, however
//! the front matter is written: a quoted key, a comment after the value, an
//! anchor, a quoted value with an escaped quote, or one flow map.

mod common;

use common::*;

const PER: &str = "populations/ms/personas/per.md";

#[test]
fn a_wrong_value_is_marked_where_it_is_written() {
    let cases = [
        (
            "kind: caretaker # the partner",
            "kind: caretaker # the partner",
            2,
            "caretaker",
        ),
        ("\"kind\": caretaker", "\"kind\": caretaker", 2, "caretaker"),
        ("kind: &k caretaker", "kind: &k caretaker", 2, "caretaker"),
        (
            "kind: 'care''taker'   # x",
            "kind: 'care''taker'   # x",
            2,
            "'care''taker'",
        ),
        (
            "FLOW",
            "{name: Per, kind: caretaker, segment: \"Partner\", composite: true}",
            1,
            "caretaker",
        ),
    ];
    for (replace, line_text, line, marked) in cases {
        let wb = example("lakeside-ms");
        let path = wb.path().join(PER);
        let original = read(&path);
        let text = match replace {
            "FLOW" => original.replacen(
                "name: Per\nkind: carer\nsegment: \"Partner and main carer of a person with progressive MS\"\ncomposite: true\n",
                &format!("{line_text}\n"),
                1,
            ),
            _ => original.replacen("kind: carer", replace, 1),
        };
        assert_ne!(text, original, "{replace}");
        write(&path, &text);
        let (_, report) = check_json(wb.path(), &[]);
        let found = findings(&report);
        let cv005 = with_code(&found, "CV005");
        assert_eq!(cv005.len(), 1, "{replace}: {found:?}");
        let f = cv005[0];
        assert_eq!(f.line, Some(line + 1), "{replace}");
        let column = line_text.find(marked).expect("marked") + 1;
        assert_eq!(f.column, Some(column as u64), "{replace}: {f:?}");
        // What a person sees: the carets under the value, as long as it.
        let human = run(wb.path(), &["check"]);
        let carets = human
            .stdout
            .lines()
            .skip_while(|l| !l.contains("CV005"))
            .find(|l| l.contains('^'))
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            carets.matches('^').count(),
            marked.chars().count(),
            "{replace}:\n{}",
            human.stdout
        );
    }
}
