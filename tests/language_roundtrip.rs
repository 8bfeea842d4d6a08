//! A Swedish, Hebrew or Spanish workbook from end to end: `init
//! --language`, a population and a persona, answers typed in the team's own
//! language (its own words for "not applicable" and "deferred", its own
//! date form), and the round trips where two verbs meet: what `render
//! --format md` prints in that language, and the notes the session pack
//! prints, `import` takes back without changing a byte of the workbook.

mod common;

use std::path::{Path, PathBuf};

use common::{check_json, covalue, read, tree, write};
use tempfile::TempDir;

/// A language's words for the answers a team writes in it.
struct Lang {
    tag: &'static str,
    /// An answer that does not apply, marked in the language.
    not_applicable: &'static str,
    /// A deferral with its owner and date, in the language and its date form.
    deferred: &'static str,
    /// The words the Markdown handout prints for the two, as a reader sees them.
    printed: [&'static str; 2],
}

const SV: Lang = Lang {
    tag: "sv",
    not_applicable: "Ej tillämplig: vi arbetar inte på den nivån",
    deferred: "Uppskjuten: vi behöver siffror från registret\nAnsvarig: Kim\nTill: 2027-01-31",
    printed: ["**Ej tillämplig:**", "**Uppskjuten:**"],
};

const HE: Lang = Lang {
    tag: "he",
    not_applicable: "לא רלוונטי: אנחנו לא עובדים ברמה הזו",
    deferred: "נדחה: אנחנו צריכים נתונים מהמרשם\nאחראי/ת: דנה\nעד: 31.1.2027",
    printed: ["**לא רלוונטי:**", "**נדחה:**"],
};

const ES: Lang = Lang {
    tag: "es",
    not_applicable: "No aplica: no trabajamos en ese nivel",
    deferred: "Aplazada: necesitamos datos del registro\nResponsable: Ana\nHasta: 31/1/2027",
    printed: ["**No aplica:**", "**Aplazada:**"],
};

/// A new workbook in `lang`, as a new user makes it: `init --language`,
/// a population and a patient persona.
fn new_workbook(lang: &str) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("wb");
    let ok = |dir: &Path, args: &[&str]| {
        covalue(dir).args(args).assert().success();
    };
    ok(tmp.path(), &["init", "--language", lang, "wb"]);
    ok(&wb, &["new", "population", "p", "--name", "Jönköping"]);
    ok(
        &wb,
        &[
            "new", "persona", "p", "anna", "--name", "Anna", "--kind", "patient",
        ],
    );
    (tmp, wb)
}

/// Writes `text` as the answer to `{#id}` in `file` (a step's answer file),
/// right under the question's heading.
fn answer(wb: &Path, file: &str, id: &str, text: &str) {
    let path = wb.join("populations/p/answers").join(file);
    let body = read(&path);
    let mark = format!("{{#{id}}}\n");
    let at = body
        .find(&mark)
        .unwrap_or_else(|| panic!("{file} has no heading {{#{id}}}"))
        + mark.len();
    write(
        &path,
        format!("{}\n{text}\n{}", &body[..at], &body[at..]).as_bytes(),
    );
}

/// Answers a few questions as a team writing in `lang` would: in its words,
/// and in English words as older files have them.
fn answer_some(wb: &Path, lang: &Lang) {
    answer(
        wb,
        "logic.md",
        "logic-relieving-enabling",
        "- *Avlastar*: provtagning\n- **Enabling**: self-care 2,5 h",
    );
    answer(wb, "logic.md", "logic-levels", lang.not_applicable);
    answer(wb, "logic.md", "logic-shift", lang.deferred);
    answer(
        wb,
        "chain.md",
        "chain-measures",
        "Not applicable: an English mark in the same workbook",
    );
    answer(
        wb,
        "shop.md",
        "shop-measures",
        "Deferred: an English mark\nOwner: Kim\nUntil: 2027-02-28",
    );
    answer(
        wb,
        "chain.md",
        "chain-walkthrough",
        "### Anna {#anna}\n\nAnna möter kedjan vid provtagning.",
    );
    // The short form prints this under its open network question, from the
    // full form: covalue's words there, not the team's short answer.
    answer(
        wb,
        "network.md",
        "network-actors",
        "Patientföreningen och apoteket.",
    );
    answer(wb, "short-form.md", "short-chain", lang.deferred);
    answer(
        wb,
        "short-form.md",
        "short-people",
        "Vuxna med **typ 1**-diabetes.",
    );
}

/// The one population's counts in `check`'s report.
fn counts(wb: &Path) -> (u64, u64, u64) {
    let (_, report) = check_json(wb, &[]);
    let errors: Vec<_> = common::findings(&report)
        .into_iter()
        .filter(|f| f.severity == "error" && f.code != "CV010")
        .collect();
    assert!(errors.is_empty(), "check finds errors: {errors:#?}");
    let p = &report["summary"][0];
    let n = |k: &str| p[k].as_u64().unwrap_or_default();
    (n("answered"), n("not_applicable"), n("deferred"))
}

