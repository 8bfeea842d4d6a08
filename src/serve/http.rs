//! The HTTP/1.1 server under `covalue serve`: small and strict, on
//! `std::net`, because the room's network and every local user are
//! untrusted clients. What one client may ask is bounded ([`Limits`]):
//!
//! - how many connections are open at once: past the limit, or when the
//!   system has no file descriptor left, the one that has waited longest
//!   for its request is closed to make room;
//! - how long a request may take to arrive (its head, then its body), and
//!   how long the answer may take to be read;
//! - the size of the request line and headers (16 KiB, 100 headers: 431
//!   above), and of a body, which must announce its length
//!   (`Content-Length`, 413 above the limit before a byte of it is read; a
//!   `Transfer-Encoding` is refused with 411 rather than cut);
//! - one request per connection (`Connection: close`): bytes pipelined after
//!   it are not read as requests;
//! - the bodies being read at once, together (32 MiB: 503 above).
//!
//! Every connection is read by a thread of its own, with a small stack; a
//! request is let in or refused from its head alone ([`Service::admit`]:
//! the token and `Host` checks), so a client without the token never has a
//! body read. Requests let in are answered one at a time, in order, by the
//! thread that called [`serve`]. An error while accepting a connection (too
//! many open files, say) is reported and accepting goes on; the server never
//! stops on its own.

use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread::Scope;
use std::time::{Duration, Instant};

/// The bounds of what one client may ask of the server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The request line and headers, together, in bytes.
    pub head_bytes: usize,
    /// How many header lines.
    pub headers: usize,
    /// A body, in bytes.
    pub body_bytes: u64,
    /// How long the request line and headers may take to arrive, from the
    /// moment the connection is accepted (an idle connection is closed then).
    pub head_time: Duration,
    /// How long the body may take to arrive, once the headers are in.
    pub body_time: Duration,
    /// How long the answer may take to be read by the client.
    pub write_time: Duration,
    /// How many connections may be open at once.
    pub connections: usize,
    /// The bodies of all requests being read, together, in bytes.
    pub bodies_bytes: u64,
}

/// The limits `covalue serve` uses: a page is a few hundred kilobytes, a
/// form a few kilobytes, and the room's browsers are near.
pub const LIMITS: Limits = Limits {
    head_bytes: 16 << 10,
    headers: 100,
    body_bytes: 4 << 20,
    head_time: Duration::from_secs(10),
    body_time: Duration::from_secs(10),
    write_time: Duration::from_secs(20),
    connections: 256,
    bodies_bytes: 32 << 20,
};

/// How long, and how much, is read and dropped after an answer, so that
/// closing a connection with bytes still unread does not reset it before the
/// client has read the answer.
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_BYTES: usize = 1 << 20;

/// The stack of a connection's thread: it only reads and parses.
const CONNECTION_STACK: usize = 256 << 10;

/// File descriptors kept for reading the workbook, whatever the connections.
#[cfg(unix)]
const FILES_KEPT: usize = 64;

/// How long to wait before accepting again after accepting failed.
const ACCEPT_PAUSE: Duration = Duration::from_millis(50);

/// How often at most the same accept error is reported.
const TROUBLE_EVERY: Duration = Duration::from_secs(10);

/// A request's line and headers.
#[derive(Debug, Clone)]
pub struct Head {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path and query as sent (`/p/ms?token=…`).
    pub target: String,
    /// The header lines, names as sent, values trimmed.
    pub headers: Vec<(String, String)>,
}

impl Head {
    /// The value of the first header called `name` (in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The path of the target, without its query.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The query of the target, without its `?` (empty when none).
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

/// A request that was let in, with its whole body.
#[derive(Debug)]
pub struct Request {
    /// Its line and headers.
    pub head: Head,
    /// Its body (empty when none was sent).
    pub body: Vec<u8>,
}

/// An answer.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header lines besides `Content-Length` and `Connection`, which are
    /// added. A value holding a control character is not sent.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

/// What the server asks of the application from the connections' threads.
pub trait Service: Sync {
    /// Whether a request may go on, from its head alone, before any body is
    /// read; or the answer that refuses it.
    fn admit(&self, head: &Head) -> Result<(), Response>;

