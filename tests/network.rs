//! `covalue network`: a network folder whose sites are local bare
//! repositories made from the examples (complete, half done, a broken
//! process map), plus an address that cannot be reached and a tag that
//! does not exist. Fetching reports the failures by name and goes on; the
//! report covers the three sites read; nothing in any site's repository
//! changes; hostile content stays escaped and confined.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Run, copy_dir, covalue, git, manifest_dir, run};
use tempfile::TempDir;

/// A network with its sites' bare repositories, in one temporary folder.
struct Fixture {
    tmp: TempDir,
}

impl Fixture {
    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn net(&self) -> PathBuf {
        self.path().join("net")
    }

    /// covalue's cache folder for these tests (`COVALUE_CACHE_DIR`), inside
    /// the temporary folder.
    fn cache(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// The folder of the sites' copies in the network's cache (there is
    /// one network).
    fn cached_sites(&self) -> PathBuf {
        let networks = self.cache().join("networks");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&networks)
            .expect("the cache has a networks folder")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0).join("sites")
    }

    /// Runs `covalue ARGS` in the network folder, with the cache in the
    /// temporary folder.
    fn run(&self, args: &[&str]) -> Run {
        self.run_in(&self.net(), args)
    }

    /// Runs `covalue ARGS` in `dir`, with the cache in the temporary folder.
    fn run_in(&self, dir: &Path, args: &[&str]) -> Run {
        let out = covalue(dir)
            .env("COVALUE_CACHE_DIR", self.cache())
            .args(args)
            .output()
            .expect("covalue could not be started");
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Makes a site: the MS example, changed by `edit`, committed, tagged
    /// v1, and cloned bare into `sites/NAME.git`.
    fn site(&self, name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
        let work = self.path().join("work").join(name);
        copy_dir(&manifest_dir().join("examples/lakeside-ms"), &work);
        edit(&work);
        let home = self.path();
        git(home, &work, &["init", "-q", "-b", "main"]);
        git(home, &work, &["add", "-A"]);
        git(home, &work, &["commit", "-q", "-m", "workbook"]);
        git(home, &work, &["tag", "v1"]);
        let bare = self.path().join("sites").join(format!("{name}.git"));
        std::fs::create_dir_all(self.path().join("sites")).expect("sites folder");
        git(
            home,
            self.path(),
            &[
                "clone",
                "-q",
                "--bare",
                &work.to_string_lossy(),
                &bare.to_string_lossy(),
            ],
        );
        bare
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            files.insert(
                entry.path().to_path_buf(),
                std::fs::read(entry.path()).expect("read"),
            );
        }
    }
    files
}

/// Keeps only the headings of an answer file: its questions are open again.
fn empty_answers(file: &Path) {
    let kept: String = read(file)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n\n"))
        .collect();
    write(file, &kept);
}

/// Three sites (complete, half done with hostile text, broken process
/// map), an address that does not exist and a missing tag.
fn fixture() -> Fixture {
    let f = Fixture {
        tmp: TempDir::new().expect("temporary folder"),
    };
    f.site("complete", |w| {
        let compass = w.join("populations/ms/value-compass.toml");
        let text = read(&compass).replacen(
            "quadrant = \"functional\"",
            "quadrant = \"functional\"\ndomain = \"walking\"",
            1,
        ) + "\n[[measure]]\nid = \"tests-on-time\"\nkind = \"process\"\nname = \"Safety tests taken on time\"\nfrequency = \"monthly\"\ndefinition = \"Tests taken within a week of the due date.\"\n";
        write(&compass, &text);
        // An improvement that touches two clusters of opportunity.
        let register = w.join("populations/ms/improvements.toml");
        let text = read(&register).replacen(
            "cluster = \"edges-redesign\"",
            "cluster = [\"edges-redesign\", \"measurement\"]",
            1,
        );
        write(&register, &text);
    });
    f.site("half", |w| {
        for step in ["access", "assessment", "logic", "interdependence"] {
            empty_answers(&w.join(format!("populations/ms/answers/{step}.md")));
        }
        // An 8-step map: outside the published guidance, which is a warning.
        let map = w.join("populations/ms/process-map.toml");
        let text = read(&map);
        let cut = text
            .match_indices("[[step]]")
            .nth(8)
            .map_or(text.len(), |(i, _)| i);
        write(&map, &text[..cut]);
        std::fs::remove_file(w.join("populations/ms/improvements.toml")).ok();
        let config = w.join("covalue.toml");
        let text = read(&config).replacen(
            "title = \"MS care at Lakeside Regional MS Centre\"",
            "title = \"<script>alert(1)</script><img src=https://example.invalid/x.png> Half\"",
            1,
        );
        write(&config, &text);
    });
    f.site("broken", |w| {
        let map = w.join("populations/ms/process-map.toml");
        let text = read(&map) + "\n[[step]\nid = \n";
        write(&map, &text);
    });
    covalue(f.path())
        .args(["network", "init", "net", "--name", "Community of practice"])
        .assert()
        .success();
    for (name, address, extra) in [
        (
            "complete",
            "../sites/complete.git",
            vec!["--ref", "v1", "--country", "SE"],
        ),
        ("half", "../sites/half.git", vec!["--country", "US"]),
        ("broken", "../sites/broken.git", vec!["--ref", "main"]),
        ("gone", "../sites/nowhere.git", vec![]),
        ("notag", "../sites/complete.git", vec!["--ref", "v9"]),
    ] {
        let mut args = vec!["network", "add", name, address];
        args.extend(extra);
        covalue(&f.net()).args(&args).assert().success();
    }
    let toml = f.net().join("network.toml");
    let text = read(&toml) + "\n[[domain]]\nid = \"walking\"\nname = \"Walking ability\"\n";
    write(&toml, &text);
    f
}

