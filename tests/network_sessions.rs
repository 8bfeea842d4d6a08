//! The community's own meetings and the network verbs a coordinator
//! expects: a three-site network made from local repositories, its
//! community session records (`sessions/*.toml` in the network folder)
//! checked by `covalue check`, `network session new` and `network session
//! pack`; `network remove` byte for byte, `network add`'s warning for a
//! local path that does not exist, and `network init`'s "Next:" lines.
//! Hostile records (paths, control characters, huge files) fail safely.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, copy_dir, covalue, git, manifest_dir};
use tempfile::TempDir;

/// A network folder (`net/`) with three sites made from the examples, each
/// a local git repository, and covalue's cache, in one temporary folder.
struct Net {
    tmp: TempDir,
}

impl Net {
    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn net(&self) -> PathBuf {
        self.path().join("net")
    }

    fn cache(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// Runs `covalue ARGS` in the network folder, with the cache in the
    /// temporary folder.
    fn run(&self, args: &[&str]) -> Run {
        self.run_in(&self.net(), args)
    }

    fn run_in(&self, dir: &Path, args: &[&str]) -> Run {
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
    fn site(&self, name: &str, example: &str, edit: impl FnOnce(&Path)) -> PathBuf {
        let work = self.path().join("sites").join(name);
        copy_dir(&manifest_dir().join("examples").join(example), &work);
        edit(&work);
        git(self.path(), &work, &["init", "-q", "-b", "main"]);
        git(self.path(), &work, &["add", "-A"]);
        git(self.path(), &work, &["commit", "-q", "-m", "workbook"]);
        work
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.net().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("folder");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.net().join(rel)).expect("read")
    }
}

/// A network folder with no sites yet.
fn empty_network() -> Net {
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
fn three_sites() -> Net {
    let net = empty_network();
    for (name, example, short) in [
        ("lakeside", common::COMPLETE, false),
        ("harbour", common::HALF_DONE, false),
        ("riverside", common::COMPLETE, true),
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

#[test]
fn init_ends_with_what_to_do_next() {
    let net = Net {
        tmp: TempDir::new().expect("temporary folder"),
    };
    let run = net.run_in(net.path(), &["network", "init", "cop", "--name", "CoP"]);
    run.assert_code(0);
    let next = run
        .stdout
        .split("Next:")
        .nth(1)
        .unwrap_or_else(|| panic!("no Next: in\n{}", run.stdout));
    assert!(next.contains("cd cop"), "{next}");
    for verb in [
        "covalue network add",
        "covalue network fetch",
        "covalue network report",
    ] {
        assert!(next.contains(verb), "{verb} missing from\n{next}");
    }
}

#[test]
fn add_warns_of_a_local_path_that_does_not_exist_and_still_adds_it() {
    let net = empty_network();
    let run = net.run(&["network", "add", "ghost", "../no-such-workbook"]);
    run.assert_code(0);
    assert!(
        run.stderr
            .contains("../no-such-workbook does not exist here"),
        "{}",
        run.stderr
    );
    assert!(net.read("network.toml").contains("name = \"ghost\""));
    // A remote address and a local one that exists: no warning.
    let dir = net.site("real", common::COMPLETE, |_| {});
    let quiet = net.run(&["network", "add", "real", &dir.to_string_lossy()]);
    quiet.assert_code(0);
    let remote = net.run(&["network", "add", "far", "https://git.example.org/x.git"]);
    remote.assert_code(0);
    for run in [&quiet, &remote] {
        assert!(!run.stderr.contains("does not exist"), "{}", run.stderr);
    }
    let file = net.run(&["network", "add", "gone", "file:///no/such/repo.git"]);
    assert!(
        file.stderr.contains("does not exist here"),
        "{}",
        file.stderr
    );
}

/// A network.toml as a coordinator keeps it: comments, odd spacing, CRLF
/// in places, a multi-line string.
const HAND_WRITTEN: &str = "#:schema ./schemas/network.schema.json\n\
# Our community of practice.\n\
name = \"Test CoP\"\n\
\n\
# Lakeside joined first.\n\
[[site]]\n\
name = \"lakeside\"   # the big one\n\
address = \"../sites/lakeside\"\n\
\n\
[[site]]\n\
name  = \"harbour\"\n\
country = \"\"\"\n\
US\"\"\"\n\
address = \"../sites/harbour\" # ask Ola for access\n\
# Riverside keeps the short form.\r\n\
[[site]]\r\n\
name = \"riverside\"\r\n\
address = \"../sites/riverside\"\r\n\
\n\
[[domain]]\n\
id = \"walking\"\n\
name = \"Walking\"\n";

#[test]
fn remove_takes_out_only_the_sites_table_byte_for_byte() {
    let net = empty_network();
    net.write("network.toml", HAND_WRITTEN);
    let run = net.run(&["network", "remove", "harbour"]);
    run.assert_code(0);
    assert!(run.stdout.contains("removed"), "{}", run.stdout);
    let expected = HAND_WRITTEN.replace(
        "\n[[site]]\nname  = \"harbour\"\ncountry = \"\"\"\nUS\"\"\"\naddress = \"../sites/harbour\" # ask Ola for access\n",
        "",
    );
    assert_ne!(expected, HAND_WRITTEN);
    assert_eq!(net.read("network.toml"), expected);
    // The last site, with CRLF lines, and then the first one.
    net.run(&["network", "remove", "riverside"]).assert_code(0);
    let expected = expected.replace(
        "[[site]]\r\nname = \"riverside\"\r\naddress = \"../sites/riverside\"\r\n",
        "",
    );
    assert_eq!(net.read("network.toml"), expected);
    net.run(&["network", "remove", "lakeside"]).assert_code(0);
    let expected = expected.replace(
        "[[site]]\nname = \"lakeside\"   # the big one\naddress = \"../sites/lakeside\"\n",
        "",
    );
    assert_eq!(net.read("network.toml"), expected);
    assert!(expected.contains("# Lakeside joined first."));
    assert!(expected.contains("# Riverside keeps the short form."));
    net.run(&["check"]).assert_code(0);
}

#[test]
fn remove_of_an_unknown_site_changes_nothing_and_names_the_sites() {
    let net = empty_network();
    net.write("network.toml", HAND_WRITTEN);
    let run = net.run(&["network", "remove", "harbor"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("there is no site `harbor`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `harbour`"),
        "{}",
        run.stderr
    );
    assert_eq!(net.read("network.toml"), HAND_WRITTEN);
    // A name that is no slug never reaches the cache.
    let run = net.run(&["network", "remove", "../lakeside"]);
    run.assert_code(2);
    assert_eq!(net.read("network.toml"), HAND_WRITTEN);
}

#[test]
fn remove_keeps_the_cache_copy_unless_asked_to_delete_it() {
    let net = three_sites();
    let sites = std::fs::read_dir(net.cache().join("networks"))
        .expect("the cache has a networks folder")
        .map(|e| e.expect("entry").path().join("sites"))
        .next()
        .expect("one network");
    assert!(sites.join("harbour.git").is_dir());
    let run = net.run(&["network", "remove", "harbour"]);
    run.assert_code(0);
    assert!(run.stdout.contains("is kept"), "{}", run.stdout);
    assert!(sites.join("harbour.git").is_dir());
    let status = net.run(&["network", "status"]);
    assert!(!status.stdout.contains("harbour"), "{}", status.stdout);
    let run = net.run(&["network", "remove", "riverside", "--delete-cache"]);
    run.assert_code(0);
    assert!(!sites.join("riverside.git").exists());
    assert!(!sites.join("riverside.json").exists());
    assert!(sites.join("lakeside.git").is_dir());
}