    /// The answer that refuses a request the server could not take (too
    /// large, too slow, malformed), saying why and what to do in the words
    /// of the application's pages.
    fn refusal(&self, why: Refusal) -> Response;
}

/// Why the server could not take a request. The application words it
/// ([`Refusal::message`]); the status is the server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No room for another connection.
    Crowded,
    /// The bodies being read leave no room for this one.
    Busy,
    /// The request line and headers did not arrive in time.
    HeadLate,
    /// The body did not arrive in time.
    BodyLate,
    /// The request line and headers are larger than the limit.
    HeadTooLarge,
    /// More header lines than the limit.
    TooManyHeaders,
    /// Not a request a browser sends.
    Malformed,
    /// Not HTTP/1.1 or 1.0.
    Version,
    /// A body sent in pieces (`Transfer-Encoding`).
    Chunked,
    /// A POST or PUT without `Content-Length`.
    NoLength,
    /// A `Content-Length` that cannot be read.
    BadLength,
    /// A body larger than the limit.
    TooLarge,
}

impl Refusal {
    /// The status it is answered with.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Crowded | Refusal::Busy => 503,
            Refusal::HeadLate | Refusal::BodyLate => 408,
            Refusal::HeadTooLarge | Refusal::TooManyHeaders => 431,
            Refusal::Malformed | Refusal::BadLength => 400,
            Refusal::Version => 505,
            Refusal::Chunked | Refusal::NoLength => 411,
            Refusal::TooLarge => 413,
        }
    }

    /// The id of the message that says it (its help is the id with
    /// `-help` after it).
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Crowded => "http-crowded",
            Refusal::Busy => "http-busy",
            Refusal::HeadLate => "http-head-late",
            Refusal::BodyLate => "http-body-late",
            Refusal::HeadTooLarge => "http-head-too-large",
            Refusal::TooManyHeaders => "http-too-many-headers",
            Refusal::Malformed => "http-malformed",
            Refusal::Version => "http-version",
            Refusal::Chunked => "http-chunked",
            Refusal::NoLength => "http-no-length",
            Refusal::BadLength => "http-bad-length",
            Refusal::TooLarge => "http-too-large",
        }
    }

    /// Whether it refuses a request that was let in ([`Service::admit`]):
    /// its body is refused, after its head showed the token.
    pub fn admitted(self) -> bool {
        matches!(
            self,
            Refusal::Busy
                | Refusal::BodyLate
                | Refusal::Chunked
                | Refusal::NoLength
                | Refusal::BadLength
                | Refusal::TooLarge
        )
    }
}

/// What the connections' threads hand to the thread that answers.
enum Job {
    /// A request let in, and where its answer goes.
    Request(Request, mpsc::Sender<Response>),
    /// Something the person running the server should know.
    Trouble(String),
}

/// Serves connections from `listener` forever: `answer` is called for every
/// request let in, one at a time, on the calling thread; `trouble` for what
/// the terminal should show (an accept error).
pub fn serve<S: Service>(
    listener: TcpListener,
    limits: Limits,
    service: &S,
    mut answer: impl FnMut(Request) -> Response,
    mut trouble: impl FnMut(&str),
) {
    let (jobs, queue) = mpsc::channel::<Job>();
    let open = Open::default();
    std::thread::scope(|scope| {
        let open = &open;
        let spawned = std::thread::Builder::new()
            .name("covalue-accept".into())
            .spawn_scoped(scope, move || {
                accept_forever(scope, &listener, limits, service, open, jobs)
            });
        if let Err(e) = spawned {
            trouble(&format!("cannot start serving: {e}"));
            return;
        }
        // The sender lives in the accepting thread, which never ends, so
        // this loop does not end either (Ctrl-C ends the process).
        for job in queue {
            match job {
                Job::Request(request, reply) => {
                    // A client gone meanwhile does not matter.
                    let _ = reply.send(answer(request));
                }
                Job::Trouble(text) => trouble(&text),
            }
        }
    });
}

/// The connections open now, oldest first, and the bytes their bodies may
/// take.
#[derive(Default)]
struct Open {
    entries: Mutex<VecDeque<Arc<Entry>>>,
    bodies: Mutex<u64>,
}

/// Room for a body of `bytes`, given back when dropped.
struct BodyRoom<'a> {
    open: &'a Open,
    bytes: u64,
}

impl Drop for BodyRoom<'_> {
    fn drop(&mut self) {
        let mut taken = self
            .open
            .bodies
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *taken = taken.saturating_sub(self.bytes);
    }
}

/// An open connection, as the accepting thread sees it.
struct Entry {
    id: u64,
    /// A second handle on the socket, to close it from outside.
    stream: TcpStream,
    /// Whether it is still waiting for its request's head.
    waiting: AtomicBool,
}

