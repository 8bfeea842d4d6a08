//! The languages of printed pages: every message of covalue's catalogue is
//! in every language with the same variables, `init --language` and
//! `--lang` choose the language of a page, and an unknown language is a
//! usage error that lists the languages.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use fluent_syntax::parser;

const LANGUAGES: [&str; 4] = ["en", "sv", "he", "es"];

/// The variables a pattern uses, in its text and every variant.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Each message of a language's catalogue files (`i18n/LANG/*.ftl`) with the
/// variables it uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = common::manifest_dir().join("i18n").join(lang);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no .ftl file", dir.display());
    let mut out = BTreeMap::new();
    for path in files {
        let name = format!(
            "{lang}/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = match parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{name}: the message {} is there twice in {lang}",
                    m.id.name
                );
            }
        }
    }
    out
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let english = messages("en");
    assert!(english.len() > 1, "the English catalogue is empty");
    let mut problems = Vec::new();
    for lang in &LANGUAGES[1..] {
        let other = messages(lang);
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{lang}: the message {id} is missing")),
                Some(v) if v != vars => problems.push(format!(
                    "{lang}: the message {id} uses {v:?}, but English uses {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{lang}: the message {id} is not in English"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `covalue ARGS` in `dir` with a fixed date and no git above.
fn covalue(dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::covalue(dir);
    let ceiling = dir.parent().unwrap_or(dir).to_path_buf();
    cmd.env("COVALUE_TODAY", "2026-12-07")
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .env_remove("COVALUE_BROWSER");
    cmd
}

#[test]
fn init_language_sv_then_render_gives_a_swedish_page() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    covalue(tmp.path())
        .args([
            "init",
            "wb",
            "--title",
            "Hjärtsviktsvård",
            "--language",
            "sv",
        ])
        .assert()
        .success();
    let wb = tmp.path().join("wb");
    let config = std::fs::read_to_string(wb.join("covalue.toml")).expect("covalue.toml");
    assert!(config.contains("language = \"sv\""), "{config}");
    covalue(&wb)
        .args(["new", "population", "hf", "--name", "Hjärtsvikt"])
        .assert()
        .success();
    covalue(&wb)
        .args(["render", "--form", "short", "-o", "out/short.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/short.html")).expect("report");
    assert!(
        html.contains("<html lang=\"sv\" dir=\"ltr\">"),
        "{}",
        &html[..html.len().min(400)]
    );
    assert!(
        html.to_lowercase().contains("kort formulär"),
        "the page is not in Swedish"
    );
    assert!(
        html.contains("sida \" counter(page) \" av \" counter(pages)"),
        "the page numbers are not in Swedish"
    );
}

#[test]
fn lang_overrides_the_workbook_and_hebrew_runs_right_to_left() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    covalue(tmp.path())
        .args(["init", "wb", "--title", "Heart failure care"])
        .assert()
        .success();
    let wb = tmp.path().join("wb");
    covalue(&wb)
        .args([
            "--lang",
            "he",
            "render",
            "--form",
            "full",
            "--blank",
            "-o",
            "out/blank.html",
        ])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/blank.html")).expect("report");
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));
    assert!(html.contains("טופס מלא"), "the page is not in Hebrew");
    // The footer's lines start at the bottom right, the page number at the left.
    assert!(
        html.contains("@bottom-right { content:"),
        "footer not on the right"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_languages() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let out = covalue(tmp.path())
        .args(["--lang", "fr", "render", "--blank", "-o", "x.html"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for lang in LANGUAGES {
        assert!(stderr.contains(lang), "{lang} not listed: {stderr}");
    }
    assert!(!tmp.path().join("x.html").exists());
    let out = covalue(tmp.path())
        .args(["init", "wb", "--language", "klingon"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("svenska"));
    assert!(!tmp.path().join("wb").exists());
}

/// A new Swedish workbook with one population, in `tmp/wb`.
fn swedish_workbook(tmp: &Path) -> std::path::PathBuf {
    covalue(tmp)
        .args([
            "init",
            "wb",
            "--title",
            "Hjärtsviktsvård",
            "--language",
            "sv",
        ])
        .assert()
        .success();
    let wb = tmp.join("wb");
    covalue(&wb)
        .args(["new", "population", "hf", "--name", "Hjärtsvikt"])
        .assert()
        .success();
    wb
}

#[test]
fn a_site_words_pages_its_own_way_and_check_reports_what_cannot_be_used() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = swedish_workbook(tmp.path());
    std::fs::create_dir_all(wb.join("guide")).expect("guide folder");
    std::fs::write(
        wb.join("guide/messages.sv.ftl"),
        "# Vår egen formulering\n\
         form-short = Kortversion <script>x</script>\n\
         form-shrot = Felstavad\n\
         percent-of = { $percent } % av { $count }\n\
         six-questions = = trasig\n",
    )
    .expect("write");
    let (run, report) = common::check_json(&wb, &[]);
    run.assert_no_panic("check");
    let found = common::findings(&report);
    let file = "guide/messages.sv.ftl";
    assert!(common::has_at(&found, "CV061", file, Some(3)), "{found:#?}");
    assert!(
        common::with_code(&found, "CV061")
            .iter()
            .any(|f| f.help.as_deref().is_some_and(|h| h.contains("form-short"))),
        "no did-you-mean: {found:#?}"
    );
    let cv062 = common::with_code(&found, "CV062");
    assert!(
        cv062
            .iter()
            .any(|f| f.line == Some(4) && f.column.is_some() && f.message.contains("$count")),
        "{found:#?}"
    );
    assert_eq!(
        run.code,
        Some(1),
        "an error of the site's wording fails check"
    );

    covalue(&wb)
        .args(["render", "--form", "short", "-o", "out/short.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/short.html")).expect("report");
    // The site's wording, escaped like any text.
    assert!(
        html.to_lowercase().contains("kortversion &lt;script&gt;"),
        "site wording not used"
    );
    assert!(!html.contains("<script>"));
    // A site message that cannot be made gives way to covalue's own.
    assert!(!html.contains("[percent-of]"));

    // The pack and the served pages take the site's wording too.
    std::fs::write(
        wb.join("guide/messages.sv.ftl"),
        "pack-agenda = Vår dagordning <b>\nserve-populations = Våra grupper <i>\n",
    )
    .expect("write");
    std::fs::create_dir_all(wb.join("sessions")).expect("sessions");
    std::fs::write(
        wb.join("sessions/2026-12-10-team.toml"),
        "date = 2026-12-10\nfocus = [\"preparation\"]\n",
    )
    .expect("session");
    covalue(&wb)
        .args(["session", "pack", "-o", "out/pack.html"])
        .assert()
        .success();
    let pack = std::fs::read_to_string(wb.join("out/pack.html")).expect("pack");
    assert!(
        pack.contains("Vår dagordning &lt;b&gt;"),
        "site wording not in the pack"
    );
    let served = common::serve::Served::start(&wb, &[]);
    let (status, home) = common::serve::signed_in(&served, "GET", "/", "");
    assert_eq!(status, 200, "{home}");
    assert!(
        home.contains("Våra grupper &lt;i&gt;"),
        "site wording not served"
    );
}

#[cfg(unix)]
#[test]
fn a_site_wording_that_leads_outside_the_workbook_is_not_read() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = swedish_workbook(tmp.path());
    let outside = tmp.path().join("outside.ftl");
    std::fs::write(&outside, "form-short = HEMLIG TEXT UTANFÖR\n").expect("write");
    std::fs::create_dir_all(wb.join("guide")).expect("guide folder");
    std::os::unix::fs::symlink(&outside, wb.join("guide/messages.sv.ftl")).expect("link");
    let (run, report) = common::check_json(&wb, &[]);
    run.assert_no_panic("check");
    let found = common::findings(&report);
    let cv063 = common::with_code(&found, "CV063");
    assert!(
        cv063
            .iter()
            .any(|f| f.file.as_deref() == Some("guide/messages.sv.ftl")
                && f.message.contains("outside")),
        "{found:#?}"
    );
    covalue(&wb)
        .args(["render", "--form", "short", "-o", "out/short.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/short.html")).expect("report");
    assert!(
        !html.contains("HEMLIG"),
        "a file outside the workbook was read"
    );
    assert!(html.to_lowercase().contains("kort formulär"));
}

/// The team's English answers on a Hebrew page keep their own direction
/// (lists and punctuation where English puts them), and the guide's step
/// headings are in Hebrew.
#[cfg(unix)]
#[test]
fn an_english_answer_on_a_hebrew_page_runs_left_to_right_under_a_hebrew_heading() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("ms");
    let status = std::process::Command::new("cp")
        .args(["-r"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lakeside-ms"))
        .arg(&wb)
        .status()
        .expect("cp runs");
    assert!(status.success());
    covalue(&wb)
        .args(["--lang", "he", "render", "-o", "out/he.html"])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/he.html")).expect("report");
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));
    // Step 3's heading, number and title in Hebrew.
    assert!(
        html.contains("שלב 3 · "),
        "the step heading is not in Hebrew"
    );
    assert!(
        !html.contains("Step 3 · "),
        "an English step heading is left"
    );
    // The answer to the chain question is in a block of its own direction.
    let answer = html
        .find("Our linked, standardized processes")
        .expect("the chain answer is on the page");
    let opened = html[..answer].rfind("<div dir=\"auto\">").expect("a block");
    assert!(
        !html[opened..answer].contains("</div>"),
        "the answer is not inside the dir=auto block"
    );
}

