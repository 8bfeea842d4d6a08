//! A record that does not contradict itself: measure kinds and frequencies,
//! the consistency findings CV049–CV053, and improvements in several
//! clusters of opportunity, each on a small workbook built in a temporary
//! folder, with the consistent case beside the contradicting one.

mod common;

use std::path::Path;

use common::{Found, check_json, empty_dir, findings, line_of, read, run, with_code, write};

const POP: &str = "populations/ms";

/// A workbook with one population, two patient personas, a process map of
/// two steps, and the compass and register given.
fn workbook(compass: &str, register: &str) -> tempfile::TempDir {
    let tmp = empty_dir();
    let dir = tmp.path();
    run(dir, &["init", "--title", "Records"]).assert_code(0);
    run(
        dir,
        &["new", "population", "ms", "--name", "People with MS"],
    )
    .assert_code(0);
    persona(dir, "asa", "Åsa", "Recently diagnosed", 40.0);
    persona(dir, "per", "Per", "Progressive MS", 60.0);
    write(
        &dir.join(POP).join("process-map.toml"),
        "[[step]]\nid = \"diagnosis\"\ntitle = \"Diagnosis\"\ncoproduction = \"none\"\nopportunity = \"A letter\"\npersonas = [\"asa\"]\n\n\
         [[step]]\nid = \"home-care\"\ntitle = \"Home care\"\ncoproduction = \"none\"\nopportunity = \"A plan\"\npersonas = [\"per\"]\n",
    );
    write(&dir.join(POP).join("value-compass.toml"), compass);
    write(&dir.join(POP).join("improvements.toml"), register);
    tmp
}

fn persona(dir: &Path, slug: &str, name: &str, segment: &str, share: f64) {
    write(
        &dir.join(POP).join("personas").join(format!("{slug}.md")),
        format!(
            "---\nname: {name}\nkind: patient\nsegment: \"{segment}\"\nfigures:\n  share_percent: {share}\ncomposite: true\n---\n\n{name} is a composite of several people.\n"
        ),
    );
}

/// A measure with values on the dates given.
fn measure(head: &str, dates: &[&str]) -> String {
    let mut text = format!(
        "[[measure]]\n{head}\ndefinition = \"Who is counted, how, and over what period.\"\n"
    );
    for (i, d) in dates.iter().enumerate() {
        text.push_str(&format!(
            "\n[[measure.value]]\ndate = {d}\nvalue = {}\n",
            10 + i
        ));
    }
    text.push('\n');
    text
}

/// An outcome measure in each quadrant, so that the compass itself is complete.
fn compass_with(extra: &str) -> String {
    let mut text = String::new();
    for q in ["functional", "clinical", "satisfaction", "costs"] {
        text.push_str(&measure(
            &format!("id = \"{q}-m\"\nquadrant = \"{q}\"\nname = \"The {q} measure\""),
            &["2026-10-31", "2026-11-30"],
        ));
    }
    text.push_str(extra);
    text
}

fn improvement(id: &str, title: &str, body: &str, statuses: &[(&str, &str)]) -> String {
    let mut text = format!("[[improvement]]\nid = \"{id}\"\ntitle = \"{title}\"\n{body}\n");
    for (state, date) in statuses {
        text.push_str(&format!(
            "\n[[improvement.status]]\nstate = \"{state}\"\ndate = {date}\n"
        ));
    }
    text.push('\n');
    text
}

fn check(dir: &Path) -> Vec<Found> {
    let (run, report) = check_json(dir, &[]);
    run.assert_no_panic("check");
    findings(&report)
}

fn codes_of<'a>(found: &'a [Found], codes: &[&str]) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| codes.contains(&f.code.as_str()))
        .collect()
}