impl Open {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Arc<Entry>>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Makes room for one more connection when `limit` are open: closes the
    /// oldest that is still waiting for its request. False when every open
    /// connection is busy with a request.
    fn make_room(&self, limit: usize) -> bool {
        let mut entries = self.lock();
        entries.len() < limit || Open::close_oldest_waiting(&mut entries)
    }

    /// Closes the connection that has waited longest for its request (when
    /// accepting fails for want of file descriptors, say). False when none
    /// is waiting.
    fn close_oldest(&self) -> bool {
        Open::close_oldest_waiting(&mut self.lock())
    }

    fn close_oldest_waiting(entries: &mut VecDeque<Arc<Entry>>) -> bool {
        let Some(at) = entries
            .iter()
            .position(|e| e.waiting.load(Ordering::Acquire))
        else {
            return false;
        };
        if let Some(oldest) = entries.remove(at) {
            // Its thread wakes up from its read, ends, and closes the socket.
            let _ = oldest.stream.shutdown(Shutdown::Both);
        }
        true
    }

    /// Room for a body of `bytes`, when the bodies being read leave it.
    fn body_room(&self, bytes: u64, limit: u64) -> Option<BodyRoom<'_>> {
        let mut taken = self.bodies.lock().unwrap_or_else(PoisonError::into_inner);
        if taken.saturating_add(bytes) > limit {
            return None;
        }
        *taken += bytes;
        Some(BodyRoom { open: self, bytes })
    }

    fn add(&self, entry: Arc<Entry>) {
        self.lock().push_back(entry);
    }

    fn remove(&self, id: u64) {
        self.lock().retain(|e| e.id != id);
    }
}

/// Removes a connection from the open ones when its thread ends, however it ends.
struct Registered<'a> {
    open: &'a Open,
    entry: Arc<Entry>,
}

impl Drop for Registered<'_> {
    fn drop(&mut self) {
        self.open.remove(self.entry.id);
    }
}

fn accept_forever<'scope, S: Service>(
    scope: &'scope Scope<'scope, '_>,
    listener: &TcpListener,
    limits: Limits,
    service: &'scope S,
    open: &'scope Open,
    jobs: mpsc::Sender<Job>,
) {
    let connections = connection_limit(limits.connections);
    let mut next_id = 0u64;
    let mut last_trouble: Option<(String, Instant)> = None;
    let mut report = |text: String| {
        let now = Instant::now();
        let repeated = last_trouble
            .as_ref()
            .is_some_and(|(last, at)| *last == text && now.duration_since(*at) < TROUBLE_EVERY);
        if !repeated {
            let _ = jobs.send(Job::Trouble(text.clone()));
            last_trouble = Some((text, now));
        }
    };
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            // A client that went away before it was accepted.
            Err(e) if is_gone(&e) => continue,
            Err(e) => {
                report(format!(
                    "cannot accept a connection ({e}); still serving, trying again"
                ));
                if out_of_files(&e) {
                    // The idlest connection makes way for the new one.
                    open.close_oldest();
                }
                std::thread::sleep(ACCEPT_PAUSE);
                continue;
            }
        };
        if !open.make_room(connections) {
            refuse_at_once(stream, service);
            continue;
        }
        let handle = match clone_making_room(&stream, open, &mut report) {
            Ok(handle) => handle,
            Err(e) => {
                report(format!(
                    "cannot take a connection ({e}); still serving, trying again"
                ));
                std::thread::sleep(ACCEPT_PAUSE);
                continue;
            }
        };
        next_id += 1;
        let entry = Arc::new(Entry {
            id: next_id,
            stream: handle,
            waiting: AtomicBool::new(true),
        });
        open.add(Arc::clone(&entry));
        let registered = Registered { open, entry };
        let jobs = jobs.clone();
        let spawned = std::thread::Builder::new()
            .name("covalue-connection".into())
            .stack_size(CONNECTION_STACK)
            .spawn_scoped(scope, move || {
                connection(stream, limits, service, open, &registered.entry, &jobs);
                drop(registered);
            });
        if let Err(e) = spawned {
            // The connection (moved into the closure) is closed and unregistered.
            report(format!(
                "cannot start a thread for a connection ({e}); still serving"
            ));
        }
    }
}

/// Whether accepting failed only because of the client (interrupted, or
/// gone before it was accepted): nothing to report or wait for.
fn is_gone(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::Interrupted
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Whether the process or the system has no file descriptor left.
fn out_of_files(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
    }
    #[cfg(windows)]
    {
        // WSAEMFILE: no socket handle left.
        e.raw_os_error() == Some(10024)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = e;
        true
    }
}