/// Every stylesheet of covalue's pages sets sides by the text's direction
/// (`margin-inline-start`, `text-align: start`), so that a Hebrew page puts
/// its borders, indents and alignment on the right; only the printed page's
/// margin boxes (`@bottom-right`), which are the paper's own corners, say
/// left or right.
#[test]
fn stylesheets_set_sides_by_the_texts_direction() {
    let root = common::manifest_dir().join("src");
    let mut sheets = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "css") {
                sheets.push(path);
            }
        }
    }
    assert!(sheets.len() >= 5, "stylesheets found: {sheets:?}");
    let physical = [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
    ];
    let mut found = Vec::new();
    for sheet in &sheets {
        let text = std::fs::read_to_string(sheet).expect("stylesheet");
        for (n, line) in text.lines().enumerate() {
            let rule = line.split("/*").next().unwrap_or("");
            if rule.contains("@bottom-") || rule.contains("@top-") {
                continue;
            }
            for p in physical.iter().filter(|p| rule.contains(*p)) {
                found.push(format!("{}:{}: {p}", sheet.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sides set left or right:\n{}",
        found.join("\n")
    );
}

/// A process or balancing measure is shown in a table of its own, whose
/// heading and "definition missing" are in the page's language as the
/// outcome measures' are (the example workbooks keep outcome measures only,
/// so the printed checks do not meet this table).
#[test]
fn process_and_balancing_measures_are_shown_in_the_pages_language() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("wb");
    common::copy_dir(&common::manifest_dir().join("examples/lakeside-ms"), &wb);
    let compass = wb.join("populations/ms/value-compass.toml");
    let mut text = std::fs::read_to_string(&compass).expect("compass");
    text.push_str(
        "\n[[measure]]\nid = \"waiting-days\"\nkind = \"process\"\nname = \"Days to a first visit\"\n",
    );
    std::fs::write(&compass, text).expect("compass");
    covalue(&wb)
        .args([
            "--lang",
            "sv",
            "render",
            "--form",
            "full",
            "-o",
            "out/full.html",
        ])
        .assert()
        .success();
    let html = std::fs::read_to_string(wb.join("out/full.html")).expect("page");
    let start = html
        .find("class=\"measure-kind\"")
        .expect("the process measures' table");
    let section = &html[start..start + html[start..].find("</section>").unwrap_or(0)];
    assert!(section.contains("Days to a first visit"), "{section}");
    for swedish in ["Mått", "Operationell definition", "definition saknas"] {
        assert!(section.contains(swedish), "{swedish:?} missing: {section}");
    }
    for english in [
        "Operational definition",
        "definition missing",
        "Data source",
    ] {
        assert!(!section.contains(english), "{english:?} left: {section}");
    }
}

/// `covalue guide` lists the guide a workbook's pages use: the built-in
/// guide in the workbook's language, or in `--lang`'s (outside a workbook
/// too), with the ids unchanged.
#[test]
fn the_guide_is_listed_in_the_workbooks_language() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = swedish_workbook(tmp.path());
    let out = covalue(&wb)
        .args(["guide", "--format", "md", "--form", "full"])
        .output()
        .expect("guide runs");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{md}");
    assert!(md.contains("## Steg 1 · Förberedelse"), "{md}");
    assert!(md.contains("`preparation-team`"), "{md}");
    assert!(!md.contains("## Step 1 · Preparation"), "{md}");
    let out = covalue(tmp.path())
        .args(["--lang", "es", "guide", "--form", "short"])
        .output()
        .expect("guide runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Spanish translation"), "{text}");
    assert!(text.contains("[short-people]"), "{text}");
}

/// A blank persona card's kinds are the guide's titles on a page in another
/// language, each with the id a note-taker types back; an English page
/// keeps the short ids.
#[test]
fn a_blank_cards_kinds_are_in_the_pages_language_with_their_ids() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = swedish_workbook(tmp.path());
    for (lang, out) in [("he", "out/he.html"), ("en", "out/en.html")] {
        covalue(&wb)
            .args([
                "--lang", lang, "render", "--form", "short", "--blank", "-o", out,
            ])
            .assert()
            .success();
    }
    let he = std::fs::read_to_string(wb.join("out/he.html")).expect("page");
    assert!(
        he.contains(
            "☐&nbsp;אדם-המכונה-לעיתים-מטופל</span> <bdi class=\"kind-id\" dir=\"ltr\">patient</bdi>"
        ),
        "{}",
        &he[he.find("class=\"choices\"").unwrap_or(0)..][..600.min(he.len())]
    );
    let en = std::fs::read_to_string(wb.join("out/en.html")).expect("page");
    assert!(en.contains("☐&nbsp;patient</span>"), "the English card");
    assert!(
        !en.contains("class=\"kind-id\""),
        "an English card names each kind once"
    );
}
