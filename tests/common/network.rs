//! A network of sites for the network tests: a network folder (`net/`)
//! and covalue's cache in one temporary folder, each site an example
//! workbook committed in a local git repository of its own, and a filled-in
//! community session record.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::{Run, copy_dir, covalue, git, manifest_dir};

/// A network folder (`net/`) with three sites made from the examples, each
/// a local git repository, and covalue's cache, in one temporary folder.
pub struct Net {
    pub tmp: TempDir,
}

impl Net {
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn net(&self) -> PathBuf {
        self.path().join("net")
    }

    pub fn cache(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// Runs `covalue ARGS` in the network folder, with the cache in the
    /// temporary folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(&self.net(), args)
    }

    pub fn run_in(&self, dir: &Path, args: &[&str]) -> Run {
        let out = covalue(dir)
            .env("COVALUE_CACHE_DIR", self.cache())
            .args(args)
            .output()
            .expect("covalue could not be started");
        let run = Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        run.assert_no_panic(&args.join(" "));
        run
    }

    /// A site's workbook: an example, committed in its own repository.
    pub fn site(&self, name: &str, example: &str, edit: impl FnOnce(&Path)) -> PathBuf {
        let work = self.path().join("sites").join(name);
        copy_dir(&manifest_dir().join("examples").join(example), &work);
        edit(&work);
        git(self.path(), &work, &["init", "-q", "-b", "main"]);
        git(self.path(), &work, &["add", "-A"]);
        git(self.path(), &work, &["commit", "-q", "-m", "workbook"]);
        work
    }

    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.net().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("folder");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.net().join(rel)).expect("read")
    }
}

/// A network folder with no sites yet.
pub fn empty_network() -> Net {
    let net = Net {
        tmp: TempDir::new().expect("temporary folder"),
    };
    net.run_in(
        net.path(),
        &["network", "init", "net", "--name", "Test CoP"],
    )
    .assert_code(0);
    net
}

/// Three sites from local repositories: a complete one, a half-done one
/// and a short-form one, added with `network add` and fetched.
pub fn three_sites() -> Net {
    let net = empty_network();
    for (name, example, short) in [
        ("lakeside", super::COMPLETE, false),
        ("harbour", super::HALF_DONE, false),
        ("riverside", super::COMPLETE, true),
    ] {
        let dir = net.site(name, example, |w| {
            if short {
                let config = w.join("covalue.toml");
                let text = std::fs::read_to_string(&config).expect("covalue.toml");
                let text = text
                    .lines()
                    .filter(|l| !l.starts_with("form"))
                    .collect::<Vec<_>>()
                    .join("\n");
                std::fs::write(&config, format!("form = \"short\"\n{text}\n")).expect("write");
            }
        });
        net.run(&["network", "add", name, &dir.to_string_lossy()])
            .assert_code(0);
    }
    net.run(&["network", "fetch", "--jobs", "2"]).assert_code(0);
    net
}

/// The record of a community session as a coordinator fills it in after
/// the meeting: who came, what was presented, what was agreed.
pub fn filled_in(record: &str) -> String {
    let record = record.replace("sites = []", "sites = [\"lakeside\", \"harbour\"]");
    format!(
        "{record}\n\
[[attendees]]\nname = \"Ines\"\nrole = \"coordinator\"\n\n\
[[attendees]]\nname = \"Sara's mother\"\nrole = \"family-partner\"\nsite = \"harbour\"\n\n\
[[presented]]\nsite = \"lakeside\"\ntitle = \"Our walking measure\"\nquestion = \"compass-measures\"\n\n\
[[actions]]\nwhat = \"Send the walking test protocol\"\nowner = \"Ines\"\ndue = 2026-11-10\n\n\
[[actions]]\nwhat = \"Share the relapse plan\"\nowner = \"Ola\"\ndue = 2026-12-20\n"
    )
}

/// Commits a change to a site's workbook.
pub fn change_site(net: &Net, name: &str) {
    let work = net.path().join("sites").join(name);
    let config = work.join("covalue.toml");
    let text = std::fs::read_to_string(&config).expect("covalue.toml");
    std::fs::write(&config, text.replacen("title = \"", "title = \"New: ", 1)).expect("write");
    git(net.path(), &work, &["commit", "-qam", "more work"]);
}