#[test]
fn process_and_balancing_measures_are_checked_and_shown_in_their_own_groups() {
    let extra = measure(
        "id = \"tests-on-time\"\nkind = \"process\"\nname = \"Safety tests taken on time\"\nfrequency = \"monthly\"",
        &["2026-09-30", "2026-10-31", "2026-11-30"],
    ) + &measure(
        "id = \"days-without\"\nkind = \"balancing\"\nname = \"Days without medicine\"",
        &["2026-10-31", "2026-11-30"],
    );
    let tmp = workbook(&compass_with(&extra), "");
    let dir = tmp.path();
    let found = check(dir);
    assert!(
        codes_of(
            &found,
            &[
                "CV003", "CV005", "CV006", "CV024", "CV025", "CV052", "CV053"
            ]
        )
        .is_empty(),
        "no quadrant needed, the compass limits count outcome measures only: {found:?}"
    );

    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_code(0);
    let html = read(&dir.join("out/full.html"));
    let process = html
        .find(">Process measures</h4>")
        .expect("a heading for process measures");
    let balancing = html
        .find(">Balancing measures</h4>")
        .expect("a heading for balancing measures");
    assert!(process < balancing);
    assert!(
        html.contains("such as safety tests taken on time"),
        "what a process measure is"
    );
    assert!(
        html.contains("such as days without medicine"),
        "what a balancing measure is"
    );
    let tests = html[process..]
        .find("Safety tests taken on time")
        .map(|i| i + process);
    assert!(
        tests.is_some_and(|t| t < balancing),
        "the process measure is in its group"
    );
    assert!(
        html.contains("(monthly)"),
        "the frequency is shown with the measure"
    );
    let compass_table = &html[..process];
    assert!(
        !compass_table.contains("Other (quadrant not in the guide)"),
        "a process measure is not an outcome measure of an unknown quadrant"
    );

    run(
        dir,
        &[
            "render",
            "--form",
            "full",
            "--format",
            "md",
            "-o",
            "out/full.md",
        ],
    )
    .assert_code(0);
    let md = read(&dir.join("out/full.md"));
    assert!(
        md.contains("**Process measures**") && md.contains("**Balancing measures**"),
        "{md}"
    );
    assert!(
        md.contains("Safety tests taken on time** (monthly)"),
        "{md}"
    );
}

#[test]
fn a_measure_whose_kind_and_quadrant_disagree_is_told_so() {
    let extra = measure(
        "id = \"no-quadrant\"\nname = \"Fewer relapses\"",
        &["2026-11-30"],
    ) + &measure(
        "id = \"tests-on-time\"\nkind = \"process\"\nquadrant = \"clinical\"\nname = \"Safety tests taken on time\"",
        &["2026-11-30"],
    ) + &measure(
        "id = \"odd\"\nkind = \"structure\"\nquadrant = \"clinical\"\nname = \"Odd\"",
        &["2026-11-30"],
    );
    let tmp = workbook(&compass_with(&extra), "");
    let dir = tmp.path();
    let (run, report) = check_json(dir, &[]);
    run.assert_code(1);
    let found = findings(&report);
    let file = dir.join(POP).join("value-compass.toml");
    let kinds = with_code(&found, "CV053");
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    let outcome = kinds
        .iter()
        .find(|f| f.message.contains("Fewer relapses"))
        .expect("the outcome measure without quadrant");
    assert_eq!(outcome.severity, "error");
    assert_eq!(outcome.line, Some(line_of(&file, "id = \"no-quadrant\"")));
    assert!(
        outcome
            .help
            .as_deref()
            .is_some_and(|h| h.contains("kind = \"process\""))
    );
    let process = kinds
        .iter()
        .find(|f| f.message.contains("Safety tests taken on time"))
        .expect("the process measure with a quadrant");
    assert_eq!(process.severity, "warning");
    assert!(
        with_code(&found, "CV005")
            .iter()
            .any(|f| f.message.contains("\"structure\"")),
        "a kind that is not outcome, process or balancing: {found:?}"
    );
}

#[test]
fn an_improvement_for_a_persona_on_none_of_its_steps_is_a_warning() {
    let compass = compass_with("");
    let consistent = improvement(
        "letter",
        "A plain-language letter",
        "cluster = \"education\"\nsteps = [\"diagnosis\"]\npersonas = [\"asa\"]",
        &[("idea", "2026-11-01")],
    );
    let tmp = workbook(&compass, &consistent);
    assert!(with_code(&check(tmp.path()), "CV049").is_empty());

    let wrong = improvement(
        "letter",
        "A plain-language letter",
        "cluster = \"education\"\nsteps = [\"diagnosis\"]\npersonas = [\"asa\", \"per\"]",
        &[("idea", "2026-11-01")],
    );
    let tmp = workbook(&compass, &wrong);
    let found = check(tmp.path());
    let cv049 = with_code(&found, "CV049");
    assert_eq!(cv049.len(), 1, "{found:?}");
    let f = cv049[0];
    assert_eq!(f.severity, "warning");
    assert!(
        f.message.contains("\"A plain-language letter\"")
            && f.message.contains("Per (`per`)")
            && f.message.contains("\"Diagnosis\""),
        "names the improvement, the persona and the steps: {}",
        f.message
    );
    let file = tmp.path().join(POP).join("improvements.toml");
    assert_eq!(f.file.as_deref(), Some("populations/ms/improvements.toml"));
    assert_eq!(
        f.line,
        Some(line_of(&file, "personas = [\"asa\", \"per\"]"))
    );
    assert_eq!(f.column, Some(20), "at `per` in the list");
}

