//! The browser tests of `covalue serve` drive a headless Chromium through
//! covalue's own DevTools client (`covalue::render::devtools`, which `render
//! --pdf` prints with): open a page, run a line of JavaScript in it, wait for
//! the next page to load, and take a screenshot. Here every failure panics,
//! as a test should.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use covalue::render::devtools::Devtools;
use serde_json::{Value, json};

/// How long one test may drive its browser.
const WAIT: Duration = Duration::from_secs(300);

/// A headless Chromium with one page.
pub struct Browser {
    devtools: Devtools,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts `exe` headless, with a fresh profile, and opens a blank page.
    pub fn start(exe: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("profile folder");
        let mut command = Command::new(exe);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--window-size=1280,800",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            // Named, or a headless Chromium may open its new-tab page instead.
            .arg("about:blank")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let devtools =
            Devtools::start(&mut command, Instant::now() + WAIT).expect("start chromium");
        let mut browser = Browser {
            devtools,
            _profile: profile,
        };
        browser
            .devtools
            .wait_for_page("about:blank")
            .expect("chromium opens a page");
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false}),
        );
        browser
    }

    /// Sends a command to the page and waits for its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.devtools
            .call(method, params, method)
            .unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Runs JavaScript in the page and returns its value.
    pub fn eval(&mut self, expression: &str) -> Value {
        self.devtools
            .eval(expression)
            .unwrap_or_else(|e| panic!("{expression}: {e}"))
    }

    /// Runs `action` (which makes the page go somewhere: a link, a form)
    /// and waits until the next page has loaded.
    pub fn and_wait(&mut self, action: &str) {
        self.eval("window.__covalue_old = true");
        self.eval(action);
        self.wait_for_new_page();
    }

    /// Opens `url` and waits until it (and any page it sends the browser
    /// on to) has loaded.
    pub fn open(&mut self, url: &str) {
        self.eval("window.__covalue_old = true");
        self.call("Page.navigate", json!({"url": url}));
        self.wait_for_new_page();
    }

    fn wait_for_new_page(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let ready = self
                .eval("window.__covalue_old === undefined && document.readyState === 'complete'");
            if ready == json!(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(40));
        }
        panic!("the page did not load in time");
    }

    /// The page's text as shown.
    pub fn text(&mut self) -> String {
        self.eval("document.body.innerText")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Saves a PNG of the page as seen on a 1280 × 800 screen.
    pub fn screenshot(&mut self, path: &Path) {
        let png = self.devtools.screenshot().expect("screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }
}

/// axe-core's script, or None (the test is skipped) outside CI. `.ci/run`
/// installs it with npm, as it installs taplo; `AXE_CORE` names another copy.
#[allow(dead_code)] // the tests that run axe use it
pub fn axe_source() -> Option<String> {
    let path = match std::env::var_os("AXE_CORE") {
        Some(p) => PathBuf::from(p),
        None => {
            let root = Command::new("npm")
                .args(["root", "-g"])
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default();
            Path::new(&root).join("axe-core/axe.min.js")
        }
    };
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true: the accessibility test needs axe-core (.ci/run installs it with npm)")
        }
        Err(_) => {
            eprintln!("skipped: no axe-core (npm install -g axe-core)");
            None
        }
    }
}

/// What axe finds on the page open now: each rule broken, with where.
#[allow(dead_code)] // the tests that run axe use it
pub fn axe(b: &mut Browser, source: &str) -> Vec<String> {
    if b.eval("typeof axe") != json!("object") {
        b.eval(source);
    }
    let found = b.eval(
        "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => \
           v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120)).join(' | ')))",
    );
    found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
