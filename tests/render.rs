//! Integration tests of `covalue render`: the real binary in temporary
//! folders, on copies of the example workbooks. Snapshots of the HTML, the
//! safety of reports whatever a workbook contains, Markdown output, where
//! reports may be written, and printing to PDF in a real browser (skipped
//! with a reason when no Chromium is installed, except in CI).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use common::{copy_dir, manifest_dir, read};
use tempfile::TempDir;

/// The render date of every test.
const TODAY: &str = "2026-05-01";

/// A temporary folder holding a copy of an example workbook in `wb/`.
fn example(name: &str) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let wb = tmp.path().join("wb");
    copy_dir(&manifest_dir().join("examples").join(name), &wb);
    (tmp, wb)
}

/// `covalue` in `dir` with a fixed date, no colour, no browser from the
/// environment, and git unable to find a repository above the temp folder
/// (so the report has no commit line).
fn covalue(dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::covalue(dir);
    let ceiling = dir.parent().unwrap_or(dir).to_path_buf();
    cmd.env("COVALUE_TODAY", TODAY)
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .env_remove("COVALUE_BROWSER");
    cmd
}

/// The standard error of a finished run, which must have exited with 2.
fn usage_error(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.code(2).get_output().stderr).into_owned()
}

fn render(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    covalue(dir).arg("render").args(args).assert()
}

/// The start tags of an HTML document: name and attributes (name, value).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = html[i..].find('<') {
        let start = i + pos + 1;
        i = start;
        let Some(&first) = bytes.get(start) else {
            break;
        };
        if !first.is_ascii_alphabetic() {
            continue;
        }
        let mut j = start;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
            j += 1;
        }
        let name = html[start..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let key_start = j;
            while j < bytes.len() && !b" \t\n\r=>/".contains(&bytes[j]) {
                j += 1;
            }
            let key = html[key_start..j].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                match bytes.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let end = html[j + 1..]
                            .find(char::from(q))
                            .map_or(bytes.len(), |e| j + 1 + e);
                        value = html[j + 1..end].to_string();
                        j = end + 1;
                    }
                    _ => {
                        let value_start = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>'
                        {
                            j += 1;
                        }
                        value = html[value_start..j].to_string();
                    }
                }
            }
            if key.is_empty() {
                j += 1;
                continue;
            }
            attrs.push((key, value));
        }
        out.push((name, attrs));
        i = j.min(bytes.len());
    }
    out
}

/// Asserts that an HTML report can load and run nothing: no script, frame,
/// object, image or extra style element, no event handler, no `src`
/// attribute, and links only within the page or to http(s) and mail.
fn assert_harmless(html: &str) {
    let lower = html.to_ascii_lowercase();
    for forbidden in [
        "<script",
        "<iframe",
        "<img",
        "<object",
        "<embed",
        "<link",
        "<base",
        "<form",
        "<meta http-equiv=\"refresh",
    ] {
        assert!(
            !lower.contains(forbidden),
            "the report contains {forbidden}"
        );
    }
    assert!(!lower.contains("javascript:") || !lower.contains("href=\"javascript:"));
    let mut styles = 0;
    for (name, attrs) in tags(html) {
        if name == "style" {
            styles += 1;
        }
        for (key, value) in &attrs {
            assert!(
                !key.starts_with("on"),
                "<{name}> has the handler {key}={value}"
            );
            assert!(
                key != "src" && key != "srcset",
                "<{name}> has {key}={value}"
            );
            assert!(
                key != "xlink:href" && key != "formaction" && key != "action",
                "<{name}> has {key}={value}"
            );
            if key == "href" {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    v.starts_with('#')
                        || v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"),
                    "<{name}> links to {value}"
                );
            }
            if key == "style" {
                assert!(
                    !value.to_ascii_lowercase().contains("url("),
                    "<{name}> style loads {value}"
                );
            }
        }
    }
    assert!(styles <= 1, "the report has {styles} style elements");
    assert!(
        html.contains("Content-Security-Policy")
            && html.contains(
                "default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:"
            ),
        "the report declares its Content-Security-Policy"
    );
}

