//! Who may use the server: the random token printed with the address (kept
//! in an HttpOnly, SameSite=Strict cookie after the first visit, named with
//! the port so that two servers do not overwrite each other's), the `Host`
//! header (so a web page elsewhere cannot reach the server through a DNS
//! name that points at 127.0.0.1), and a second token carried by every form
//! (so another site cannot post to it). Also the small parsers of query
//! strings, form bodies and cookies the server needs.

use std::io::Read;

/// The name of the cookie that holds the token of the server at `port`.
/// Browsers send a cookie of 127.0.0.1 to every port of it, so the port is
/// in the name (as Jupyter does): two servers keep a cookie each.
pub fn cookie_name(port: u16) -> String {
    format!("covalue-token-{port}")
}

/// The server's secrets, made once at start.
#[derive(Debug, Clone)]
pub struct Secrets {
    /// The token printed in the address.
    pub token: String,
    /// The token every form carries.
    pub csrf: String,
}

impl Secrets {
    /// New random secrets, read from the system's random source.
    pub fn new() -> std::io::Result<Secrets> {
        Ok(Secrets {
            token: random_hex()?,
            csrf: random_hex()?,
        })
    }
}

/// 32 random bytes from /dev/urandom, in hex.
fn random_hex() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `Host` values a browser sends for the server at `port`: the
/// loopback names, and the address given with `--host`.
pub fn allowed_hosts(port: u16, host: Option<&str>) -> Vec<String> {
    let mut hosts = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    if let Some(h) = host {
        if h.contains(':') && !h.starts_with('[') {
            hosts.push(format!("[{h}]:{port}"));
        } else {
            hosts.push(format!("{h}:{port}"));
        }
    }
    hosts
}

/// Whether a `Host` header names this server.
pub fn host_ok(header: Option<&str>, allowed: &[String]) -> bool {
    header.is_some_and(|h| allowed.iter().any(|a| a.eq_ignore_ascii_case(h.trim())))
}

/// The value of a cookie in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// The `Set-Cookie` value that keeps the token for later requests.
pub fn set_cookie(name: &str, token: &str) -> String {
    format!("{name}={token}; HttpOnly; SameSite=Strict; Path=/")
}

/// A path of this server to send a browser to: `path` when it is one (it
/// starts with a single `/`), else `/`. `//evil.example/` and
/// `/\evil.example/` name another site to a browser, and are not followed.
pub fn local_path(path: &str) -> &str {
    let local = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && path.bytes().all(|b| b.is_ascii_graphic());
    if local { path } else { "/" }
}

/// Decodes `application/x-www-form-urlencoded` text (a query string or a
/// form's body) into pairs.
pub fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// The first value of `key` in decoded pairs.
pub fn field<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Decodes `%XX` escapes and `+` (a space) into text; bad escapes stay as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Encodes text for a URL's path segment or query value.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_cookies_are_read() {
        let pairs = form_pairs("a=1+2&b=%3Cscript%3E&c=%zz&d");
        assert_eq!(field(&pairs, "a"), Some("1 2"));
        assert_eq!(field(&pairs, "b"), Some("<script>"));
        assert_eq!(field(&pairs, "c"), Some("%zz"));
        assert_eq!(field(&pairs, "d"), Some(""));
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(
            cookie("x=1; covalue-token-8123=ab", &cookie_name(8123)),
            Some("ab")
        );
        assert_eq!(cookie("covalue-token-8124=ab", &cookie_name(8123)), None);
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }

    #[test]
    fn redirects_stay_on_this_server() {
        assert_eq!(local_path("/p/ms"), "/p/ms");
        for elsewhere in [
            "//evil.example/",
            "/\\evil.example/",
            "http://evil.example/",
            "evil",
            "",
            "/a\r\nSet-Cookie:x",
        ] {
            assert_eq!(local_path(elsewhere), "/", "{elsewhere:?}");
        }
    }

    #[test]
    fn only_the_servers_own_names_are_hosts() {
        let allowed = allowed_hosts(8080, None);
        assert!(host_ok(Some("127.0.0.1:8080"), &allowed));
        assert!(host_ok(Some("localhost:8080"), &allowed));
        assert!(!host_ok(Some("evil.example:8080"), &allowed));
        assert!(!host_ok(Some("127.0.0.1:8081"), &allowed));
        assert!(!host_ok(None, &allowed));
    }
}
