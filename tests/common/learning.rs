//! The three-site network the network report's tests read: a complete site
//! with a learning, exemplars and a shared measure, a short-form site, and
//! a site with problems whose Step 9 answer is hostile, each a local bare
//! repository, fetched into a cache of the test's own.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::network::Net;
use super::{Run, copy_dir, covalue, git, manifest_dir};

/// A network folder with its sites and cache, in a temporary folder: the
/// network tests' [`Net`], with sites kept as bare repositories.
pub struct Fixture {
    inner: Net,
}

impl Fixture {
    /// The temporary folder.
    pub fn path(&self) -> &Path {
        self.inner.path()
    }

    /// The network folder.
    pub fn net(&self) -> PathBuf {
        self.inner.net()
    }

    /// Runs covalue in the network folder, with the test's cache.
    pub fn run(&self, args: &[&str]) -> Run {
        self.inner.run(args)
    }

    /// A site made from an example, changed by `edit`, committed and cloned
    /// bare into `sites/NAME.git`.
    pub fn site(&self, name: &str, example: &str, edit: impl FnOnce(&Path)) {
        let work = self.path().join("work").join(name);
        copy_dir(&manifest_dir().join("examples").join(example), &work);
        edit(&work);
        let home = self.path();
        git(home, &work, &["init", "-q", "-b", "main"]);
        git(home, &work, &["add", "-A"]);
        git(home, &work, &["commit", "-q", "-m", "workbook"]);
        std::fs::create_dir_all(self.path().join("sites")).expect("sites folder");
        let bare = self.path().join("sites").join(format!("{name}.git"));
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
    }
}

/// A file's text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// Writes a file.
pub fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

/// Replaces `from` by `to` once in a file, and checks it was there.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "no `{from}` in {}", path.display());
    write(path, &text.replacen(from, to, 1));
}

/// Keeps only the headings of an answer file: its questions are open again.
pub fn empty_answers(file: &Path) {
    let kept: String = read(file)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n\n"))
        .collect();
    write(file, &kept);
}

/// The hostile Step 9 answer of the site with problems.
pub const HOSTILE: &str = "Value is lost at discharge. <script>alert('x')</script> \
<img src=x onerror=alert(1)> [click me](javascript:alert(1)) <iframe src=https://evil.example/></iframe> \
\u{1b}]0;pwned\u{7} \u{202e}desrever\u{202c} the end.";

/// The three-site network, fetched, with `extra` appended to network.toml
/// (a `language`, say) before the fetch.
pub fn fixture_with(extra: &str) -> Fixture {
    let f = Fixture {
        inner: Net {
            tmp: TempDir::new().expect("temporary folder"),
        },
    };
    f.site("lakeside", "lakeside-ms", |w| {
        let ms = w.join("populations/ms");
        edit(
            &ms.join("improvements.toml"),
            "id = \"self-booked-blood-tests\"",
            "id = \"self-booked-blood-tests\"\nlearning = \"Reminders alone did not do it: **people booked when they could choose** the health centre.\"\nexemplar = \"Ask us how the laboratory came on board.\"",
        );
        edit(
            &ms.join("answers/assessment.md"),
            "{#assessment-next-steps}\n",
            "{#assessment-next-steps}\n\n<!-- exemplar: a plan with names and dates -->\n",
        );
        edit(
            &ms.join("value-compass.toml"),
            "id = \"msis-29-physical\"",
            "id = \"msis-29-physical\"\ndomain = \"reported-health\"",
        );
    });
    f.site("short", "lakeside-ms", |w| {
        edit(
            &w.join("covalue.toml"),
            "form = \"full\"",
            "form = \"short\"",
        );
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
    f.site("harbour", "harbour-heart-failure", |w| {
        let hf = w.join("populations/heart-failure");
        write(
            &hf.join("answers/assessment.md"),
            &format!(
                "# Step 9 · Value assessment and next steps\n\n\
                 ## Looking across all the steps, how is value created for this population today, and where is it lost? {{#assessment-value}}\n\n\
                 {HOSTILE}\n"
            ),
        );
        edit(
            &hf.join("value-compass.toml"),
            "id = \"kccq-12\"",
            "id = \"kccq-12\"\ndomain = \"reported-health\"",
        );
    });
    covalue(f.path())
        .args(["network", "init", "net", "--name", "Community of practice"])
        .assert()
        .success();
    for name in ["lakeside", "short", "harbour"] {
        covalue(&f.net())
            .args(["network", "add", name, &format!("../sites/{name}.git")])
            .assert()
            .success();
    }
    let toml = f.net().join("network.toml");
    let text = read(&toml)
        + "\n[[domain]]\nid = \"reported-health\"\nname = \"Health as people report it\"\n\
           \n[[exemplar]]\nsite = \"harbour\"\nimprovement = \"weight-call-line\"\nnote = \"A nurse line others could copy.\"\n\
           \n[[exemplar]]\nsite = \"nowhere\"\nquestion = \"assessment-value\"\n";
    let text = format!("{extra}{text}");
    write(&toml, &text);
    let fetched = f.run(&["network", "fetch"]);
    assert!(
        fetched
            .stdout
            .contains("3 site(s), 0 failed, 1 with problems"),
        "{}{}",
        fetched.stdout,
        fetched.stderr
    );
    f
}

/// The three-site network, fetched.
pub fn fixture() -> Fixture {
    fixture_with("")
}