#[test]
fn an_adopted_improvement_with_no_value_since_it_started_is_a_warning() {
    let compass = compass_with("");
    let statuses = [("testing", "2026-11-01"), ("adopted", "2026-11-20")];
    // The clinical measure has a value on 2026-11-30, after the start.
    let measured = improvement(
        "plan",
        "A care plan",
        "cluster = \"system-redesign\"\nsteps = [\"home-care\"]\nmeasures = [\"clinical-m\"]",
        &statuses,
    );
    let tmp = workbook(&compass, &measured);
    assert!(with_code(&check(tmp.path()), "CV050").is_empty());

    let unmeasured = improvement(
        "plan",
        "A care plan",
        "cluster = \"system-redesign\"\nsteps = [\"home-care\"]\nmeasures = [\"clinical-m\"]",
        &[("testing", "2026-12-01"), ("adopted", "2026-12-02")],
    ) + &improvement(
        "no-measure",
        "A phone line",
        "cluster = \"system-redesign\"",
        &[("adopted", "2026-12-02")],
    );
    let tmp = workbook(&compass, &unmeasured);
    let found = check(tmp.path());
    let cv050 = with_code(&found, "CV050");
    assert_eq!(cv050.len(), 2, "{found:?}");
    assert!(cv050.iter().all(|f| f.severity == "warning"));
    let plan = cv050
        .iter()
        .find(|f| f.message.contains("\"A care plan\""))
        .expect("the care plan");
    assert!(
        plan.message.contains("\"The clinical measure\"") && plan.message.contains("2026-12-01"),
        "names its measures and the day it started: {}",
        plan.message
    );
    let file = tmp.path().join(POP).join("improvements.toml");
    assert_eq!(plan.line, Some(line_of(&file, "date = 2026-12-02")));
    assert!(
        cv050
            .iter()
            .any(|f| f.message.contains("\"A phone line\"")
                && f.message.contains("names no measure"))
    );
}

#[test]
fn persona_shares_over_the_whole_population_are_a_warning() {
    let compass = compass_with("");
    // 40 % and 60 %: the whole population.
    let tmp = workbook(&compass, "");
    assert!(with_code(&check(tmp.path()), "CV051").is_empty());
    // A third persona of Per's segment stands for the same people: counted once.
    persona(tmp.path(), "pia", "Pia", "progressive MS ", 55.0);
    assert!(with_code(&check(tmp.path()), "CV051").is_empty());
    // A third segment of 30 % makes 130 %.
    persona(tmp.path(), "bo", "Bo", "Stable on therapy", 30.0);
    let found = check(tmp.path());
    let cv051 = with_code(&found, "CV051");
    assert_eq!(cv051.len(), 1, "{found:?}");
    assert_eq!(cv051[0].severity, "warning");
    assert!(
        cv051[0].message.contains("130 %")
            && cv051[0].message.contains("Åsa (40 %)")
            && cv051[0].message.contains("Bo (30 %)"),
        "{}",
        cv051[0].message
    );
    assert!(
        cv051[0]
            .file
            .as_deref()
            .is_some_and(|f| f.starts_with("populations/ms/personas/")),
        "{cv051:?}"
    );
}