/// Renders `form` as Markdown in the workbook's language, imports it with
/// `--replace`, and asserts that nothing in the workbook changed.
fn render_and_import(wb: &Path, form: &str, lang: &Lang) {
    let out = wb.parent().expect("parent").join(format!("{form}.md"));
    covalue(wb)
        .args(["render", "--form", form, "--format", "md", "-o"])
        .arg(&out)
        .assert()
        .success();
    let handout = read(&out);
    // The short form's one marked answer is a deferral.
    let words = match form {
        "short" => &lang.printed[1..],
        _ => &lang.printed[..],
    };
    for word in words {
        assert!(
            handout.contains(word),
            "{}: the {form} form does not print {word}:\n{handout}",
            lang.tag
        );
    }
    let before = tree(wb);
    let run = covalue(wb)
        .args(["import", "--replace"])
        .arg(&out)
        .output()
        .expect("import runs");
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{}: import failed:\n{said}", lang.tag);
    for changed in ["replaced", "filled", "wrote "] {
        assert!(
            !said.contains(changed),
            "{}: importing the {form} form changed an answer ({changed}):\n{said}",
            lang.tag
        );
    }
    assert!(said.contains("unchanged"), "{}: {said}", lang.tag);
    assert!(
        before == tree(wb),
        "{}: importing the {form} form changed the workbook:\n{said}",
        lang.tag
    );
}

/// Imports `notes`, asserting that it succeeds; what it said.
fn import(wb: &Path, notes: &Path, lang: &Lang) -> String {
    let run = covalue(wb)
        .arg("import")
        .arg(notes)
        .output()
        .expect("import runs");
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{}: import failed:\n{said}", lang.tag);
    said
}

/// The session pack's paper notes, printed in the workbook's language:
/// imported blank they change nothing; typed up in the team's words, the
/// answer reads as the team meant it.
fn pack_notes(wb: &Path, lang: &Lang) {
    covalue(wb)
        .args(["session", "new", "--focus", "chain"])
        .assert()
        .success();
    let out = wb.parent().expect("parent").join("pack.md");
    covalue(wb)
        .args(["session", "pack", "--format", "md", "-o"])
        .arg(&out)
        .assert()
        .success();
    let pack = read(&out);
    let before = tree(wb);
    let said = import(wb, &out, lang);
    assert!(
        before == tree(wb),
        "{}: importing the blank pack changed the workbook:\n{said}",
        lang.tag
    );
    // The notes page's heading for an open question of the step in focus.
    let heading = pack
        .lines()
        .find(|l| l.starts_with('#') && l.ends_with("{#chain-processes}"))
        .unwrap_or_else(|| panic!("{}: the pack has no notes heading:\n{pack}", lang.tag));
    let typed = pack.replacen(
        &format!("{heading}\n"),
        &format!("{heading}\n\n{}\n", lang.deferred),
        1,
    );
    write(&out, typed.as_bytes());
    let said = import(wb, &out, lang);
    assert!(said.contains("filled"), "{}: {said}", lang.tag);
    assert_eq!(counts(wb), (3, 2, 3), "{}: {said}", lang.tag);
}

fn round_trip(lang: &Lang) {
    let (_tmp, wb) = new_workbook(lang.tag);
    answer_some(&wb, lang);
    // Read as the team meant them, in either language's words.
    assert_eq!(counts(&wb), (3, 2, 2), "{}", lang.tag);
    render_and_import(&wb, "full", lang);
    render_and_import(&wb, "short", lang);
    assert_eq!(counts(&wb), (3, 2, 2), "{}", lang.tag);
    pack_notes(&wb, lang);
}

#[test]
fn a_swedish_handout_reads_back_unchanged() {
    round_trip(&SV);
}

#[test]
fn a_hebrew_handout_reads_back_unchanged() {
    round_trip(&HE);
}

#[test]
fn a_spanish_handout_reads_back_unchanged() {
    round_trip(&ES);
}

/// A new workbook in each language, as `init` and `new` make it: `check`
/// finds nothing wrong, only questions still open.
#[test]
fn check_finds_nothing_wrong_in_a_new_workbook_in_any_language() {
    for lang in [&SV, &HE, &ES] {
        let (_tmp, wb) = new_workbook(lang.tag);
        let (run, report) = check_json(&wb, &[]);
        let wrong: Vec<_> = common::findings(&report)
            .into_iter()
            .filter(|f| f.code != "CV010" && f.severity != "info")
            .collect();
        assert!(wrong.is_empty(), "{}: {wrong:#?}", lang.tag);
        assert_eq!(run.code, Some(0), "{}: {}", lang.tag, run.stderr);
        let p = &report["summary"][0];
        assert_eq!(p["open"], p["total"], "{}", lang.tag);
    }
}