/// A second handle on a connection; when the system has no file descriptor
/// left for it, idle connections are closed to make one.
fn clone_making_room(
    stream: &TcpStream,
    open: &Open,
    report: &mut impl FnMut(String),
) -> io::Result<TcpStream> {
    let mut tries = 0;
    loop {
        match stream.try_clone() {
            Ok(handle) => return Ok(handle),
            Err(e) if tries == 20 || !open.close_oldest() => return Err(e),
            Err(e) => {
                report(format!(
                    "no file left for a new connection ({e}); the idlest one was closed, still serving"
                ));
                // The closed connection's thread needs a moment to let go of it.
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        tries += 1;
    }
}

/// How many connections may be open at once: `wanted`, or fewer when the
/// process may not open that many files (each connection takes two, and
/// reading the workbook needs some).
fn connection_limit(wanted: usize) -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit(2) only writes the struct it is given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
            let files = usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX);
            return wanted.min(files.saturating_sub(FILES_KEPT) / 2).max(4);
        }
    }
    wanted
}

/// Answers 503 to a connection there is no room for, without waiting for it.
fn refuse_at_once<S: Service>(stream: TcpStream, service: &S) {
    let response = service.refusal(Refusal::Crowded);
    if stream.set_nonblocking(true).is_ok() {
        let _ = (&stream).write(&response_bytes(&response, false));
    }
}

/// Why no request came from a connection.
enum NoRequest {
    /// The client went away, or sent nothing in time: nothing to answer.
    Closed,
    /// The request cannot be taken: this answer says why.
    Refused(Response),
}

/// Reads one request from a connection, has it answered, writes the answer.
fn connection<S: Service>(
    mut stream: TcpStream,
    limits: Limits,
    service: &S,
    open: &Open,
    entry: &Entry,
    jobs: &mpsc::Sender<Job>,
) {
    let accepted = Instant::now();
    let read = read_request(&mut stream, limits, service, open, entry, accepted);
    let (response, head_only) = match read {
        // The body's room is given back once the request is answered.
        Ok((request, _room)) => {
            let head_only = request.head.method == "HEAD";
            let (reply, answer) = mpsc::channel();
            if jobs.send(Job::Request(request, reply)).is_err() {
                return;
            }
            match answer.recv() {
                Ok(response) => (response, head_only),
                Err(_) => return,
            }
        }
        Err(NoRequest::Closed) => return,
        Err(NoRequest::Refused(response)) => (response, false),
    };
    if write_response(&mut stream, &response, head_only, limits.write_time).is_ok() {
        linger(&mut stream);
    }
}

/// Reads a request's head, lets it in or refuses it, then reads its body.
fn read_request<'a, S: Service>(
    stream: &mut TcpStream,
    limits: Limits,
    service: &S,
    open: &'a Open,
    entry: &Entry,
    accepted: Instant,
) -> Result<(Request, Option<BodyRoom<'a>>), NoRequest> {
    let refuse = |why: Refusal| NoRequest::Refused(service.refusal(why));
    let (head, mut body) = read_head(stream, limits, accepted + limits.head_time, &refuse)?;
    entry.waiting.store(false, Ordering::Release);
    service.admit(&head).map_err(NoRequest::Refused)?;
    let length = body_length(&head, limits, &refuse)?;
    if length == 0 {
        let request = Request {
            head,
            body: Vec::new(),
        };
        return Ok((request, None));
    }
    let Some(room) = open.body_room(length, limits.bodies_bytes) else {
        return Err(refuse(Refusal::Busy));
    };
    if head
        .header("Expect")
        .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.set_write_timeout(Some(limits.write_time));
        if stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err() {
            return Err(NoRequest::Closed);
        }
    }
    // `length` is at most `body_bytes`, which fits in memory.
    let length = usize::try_from(length).unwrap_or(usize::MAX);
    body.truncate(length);
    body.reserve_exact(length - body.len());
    let deadline = Instant::now() + limits.body_time;
    let mut chunk = [0u8; 16 << 10];
    while body.len() < length {
        let want = (length - body.len()).min(chunk.len());
        match read_before(stream, &mut chunk[..want], deadline) {
            Ok(0) => return Err(NoRequest::Closed),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if is_timeout(&e) => {
                return Err(refuse(Refusal::BodyLate));
            }
            Err(_) => return Err(NoRequest::Closed),
        }
    }
    Ok((Request { head, body }, Some(room)))
}