// ---------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------

#[test]
fn the_example_short_form_html_is_stable() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "short"])
        .success()
        .stdout("wrote out/short.html (short form, 1 population)\n");
    let html = read(&wb.join("out/short.html"));
    assert!(
        !html.contains("commit "),
        "outside git there is no commit line"
    );
    assert_harmless(&html);
    insta::assert_snapshot!("short_form_html", html);
}

#[test]
fn a_blank_short_worksheet_html_is_stable() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    render(tmp.path(), &["--form", "short", "--blank"])
        .success()
        .stdout("wrote covalue-short-blank.html (short form, blank worksheet)\n");
    let html = read(&tmp.path().join("covalue-short-blank.html"));
    assert_harmless(&html);
    insta::assert_snapshot!("short_blank_html", html);
}

#[test]
fn the_example_short_form_markdown_is_stable() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "short", "--format", "md"]).success();
    let md = read(&wb.join("out/short.md"));
    insta::assert_snapshot!("short_form_md", md);
}

// ---------------------------------------------------------------------------
// What the reports hold
// ---------------------------------------------------------------------------

#[test]
fn the_short_form_holds_every_short_answer_personas_and_the_map() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "short"]).success();
    let html = read(&wb.join("out/short.html"));
    for text in [
        "People living with multiple sclerosis",
        "About 1,180 adults with MS, 71 % women",
        "Until now leaders have developed the shop and the chain",
        "Åsa",
        "Recently diagnosed (under five years), relapsing MS",
        "96,000 SEK",
        "Process map of People living with multiple sclerosis: 12 steps",
        "{#short-leadership}",
        "page 1 of",
    ] {
        let escaped = text.replace('\'', "&#x27;");
        assert!(
            html.contains(text)
                || html.contains(&escaped)
                || html.contains("page \" counter(page)"),
            "the short form shows {text:?}"
        );
    }
    assert!(html.contains("role=\"img\" aria-labelledby=\"p1-map-title p1-map-desc\""));
    assert!(html.contains("<title id=\"p1-map-title\">"));
    assert!(
        html.contains("@page p1 { @bottom-left"),
        "the population's pages have their own footer"
    );
}

#[test]
fn the_full_form_holds_steps_grid_compass_and_open_items() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "full"])
        .success()
        .stdout("wrote out/full.html (full form, 1 population)\n");
    let html = read(&wb.join("out/full.html"));
    assert_harmless(&html);
    for text in [
        "Contents",
        "Completeness",
        "Step 1 · Preparation",
        "Step 9 · Value assessment and next steps",
        "Personas across the value configurations",
        "Value compass of People living with multiple sclerosis",
        "MS Impact Scale (MSIS-29), physical subscale",
        "Open items",
        // The example's one deferral is listed with its reason and owner.
        "the MS society wants to choose the network&#x27;s measures with us",
        "owner: MS nurse specialist",
        // Where the steps come from, with the sources.
        "this guide&#x27;s reconstruction",
        "person with MS",
        "About this report",
    ] {
        assert!(html.contains(text), "the full form shows {text:?}");
    }
    // The grid has a row per persona and a column per configuration.
    let grid = html
        .split("class=\"grid-table")
        .nth(1)
        .and_then(|g| g.split("</table>").next())
        .expect("a grid table");
    assert_eq!(grid.matches("<th scope=\"row\">").count(), 5);
    for c in ["Value chain", "Value shop", "Value network", "Access"] {
        assert!(grid.contains(&format!("<th scope=\"col\">{c}</th>")));
    }
    assert!(grid.contains("Åsa meets the chain every six months"));
}

