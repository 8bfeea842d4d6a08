//! The browser tests of `covalue serve` drive a headless Chromium through
//! covalue's own DevTools client (`covalue::render::devtools`, which `render
//! --pdf` prints with): open a page, run a line of JavaScript in it, wait for
//! the next page to load, and take a screenshot. Here every failure panics,
//! as a test should.

use std::path::Path;
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