#[test]
fn values_that_do_not_come_as_often_as_the_stated_frequency_are_a_warning() {
    let monthly = [
        "2026-06-30",
        "2026-07-31",
        "2026-08-31",
        "2026-09-30",
        "2026-10-31",
    ];
    let consistent = measure(
        "id = \"survey\"\nkind = \"process\"\nname = \"Survey answers\"\nfrequency = \"monthly\"",
        &monthly,
    ) + &measure(
        // One late value among quarterly ones is no contradiction.
        "id = \"quarterly\"\nkind = \"process\"\nname = \"Quarterly audit\"\nfrequency = \"quarterly\"",
        &["2026-01-31", "2026-04-30", "2026-07-31", "2026-11-30"],
    );
    let tmp = workbook(&compass_with(&consistent), "");
    assert!(with_code(&check(tmp.path()), "CV052").is_empty());

    let wrong = measure(
        "id = \"survey\"\nkind = \"process\"\nname = \"Yearly survey\"\nfrequency = \"yearly\"",
        &monthly,
    ) + &measure(
        "id = \"weekly\"\nkind = \"process\"\nname = \"Weekly count\"\nfrequency = \"weekly\"",
        &["2026-06-30", "2026-08-31", "2026-10-31"],
    );
    let tmp = workbook(&compass_with(&wrong), "");
    let found = check(tmp.path());
    let cv052 = with_code(&found, "CV052");
    assert_eq!(cv052.len(), 2, "{found:?}");
    let yearly = cv052
        .iter()
        .find(|f| f.message.contains("\"Yearly survey\""))
        .expect("the yearly survey");
    assert!(
        yearly.message.contains("come more often"),
        "{}",
        yearly.message
    );
    assert!(
        yearly
            .help
            .as_deref()
            .is_some_and(|h| h.contains("182 to 547 days"))
    );
    let file = tmp.path().join(POP).join("value-compass.toml");
    assert_eq!(yearly.line, Some(line_of(&file, "id = \"survey\"")));
    assert!(
        cv052
            .iter()
            .any(|f| f.message.contains("\"Weekly count\"") && f.message.contains("less often"))
    );
}

#[test]
fn an_improvement_may_name_several_clusters_and_is_shown_under_each() {
    let register = improvement(
        "letter",
        "A plain-language letter",
        "cluster = [\"education\", \"measurement\"]\nsteps = [\"diagnosis\"]",
        &[("testing", "2026-11-01")],
    ) + &improvement(
        "plan",
        "A care plan",
        "cluster = \"system-redesign\"\nsteps = [\"home-care\"]",
        &[("idea", "2026-11-01")],
    );
    let tmp = workbook(&compass_with(""), &register);
    let dir = tmp.path();
    let found = check(dir);
    assert!(
        codes_of(&found, &["CV003", "CV004", "CV005", "CV006"]).is_empty(),
        "one string or a list: {found:?}"
    );
    run(
        dir,
        &["render", "--form", "register", "-o", "out/register.html"],
    )
    .assert_code(0);
    let html = read(&dir.join("out/register.html"));
    for title in [
        "Education of professionals and the public",
        "Measurement of good healthcare service",
        "Healthcare system redesign",
    ] {
        assert!(html.contains(title), "the seed's title {title:?}");
    }
    assert_eq!(
        html.matches("A plain-language letter").count(),
        2,
        "under each of its clusters"
    );
    let html = common::serve::without_isolation(&html);
    assert!(html.contains("also under Measurement of good healthcare service"));
    assert!(
        html.contains(
            "Cocreating healthcare service well requires new skills, new knowledge and new dispositions for health professionals and for patients."
        ) && html.contains("published wording, batalden2016"),
        "the seed's description, marked as its wording"
    );

    // A cluster the guide lacks, in a list, and an empty list.
    let register = improvement(
        "letter",
        "A letter",
        "cluster = [\"education\", \"edukation\"]",
        &[],
    ) + &improvement("plan", "A plan", "cluster = []", &[]);
    write(&dir.join(POP).join("improvements.toml"), &register);
    let (run, report) = check_json(dir, &[]);
    run.assert_code(1);
    let found = findings(&report);
    let file = dir.join(POP).join("improvements.toml");
    assert!(
        with_code(&found, "CV005").iter().any(|f| f
            .message
            .contains("`improvement[1].cluster[2]`")
            && f.help
                .as_deref()
                .is_some_and(|h| h.contains("did you mean \"education\""))
            && f.line == Some(line_of(&file, "edukation"))),
        "{found:?}"
    );
    assert!(
        with_code(&found, "CV004")
            .iter()
            .any(|f| f.message.contains("`improvement[2].cluster`")),
        "{found:?}"
    );
}