#[test]
fn deferred_and_not_applicable_answers_show_their_reason_owner_and_date() {
    let (_tmp, wb) = example("harbour-heart-failure");
    render(&wb, &["--form", "full"]).success();
    let html = read(&wb.join("out/full.html"));
    assert!(html.contains("<strong>Deferred:</strong> our analyst is pulling the terms"));
    assert!(html.contains("Owner: <bdi>finance analyst</bdi>"));
    assert!(html.contains("Until: <bdi dir=\"ltr\">2027-01-15</bdi>"));
    let open = html.split("Open items</h3>").nth(1).expect("open items");
    assert!(open.contains("{#population-payment}"));
    assert!(open.contains("owner: finance analyst · until 2027-01-15"));

    let answers = wb.join("populations/heart-failure/answers/chain.md");
    let text = read(&answers).replacen(
        "{#chain-measures}\n",
        "{#chain-measures}\n\nNot applicable: measured under Step 2 for now.\n",
        1,
    );
    std::fs::write(&answers, text).expect("write answer");
    render(&wb, &["--form", "full"]).success();
    let html = read(&wb.join("out/full.html"));
    assert!(html.contains("<strong>Not applicable:</strong> measured under Step 2 for now."));
}

#[test]
fn an_open_short_answer_is_derived_from_the_step_it_summarises() {
    let (_tmp, wb) = example("lakeside-ms");
    std::fs::remove_file(wb.join("populations/ms/answers/short-form.md")).expect("remove");
    render(&wb, &["--form", "short"]).success();
    let html = read(&wb.join("out/short.html"));
    assert!(html.contains("From the full form, <bdi>Step 3 · Value chain</bdi>"));
    assert!(html.contains("From the full form, <bdi>Step 7 · Interdependent system elements"));
    assert!(html.contains("Our linked, standardized processes, with the process-map steps"));
    // Only the opening of the step's first answer is printed, with a pointer
    // to the rest: the short form stays on two pages.
    assert!(
        html.contains("Read on in the full form (<bdi dir=\"ltr\">3</bdi> more answers there)")
    );
    assert!(!html.contains("Åsa meets the chain every six months"));
    // Markdown, read on a forge, has no pages to keep to: it keeps everything.
    render(&wb, &["--form", "short", "--format", "md"]).success();
    let md = read(&wb.join("out/short.md"));
    assert!(md.contains("Åsa meets the chain every six months"));
}

#[test]
fn blank_worksheets_label_every_box_with_its_question() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    render(
        tmp.path(),
        &["--form", "full", "--blank", "--paper", "letter"],
    )
    .success();
    let html = read(&tmp.path().join("covalue-full-blank.html"));
    assert_harmless(&html);
    assert!(html.contains("size: letter;"));
    let guide = covalue::guide::Guide::builtin().expect("built-in guide");
    for section in &guide.steps {
        for q in &section.questions {
            assert!(
                html.contains(&format!("{{#{}}}", q.id)),
                "{} is labelled",
                q.id
            );
        }
    }
    // An empty process-map table of 15 rows, empty persona cards and compass.
    let map = html
        .split("Empty process map to fill in")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .expect("an empty process map");
    assert_eq!(map.matches("<tr><td>").count(), 15);
    for column in [
        "Step",
        "Who",
        "Coproduction level",
        "Opportunity",
        "Configuration",
    ] {
        assert!(map.contains(&format!(">{column}</th>")), "column {column}");
    }
    assert!(html.contains("Blank value compass"));
    assert!(html.contains("Kind: <span class=\"choice\">☐&nbsp;patient</span>"));
}

#[test]
fn blank_worksheets_in_a_workbook_use_its_title_and_population_names() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "short", "--blank", "--population", "ms"])
        .success()
        .stdout("wrote out/short-blank.html (short form, blank worksheet)\n");
    let html = read(&wb.join("out/short-blank.html"));
    assert!(html.contains("MS care at Lakeside Regional MS Centre"));
    assert!(html.contains("Population: People living with multiple sclerosis"));
    assert!(
        !html.contains("About 1,180 adults"),
        "a blank worksheet has no answers"
    );
}