/// Reads until the end of the head; returns it parsed, and the bytes read
/// after it (the start of the body).
fn read_head(
    stream: &mut TcpStream,
    limits: Limits,
    deadline: Instant,
    refuse: &impl Fn(Refusal) -> NoRequest,
) -> Result<(Head, Vec<u8>), NoRequest> {
    let mut buffer: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match read_before(stream, &mut chunk, deadline) {
            Ok(0) => return Err(NoRequest::Closed),
            Ok(n) => n,
            Err(e) if is_timeout(&e) && buffer.is_empty() => return Err(NoRequest::Closed),
            Err(e) if is_timeout(&e) => {
                return Err(refuse(Refusal::HeadLate));
            }
            Err(_) => return Err(NoRequest::Closed),
        };
        let searched_from = buffer.len().saturating_sub(3);
        buffer.extend_from_slice(&chunk[..n]);
        // Empty lines before a request line are allowed, and skipped.
        let start = buffer
            .iter()
            .position(|b| *b != b'\r' && *b != b'\n')
            .unwrap_or(buffer.len());
        if let Some(end) = head_end(&buffer, searched_from.max(start)) {
            if end - start > limits.head_bytes {
                return Err(refuse(Refusal::HeadTooLarge));
            }
            let head = parse_head(&buffer[start..end], limits).map_err(refuse)?;
            return Ok((head, buffer.split_off(end)));
        }
        if buffer.len() - start > limits.head_bytes {
            return Err(refuse(Refusal::HeadTooLarge));
        }
    }
}

/// Where the head ends (after its empty line), searching from `from`.
fn head_end(buffer: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < buffer.len() {
        if buffer[i] == b'\n' {
            if buffer[i + 1..].starts_with(b"\n") {
                return Some(i + 2);
            }
            if buffer[i + 1..].starts_with(b"\r\n") {
                return Some(i + 3);
            }
        }
        i += 1;
    }
    None
}

/// Parses a request line and its headers; or why they are refused.
fn parse_head(bytes: &[u8], limits: Limits) -> Result<Head, Refusal> {
    const BAD: Refusal = Refusal::Malformed;
    let text = std::str::from_utf8(bytes).map_err(|_| BAD)?;
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .take_while(|l| !l.is_empty());
    let line = lines.next().ok_or(BAD)?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BAD);
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(BAD);
    }
    if target.is_empty() || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(BAD);
    }
    if version != "HTTP/1.1" && version != "HTTP/1.0" {
        return Err(Refusal::Version);
    }
    let mut headers = Vec::new();
    for line in lines {
        if headers.len() == limits.headers {
            return Err(Refusal::TooManyHeaders);
        }
        // A line folded onto the one before is obsolete, and refused.
        let (name, value) = line.split_once(':').ok_or(BAD)?;
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(BAD);
        }
        let value = value.trim_matches([' ', '\t']);
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(BAD);
        }
        headers.push((name.to_string(), value.to_string()));
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        headers,
    })
}

/// Whether a byte may be part of a header's name (RFC 9110 `tchar`).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The length of a request's body: refused when not announced for a POST,
/// when sent in chunks, or when too large.
fn body_length(
    head: &Head,
    limits: Limits,
    refuse: &impl Fn(Refusal) -> NoRequest,
) -> Result<u64, NoRequest> {
    if head.header("Transfer-Encoding").is_some() {
        return Err(refuse(Refusal::Chunked));
    }
    let mut lengths = head
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .map(|(_, v)| v.as_str());
    let Some(first) = lengths.next() else {
        return match head.method.as_str() {
            "POST" | "PUT" => Err(refuse(Refusal::NoLength)),
            _ => Ok(0),
        };
    };
    let bad = || refuse(Refusal::BadLength);
    if lengths.any(|other| other != first)
        || first.is_empty()
        || !first.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    // Digits only: too many of them is too large, not unreadable.
    let length = first.parse::<u64>().unwrap_or(u64::MAX);
    if length > limits.body_bytes {
        return Err(refuse(Refusal::TooLarge));
    }
    Ok(length)
}

/// Reads into `buf`, waiting no later than `deadline`.
fn read_before(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// The bytes of an answer: status line, headers, and the body unless `head_only`.
fn response_bytes(response: &Response, head_only: bool) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        if value.chars().any(char::is_control) {
            continue;
        }
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&response.body);
    }
    bytes
}

