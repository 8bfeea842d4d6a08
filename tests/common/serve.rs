//! Helpers shared by the `covalue serve` tests: the real binary serving a
//! workbook on a free port, plain HTTP/1.1 requests to it (with or without
//! its cookie), reading and filling in its forms, and the browser the
//! tests drive (skipped outside CI when there is none).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{TODAY, bin_path};

/// A running `covalue serve`, stopped when dropped.
pub struct Served {
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// The token of the address it printed.
    pub token: String,
}

impl Served {
    /// Starts the server in `dir` on a free port, with `args` after
    /// `serve --port 0`.
    pub fn start(dir: &Path, args: &[&str]) -> Served {
        Served::start_with(dir, args, |_| {})
    }

    /// Starts the server with `configure` done to its command last (an
    /// environment variable, standard error to a file, a resource limit).
    pub fn start_with(dir: &Path, args: &[&str], configure: impl FnOnce(&mut Command)) -> Served {
        let mut command = Command::new(bin_path());
        command
            .current_dir(dir)
            .args(["serve", "--port", "0"])
            .args(args)
            .env("COVALUE_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env_remove("BROWSER")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        configure(&mut command);
        let mut child = command.spawn().expect("start covalue serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let url = line
            .trim()
            .strip_prefix("serving the workbook at ")
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let rest = url.strip_prefix("http://").expect("http address");
        let (host, query) = rest.split_once("/?token=").expect("token in the address");
        assert!(host.starts_with("127.0.0.1:"), "{url}");
        assert_eq!(query.len(), 64, "a token of 32 random bytes: {url}");
        Served {
            child,
            host: host.to_string(),
            token: query.to_string(),
        }
    }

    /// The address of `path`, without the token.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.host)
    }

    /// The address that lets a browser in (then a cookie keeps it in).
    pub fn entry(&self, path: &str) -> String {
        let sep = if path.contains('?') { '&' } else { '?' };
        format!("http://{}{path}{sep}token={}", self.host, self.token)
    }

    pub fn port(&self) -> &str {
        self.host.rsplit(':').next().unwrap_or("")
    }

    /// The cookie the server keeps its token in (named with its port).
    pub fn cookie(&self) -> String {
        format!("covalue-token-{}={}", self.port(), self.token)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response: status, headers (lower-case names), body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request over a plain socket, as any program could send it.
pub fn http(
    served: &Served,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Response {
    let mut stream = TcpStream::connect(&served.host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| *k == "Host") {
        request.push_str(&format!("Host: {}\r\n", served.host));
    }
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    if method == "POST" {
        request.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

/// One request with the server's cookie, as a signed-in browser sends it:
/// status and body.
pub fn signed_in(served: &Served, method: &str, path: &str, body: &str) -> (u16, String) {
    let cookie = served.cookie();
    let r = http(served, method, path, &[("Cookie", &cookie)], body);
    (r.status, r.body)
}

/// The value of a field of a page's form (`name="…" value="…"`), unescaped.
pub fn value(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no field {name} in {page}"));
    let rest = &page[at + name.len() + 15..];
    unescape(&rest[..rest.find('"').expect("end of value")])
}

/// Undoes the template's HTML escaping.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// A form's fields, as a browser encodes them.
pub fn encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                        (b as char).to_string()
                    }
                    b => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The browser, or None (the test is skipped) outside CI.
pub fn browser() -> Option<PathBuf> {
    match covalue::render::pdf::find_browser(None, std::env::var_os("COVALUE_BROWSER")) {
        Ok(b) => Some(b),
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true: the serve tests need chromium (.ci/run installs it)")
        }
        Err(_) => {
            eprintln!("skipped: no Chromium/Chrome on this machine (apt-get install chromium)");
            None
        }
    }
}

/// A page's HTML without the `<bdi>` elements that isolate the values put
/// into its sentences (names, numbers, files), to read those sentences.
pub fn without_isolation(html: &str) -> String {
    html.replace("<bdi dir=\"ltr\">", "")
        .replace("<bdi>", "")
        .replace("</bdi>", "")
}

/// A raw connection to the server, with generous timeouts (a hang fails the
/// test instead of stalling it).
pub fn connect(served: &Served) -> TcpStream {
    let stream = TcpStream::connect(&served.host).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    stream
        .set_write_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    stream
}

/// Reads an answer to its end (or until the server closes the connection):
/// the status and the whole text.
pub fn answer_of(stream: &mut TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&chunk[..n]),
            // A reset after the answer was read: what was read counts.
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("no answer: {e}"),
        }
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    (status, text)
}