#[test]
fn markdown_reports_read_well_on_a_forge() {
    let (_tmp, wb) = example("lakeside-ms");
    render(&wb, &["--form", "full", "--format", "md"])
        .success()
        .stdout("wrote out/full.md (full form, 1 population)\n");
    let md = read(&wb.join("out/full.md"));
    for text in [
        "# MS care at Lakeside Regional MS Centre: full form",
        "## People living with multiple sclerosis",
        "### Step 3 · Value chain",
        "#### 3.1 Which parts of the service",
        "`{#chain-processes}` · **Answered**",
        "##### Åsa",
        "| 1 | Noticing first symptoms and seeing primary care |",
        "### Personas across the value configurations",
        "### Open items",
        "**Functional health and well-being**",
    ] {
        assert!(md.contains(text), "the Markdown report has {text:?}");
    }
    // Headings inside answers sit below the question's heading.
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# ") && !l.starts_with("# MS care"))
    );
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(&md, &options);
    assert!(html.contains("<table>"));
}

#[test]
fn the_footer_names_the_commit_and_uncommitted_changes() {
    let (_tmp, wb) = example("lakeside-ms");
    // Without the .gitignore, reports under out/ are untracked files: they
    // still must not count as changes of the workbook.
    std::fs::remove_file(wb.join(".gitignore")).expect("remove .gitignore");
    let git = |args: &[&str]| {
        StdCommand::new("git")
            .current_dir(&wb)
            .args([
                "-c",
                "user.name=covalue tests",
                "-c",
                "user.email=tests@example.org",
            ])
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !git(&["init", "-q"]) {
        eprintln!("skipped: git is not installed");
        return;
    }
    assert!(git(&["add", "."]) && git(&["commit", "-q", "-m", "Example"]));
    let head = StdCommand::new("git")
        .current_dir(&wb)
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .expect("git rev-parse");
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    render(&wb, &["--form", "short"]).success();
    let html = read(&wb.join("out/short.html"));
    assert!(
        html.contains(&format!("commit {head}")),
        "the footer names {head}"
    );
    assert!(
        !html.contains("uncommitted"),
        "out/ itself does not count as a change"
    );
    render(&wb, &["--form", "short"]).success();
    assert!(!read(&wb.join("out/short.html")).contains("uncommitted"));

    let answers = wb.join("populations/ms/answers/short-form.md");
    std::fs::write(&answers, read(&answers) + "\nOne more line.\n").expect("write");
    render(&wb, &["--form", "short"]).success();
    let html = read(&wb.join("out/short.html"));
    assert!(html.contains(&format!("commit {head} + uncommitted changes")));
    assert!(html.contains("One more line."));
}

// ---------------------------------------------------------------------------
// Safety
// ---------------------------------------------------------------------------

const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(2)&lt;/script&gt;",
    "&#x3C;script&#x3E;alert(3)",
    "</style><script>alert(4)</script>",
    "\"><svg onload=alert(5)>",
];

