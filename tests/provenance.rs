//! Provenance wherever the guide's texts are read: each question is marked
//! published (with its source) or a draft prompt, and step introductions and
//! help texts are marked as this guide's own writing, in `guide`, the full
//! form, the blank worksheets, the session pack and the served pages.

mod common;

use common::{HALF_DONE, empty_dir, example, run};

const INTRO_NOTE: &str = "introduction written for covalue";
const HELP_NOTE: &str = "help text written for covalue";

#[test]
fn guide_json_gives_each_text_its_own_source_and_step_2s_intro_is_not_published() {
    let tmp = empty_dir();
    let guide = run(tmp.path(), &["guide", "--format", "json"]).json();
    let sections = guide["sections"].as_array().expect("sections");
    let population = sections
        .iter()
        .find(|s| s["id"] == "population")
        .expect("step 2");
    // The step's published source covers its title only.
    assert_eq!(population["title_source"], "icohn-cop");
    assert_eq!(population["intro_source"], "draft");
    assert!(population.get("source").is_none(), "{population:#}");
    let published: Vec<&str> = guide["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter(|c| c["published"] == true)
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(!published.contains(&"draft"));
    // Every help text is the guide's own writing, and says which source.
    let mut helps = 0;
    for q in sections
        .iter()
        .flat_map(|s| s["questions"].as_array().cloned().unwrap_or_default())
    {
        if q.get("help").is_some() {
            helps += 1;
            assert_eq!(q["help_source"], "draft", "{q:#}");
        }
    }
    assert!(helps > 10, "only {helps} help texts");
}

#[test]
fn guide_markdown_marks_each_step_introduction() {
    let tmp = empty_dir();
    let md = run(tmp.path(), &["guide", "--format", "md"]);
    md.assert_code(0);
    let step2 = md
        .stdout
        .split("## Step 2")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("step 2 in the Markdown");
    assert!(step2.contains(&format!("*({INTRO_NOTE})*")), "{step2}");
    // Its published questions keep their own mark.
    assert!(step2.contains("*(published wording)*"), "{step2}");
    assert_eq!(
        md.stdout.matches(INTRO_NOTE).count(),
        md.stdout.matches("\n## Step ").count() + 1,
        "every step's introduction and the short form's is marked"
    );
}

#[test]
fn blank_worksheets_and_the_full_form_mark_introductions_help_and_say_so_in_about() {
    let tmp = empty_dir();
    let out = tmp.path().join("blank.html");
    let out_s = out.to_string_lossy().to_string();
    run(
        tmp.path(),
        &["render", "--form", "full", "--blank", "-o", &out_s],
    )
    .assert_code(0);
    let html = std::fs::read_to_string(&out).expect("worksheets");
    assert!(html.contains(&format!("({INTRO_NOTE})")));
    assert!(html.contains(&format!("({HELP_NOTE})")));
    assert!(
        // (the apostrophe is escaped in HTML)
        html.contains("Step introductions and help texts are this guide")
            && html.contains("s own writing for covalue"),
        "About this report says so"
    );

    let wb = example(HALF_DONE);
    let md = wb.path().join("out/full.md");
    let md_s = md.to_string_lossy().to_string();
    run(
        wb.path(),
        &["render", "--form", "full", "--format", "md", "-o", &md_s],
    )
    .assert_code(0);
    let text = std::fs::read_to_string(&md).expect("full form");
    assert!(text.contains(&format!("({INTRO_NOTE})")));
    assert!(text.contains("Step introductions and help texts are this guide's own writing"));
}

#[cfg(unix)]
#[test]
fn served_question_and_step_pages_mark_each_question_and_the_guides_own_texts() {
    use common::serve::{Served, http};
    let tmp = example(HALF_DONE);
    let served = Served::start(tmp.path(), &[]);
    let c = served.cookie();
    let get = |path: &str| {
        let page = http(&served, "GET", path, &[("Cookie", &c)], "");
        assert_eq!(page.status, 200, "{path}");
        page.body
    };
    let step2 = get("/p/heart-failure/s/population");
    assert!(step2.contains("published wording, oliver2021"));
    assert!(step2.contains(INTRO_NOTE));
    assert!(!step2.contains("draft prompt written for covalue"));
    let step1 = get("/p/heart-failure/s/preparation");
    assert!(step1.contains("draft prompt written for covalue"));
    assert!(!step1.contains("published wording"));
    let question = get("/p/heart-failure/q/preparation-rhythm");
    assert!(question.contains("draft prompt written for covalue"));
    assert!(question.contains(HELP_NOTE));
    let published = get("/p/heart-failure/q/population-people");
    assert!(published.contains("published wording, oliver2021"));
    // The short form's page too.
    let short = get("/p/heart-failure/s/short-form");
    assert_eq!(
        short.matches("published wording, oliver2021").count(),
        6,
        "each of the six short-form questions is marked"
    );
}