/// A new workbook's own files speak its language: `init` gives it a title
/// in the language, and `new population` writes each answer file with the
/// translated guide's step heading, questions and prompts, and covalue's
/// notes in them (how to add a persona's part) in that language too.
#[test]
fn a_new_workbook_is_scaffolded_in_its_language() {
    for lang in [&SV, &HE, &ES] {
        let (_tmp, wb) = new_workbook(lang.tag);
        let config = read(&wb.join("covalue.toml"));
        assert!(
            !config.contains("Coproduction value workbook"),
            "{}: the title is English:\n{config}",
            lang.tag
        );
        // The step titles `check` reads from the translated guide.
        let (_, report) = check_json(&wb, &[]);
        let steps = report["summary"][0]["steps"]
            .as_array()
            .expect("steps")
            .clone();
        let chain = steps
            .iter()
            .find(|s| s["id"] == "chain")
            .and_then(|s| s["title"].as_str())
            .expect("the chain step");
        let file = read(&wb.join("populations/p/answers/chain.md"));
        assert!(
            file.starts_with(&format!("# {chain}\n")),
            "{}: chain.md does not open with {chain}:\n{file}",
            lang.tag
        );
        for english in [
            "Which parts of the service",
            "Add one sub-heading per persona",
            "Take one persona at a time",
        ] {
            assert!(
                !file.contains(english),
                "{}: chain.md holds the English {english:?}:\n{file}",
                lang.tag
            );
        }
        let population = read(&wb.join("populations/p/answers/population.md"));
        assert!(
            !population.contains("Answered by "),
            "{}: population.md holds an English note:\n{population}",
            lang.tag
        );
        // The comments and example values of the other files a team edits.
        covalue(&wb).args(["session", "new"]).assert().success();
        let session = std::fs::read_dir(wb.join("sessions"))
            .expect("sessions")
            .flatten()
            .map(|e| read(&e.path()))
            .collect::<String>();
        for (file, english) in [
            ("populations/p/population.toml", "Who this population is"),
            ("populations/p/population.toml", "Median age"),
            (
                "populations/p/process-map.toml",
                "First contact with the clinic",
            ),
            ("populations/p/value-compass.toml", "What is measured"),
            ("populations/p/value-compass.toml", "measures, "),
            ("populations/p/value-compass.toml", "per quadrant"),
            (
                "populations/p/personas/anna.md",
                "A composite of several people",
            ),
        ] {
            let text = read(&wb.join(file));
            assert!(
                !text.contains(english),
                "{}: {file} holds the English {english:?}:\n{text}",
                lang.tag
            );
        }
        assert!(
            !session.contains("not in git when this was written"),
            "{}: {session}",
            lang.tag
        );
        assert!(
            !session.contains("What the team decided") && session.contains("decisions = []"),
            "{}: {session}",
            lang.tag
        );
        // The README tells the team the words `check` reads in its language.
        let readme = read(&wb.join("README.md"));
        let word = lang.not_applicable.split(':').next().unwrap_or_default();
        assert!(
            readme.contains(&format!("`{word}:`")) && !readme.contains("Not applicable:"),
            "{}: {readme}",
            lang.tag
        );
        // Still every question's id, so everything reads as before.
        assert!(file.contains("{#chain-walkthrough}"), "{file}");
        assert!(file.contains("`### Sara {#sara}`"), "{file}");
    }
}

/// A date in a language's form is read only after that language's word,
/// and only when the calendar has it: `Hasta: 31/2/2027` and an English
/// `Until: 7/12/2026` (which could be read two ways) are errors at their
/// answer, never guessed; bidirectional marks an editor put before a
/// Hebrew word do not hide it.
#[test]
fn a_date_is_never_guessed() {
    let (_tmp, wb) = new_workbook("es");
    answer(
        &wb,
        "logic.md",
        "logic-levels",
        "Aplazada: datos\nHasta: 31/2/2027",
    );
    answer(
        &wb,
        "logic.md",
        "logic-shift",
        "Deferred: data\nUntil: 7/12/2026",
    );
    answer(
        &wb,
        "chain.md",
        "chain-measures",
        "\u{200f}נדחה: נתונים\n\u{200f}עד: 31.1.2027",
    );
    let (run, report) = check_json(&wb, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let found = common::findings(&report);
    let bad: Vec<_> = common::with_code(&found, "CV018");
    assert_eq!(bad.len(), 2, "{bad:#?}");
    for (f, value) in bad.iter().zip(["31/2/2027", "7/12/2026"]) {
        assert_eq!(f.file.as_deref(), Some("populations/p/answers/logic.md"));
        assert!(f.message.contains(value), "{}", f.message);
        assert!(
            f.help.as_deref().is_some_and(|h| h.contains("YYYY-MM-DD")),
            "{f:?}"
        );
    }
    // The Hebrew deferral, its date day first, is read as written.
    assert_eq!(report["summary"][0]["deferred"], 3, "{report:#}");
}