/// TOML basic string.
fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// YAML double-quoted string.
fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Fills a copy of the complete example with hostile text everywhere a
/// workbook holds text.
fn nasty_workbook() -> (TempDir, PathBuf) {
    let (tmp, wb) = example("lakeside-ms");
    let all = NASTY.join(" ");
    let pop = wb.join("populations/ms");
    let config = read(&wb.join("covalue.toml")).replace(
        "title = \"MS care at Lakeside Regional MS Centre\"",
        &format!("title = {}", toml_str(&format!("Lakeside {all}"))),
    );
    std::fs::write(wb.join("covalue.toml"), config).expect("write");
    let info = read(&pop.join("population.toml"))
        .replace(
            "name = \"People living with multiple sclerosis\"",
            &format!("name = {}", toml_str(&format!("MS {all}"))),
        )
        .replace(
            "label = \"Women\"",
            &format!("label = {}", toml_str(NASTY[1])),
        );
    std::fs::write(pop.join("population.toml"), info).expect("write");
    let persona = read(&pop.join("personas/asa.md"))
        .replace(
            "name: Åsa",
            &format!("name: {}", yaml_str(&format!("Åsa {all}"))),
        )
        .replace(
            "segment: \"Recently diagnosed (under five years), relapsing MS\"",
            &format!("segment: {}", yaml_str(NASTY[2])),
        )
        .replace(
            "currency: SEK",
            &format!("currency: {}", yaml_str(NASTY[6])),
        );
    let persona = format!(
        "{persona}\n\n{all}\n\n[js](javascript:alert(6)) [data](data:text/html;base64,PHNjcmlwdD4=) ![x](https://evil.example/pixel.png) <a href=\"javascript:alert(7)\">a</a>\n"
    );
    std::fs::write(pop.join("personas/asa.md"), persona).expect("write");
    let map = read(&pop.join("process-map.toml"))
        .replace(
            "title = \"Noticing first symptoms and seeing primary care\"",
            &format!("title = {}", toml_str(&format!("First {all}"))),
        )
        .replace(
            "actors = [\"person with MS\", \"GP\", \"optician or eye clinic\"]",
            &format!("actors = [{}]", toml_str(NASTY[1])),
        )
        .replace(
            "neurologist = \"We rarely see this phase; referrals arrive with very different amounts of information.\"",
            &format!("neurologist = {}", toml_str(NASTY[0])),
        );
    std::fs::write(pop.join("process-map.toml"), map).expect("write");
    let compass = read(&pop.join("value-compass.toml")).replace(
        "name = \"MS Impact Scale (MSIS-29), physical subscale\"",
        &format!("name = {}", toml_str(&all)),
    );
    std::fs::write(pop.join("value-compass.toml"), compass).expect("write");
    let body = format!(
        "{all}\n\n[js](javascript:alert(8)) [JS](JaVaScRiPt:alert(9)) [enc](&#106;avascript:alert(10)) [data](data:text/html,<script>alert(11)</script>) ![img](data:image/png;base64,AAAA) ![track](https://evil.example/t.png)\n\n<div onclick=\"alert(12)\">\n<script>alert(13)</script>\n</div>\n\n#### A heading\n\n[fine](https://example.org/ok)\n"
    );
    let short = read(&pop.join("answers/short-form.md")).replacen(
        "{#short-chain}\n",
        &format!("{{#short-chain}}\n\n{body}\n"),
        1,
    );
    std::fs::write(pop.join("answers/short-form.md"), short).expect("write");
    let chain = read(&pop.join("answers/chain.md"))
        .replacen(
            "{#chain-processes}\n",
            &format!("{{#chain-processes}}\n\n{body}\n"),
            1,
        )
        .replacen(
            "### Åsa {#asa}\n",
            &format!("### Åsa {{#asa}}\n\n{body}\n"),
            1,
        );
    std::fs::write(pop.join("answers/chain.md"), chain).expect("write");
    (tmp, wb)
}

#[test]
fn hostile_workbook_text_cannot_load_or_run_anything() {
    let (_tmp, wb) = nasty_workbook();
    for form in ["short", "full"] {
        render(&wb, &["--form", form]).success();
        let html = read(&wb.join(format!("out/{form}.html")));
        assert_harmless(&html);
        // The text is shown, escaped, not silently dropped.
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
                || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("<a href=\"https://example.org/ok\">fine</a>"));
        assert!(
            html.contains("<h6>A heading</h6>"),
            "answer headings sit below the question"
        );
        assert!(html.contains("track (image: https://evil.example/t.png)"));
        assert!(!html.contains("href=\"data:"));
        assert!(!html.contains("</style><script"));
    }
    // The footers of each page carry the title and population name inside CSS.
    let html = read(&wb.join("out/full.html"));
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .expect("style");
    assert!(!style.contains('<'), "no markup inside the style element");
}

