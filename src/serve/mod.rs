//! `covalue serve`: the workbook as a local web page, for a team that fills
//! it in together in the room. Every page is read from the files on each
//! request and every save writes the files (atomically, changing only the
//! bytes of what changed); nothing is kept in between, so `git` stays the
//! history and an editor or `git pull` next to the server is seen at once.
//!
//! Safety: the server listens on loopback unless `--host` says otherwise;
//! every request needs the token printed with the address (then a cookie),
//! a `Host` header naming the server, and every form a second token
//! (`auth`). Pages run no script and load nothing from elsewhere: a strict
//! Content-Security-Policy on every response, templates that escape by
//! default, and answers made safe by the report's Markdown renderer.
//!
//! One request is answered at a time (one projector, one team); the
//! connections are read and bounded by `http`.

/// The value of a `Result<T, Reply>`, or the reply returned at once: `?`
/// for the page and form handlers, which answer with a `Reply` either way.
macro_rules! or_reply {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(reply) => return reply,
        }
    };
}

pub mod auth;
mod browser;
pub mod edit;
mod forms;
mod http;
mod pages;
mod parts;
pub mod qr;
mod records;
pub mod splice;
mod words;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;

use crate::shell::Shell;

pub use browser::open as open_browser;

/// The Content-Security-Policy of every page the server sends.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// The workbook's root folder.
    pub root: PathBuf,
    /// The address to listen on (loopback unless asked otherwise).
    pub address: IpAddr,
    /// Whether a non-loopback address was asked for with `--host`.
    pub host_given: bool,
    /// The port (0: any free port).
    pub port: u16,
    /// The session record saved answers are listed in, relative to the root.
    pub session: Option<String>,
    /// `--lang`: the language of the pages, over the workbook's `language`.
    pub lang: Option<crate::i18n::Lang>,
}

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// An address other than loopback without `--host`.
    #[error("covalue serve listens only on this computer (loopback), not on {0}")]
    NotLoopback(IpAddr),
    /// All addresses at once (0.0.0.0 or ::): the `Host` check needs one name.
    #[error("covalue serve listens on one address, not on all of them ({0})")]
    Unspecified(IpAddr),
    /// The port cannot be opened.
    #[error("cannot listen on {address}")]
    Bind {
        /// The address and port.
        address: SocketAddr,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// No random token can be made.
    #[error("cannot read random bytes for the access token")]
    Random(#[source] std::io::Error),
}

impl crate::diagnose::Diagnose for ServeError {
    fn help(&self) -> Option<String> {
        Some(match self {
            ServeError::NotLoopback(_) => "give --host ADDRESS to listen on another address, knowing that anyone who can reach it and has the token can change the workbook".into(),
            ServeError::Unspecified(_) => "give --host the address of this computer on the network, such as 192.168.1.20, so that requests for other names can be refused".into(),
            ServeError::Bind { .. } => "choose another port with --port, or leave it out to use any free one".into(),
            ServeError::Random(_) => "covalue reads /dev/urandom; run it where that exists".into(),
        })
    }
}

/// A running server.
pub struct Server {
    listener: TcpListener,
    gate: Gate,
    address: SocketAddr,
    site: pages::Site,
}

/// What every request must show before anything else is done with it: the
/// server's name in `Host`, and its token (in the address or the cookie).
struct Gate {
    secrets: auth::Secrets,
    hosts: Vec<String>,
    /// The cookie's name, with the port in it.
    cookie: String,
}

/// Opens the port and makes the token; requests are served by [`Server::run`].
pub fn start(options: &Options) -> Result<Server, ServeError> {
    if options.address.is_unspecified() {
        return Err(ServeError::Unspecified(options.address));
    }
    if !options.address.is_loopback() && !options.host_given {
        return Err(ServeError::NotLoopback(options.address));
    }
    let wanted = SocketAddr::new(options.address, options.port);
    let listener = TcpListener::bind(wanted).map_err(|source| ServeError::Bind {
        address: wanted,
        source,
    })?;
    let address = listener.local_addr().map_err(|source| ServeError::Bind {
        address: wanted,
        source,
    })?;
    let secrets = auth::Secrets::new().map_err(ServeError::Random)?;
    let host = options.host_given.then(|| options.address.to_string());
    let mut server = Server {
        listener,
        gate: Gate {
            hosts: auth::allowed_hosts(address.port(), host.as_deref()),
            cookie: auth::cookie_name(address.port()),
            secrets,
        },
        address,
        site: pages::Site::new(options.root.clone(), options.session.clone(), options.lang),
    };
    words::started(server.site.speaking());
    if options.host_given {
        // Another device in the room joins by scanning the home page's code.
        server.site.join = Some(server.url());
    }
    Ok(server)
}

impl Server {
    /// The address to open, with the token.
    pub fn url(&self) -> String {
        let host = match self.address.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        format!(
            "http://{host}:{}/?token={}",
            self.address.port(),
            self.gate.secrets.token
        )
    }

    /// The session record answers are listed in now, if any: the one
    /// named with `--session`, else the newest under `sessions/`.
    pub fn session(&self) -> Option<String> {
        self.site.session_in_use()
    }

    /// Serves requests until the process is stopped (Ctrl-C). Each save is
    /// written atomically before its answer is sent, so stopping loses
    /// nothing. Trouble with a connection is said on the terminal, and
    /// serving goes on.
    pub fn run(self, shell: &Shell) {
        let Server {
            listener,
            gate,
            site,
            ..
        } = self;
        let door = Door {
            gate: &gate,
            site: &site,
        };
        http::serve(
            listener,
            http::LIMITS,
            &door,
            |request| {
                let reply = words::during(site.speaking(), || gate.answer(&site, &request));
                for file in &reply.written {
                    // The terminal keeps a record of what the room changed.
                    let _ = shell.status("saved", file);
                }
                if let Some(trouble) = &reply.trouble {
                    shell.warn(format_args!(
                        "{} {}: {trouble}",
                        request.head.method,
                        request.head.path()
                    ));
                }
                reply.into_response()
            },
            |trouble| shell.warn(trouble),
        );
    }
}

/// What the connections' threads ask of the server: the gate's checks,
/// and the pages that refuse a request the HTTP layer could not take.
struct Door<'a> {
    gate: &'a Gate,
    site: &'a pages::Site,
}

