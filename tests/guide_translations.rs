//! The guide in Swedish, Hebrew and Spanish, and the translation kind of
//! source: each translation loads, keeps the English guide's structure, ids,
//! vocabularies and limits, leaves no text in English, and marks every
//! translated published question as a translation, never as the published
//! wording itself; a site's copy of a translation checks a workbook; and a
//! translation source that names nothing real is a guide error at its line.

mod common;

use std::path::Path;

use covalue::guide::{Guide, Question, Section, Term};

use common::*;

/// The languages the guide ships in besides English.
const LANGS: [&str; 3] = ["sv", "he", "es"];

fn english() -> Guide {
    Guide::builtin().expect("the English guide loads")
}

fn translated(lang: &str) -> Guide {
    match Guide::builtin_for(lang) {
        Some(Ok(g)) => g,
        Some(Err(findings)) => panic!(
            "the {lang} guide has findings:\n{}",
            findings
                .iter()
                .map(|f| format!(
                    "{:?} {}:{:?}: {}",
                    f.code,
                    f.file.as_deref().unwrap_or("?"),
                    f.line,
                    f.message
                ))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        None => panic!("no built-in guide for {lang}"),
    }
}

/// Points the workbook at a site guide with this text.
fn use_site_guide(root: &Path, text: &str) {
    write(&root.join("guide/site.toml"), text);
    let config = read(&root.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"guide/site.toml\"");
    assert!(config.contains("guide/site.toml"), "{config}");
    write(&root.join("covalue.toml"), config);
}

fn translation_text(lang: &str) -> String {
    read(&manifest_dir().join(format!("guide/co-value.{lang}.toml")))
}

// --- loading -----------------------------------------------------------------

#[test]
fn each_translation_loads_with_no_finding_and_says_what_it_translates() {
    for lang in LANGS {
        let g = translated(lang);
        assert_eq!(g.translation_of.as_deref(), Some("co-value"), "{lang}");
        assert_eq!(g.language.as_deref(), Some(lang), "{lang}");
    }
}

#[test]
fn english_is_the_builtin_guide_and_other_languages_have_none() {
    let en = Guide::builtin_for("en").expect("en").expect("loads");
    assert_eq!(en.title, english().title);
    assert!(en.translation_of.is_none());
    for lang in ["fr", "", "EN", "sv-SE", "../sv"] {
        assert!(Guide::builtin_for(lang).is_none(), "{lang:?}");
    }
}

// --- the same structure --------------------------------------------------------

fn question_shape(q: &Question) -> String {
    format!(
        "{} kind={} configuration={:?} summarises={:?} record_optional={}",
        q.id,
        q.kind.as_str(),
        q.configuration,
        q.summarises,
        q.record_optional
    )
}

fn section_shape(s: &Section) -> Vec<String> {
    let mut v = vec![format!("section {} number {}", s.id, s.number)];
    v.extend(s.questions.iter().map(question_shape));
    v
}

fn term_shape(list: &str, t: &Term) -> String {
    format!(
        "{list} {} required={} suggested={} active={} partner={}",
        t.id, t.required, t.suggested, t.active, t.partner
    )
}

/// Everything a workbook's files and the checks depend on, one line each.
fn shape(g: &Guide) -> Vec<String> {
    let mut v = vec![
        format!("id {}", g.id),
        format!("version {}", g.version),
        format!("process_steps {:?}", g.process_steps),
        format!("compass_measures {:?}", g.compass_measures),
        format!("compass_per_quadrant {:?}", g.compass_per_quadrant),
        format!("require_partner {}", g.require_partner),
        format!("measure_due_days {}", g.measure_due_days),
    ];
    for key in ["process_steps", "compass_measures", "compass_per_quadrant"] {
        v.push(format!(
            "limit {key} published={:?} quoted={}",
            g.limit_is_published(key),
            g.limit_quote(key).is_some()
        ));
    }
    for s in &g.steps {
        v.extend(section_shape(s));
    }
    v.extend(section_shape(&g.short_form));
    for (list, terms) in [
        ("persona_kind", &g.persona_kinds),
        ("coproduction_level", &g.coproduction_levels),
        ("configuration", &g.configurations),
        ("quadrant", &g.quadrants),
        ("improvement_cluster", &g.improvement_clusters),
        ("improvement_status", &g.improvement_statuses),
        ("role", &g.roles),
    ] {
        v.extend(terms.iter().map(|t| term_shape(list, t)));
    }
    v
}

#[test]
fn each_translation_has_the_english_steps_questions_vocabularies_and_limits() {
    let en = shape(&english());
    for lang in LANGS {
        let tr = shape(&translated(lang));
        for (i, line) in en.iter().enumerate() {
            assert_eq!(
                tr.get(i),
                Some(line),
                "the {lang} guide differs from the English one at `{line}`"
            );
        }
        assert_eq!(
            tr.len(),
            en.len(),
            "the {lang} guide has more than the English one: {:?}",
            tr.get(en.len())
        );
    }
}

// --- provenance ----------------------------------------------------------------

#[test]
fn every_translated_question_names_a_translation_of_its_english_source() {
    let en = english();
    for lang in LANGS {
        let tr = translated(lang);
        let pairs = en
            .sections(covalue::guide::Form::Full)
            .iter()
            .chain(en.sections(covalue::guide::Form::Short).iter())
            .flat_map(|s| s.questions.clone())
            .zip(
                tr.sections(covalue::guide::Form::Full)
                    .iter()
                    .chain(tr.sections(covalue::guide::Form::Short).iter())
                    .flat_map(|s| s.questions.clone()),
            )
            .collect::<Vec<_>>();
        assert_eq!(
            pairs.len(),
            42,
            "{lang}: 36 full-form and 6 short-form questions"
        );
        for (q_en, q_tr) in pairs {
            let id = &q_tr.id;
            let c = tr
                .citation(&q_tr.source)
                .unwrap_or_else(|| panic!("{lang} `{id}`: source `{}` missing", q_tr.source));
            let t = c.translation.as_ref().unwrap_or_else(|| {
                panic!("{lang} `{id}`: its source `{}` is not a translation", c.id)
            });
            assert_eq!(t.of, q_en.source, "{lang} `{id}` translates another source");
            assert_eq!(t.language, lang, "{lang} `{id}`");
            assert!(
                !t.reviewed,
                "{lang} `{id}`: a draft translation is unreviewed"
            );
            assert!(
                !c.published,
                "{lang} `{id}`: the translation itself is not published"
            );
            let published = en.citation(&q_en.source).is_some_and(|c| c.published);
            let note = tr.wording_note(&q_tr);
            assert!(
                !note.starts_with("published wording"),
                "{lang} `{id}`: {note}"
            );
            if published {
                assert!(t.of_published, "{lang} `{id}`");
                assert_eq!(
                    note,
                    format!(
                        "unreviewed {} translation of the published wording ({})",
                        covalue::guide::language_name(lang),
                        q_en.source
                    ),
                    "{lang} `{id}`"
                );
            } else {
                assert!(
                    note.ends_with("translation of a draft prompt written for covalue"),
                    "{lang} `{id}`: {note}"
                );
            }
        }
    }
}

// --- nothing left in English -------------------------------------------------------

/// Words of English prose that none of the three languages uses: a text with
/// two or more of them is English left untranslated.
const ENGLISH_WORDS: [&str; 14] = [
    "the", "and", "of", "with", "which", "what", "how", "who", "this", "that", "is", "are", "for",
    "to",
];

fn english_words(text: &str) -> Vec<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect();
    ENGLISH_WORDS
        .iter()
        .copied()
        .filter(|w| words.iter().any(|x| x == w))
        .collect()
}

