//! Two numbers and a name the pages must get right. An answered question in
//! whose answer `check` finds an error or a warning (a likely personal
//! identifier, a comment never closed) counts "with problems", not
//! answered, in the full form (HTML and Markdown), the session pack and the
//! served pages, and goes back to answered once fixed; a problem outside
//! every answer counts against none. A role is shown by the guide's title in
//! the guide's language: a site's guide that renames a role sees its own
//! title on the pack's attendance, the served record pages and the full
//! form, a role it leaves out is worded by the page's catalogue, and the
//! built-in Swedish guide shows its Swedish titles.

mod common;

use std::path::Path;

use common::serve::{Served, signed_in};
use common::{check_json, empty_dir, read, run, write};

const PREPARATION: &str = "populations/hf/answers/preparation.md";
const STEP: &str = "Step 1 · Preparation";

/// A workbook with one population, `hf`, and a session record focused on
/// Step 1 with the attendees given (`[[attendees]]` tables).
fn workbook(dir: &Path, init: &[&str], attendees: &str) {
    let mut args = vec!["init", "--title", "Counts"];
    args.extend_from_slice(init);
    run(dir, &args).assert_code(0);
    run(dir, &["new", "population", "hf", "--name", "Heart failure"]).assert_code(0);
    write(
        &dir.join("sessions/2026-12-10-team.toml"),
        format!(
            "date = 2026-12-10\ntitle = \"Getting ready\"\nfocus = [\"preparation\"]\n{attendees}"
        ),
    );
}

/// Writes `text` under the heading of `question` in Step 1's answer file
/// (after its scaffolded prompt).
fn answer(dir: &Path, question: &str, text: &str) {
    let path = dir.join(PREPARATION);
    let file = read(&path);
    let heading = file
        .find(&format!("{{#{question}}}"))
        .unwrap_or_else(|| panic!("no heading {question}"));
    let prompt_end = heading + file[heading..].find("-->").expect("the prompt") + 3;
    let mut changed = file.clone();
    changed.insert_str(prompt_end, &format!("\n\n{text}\n"));
    write(&path, changed);
}

/// Puts `text` in the file's introduction, above every question.
fn introduction(dir: &Path, text: &str) {
    let path = dir.join(PREPARATION);
    let file = read(&path);
    let first = file.find("\n## ").expect("a question heading");
    let mut changed = file.clone();
    changed.insert_str(first, &format!("\n{text}\n"));
    write(&path, changed);
}