/// Writes an answer, giving up when the client does not read it in time.
fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    time: Duration,
) -> io::Result<()> {
    let bytes = response_bytes(response, head_only);
    let deadline = Instant::now() + time;
    let mut written = 0;
    while written < bytes.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        let end = bytes.len().min(written + (64 << 10));
        match stream.write(&bytes[written..end]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => written += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    stream.flush()
}

/// Closes the sending side, then reads and drops what the client still
/// sends, for a short while, so that the answer is not lost to a reset.
fn linger(stream: &mut TcpStream) {
    if stream.shutdown(Shutdown::Write).is_err() {
        return;
    }
    let deadline = Instant::now() + LINGER_TIME;
    let mut chunk = [0u8; 16 << 10];
    let mut dropped = 0;
    while dropped < LINGER_BYTES {
        match read_before(stream, &mut chunk, deadline) {
            Ok(0) | Err(_) => return,
            Ok(n) => dropped += n,
        }
    }
}

/// The reason phrase of a status.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Head, Refusal> {
        parse_head(text.as_bytes(), LIMITS)
    }

    #[test]
    fn a_browsers_request_is_read() {
        let head =
            parse("GET /p/ms?token=ab HTTP/1.1\r\nHost: 127.0.0.1:8\r\nCookie:  a=b \r\n\r\n")
                .expect("a request");
        assert_eq!(head.method, "GET");
        assert_eq!(head.path(), "/p/ms");
        assert_eq!(head.query(), "token=ab");
        assert_eq!(head.header("host"), Some("127.0.0.1:8"));
        assert_eq!(head.header("COOKIE"), Some("a=b"));
    }

    #[test]
    fn malformed_heads_are_refused() {
        for bad in [
            "GET /\r\n\r\n",
            "GET  / HTTP/1.1\r\n\r\n",
            "get / HTTP/1.1\r\n\r\n",
            "GET /a\u{7f} HTTP/1.1\r\n\r\n",
            "GET /é HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\u{1b}b\r\n\r\n",
        ] {
            assert_eq!(parse(bad).map(|_| ()).unwrap_err().status(), 400, "{bad:?}");
        }
        assert_eq!(parse("GET / HTTP/2\r\n\r\n").unwrap_err().status(), 505);
        let many: String = (0..=LIMITS.headers)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect();
        assert_eq!(
            parse(&format!("GET / HTTP/1.1\r\n{many}\r\n"))
                .unwrap_err()
                .status(),
            431
        );
    }

    /// Every refusal.
    const ALL_REFUSALS: [Refusal; 12] = [
        Refusal::Crowded,
        Refusal::Busy,
        Refusal::HeadLate,
        Refusal::BodyLate,
        Refusal::HeadTooLarge,
        Refusal::TooManyHeaders,
        Refusal::Malformed,
        Refusal::Version,
        Refusal::Chunked,
        Refusal::NoLength,
        Refusal::BadLength,
        Refusal::TooLarge,
    ];

    /// A refusal whose words are missing would be a page without them:
    /// every one has its title and help in every language.
    #[test]
    fn every_refusal_has_its_words_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            let catalogue = crate::i18n::Catalogue::builtin(lang);
            for why in ALL_REFUSALS {
                for id in [why.message().to_string(), format!("{}-help", why.message())] {
                    let said = catalogue.message(&id, &[]);
                    assert!(said.is_ok_and(|s| !s.is_empty()), "{lang:?}: {id}");
                }
                assert!(matches!(why.status(), 400..=599), "{why:?}");
            }
        }
    }

    #[test]
    fn the_head_ends_at_its_empty_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nbody", 0), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\n\nbody", 0), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n", 0), None);
    }

    #[test]
    fn an_answer_carries_its_length_and_no_header_with_a_line_break() {
        let response = Response {
            status: 303,
            headers: vec![
                ("Location", "/\r\nSet-Cookie: x=1".into()),
                ("X-Ok", "yes".into()),
            ],
            body: b"hi".to_vec(),
        };
        let text = String::from_utf8(response_bytes(&response, false)).expect("text");
        assert!(text.starts_with("HTTP/1.1 303 See Other\r\n"), "{text}");
        assert!(!text.contains("Set-Cookie") && text.contains("X-Ok: yes\r\n"));
        assert!(text.ends_with("Content-Length: 2\r\nConnection: close\r\n\r\nhi"));
        let head = String::from_utf8(response_bytes(&response, true)).expect("text");
        assert!(head.ends_with("\r\n\r\n"));
    }
}