#[test]
fn fetch_reports_failures_by_name_and_the_report_covers_the_sites_read() {
    let f = fixture();
    let repos: Vec<PathBuf> = ["complete", "half", "broken"]
        .iter()
        .map(|n| f.path().join("sites").join(format!("{n}.git")))
        .collect();
    let before: Vec<_> = repos.iter().map(|r| snapshot(r)).collect();
    let fetched = f.run(&["network", "fetch"]);
    fetched.assert_no_panic("fetch").assert_code(1);
    let err = &format!("{}{}", fetched.stdout, fetched.stderr);
    assert!(err.contains("site gone cannot be fetched"), "{err}");
    assert!(err.contains("site notag has no `v9`"), "{err}");
    // A site fetched whose workbook has problems did not fail to fetch.
    let broken = err
        .lines()
        .find(|l| l.contains("broken at "))
        .unwrap_or_default();
    assert!(broken.contains("fetched"), "{err}");
    assert!(
        broken.contains("problem in its workbook")
            && broken.contains("populations/ms/process-map.toml:"),
        "{err}"
    );
    assert!(!err.contains("site broken"), "{err}");
    assert!(
        err.contains("5 site(s), 2 failed, 1 with problems in their workbook"),
        "{err}"
    );
    assert!(err.contains("fetched      complete"), "{err}");
    assert!(err.contains("fetched      half"), "{err}");

    // A second fetch fetches nothing new and reads nothing again.
    let again = f.run(&["network", "fetch"]);
    again.assert_code(1);
    assert!(
        again.stdout.contains("unchanged    complete"),
        "{}",
        again.stdout
    );

    // Nothing in any site's repository changed.
    let after: Vec<_> = repos.iter().map(|r| snapshot(r)).collect();
    assert_eq!(before, after, "a site's repository changed");
    // The cache is in covalue's cache folder, not in the network folder
    // (whose .gitignore still keeps an old `.covalue/` out of git).
    assert!(!f.net().join(".covalue").exists());
    assert!(f.cached_sites().join("complete.git/HEAD").is_file());
    assert!(read(&f.net().join(".gitignore")).contains("/.covalue/"));

    let text = f.run(&["network", "report"]);
    text.assert_code(0);
    let out = &text.stdout;
    for line in [
        "complete (SE): v1 at",
        "half (US): default branch at",
        "broken: main at",
    ] {
        assert!(out.contains(line), "no `{line}` in\n{out}");
    }
    assert!(
        out.contains("gone: not fetched (default branch): cannot be fetched"),
        "{out}"
    );
    assert!(
        out.contains("notag: not fetched (v9): has no `v9`"),
        "{out}"
    );
    assert!(
        out.contains("CV002 populations/ms/process-map.toml:"),
        "{out}"
    );
    // The shared domain by its name, its id after it.
    assert!(out.contains("Walking ability (walking)"), "{out}");

    let json = f.run(&["network", "report", "--format", "json"]).json();
    let sites = json["sites"].as_array().expect("sites");
    let status: Vec<(&str, &str)> = sites
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap_or(""),
                s["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        status,
        [
            ("complete", "ok"),
            ("half", "ok"),
            ("broken", "problems"),
            ("gone", "not-fetched"),
            ("notag", "not-fetched"),
        ]
    );
    assert_eq!(sites[0]["commit"].as_str().map(str::len), Some(40));
    assert_eq!(sites[0]["date"], "2026-01-15");
    let rows = json["completeness"].as_array().expect("completeness");
    assert_eq!(rows.len(), 3);
    let open = |i: usize| sites[i]["open"].as_u64().unwrap_or(0);
    assert!(open(1) > open(0), "half done is not behind: {}", open(1));
    assert_eq!(rows[1]["steps"][5]["state"], "open", "{}", rows[1]);
    // Its 8-step map answers Step 2: settled, not a problem (nor red).
    assert_eq!(json["population_types"][0]["sites"][1]["process_steps"], 8);
    assert_eq!(rows[1]["steps"][1]["state"], "settled", "{}", rows[1]);
    assert_eq!(rows[0]["short"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["population_types"][0]["sites"][0]["process_steps"], 12);
    assert!(json["population_types"][0]["sites"][2]["process_steps"].is_null());
    let walking = &json["domains"][0];
    assert_eq!(walking["id"], "walking");
    assert_eq!(walking["measures"][0]["site"], "complete");
    assert!(json["unmapped"].as_array().is_some_and(|u| !u.is_empty()));
    assert!(
        json["improvements"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    // The improvement in two clusters is counted in each; the process
    // measure is in its own group, not in a quadrant.
    let in_cluster = |cluster: &str| {
        json["improvements"].as_array().is_some_and(|c| {
            c.iter().any(|x| {
                x["cluster"] == cluster
                    && x["items"].as_array().is_some_and(|i| {
                        i.iter()
                            .any(|i| i["id"] == "shared-care-plan" && i["site"] == "complete")
                    })
            })
        })
    };
    assert!(
        in_cluster("edges-redesign") && in_cluster("measurement"),
        "{}",
        json["improvements"]
    );
    assert_eq!(json["kinds"][0]["kind"], "process", "{}", json["kinds"]);
    assert_eq!(
        json["kinds"][0]["measures"][0]["name"],
        "Safety tests taken on time"
    );
    assert_eq!(json["kinds"][0]["measures"][0]["frequency"], "monthly");
    assert!(
        !json["quadrants"]
            .to_string()
            .contains("Safety tests taken on time"),
        "not in a quadrant"
    );

    // A summary lost from the cache is read again from the cached
    // repository, without fetching.
    std::fs::remove_file(f.cached_sites().join("complete.json")).expect("remove");
    let again = f.run(&["network", "report", "--format", "json"]).json();
    assert_eq!(again["sites"][0]["status"], "ok");
    assert_eq!(again["sites"][0]["commit"], sites[0]["commit"]);

    let status = f.run(&["network", "status"]);
    status.assert_code(0);
    let line = |site: &str| {
        status
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{site} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("complete").contains("2026-01-15  315 days ago  no problems, 0 open, 1 deferred"),
        "{}",
        status.stdout
    );
    // Its one problem: process-map.toml cannot be read.
    assert!(line("broken").contains(" 1 problem, "), "{}", status.stdout);
    assert!(!line("broken").contains("no problems"), "{}", status.stdout);
    assert!(
        line("gone").contains("not fetched (default branch): cannot be fetched"),
        "{}",
        status.stdout
    );
}

#[test]
fn reports_escape_what_sites_wrote_and_load_nothing() {
    let f = fixture();
    f.run(&["network", "fetch"]).assert_code(1);
    let html = f.run(&["network", "report", "--format", "html"]);
    html.assert_code(0);
    let page = &html.stdout;
    assert!(page.contains("Content-Security-Policy"));
    assert!(
        !page.to_lowercase().contains("<script"),
        "a script got through"
    );
    assert!(!page.contains("<img"), "an image got through");
    assert!(
        page.contains("&lt;script&gt;"),
        "the title is not shown escaped"
    );
    let md = f.run(&["network", "report", "--format", "md"]);
    md.assert_code(0);
    assert!(!md.stdout.contains("<script>"), "{}", md.stdout);
    // -o inside the network folder but outside out/ is refused.
    let refused = f.run(&[
        "network",
        "report",
        "--format",
        "html",
        "-o",
        "network.toml",
    ]);
    refused.assert_code(2);
    assert!(read(&f.net().join("network.toml")).contains("[[site]]"));
    f.run(&["network", "report", "--format", "html", "-o", "out/r.html"])
        .assert_code(0);
    assert!(f.net().join("out/r.html").is_file());
}

#[test]
fn hostile_network_files_run_nothing_and_write_nowhere_else() {
    let f = fixture();
    let toml = f.net().join("network.toml");
    let marker = f.path().join("pwned");
    let text = read(&toml)
        + &format!(
            "\n[[site]]\nname = \"evil\"\naddress = \"ext::sh -c touch% {}\"\n",
            marker.display()
        );
    write(&toml, &text);
    let checked = f.run(&["check"]);
    checked.assert_code(1);
    assert!(checked.stdout.contains("CV042"), "{}", checked.stdout);
    let fetched = f.run(&["network", "fetch"]);
    fetched.assert_code(1);
    assert!(fetched.stderr.contains("site evil"), "{}", fetched.stderr);
    assert!(!marker.exists(), "ext:: ran a command");

    // A config changed in the cache is replaced by covalue's own before
    // git runs in it.
    let config = f.cached_sites().join("half.git/config");
    let planted = read(&config) + "[core]\n\talternateRefsCommand = touch planted\n";
    write(&config, &planted);
    f.run(&["network", "fetch"]).assert_code(1);
    assert!(!read(&config).contains("planted"), "{}", read(&config));

    // A site name that is a path is refused before anything is made.
    let text = read(&toml) + "\n[[site]]\nname = \"../x\"\naddress = \"../sites/half.git\"\n";
    write(&toml, &text);
    let refused = f.run(&["network", "fetch"]);
    refused.assert_no_panic("fetch").assert_code(2);
    assert!(refused.stderr.contains("CV005"), "{}", refused.stderr);
    assert!(!f.cached_sites().join("../x.git").exists());
    assert!(!f.cached_sites().join("x.git").exists());
    assert!(!f.net().join("x.git").exists());
    assert!(!f.path().join("x.git").exists());
}

#[test]
fn init_and_add_refuse_what_they_cannot_keep() {
    let f = fixture();
    let again = run(f.path(), &["network", "init", "net", "--name", "Again"]);
    again.assert_code(2);
    assert!(
        again.stderr.contains("already has a network.toml"),
        "{}",
        again.stderr
    );
    for (args, says) in [
        (
            vec!["network", "add", "half", "../x.git"],
            "already in network.toml",
        ),
        (
            vec!["network", "add", "../x", "../x.git"],
            "not a valid site name",
        ),
        (
            vec!["network", "add", "x", "--", "-uhack"],
            "starts with `-`",
        ),
        (
            vec!["network", "add", "x", "ext::sh -c id"],
            "helper program",
        ),
        (
            vec!["network", "add", "x", "../x.git", "--ref", "a..b"],
            "`..`",
        ),
    ] {
        let r = f.run(&args);
        r.assert_code(2);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
    assert!(f.net().join("schemas/network.schema.json").is_file());
    assert!(
        read(&f.net().join("network.toml")).starts_with("#:schema ./schemas/network.schema.json")
    );
    // A site listed twice is a finding of check, with its place.
    let toml = f.net().join("network.toml");
    let text = read(&toml) + "\n[[site]]\nname = \"half\"\naddress = \"../sites/half.git\"\n";
    write(&toml, &text);
    let checked = f.run(&["check"]);
    checked.assert_code(1);
    assert!(
        checked.stdout.contains("error[CV041]"),
        "{}",
        checked.stdout
    );
    assert!(
        checked.stdout.contains("network.toml:"),
        "{}",
        checked.stdout
    );
}

#[test]
fn the_html_report_is_a_document_with_names_page_setup_and_footers() {
    let f = fixture();
    f.run(&["network", "fetch"]).assert_code(1);
    let html = f.run(&[
        "network",
        "report",
        "--format",
        "html",
        "--paper",
        "letter",
        "--large-print",
    ]);
    html.assert_code(0);
    let page = &html.stdout;
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("size: letter;"));
    assert!(page.contains("large-print"));
    assert!(page.contains("<main>"));
    assert!(page.contains("\"page \" counter(page) \" of \" counter(pages)"));
    assert!(page.contains("@bottom-left { content: \"Community of practice"));
    // Names where the guide or the workbook has them, not ids and files.
    assert!(
        page.contains("<h3>Functional health and well-being</h3>"),
        "{page}"
    );
    // A name a site or the coordinator wrote keeps its own direction.
    assert!(page.contains(
        "<h3><span dir=\"auto\">Walking ability</span> <span class=\"id\">walking</span></h3>"
    ));
    assert!(page.contains(
        "<span dir=\"auto\">People living with multiple sclerosis</span> <span class=\"id\">ms</span>"
    ));
    assert!(!page.contains("<h3>functional</h3>"));
    assert!(!page.contains("<h3>ms</h3>"));
    // Printed in grey, the completeness matrix still tells its states
    // apart: each state has a mark of its own, in every cell and in the key.
    let mut marks: std::collections::BTreeMap<String, String> = Default::default();
    for cell in page.split("<td class=\"").skip(1) {
        let Some((state, rest)) = cell.split_once('"') else {
            continue;
        };
        let Some(mark) = rest
            .strip_prefix("><span class=\"mark\" aria-hidden=\"true\">")
            .and_then(|r| r.split('<').next())
        else {
            continue;
        };
        assert!(!mark.trim().is_empty(), "a {state} cell without a mark");
        let known = marks.entry(state.to_string()).or_insert(mark.to_string());
        assert_eq!(known, mark, "two marks for {state}");
    }
    assert!(marks.len() >= 2, "the matrix shows {marks:?}");
    let distinct: std::collections::BTreeSet<&String> = marks.values().collect();
    assert_eq!(
        distinct.len(),
        marks.len(),
        "two states share a mark: {marks:?}"
    );
    for (state, mark) in &marks {
        assert!(
            page.contains(&format!(
                "<span class=\"{state}\"><span class=\"mark\" aria-hidden=\"true\">{mark}</span>"
            )),
            "the key lacks {state}"
        );
    }

    let Some(_) = common::print_browser() else {
        return;
    };
    f.run(&["network", "report", "--pdf", "-o", "out/r.pdf"])
        .assert_code(0);
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(f.net().join("out/r.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("page 1 of "), "{text}");
    assert!(
        text.contains("Community of practice · network report"),
        "{text}"
    );
}

/// A site that keeps the short form, with the full form's answers not
/// written, is counted against its own form: not behind, not failing.
#[test]
fn a_short_form_site_is_counted_against_its_own_form() {
    let f = Fixture {
        tmp: TempDir::new().expect("temporary folder"),
    };
    f.site("short", |w| {
        let config = w.join("covalue.toml");
        let text = read(&config).replacen("form = \"full\"", "form = \"short\"", 1);
        assert!(text.contains("form = \"short\""), "{text}");
        write(&config, &text);
        for step in [
            "preparation",
            "chain",
            "shop",
            "network",
            "access",
            "assessment",
            "logic",
            "interdependence",
        ] {
            empty_answers(&w.join(format!("populations/ms/answers/{step}.md")));
        }
    });
    covalue(f.path())
        .args(["network", "init", "net", "--name", "Short forms"])
        .assert()
        .success();
    covalue(&f.net())
        .args(["network", "add", "short", "../sites/short.git"])
        .assert()
        .success();
    let fetched = f.run(&["network", "fetch"]);
    fetched.assert_no_panic("fetch").assert_code(0);
    assert!(
        fetched
            .stdout
            .contains("1 site(s), 0 failed, 0 with problems"),
        "{}{}",
        fetched.stdout,
        fetched.stderr
    );
    let json = f.run(&["network", "report", "--format", "json"]).json();
    let site = &json["sites"][0];
    assert_eq!(site["status"], "ok", "{site}");
    assert_eq!(site["form"], "short", "{site}");
    // Its six short-form questions, all answered; nothing open.
    assert_eq!(site["total"], 6, "{site}");
    assert_eq!(site["settled"], 6, "{site}");
    assert_eq!(site["open"], 0, "{site}");
    let row = &json["completeness"][0];
    let steps = row["steps"].as_array().expect("steps");
    assert!(!steps.is_empty());
    assert!(steps.iter().all(|c| c["state"] == "not-its-form"), "{row}");
    assert!(
        row["short"]
            .as_array()
            .is_some_and(|s| s.iter().all(|q| q == "settled")),
        "{row}"
    );
    let text = f.run(&["network", "report"]);
    assert!(
        text.stdout.contains("6/6 settled (short form)"),
        "{}",
        text.stdout
    );
}