impl http::Service for Door<'_> {
    fn admit(&self, head: &http::Head) -> Result<(), http::Response> {
        self.gate.admit(head)
    }

    /// In the workbook's language, read now, when the request was let in
    /// (its head showed the token); before that, in the language the
    /// server started in: nothing of the workbook is read for a client
    /// that has not shown the token.
    fn refusal(&self, why: http::Refusal) -> http::Response {
        let page = || {
            let help = format!("{}-help", why.message());
            Reply::html(
                why.status(),
                pages::plain_page(&words::t(why.message(), &[]), &words::t(&help, &[])),
            )
            .into_response()
        };
        match why.admitted() {
            true => words::during(self.site.speaking(), page),
            false => page(),
        }
    }
}

impl Gate {
    /// Whether a request may go on, from its head alone: the server's name
    /// in `Host`, and its token in the address or the cookie.
    fn admit(&self, head: &http::Head) -> Result<(), http::Response> {
        if !auth::host_ok(head.header("Host"), &self.hosts) {
            return Err(Reply::refused(
                &words::t("serve-refused-host", &[]),
                &words::t("serve-refused-host-help", &[]),
            )
            .into_response());
        }
        let query = auth::form_pairs(head.query());
        let in_address =
            auth::field(&query, "token").is_some_and(|t| auth::same(t, &self.secrets.token));
        let in_cookie = head
            .header("Cookie")
            .and_then(|c| auth::cookie(c, &self.cookie))
            .is_some_and(|c| auth::same(c, &self.secrets.token));
        if !in_address && !in_cookie {
            return Err(Reply::refused(
                &words::t("serve-refused-token", &[]),
                &words::t("serve-refused-token-help", &[]),
            )
            .into_response());
        }
        Ok(())
    }