/// Every text a reader sees, with where it is, in the guide's order.
fn texts(g: &Guide) -> Vec<(String, String)> {
    let mut v = vec![
        ("title".to_string(), g.title.clone()),
        ("description".to_string(), g.description.clone()),
        (
            "steps_note".to_string(),
            g.steps_note.clone().unwrap_or_default(),
        ),
    ];
    for s in g.steps.iter().chain(std::iter::once(&g.short_form)) {
        v.push((format!("{} title", s.id), s.title.clone()));
        v.push((format!("{} intro", s.id), s.intro.clone()));
        for q in &s.questions {
            v.push((format!("{} text", q.id), q.text.clone()));
            v.push((format!("{} help", q.id), q.help.clone().unwrap_or_default()));
        }
    }
    for (list, terms) in [
        ("persona_kind", &g.persona_kinds),
        ("coproduction_level", &g.coproduction_levels),
        ("configuration", &g.configurations),
        ("quadrant", &g.quadrants),
        ("improvement_cluster", &g.improvement_clusters),
        ("improvement_status", &g.improvement_statuses),
        ("role", &g.roles),
    ] {
        for t in terms {
            v.push((format!("{list} {} title", t.id), t.title.clone()));
            v.push((
                format!("{list} {} description", t.id),
                t.description.clone(),
            ));
        }
    }
    for key in ["process_steps", "compass_measures", "compass_per_quadrant"] {
        v.push((
            format!("limit {key} quote"),
            g.limit_quote(key).unwrap_or_default().to_string(),
        ));
    }
    // The guide's own citations (bibliographic references stay as published).
    for id in ["draft", "convention"] {
        v.push((
            format!("source {id}"),
            g.citation(id)
                .map(|c| c.citation.clone())
                .unwrap_or_default(),
        ));
    }
    v
}