#[test]
fn hostile_workbook_text_stays_text_in_markdown_reports() {
    let (_tmp, wb) = nasty_workbook();
    for form in ["short", "full"] {
        render(&wb, &["--form", form, "--format", "md"]).success();
        let md = read(&wb.join(format!("out/{form}.md")));
        // Even a Markdown viewer that passes raw HTML through gets nothing to run.
        let mut options = comrak::Options::default();
        options.extension.table = true;
        options.render.r#unsafe = true;
        let html = comrak::markdown_to_html(&md, &options);
        let lower = html.to_ascii_lowercase();
        for forbidden in ["<script", "<iframe", "<img", "<style", "<svg", "<div"] {
            assert!(!lower.contains(forbidden), "{form}.md renders {forbidden}");
        }
        for (name, attrs) in tags(&html) {
            for (key, value) in attrs {
                assert!(
                    !key.starts_with("on") && key != "src",
                    "<{name}> {key}={value}"
                );
                if key == "href" {
                    assert!(
                        value.starts_with("https://")
                            || value.starts_with("http://")
                            || value.starts_with("mailto:"),
                        "<{name}> links to {value}"
                    );
                }
            }
        }
    }
}

#[test]
fn blank_worksheets_of_a_hostile_workbook_are_harmless() {
    let (_tmp, wb) = nasty_workbook();
    render(&wb, &["--form", "full", "--blank", "--population", "ms"]).success();
    assert_harmless(&read(&wb.join("out/full-blank.html")));
}

// ---------------------------------------------------------------------------
// Where reports go
// ---------------------------------------------------------------------------