/// The text of an HTML fragment without its tags, whitespace collapsed.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cells (`<th …>` and `<td …>`) of an HTML fragment, as plain text.
fn cells(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    loop {
        let next = ["<th ", "<th>", "<td ", "<td>"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let Some(at) = next else { return out };
        let cell = &rest[at..];
        let open = cell.find('>').map_or(cell.len(), |i| i + 1);
        let close = cell[open..].find("</t").map_or(cell.len(), |i| open + i);
        out.push(plain(&cell[open..close]));
        rest = &cell[close..];
    }
}

/// The cell of the HTML table that starts with `table` (its opening tag)
/// in the row headed `row`, under the column headed `column`.
fn html_cell(html: &str, table: &str, row: &str, column: &str) -> String {
    let start = html
        .find(table)
        .unwrap_or_else(|| panic!("no table {table}"));
    let body = &html[start..];
    let body = &body[..body.find("</table>").expect("the table's end")];
    let head = &body[..body.find("</thead>").expect("a head row")];
    let columns = cells(head);
    let at = columns
        .iter()
        .position(|c| c == column)
        .unwrap_or_else(|| panic!("no column {column:?} in {columns:?}"));
    let rows: Vec<Vec<String>> = body
        .split("<tr")
        .skip(1)
        .map(|r| cells(&format!("<tr{r}")))
        .collect();
    let found = rows
        .iter()
        // (a step in focus is tagged so after its heading)
        .find(|r| {
            r.first()
                .is_some_and(|c| c == row || c.starts_with(&format!("{row} ")))
        })
        .unwrap_or_else(|| panic!("no row {row:?} in {rows:?}"));
    found
        .get(at)
        .cloned()
        .unwrap_or_else(|| panic!("row {found:?} has no column {at}"))
}

/// The count after `label` on the pack's line for the step in focus `step`
/// (the pack lists each step's counts on one line: "Step 1 · …: Answered 2 · …").
fn focus_count(html: &str, step: &str, label: &str) -> String {
    let start = html
        .find("<ul class=\"focus-counts\">")
        .unwrap_or_else(|| panic!("no counts of the steps in focus"));
    let list = &html[start..];
    let list = &list[..list.find("</ul>").unwrap_or(list.len())];
    let item = list
        .split("<li>")
        .find(|li| li.starts_with(&format!("<strong>{step}</strong>")))
        .unwrap_or_else(|| panic!("no line for {step:?} in {list}"));
    let mut text = String::new();
    let mut in_tag = false;
    for c in item.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let after = text
        .split(" · ")
        .find_map(|part| {
            part.trim()
                .rsplit_once(' ')
                .filter(|(l, _)| l.ends_with(label))
        })
        .unwrap_or_else(|| panic!("no count {label:?} in {text:?}"));
    after.1.to_string()
}

/// The cell of the Markdown table holding `row` under `column`.
fn markdown_cell(md: &str, row: &str, column: &str) -> String {
    let split = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let lines: Vec<&str> = md.lines().collect();
    let head = lines
        .iter()
        .position(|l| l.starts_with('|') && split(l).iter().any(|c| c == column))
        .unwrap_or_else(|| panic!("no column {column:?}:\n{md}"));
    let at = split(lines[head])
        .iter()
        .position(|c| c == column)
        .unwrap_or_default();
    let found = lines[head..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .map(|l| split(l))
        .find(|cells| cells.first().is_some_and(|c| c == row))
        .unwrap_or_else(|| panic!("no row {row:?}:\n{md}"));
    found.get(at).cloned().unwrap_or_default()
}

/// Answered and with problems, as each page counts them: the full form in
/// HTML (the workbook's and the population's tables) and Markdown, the
/// pack's table of the steps in focus, and the served home and population
/// pages.
fn counts_on_every_page(dir: &Path, served: &Served) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_no_panic("render");
    let html = read(&dir.join("out/full.html"));
    let workbook_table = "<table class=\"summary-table\">";
    let steps_table = "<table class=\"summary-table keep\">";
    for (page, table, row) in [
        ("full form", workbook_table, "Heart failure"),
        ("full form, steps", steps_table, STEP),
    ] {
        out.push((
            page,
            html_cell(&html, table, row, "Answered"),
            html_cell(&html, table, row, "With problems"),
        ));
    }
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
    .assert_no_panic("render md");
    let md = read(&dir.join("out/full.md"));
    out.push((
        "full form, Markdown",
        markdown_cell(&md, "Heart failure", "Answered"),
        markdown_cell(&md, "Heart failure", "With problems"),
    ));
    run(dir, &["session", "pack", "-o", "out/pack.html"]).assert_no_panic("pack");
    let pack = read(&dir.join("out/pack.html"));
    out.push((
        "session pack",
        focus_count(&pack, STEP, "Answered"),
        focus_count(&pack, STEP, "With problems"),
    ));
    let (status, home) = signed_in(served, "GET", "/", "");
    assert_eq!(status, 200, "{home}");
    let pops = "<table class=\"pops\">";
    out.push((
        "served home",
        html_cell(&home, pops, "Heart failure", "Answered"),
        html_cell(&home, pops, "Heart failure", "With problems"),
    ));
    let (status, population) = signed_in(served, "GET", "/p/hf", "");
    assert_eq!(status, 200, "{population}");
    let steps = "<table class=\"steps\">";
    out.push((
        "served population",
        html_cell(&population, steps, STEP, "Answered"),
        html_cell(&population, steps, STEP, "With problems"),
    ));
    out
}

#[test]
fn an_answer_holding_a_problem_counts_with_problems_until_it_is_fixed() {
    let tmp = empty_dir();
    let dir = tmp.path();
    workbook(dir, &[], "");
    answer(
        dir,
        "preparation-aim",
        "Fewer readmissions. Ask anna.svensson@regionhalland.se for the figures.",
    );
    answer(dir, "preparation-rhythm", "Monthly, on Tuesdays.");
    let served = Served::start(dir, &[]);

    // `check` finds a likely e-mail address inside the answer to
    // preparation-aim: that answer has problems, the other stands.
    let (checked, report) = check_json(dir, &[]);
    checked.assert_code(1);
    assert!(
        common::with_code(&common::findings(&report), "CV030")
            .iter()
            .any(|f| f.file.as_deref() == Some(PREPARATION)),
        "{report:#}"
    );
    assert_eq!(report["summary"][0]["with_problems"], 1, "{report:#}");
    for (page, answered, problems) in counts_on_every_page(dir, &served) {
        assert_eq!(
            (answered.as_str(), problems.as_str()),
            ("1", "1"),
            "{page}: answered, with problems"
        );
    }

    // The address moved out of every answer, into the file's introduction:
    // `check` still reports it, but no answer holds it.
    let path = dir.join(PREPARATION);
    write(
        &path,
        read(&path).replace(" Ask anna.svensson@regionhalland.se for the figures.", ""),
    );
    introduction(dir, "Contact: anna.svensson@regionhalland.se");
    let (checked, report) = check_json(dir, &[]);
    checked.assert_code(1);
    assert_eq!(report["summary"][0]["with_problems"], 0, "{report:#}");
    for (page, answered, problems) in counts_on_every_page(dir, &served) {
        assert_eq!(
            (answered.as_str(), problems.as_str()),
            ("2", "0"),
            "{page}: answered, with problems"
        );
    }
}

#[test]
fn a_comment_left_open_in_an_answer_counts_it_with_problems_in_the_report() {
    let tmp = empty_dir();
    let dir = tmp.path();
    workbook(dir, &[], "");
    answer(
        dir,
        "preparation-aim",
        "Fewer readmissions.\n\n<!-- the figures are still to come",
    );
    let (_, report) = check_json(dir, &[]);
    assert!(
        common::with_code(&common::findings(&report), "CV046")
            .iter()
            .any(|f| f.file.as_deref() == Some(PREPARATION)),
        "{report:#}"
    );
    // What reading the file finds is what `render` has: no check run.
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
    .assert_no_panic("render md");
    let md = read(&dir.join("out/full.md"));
    assert_eq!(markdown_cell(&md, "Heart failure", "With problems"), "1");
    assert_eq!(markdown_cell(&md, "Heart failure", "Answered"), "0");
}

/// A site's guide: the built-in one with the patient partner renamed, the
/// nurse left out (the built-in role stays usable) and a role of its own
/// whose title is markup with a right-to-left override.
fn site_guide(dir: &Path) {
    let builtin = read(&common::manifest_dir().join("guide/co-value.toml"));
    let renamed = builtin.replace(
        "title = \"Patient partner\"",
        "title = \"Expert by experience\"",
    );
    assert_ne!(
        renamed, builtin,
        "the built-in guide names the patient partner"
    );
    let nurse = "[[role]]\nid = \"nurse\"\ntitle = \"Nurse\"\n";
    let at = renamed.find(nurse).expect("the nurse's role");
    let end = at + renamed[at..].find("\n\n").expect("the role's end") + 2;
    let mut guide = renamed.clone();
    guide.replace_range(at..end, "");
    guide.push_str(&format!(
        "\n[[role]]\nid = \"peer\"\ntitle = \"{HOSTILE_ROLE}\"\ndescription = \"A peer.\"\n"
    ));
    write(&dir.join("guide/site.toml"), guide);
    let config = read(&dir.join("covalue.toml"))
        .replace("guide = \"builtin\"", "guide = \"guide/site.toml\"");
    write(&dir.join("covalue.toml"), config);
}

/// Puts a team roster in the population's file.
fn team(dir: &Path, roles: &[(&str, &str)]) {
    let path = dir.join("populations/hf/population.toml");
    let mut text = read(&path);
    for (role, name) in roles {
        text.push_str(&format!(
            "\n[[team]]\nrole = \"{role}\"\nname = \"{name}\"\n"
        ));
    }
    write(&path, text);
}

/// The attendance rows of a pack: (name, role).
fn attendance(pack: &str) -> Vec<(String, String)> {
    let start = pack
        .find("<section class=\"attendance\">")
        .expect("attendance");
    let sheet = &pack[start..];
    let body = &sheet[sheet.find("<tbody>").expect("rows")..sheet.find("</tbody>").expect("end")];
    body.split("<tr")
        .skip(1)
        .map(|r| cells(&format!("<tr{r}")))
        .filter(|c| c.first().is_some_and(|n| !n.is_empty()))
        .map(|c| (c[0].clone(), c.get(1).cloned().unwrap_or_default()))
        .collect()
}

const ATTENDEES: &str = "\n[[attendees]]\nname = \"Maria\"\nrole = \"patient-partner\"\n\n[[attendees]]\nname = \"Olle\"\nrole = \"nurse\"\n\n[[attendees]]\nname = \"Pia\"\nrole = \"peer\"\n";

/// A role title that would run a script, if a page obeyed it.
const HOSTILE_ROLE: &str = "<script>alert(1)</script>Peer\\u202e";

#[test]
fn a_sites_guide_names_its_roles_on_the_pack_the_served_records_and_the_form() {
    let tmp = empty_dir();
    let dir = tmp.path();
    workbook(dir, &[], ATTENDEES);
    site_guide(dir);
    team(
        dir,
        &[
            ("patient-partner", "Two patients"),
            ("nurse", "Heart failure nurse"),
        ],
    );
    run(dir, &["check"]).assert_no_panic("check");

    run(dir, &["session", "pack", "-o", "out/pack.html"]).assert_no_panic("pack");
    let pack = read(&dir.join("out/pack.html"));
    let rows = attendance(&pack);
    assert_eq!(
        rows[..2],
        [
            ("Maria".to_string(), "Expert by experience".to_string()),
            // The site's guide has no nurse: the page's own word for it.
            ("Olle".to_string(), "Nurse".to_string()),
        ]
    );
    // The markup of a title is text on the page, never a script.
    assert!(
        !pack.contains("<script>alert"),
        "a role's title ran as markup"
    );
    assert!(
        rows.get(2)
            .is_some_and(|(name, role)| name == "Pia" && role.starts_with("&lt;script&gt;alert(1)")),
        "{rows:?}"
    );
    let note = &pack[pack
        .find("<section class=\"attendance\">")
        .expect("attendance")..];
    assert!(
        plain(&note[..note.find("</p>").expect("note")]).contains("Expert by experience"),
        "the roles' note names the site's roles"
    );
    assert!(
        !pack.contains("patient-partner</td>"),
        "a role shown by its id"
    );
    run(
        dir,
        &["session", "pack", "--format", "md", "-o", "out/pack.md"],
    )
    .assert_no_panic("pack md");
    let md = read(&dir.join("out/pack.md"));
    assert!(md.contains("| Maria | Expert by experience |"), "{md}");

    // In Swedish, the site's (English) guide keeps its own title; the
    // nurse it leaves out is worded in Swedish.
    run(
        dir,
        &["--lang", "sv", "session", "pack", "-o", "out/pack-sv.html"],
    )
    .assert_no_panic("pack sv");
    let sv = read(&dir.join("out/pack-sv.html"));
    assert_eq!(
        attendance(&sv)[..2],
        [
            ("Maria".to_string(), "Expert by experience".to_string()),
            ("Olle".to_string(), "Sjuksköterska".to_string()),
        ]
    );

    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_no_panic("render");
    let full = plain(&read(&dir.join("out/full.html")));
    assert!(
        full.contains("Expert by experience: Two patients"),
        "{full}"
    );

    let served = Served::start(dir, &[]);
    let (status, about) = signed_in(&served, "GET", "/p/hf/about", "");
    assert_eq!(status, 200, "{about}");
    let roster = plain(&about);
    assert!(
        roster.contains("Expert by experience Two patients"),
        "{roster}"
    );
    assert!(
        about.contains("<option value=\"patient-partner\">Expert by experience</option>"),
        "the role's choice by its title"
    );
    let (status, session) = signed_in(&served, "GET", "/session/2026-12-10-team", "");
    assert_eq!(status, 200, "{session}");
    assert!(!session.contains("<script>alert") && !about.contains("<script>alert"));
    assert!(
        plain(&session).contains("Maria Expert by experience"),
        "{}",
        plain(&session)
    );
}

#[test]
fn the_swedish_guide_names_the_roles_in_swedish() {
    let tmp = empty_dir();
    let dir = tmp.path();
    workbook(
        dir,
        &["--language", "sv"],
        "\n[[attendees]]\nname = \"Eva\"\nrole = \"facilitator\"\n",
    );
    team(
        dir,
        &[("facilitator", "Eva"), ("community-member", "Föreningen")],
    );
    run(dir, &["session", "pack", "-o", "out/pack.html"]).assert_no_panic("pack");
    let pack = read(&dir.join("out/pack.html"));
    // The guide's Swedish title, not the catalogue's word for the role.
    assert_eq!(
        attendance(&pack),
        vec![("Eva".to_string(), "Processledare".to_string())]
    );
    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_no_panic("render");
    let full = plain(&read(&dir.join("out/full.html")));
    assert!(full.contains("Processledare: Eva"), "{full}");
    assert!(full.contains("Företrädare för lokalsamhället: Föreningen"));
    assert!(!full.contains("Samtalsledare"));

    // A site's own Swedish wording of a role stands over the guide's.
    write(
        &dir.join("guide/messages.sv.ftl"),
        "role-facilitator = Mötesledare\n",
    );
    run(dir, &["render", "--form", "full", "-o", "out/full.html"]).assert_no_panic("render");
    let full = plain(&read(&dir.join("out/full.html")));
    assert!(full.contains("Mötesledare: Eva"), "{full}");
}