/// Texts that are the same word in the translation as in English.
const SAME_IN_BOTH: [(&str, &str); 1] = [
    // "Idea" is Spanish for idea.
    ("es", "improvement_status idea title"),
];

#[test]
fn no_text_of_a_translation_is_left_in_english() {
    let en = texts(&english());
    for lang in LANGS {
        let tr = texts(&translated(lang));
        assert_eq!(tr.len(), en.len(), "{lang}");
        for ((place, text_en), (_, text_tr)) in en.iter().zip(&tr) {
            if text_en.is_empty() {
                assert!(
                    text_tr.is_empty(),
                    "{lang} {place}: has text the English guide has not"
                );
                continue;
            }
            assert!(!text_tr.trim().is_empty(), "{lang} {place}: left empty");
            if !SAME_IN_BOTH.contains(&(lang, place.as_str())) {
                assert_ne!(text_tr, text_en, "{lang} {place}: left in English");
            }
            if lang == "he" {
                assert!(
                    text_tr
                        .chars()
                        .any(|c| ('\u{05d0}'..='\u{05ea}').contains(&c)),
                    "he {place}: no Hebrew letter in {text_tr}"
                );
            }
            let words = english_words(text_tr);
            assert!(
                words.len() < 2,
                "{lang} {place}: reads as English ({words:?}): {text_tr}"
            );
        }
        let extra: Vec<String> = translated(lang)
            .sources
            .iter()
            .filter(|c| c.translation.is_some())
            .filter(|c| english_words(&c.citation).len() >= 2)
            .map(|c| c.id.clone())
            .collect();
        assert!(extra.is_empty(), "{lang}: citations in English: {extra:?}");
    }
}

#[test]
fn the_heuristic_finds_english_prose() {
    assert!(english_words(&english().steps[0].questions[0].text).len() >= 2);
    assert!(english_words(&translated("sv").steps[0].questions[0].text).len() < 2);
}

// --- what a reader of `covalue guide` and `check` sees ---------------------------------