    /// Answers a request that [`http::Service::admit`] let in.
    fn answer(&self, site: &pages::Site, request: &http::Request) -> Reply {
        let head = &request.head;
        let path = head.path();
        let query = auth::form_pairs(head.query());
        if let Some(token) = auth::field(&query, "token") {
            if auth::same(token, &self.secrets.token) {
                // Keep the token in a cookie and take it out of the address bar.
                let rest: Vec<String> = query
                    .iter()
                    .filter(|(k, _)| k != "token")
                    .map(|(k, v)| {
                        format!("{}={}", auth::percent_encode(k), auth::percent_encode(v))
                    })
                    .collect();
                let path = auth::local_path(path);
                let target = match rest.is_empty() {
                    true => path.to_string(),
                    false => format!("{path}?{}", rest.join("&")),
                };
                let mut reply = Reply::redirect(&target);
                reply.cookie = Some(auth::set_cookie(&self.cookie, &self.secrets.token).into());
                return reply;
            }
        }
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(auth::percent_decode)
            .collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        match head.method.as_str() {
            "GET" | "HEAD" => site.get(&segments, &query, &self.secrets.csrf),
            "POST" => {
                let Ok(body) = std::str::from_utf8(&request.body) else {
                    return Reply::refused(
                        &words::t("serve-refused-unreadable", &[]),
                        &words::t("serve-send-again", &[]),
                    );
                };
                let form = auth::form_pairs(body);
                let csrf_ok =
                    auth::field(&form, "csrf").is_some_and(|c| auth::same(c, &self.secrets.csrf));
                if !csrf_ok {
                    return Reply::refused(
                        &words::t("serve-refused-csrf", &[]),
                        &words::t("serve-refused-csrf-help", &[]),
                    );
                }
                site.post(&segments, &form, &self.secrets.csrf)
            }
            _ => Reply {
                allow: true,
                ..Reply::html(
                    405,
                    pages::plain_page(
                        &words::t("http-method", &[]),
                        &words::t("http-method-help", &[]),
                    ),
                )
            },
        }
    }
}

/// What a reply's body is.
#[derive(Debug, Clone, Copy)]
enum ContentType {
    Html,
    Css,
}

impl ContentType {
    fn header(self) -> &'static str {
        match self {
            ContentType::Html => "text/html; charset=utf-8",
            ContentType::Css => "text/css; charset=utf-8",
        }
    }
}

/// An answer to a request.
#[derive(Debug)]
pub(crate) struct Reply {
    status: u16,
    content_type: ContentType,
    body: Vec<u8>,
    location: Option<Box<str>>,
    cookie: Option<Box<str>>,
    /// Whether it says the methods served (`Allow`, with a 405).
    allow: bool,
    csp: &'static str,
    /// The workbook files this request wrote.
    written: Vec<String>,
    /// What went wrong, for the terminal only (it may name places outside
    /// the workbook, which the page does not show).
    trouble: Option<Box<str>>,
}

impl Reply {
    fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: ContentType::Html,
            body: body.into_bytes(),
            location: None,
            cookie: None,
            allow: false,
            csp: CONTENT_SECURITY_POLICY,
            written: Vec::new(),
            trouble: None,
        }
    }

    fn css(body: String) -> Reply {
        Reply {
            content_type: ContentType::Css,
            ..Reply::html(200, body)
        }
    }

    fn redirect(to: &str) -> Reply {
        Reply {
            location: Some(to.into()),
            ..Reply::html(303, String::new())
        }
    }

    fn refused(title: &str, help: &str) -> Reply {
        Reply::html(403, pages::plain_page(title, help))
    }

    fn into_response(self) -> http::Response {
        let mut headers = vec![
            ("Content-Type", self.content_type.header().to_string()),
            ("Content-Security-Policy", self.csp.to_string()),
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("Referrer-Policy", "no-referrer".to_string()),
            ("Cache-Control", "no-store".to_string()),
            ("X-Frame-Options", "DENY".to_string()),
        ];
        if let Some(location) = self.location {
            headers.push(("Location", location.into()));
        }
        if let Some(cookie) = self.cookie {
            headers.push(("Set-Cookie", cookie.into()));
        }
        if self.allow {
            headers.push(("Allow", "GET, HEAD, POST".to_string()));
        }
        http::Response {
            status: self.status,
            headers,
            body: self.body,
        }
    }
}