#[test]
fn reports_never_overwrite_workbook_files() {
    let (_tmp, wb) = example("lakeside-ms");
    let chain = wb.join("populations/ms/answers/chain.md");
    let before = read(&chain);
    let config_before = read(&wb.join("covalue.toml"));
    for target in [
        "populations/ms/answers/chain.md",
        "populations/ms/new-file.html",
        "covalue.toml",
        "README.md",
    ] {
        let out = render(&wb, &["--form", "short", "--format", "md", "-o", target])
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(
            err.contains("refusing to write the report to"),
            "{target}: {err}"
        );
        assert!(err.contains("help: choose another path with -o"), "{err}");
    }
    assert_eq!(read(&chain), before);
    assert_eq!(
        read(&wb.join("covalue.toml")),
        config_before,
        "covalue.toml was changed"
    );
    assert!(!wb.join("populations/ms/new-file.html").exists());
    // Inside the workbook, reports go to out/ only; outside it, anywhere.
    render(&wb, &["--form", "short", "-o", "handout.html"]).code(2);
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let handout = elsewhere.path().join("handout.html");
    render(
        &wb,
        &["--form", "short", "-o", &handout.display().to_string()],
    )
    .success();
    render(
        &wb,
        &["--form", "short", "--format", "md", "-o", "out/notes.md"],
    )
    .success();
    render(
        &wb,
        &["--form", "short", "--format", "md", "-o", "out/notes.md"],
    )
    .success();
    assert!(!wb.join("handout.html").exists());
    assert!(handout.is_file() && wb.join("out/notes.md").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(wb.join("out"))
        .expect("out")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
}

#[test]
fn a_folder_as_output_is_refused() {
    let (_tmp, wb) = example("lakeside-ms");
    std::fs::create_dir_all(wb.join("handouts")).expect("folder");
    let err = usage_error(render(&wb, &["--form", "short", "-o", "handouts"]));
    assert!(err.contains("handouts is a folder"), "{err}");
}

#[test]
fn blank_worksheets_need_no_workbook_but_reports_do() {
    let tmp = tempfile::tempdir().expect("temporary folder");
    render(tmp.path(), &["--form", "full", "--blank", "--format", "md"])
        .success()
        .stdout("wrote covalue-full-blank.md (full form, blank worksheet)\n");
    let md = read(&tmp.path().join("covalue-full-blank.md"));
    assert!(md.contains("`{#preparation-team}`"));
    assert!(md.contains("| 15 | | | | | |"));
    let err = usage_error(render(tmp.path(), &["--form", "short"]));
    assert!(err.contains("no workbook here"), "{err}");
}

#[test]
fn an_unknown_population_is_named_with_the_known_ones() {
    let (_tmp, wb) = example("lakeside-ms");
    let err = usage_error(render(&wb, &["--form", "short", "--population", "als"]));
    assert!(err.contains("there is no population `als`"), "{err}");
    assert!(err.contains("the populations are: ms"), "{err}");
    assert!(!wb.join("out").exists());
}

#[test]
fn a_site_template_replaces_the_built_in_one() {
    let (_tmp, wb) = example("lakeside-ms");
    let config = read(&wb.join("covalue.toml")) + "templates = \"templates\"\n";
    std::fs::write(wb.join("covalue.toml"), config).expect("write");
    std::fs::create_dir_all(wb.join("templates")).expect("folder");
    std::fs::write(
        wb.join("templates/short-population.html"),
        "<section class=\"population\"><h2>{{ pop.name }}</h2><p>Lakeside handout</p>{% include \"site-note.html\" %}</section>\n",
    )
    .expect("write");
    std::fs::write(
        wb.join("templates/site-note.html"),
        "<p>{{ doc.title }} ({{ '<b>' }})</p>",
    )
    .expect("write");
    render(&wb, &["--form", "short"]).success();
    let html = read(&wb.join("out/short.html"));
    assert!(html.contains("<h2>People living with multiple sclerosis</h2><p>Lakeside handout</p>"));
    assert!(
        html.contains("<p>MS care at Lakeside Regional MS Centre (&lt;b&gt;)</p>"),
        "site templates are escaped too"
    );
    assert!(
        html.contains("Content-Security-Policy"),
        "the built-in layout is kept"
    );
    // A template cannot be written over by a report.
    render(&wb, &["--form", "short", "-o", "templates/short.html"]).code(2);

    std::fs::write(wb.join("templates/short-population.html"), "{% if %}").expect("write");
    let err = usage_error(render(&wb, &["--form", "short"]));
    assert!(
        err.contains("templates/short-population.html cannot be used"),
        "{err}"
    );
    assert!(err.contains("help: fix"), "{err}");
}

#[test]
fn pdf_without_a_browser_says_what_to_install() {
    let (_tmp, wb) = example("lakeside-ms");
    let empty = tempfile::tempdir().expect("temporary folder");
    let err = usage_error(
        covalue(&wb)
            .env("PATH", empty.path())
            .args(["render", "--form", "short", "--pdf"])
            .assert(),
    );
    assert!(err.contains("no Chromium, Chrome or Edge found"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    let err = usage_error(
        covalue(&wb)
            .args([
                "render",
                "--form",
                "short",
                "--pdf",
                "--browser",
                "/nowhere/chrome",
            ])
            .assert(),
    );
    assert!(err.contains("/nowhere/chrome does not exist"), "{err}");
    covalue(&wb)
        .args(["render", "--form", "short", "--pdf", "--format", "md"])
        .assert()
        .code(2);
    assert!(!wb.join("out").exists());
}

/// A "browser" that says something and prints nothing (a broken install, a
/// program that is not a browser): covalue says so with its words, writes no
/// PDF and leaves no temporary folder.
#[cfg(unix)]
#[test]
fn a_browser_that_prints_nothing_is_reported_with_what_it_said() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, wb) = example("lakeside-ms");
    let fake = tmp.path().join("not-a-browser");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho 'Missing X server or $DISPLAY' >&2\nexit 1\n",
    )
    .expect("write");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let temp = tempfile::tempdir().expect("temporary folder");
    let err = usage_error(
        covalue(&wb)
            .env("TMPDIR", temp.path())
            .args(["render", "--form", "full", "--pdf", "--browser"])
            .arg(&fake)
            .assert(),
    );
    assert!(err.contains("not-a-browser did not print a PDF"), "{err}");
    assert!(err.contains("Missing X server or $DISPLAY"), "{err}");
    assert!(err.contains("help: check that the browser runs"), "{err}");
    assert!(!wb.join("out/full.pdf").exists());
    let left: Vec<_> = std::fs::read_dir(temp.path())
        .expect("tmp")
        .flatten()
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

// ---------------------------------------------------------------------------
// Printing in a real browser
// ---------------------------------------------------------------------------

fn pdf_pages(pdf: &Path) -> (usize, String) {
    let out = StdCommand::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or("")
        .trim()
        .to_string();
    (pages, size)
}

fn pdf_text(pdf: &Path) -> String {
    let out = StdCommand::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    normalise(&String::from_utf8_lossy(&out.stdout))
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first ~40 characters of every answered question of a section, as text.
fn answer_samples(wb: &Path, section: &str) -> Vec<String> {
    let workbook = covalue::workbook::Workbook::open(covalue::workbook::Loader::disk(wb))
        .expect("the example loads");
    let mut samples = Vec::new();
    for pop in &workbook.populations(&[]) {
        let Some(file) = pop.answer_file(section) else {
            continue;
        };
        for answer in &file.answers {
            if answer.status != covalue::workbook::Status::Answered {
                continue;
            }
            let text = covalue::render::markdown::to_plain(&answer.body);
            let mut sample: String = text.chars().take(40).collect();
            if let Some(space) = sample.rfind(' ') {
                sample.truncate(space);
            }
            if !sample.is_empty() {
                samples.push(normalise(&sample));
            }
        }
    }
    samples
}

#[test]
fn the_example_prints_to_pdf_in_a_real_browser() {
    let Some(browser) = common::print_browser() else {
        return;
    };
    let (_tmp, wb) = example("lakeside-ms");
    let run = |args: &[&str]| {
        covalue(&wb)
            .env("COVALUE_BROWSER", &browser)
            .arg("render")
            .args(args)
            .assert()
            .success();
    };

    run(&["--form", "short", "--pdf"]);
    let short = wb.join("out/short.pdf");
    let (pages, size) = pdf_pages(&short);
    assert!(
        pages <= 4,
        "the short form of one population prints on {pages} A4 pages"
    );
    assert!(size.contains("(A4)"), "A4 paper: {size}");
    let text = pdf_text(&short);
    let samples = answer_samples(&wb, "short-form");
    assert_eq!(samples.len(), 6);
    for sample in samples {
        assert!(text.contains(&sample), "the short form PDF has {sample:?}");
    }
    assert!(
        text.contains(&format!("page 1 of {pages}")),
        "pages are numbered"
    );
    assert!(text.contains(
        "MS care at Lakeside Regional MS Centre · People living with multiple sclerosis"
    ));
    assert!(text.contains("printed 2026-05-01"));

    run(&["--form", "full", "--pdf"]);
    let full = wb.join("out/full.pdf");
    let (pages, _) = pdf_pages(&full);
    assert!(pages > 10, "the full form prints on {pages} pages");
    let text = pdf_text(&full);
    let guide = covalue::guide::Guide::builtin().expect("guide");
    for step in &guide.steps {
        for sample in answer_samples(&wb, &step.id) {
            assert!(
                text.contains(&sample),
                "the full form PDF has {sample:?} ({})",
                step.id
            );
        }
    }
    assert!(text.contains(&format!("page {pages} of {pages}")));

    run(&["--form", "short", "--blank", "--pdf", "--paper", "letter"]);
    let blank = wb.join("out/short-blank.pdf");
    let (pages, size) = pdf_pages(&blank);
    // Each of the six questions has 90 mm to write in: a page holds two.
    assert!(
        (1..=6).contains(&pages),
        "the blank short form prints on {pages} pages"
    );
    assert!(size.contains("(letter)"), "letter paper: {size}");
    let text = pdf_text(&blank);
    for id in ["{#short-people}", "{#short-leadership}"] {
        assert!(text.contains(id), "the blank worksheet labels {id}");
    }
}