fn published_ids() -> Vec<String> {
    let en = english();
    en.steps
        .iter()
        .chain(std::iter::once(&en.short_form))
        .flat_map(|s| &s.questions)
        .filter(|q| en.citation(&q.source).is_some_and(|c| c.published))
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn guide_as_markdown_marks_each_translated_published_question_as_a_translation() {
    let ids = published_ids();
    assert_eq!(
        ids.len(),
        12,
        "six questions of Step 2 and six of the short form"
    );
    for lang in LANGS {
        let wb = example(COMPLETE);
        use_site_guide(wb.path(), &translation_text(lang));
        let md = run(wb.path(), &["guide", "--format", "md"]);
        md.assert_code(0);
        assert!(
            md.stdout
                .contains("translation of the guide `co-value` (version"),
            "{lang}: the page says it is a translation\n{}",
            md.stdout
        );
        assert!(md.stdout.contains("unreviewed draft"), "{lang}");
        for id in &ids {
            let line = md
                .stdout
                .lines()
                .find(|l| l.contains(&format!("`{id}`")))
                .unwrap_or_else(|| panic!("{lang}: `{id}` not printed"));
            assert!(
                line.contains("translation of the published wording (oliver2021)"),
                "{lang}: {line}"
            );
            assert!(!line.contains("*(published wording"), "{lang}: {line}");
        }
        assert!(!md.stdout.contains("*(published wording"), "{lang}");
        assert!(!md.stdout.contains("*(draft prompt)*"), "{lang}");

        let text = run(wb.path(), &["guide"]);
        text.assert_code(0);
        assert!(!text.stdout.contains("] published wording"), "{lang}");
        assert!(
            text.stdout.contains("translation of the published wording"),
            "{lang}"
        );

        let json = run(wb.path(), &["guide", "--format", "json"]).json();
        assert_eq!(json["translation_of"], "co-value", "{lang}");
        assert_eq!(json["language"], lang, "{lang}");
        let sources = json["sources"].as_array().expect("sources");
        let oliver = sources
            .iter()
            .find(|s| s["id"] == format!("oliver2021-{lang}"))
            .unwrap_or_else(|| panic!("{lang}: no oliver2021-{lang} in {sources:?}"));
        assert_eq!(oliver["translation"]["translation_of"], "oliver2021");
        assert_eq!(oliver["translation"]["reviewed"], false);
        assert_eq!(oliver["translation"]["original_published"], true);
    }
}

#[test]
fn check_reads_a_workbook_on_a_sites_copy_of_a_translation_as_on_the_english_guide() {
    let en_wb = example(COMPLETE);
    let (en_run, en_report) = check_json(en_wb.path(), &[]);
    let en_codes: Vec<String> = findings(&en_report).into_iter().map(|f| f.code).collect();
    for lang in LANGS {
        let wb = example(COMPLETE);
        use_site_guide(wb.path(), &translation_text(lang));
        let (run, report) = check_json(wb.path(), &[]);
        let codes: Vec<String> = findings(&report).into_iter().map(|f| f.code).collect();
        assert_eq!(run.code, en_run.code, "{lang}\n{}", run.stdout);
        assert_eq!(codes, en_codes, "{lang}: the same findings as in English");
        assert!(!codes.iter().any(|c| c == "CV040"), "{lang}");
        let human = common::run(wb.path(), &["check"]);
        let first_step = &translated(lang).steps[0].title;
        assert!(
            human.stdout.contains(first_step.as_str()),
            "{lang}: the summary shows the translated step title {first_step}\n{}",
            human.stdout
        );
    }
}

// --- a site's translation that does not hold together ----------------------------------

/// A site's Swedish guide with `from` replaced by `to` (which must be there).
fn swedish_with(from: &str, to: &str) -> String {
    let text = translation_text("sv");
    assert!(text.contains(from), "the Swedish guide has no `{from}`");
    text.replacen(from, to, 1)
}

fn guide_error(text: &str) -> String {
    let wb = example(COMPLETE);
    use_site_guide(wb.path(), text);
    let run = run(wb.path(), &["check"]);
    run.assert_no_panic("check with a broken translation");
    assert_eq!(
        run.code,
        Some(1),
        "a guide with an error fails the check\n{}",
        run.stdout
    );
    run.stdout + &run.stderr
}

#[test]
fn a_translation_of_a_source_that_does_not_exist_is_a_guide_error_at_its_line() {
    let out = guide_error(&swedish_with(
        "translation_of = \"oliver2021\"",
        "translation_of = \"oliver2012\"",
    ));
    assert!(
        out.contains(
            "source `oliver2021-sv` is a translation of `oliver2012`, which is not a source"
        ),
        "{out}"
    );
    assert!(out.contains("guide/site.toml:"), "{out}");
}

#[test]
fn a_translation_of_a_translation_is_a_guide_error() {
    let out = guide_error(&swedish_with(
        "translation_of = \"draft\"",
        "translation_of = \"oliver2021-sv\"",
    ));
    assert!(out.contains("which is itself a translation"), "{out}");
}

#[test]
fn a_translation_that_does_not_say_its_language_is_a_guide_error() {
    let out = guide_error(&swedish_with(
        "translation_of = \"draft\"\nlanguage = \"sv\"\n",
        "translation_of = \"draft\"\n",
    ));
    assert!(out.contains("does not say into which language"), "{out}");
    let out = guide_error(&swedish_with(
        "language = \"sv\"\ndescription",
        "description",
    ));
    assert!(
        out.contains("the guide says it is a translation but not into which language"),
        "{out}"
    );
}

#[test]
fn translation_keys_without_translation_of_are_a_guide_error() {
    let out = guide_error(&swedish_with(
        "published = false\n\n[sources.icohn-cop]",
        "published = false\nreviewed = true\n\n[sources.icohn-cop]",
    ));
    assert!(
        out.contains("source `draft` has reviewed but does not say what it is a translation of"),
        "{out}"
    );
}

#[test]
fn a_language_code_with_control_characters_is_refused_and_shown_harmlessly() {
    let out = guide_error(&swedish_with(
        "language = \"sv\"\ndescription",
        "language = \"sv\\u001b]0;owned\\u0007\"\ndescription",
    ));
    assert!(out.contains("is not a language code"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no raw escape reaches the terminal: {out:?}"
    );
}

#[test]
fn a_site_translation_may_name_the_built_in_guides_sources_without_copying_them() {
    // A site's own Spanish short form: its published questions translate the
    // built-in guide's oliver2021, which the file does not repeat.
    let wb = example(COMPLETE);
    let text = translation_text("es")
        .replace("[sources.oliver2021]\n", "[sources.unused-original]\n")
        .replace("reviewed = false", "reviewed = true");
    use_site_guide(wb.path(), &text);
    let md = run(wb.path(), &["guide", "--format", "md", "--form", "short"]);
    md.assert_code(0);
    assert!(
        md.stdout
            .contains("reviewed Spanish translation of the published wording (oliver2021)"),
        "{}",
        md.stdout
    );
    assert!(!md.stdout.contains("unreviewed"), "{}", md.stdout);
    // Without naming the guide it translates, the source is not found.
    let text = text.replace("translation_of = \"co-value\"\n", "");
    let out = guide_error(&text);
    assert!(
        out.contains("is a translation of `oliver2021`, which is not a source"),
        "{out}"
    );
}