#[test]
fn hostile_kinds_frequencies_clusters_and_shares_are_reported_not_obeyed() {
    let extra = measure(
        "id = \"odd-kind\"\nkind = 3\nquadrant = \"clinical\"\nname = \"Odd kind\"\nfrequency = \"daily\"",
        &["2026-11-30", "2026-11-30", "2026-11-30"],
    ) + &measure(
        "id = \"gap\"\nkind = \"process\"\nname = \"Weekly\u{202e} reversed\"\nfrequency = \"weekly\"",
        &["2026-09-30", "2026-11-30"],
    );
    let register = improvement("a", "A", "cluster = [1, { x = 2 }]", &[])
        + &improvement("b", "B", "cluster = { education = true }", &[])
        + &improvement("c", "C", "cluster = [\"education\", \"education\"]", &[]);
    let tmp = workbook(&compass_with(&extra), &register);
    let dir = tmp.path();
    persona(dir, "nan", "Nan", "Not a number", f64::NAN);
    write(
        &dir.join(POP).join("personas/nan.md"),
        read(&dir.join(POP).join("personas/nan.md")).replace("NaN", ".nan"),
    );
    let (run, report) = check_json(dir, &[]);
    run.assert_code(1);
    let found = findings(&report);
    let wrong_type = with_code(&found, "CV004");
    for path in [
        "`improvement[1].cluster[1]`",
        "`improvement[1].cluster[2]`",
        "`improvement[2].cluster`",
        "`measure[5].kind`",
    ] {
        assert!(
            wrong_type.iter().any(|f| f.message.contains(path)),
            "{path}: {found:?}"
        );
    }
    assert!(
        with_code(&found, "CV005")
            .iter()
            .any(|f| f.message.contains("`measure[5].frequency` is \"daily\"")),
        "{found:?}"
    );
    let cv052 = with_code(&found, "CV052");
    assert_eq!(
        cv052.len(),
        1,
        "values all on one day have no interval to judge: {found:?}"
    );
    assert!(cv052[0].message.contains("less often"), "{cv052:?}");
    assert!(
        with_code(&found, "CV051").is_empty(),
        "a share that is not a number adds nothing: {found:?}"
    );
    // The human report shows the bidi override instead of obeying it.
    let human = common::covalue(dir)
        .args(["check", "--color", "never"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("reversed") && !text.contains('\u{202e}'),
        "{text}"
    );

    // Every report is still made; the odd measures are shown, nothing breaks.
    let out = common::covalue(dir)
        .args(["render", "--form", "full", "-o", "out/full.html"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = read(&dir.join("out/full.html"));
    assert!(html.contains("Odd kind") && html.contains("reversed"));
}

/// `covalue serve`: a process measure is added with its kind and frequency
/// and no quadrant, and the population's page shows it under its heading;
/// an improvement saved with two clusters ticked writes a list.
#[cfg(unix)]
#[test]
fn serve_adds_a_process_measure_and_an_improvement_in_two_clusters() {
    use common::serve::{Served, encode, signed_in};
    let tmp = workbook(&compass_with(""), "");
    let dir = tmp.path();
    let compass_file = dir.join(POP).join("value-compass.toml");
    let register_file = dir.join(POP).join("improvements.toml");
    let compass = read(&compass_file);
    let served = Served::start(dir, &[]);
    let page = signed_in(&served, "GET", "/p/ms/new/measure", "").1;
    assert!(
        page.contains("name=\"kind\"") && page.contains("name=\"frequency\""),
        "the kind and the frequency are fields of the form"
    );
    let key = "name=\"csrf\" value=\"";
    let at = page.find(key).expect("csrf") + key.len();
    let csrf = page[at..at + page[at..].find('"').expect("end")].to_string();
    let post = |path: &str, fields: &[(&str, &str)]| {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        signed_in(&served, "POST", path, &encode(&all))
    };
    let (status, body) = post(
        "/p/ms/new/measure",
        &[
            ("id", "tests-on-time"),
            ("name", "Safety tests taken on time"),
            ("kind", "process"),
            ("quadrant", ""),
            ("frequency", "monthly"),
            ("definition", "Tests taken within a week of the due date."),
        ],
    );
    assert_eq!(status, 303, "{body}");
    let written = read(&compass_file);
    let added = written
        .strip_prefix(compass.as_str())
        .expect("added at the end");
    assert!(
        added.contains("kind = \"process\"")
            && added.contains("frequency = \"monthly\"")
            && !added.contains("quadrant"),
        "{added}"
    );
    let (_, page) = signed_in(&served, "GET", "/p/ms", "");
    let heading = page
        .find(">Process measures</h3>")
        .expect("a heading for process measures");
    assert!(
        page[heading..].contains("Safety tests taken on time (monthly)"),
        "{page}"
    );
    assert!(page.contains("such as safety tests taken on time"));

    let (status, body) = post(
        "/p/ms/new/improvement",
        &[
            ("id", "letter"),
            ("title", "A letter"),
            ("cluster", "education"),
            ("cluster", "measurement"),
            ("state", "idea"),
            ("date", "2026-12-01"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    assert!(
        read(&register_file).contains("cluster = [\"education\", \"measurement\"]"),
        "{}",
        read(&register_file)
    );
    // No cluster ticked: refused, nothing written.
    let before = read(&register_file);
    let (status, body) = post(
        "/p/ms/new/improvement",
        &[
            ("id", "none"),
            ("title", "None"),
            ("state", "idea"),
            ("date", "2026-12-01"),
        ],
    );
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("tick at least one"), "{body}");
    assert_eq!(read(&register_file), before);
    let (_, page) = signed_in(&served, "GET", "/p/ms/improvements", "");
    assert!(
        page.contains(
            "Education of professionals and the public; Measurement of good healthcare service"
        ),
        "the improvements page names both clusters"
    );
}

#[test]
fn new_improvement_takes_several_clusters() {
    let tmp = workbook(&compass_with(""), "");
    let dir = tmp.path();
    let register = dir.join(POP).join("improvements.toml");
    run(
        dir,
        &[
            "new",
            "improvement",
            "ms",
            "letter",
            "--title",
            "A letter",
            "--cluster",
            "education",
            "--cluster",
            "measurement",
            "--step",
            "diagnosis",
        ],
    )
    .assert_code(0);
    assert!(
        read(&register).contains("cluster = [\"education\", \"measurement\"]"),
        "{}",
        read(&register)
    );
    run(
        dir,
        &[
            "new",
            "improvement",
            "ms",
            "plan",
            "--title",
            "A plan",
            "--cluster",
            "education",
        ],
    )
    .assert_code(0);
    assert!(read(&register).contains("cluster = \"education\"\n"));
    let found = check(dir);
    assert!(
        codes_of(&found, &["CV003", "CV004", "CV005", "CV006"]).is_empty(),
        "{found:?}"
    );
    let before = read(&register);
    let refused = run(
        dir,
        &[
            "new",
            "improvement",
            "ms",
            "odd",
            "--title",
            "Odd",
            "--cluster",
            "education",
            "--cluster",
            "edukation",
        ],
    );
    refused.assert_code(2);
    assert_eq!(read(&register), before, "nothing written");
}

#[test]
fn diff_and_the_session_pack_show_the_kind_of_a_measure() {
    let extra = measure(
        "id = \"tests-on-time\"\nkind = \"process\"\nname = \"Safety tests taken on time\"\nfrequency = \"monthly\"",
        &["2026-09-30", "2026-10-31", "2026-11-30"],
    );
    let tmp = workbook(&compass_with(&extra), "");
    let dir = tmp.path();
    let home = tempfile::tempdir().expect("home");
    common::git(home.path(), dir, &["init", "-q"]);
    common::git(home.path(), dir, &["add", "-A"]);
    common::git(home.path(), dir, &["commit", "-q", "-m", "before"]);

    // The pack's run charts: outcome measures first, then the process
    // measure under its heading.
    run(dir, &["session", "new", "--date", "2026-12-03"]).assert_code(0);
    run(dir, &["session", "pack", "-o", "out/pack.html"]).assert_code(0);
    let pack = common::serve::without_isolation(&read(&dir.join("out/pack.html")));
    let over_time = pack.find("Measures over time").expect("run charts");
    let heading = pack[over_time..]
        .find("<h4>Process measures</h4>")
        .map(|i| i + over_time)
        .expect("the process measures' heading among the run charts");
    assert!(pack[heading..].contains("Safety tests taken on time:"));
    assert!(!pack[over_time..heading].contains("Safety tests taken on time:"));

    // A measure becomes a balancing measure, another is added as one.
    let file = dir.join(POP).join("value-compass.toml");
    let text = read(&file).replacen(
        "kind = \"process\"\nname = \"Safety tests taken on time\"",
        "kind = \"balancing\"\nname = \"Safety tests taken on time\"",
        1,
    ) + &measure(
        "id = \"days-without\"\nkind = \"balancing\"\nname = \"Days without medicine\"",
        &["2026-11-30"],
    );
    write(&file, text);
    let out = common::covalue(dir)
        .env("HOME", home.path())
        .args(["diff", "HEAD", "--color", "never"])
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Days without medicine"), "{shown}");
    assert!(shown.contains("a balancing measure"), "{shown}");
    assert!(
        shown.contains("process") && shown.contains("balancing") && shown.contains("kind"),
        "the kind's change: {shown}"
    );
}
