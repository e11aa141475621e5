//! The preview's HTTP server: the site from memory, never from `output/`.
//!
//! hyper speaks HTTP/1.1 (keep-alive, HEAD, malformed requests) on a
//! current-thread tokio runtime of its own thread; every connection is a
//! task, so a browser may keep as many open as it likes and each is read
//! as soon as it sends. (tiny_http, used before, ran each connection on a
//! pool thread and could leave one accepted at the same instant as another
//! unread until some other connection closed: a page then waited for a
//! stylesheet as long as the browser kept its connections.) Answers are
//! computed on tokio's blocking threads, since a request may rebuild the
//! search index; an event stream is a task of its own
//! ([`Reloader::open`]), writing into the response body through a channel,
//! so open tabs never hold the threads pages are answered on.
//!
//! A connection must send a request's headers within [`HEADER_TIMEOUT`],
//! the first request as every next one on a kept-alive connection: a
//! request sent halfway or a connection left idle is closed, so no client
//! holds a socket and a task for ever. Every request is first checked for
//! the preview's own address (`Host`), and one that would change something
//! for its own origin (`Origin`): see [`Addresses`].
//!
//! What is served is `Published`: a copy of the last good files that the
//! watch loop updates in one short write-locked step after each rebuild, so
//! a request never waits for a rebuild and never sees half of one.
//! Generated files are served from memory; copied files (images, fonts) are
//! read from the sources on request, through the path the build recorded,
//! never a path from the request.
//!
//! Request paths are checked before any lookup: percent-decoded once,
//! anything with a `.` or `..` segment, a backslash, a NUL or a still
//! encoded dot or slash is refused with 403, so no spelling of `..` gets
//! anywhere (the lookup is in a map anyway: this is defence in depth, and
//! a clear answer).

use std::convert::Infallible;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use tokio::sync::{mpsc, oneshot};

use super::addresses::Addresses;
use super::incremental::Session;
use super::overlay;
use super::reload::{self, Reloader};
use crate::language::Language;
use crate::messages::t;
use crate::render::{Content, Files};
use crate::site::PageFolder;

/// How long a connection may take to send a request's headers, or stay
/// idle between two requests, before it is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// What the server shows.
pub struct Published {
    /// The last good files.
    pub files: Files,
    /// The failed rebuild's report, when the last rebuild failed.
    pub errors: Option<String>,
    /// The site's language, for the overlay.
    pub lang: Language,
    /// The URL path the site lives under (`/`, or `/rh/` for a base URL
    /// with a path).
    pub root_path: String,
}

/// Everything the server threads share with the watch loop.
pub struct Shared {
    /// The site root (copied files are read under it).
    pub root: PathBuf,
    /// What is served.
    pub published: RwLock<Published>,
    /// The tabs to reload.
    pub reloader: Reloader,
    /// The session, for the search index rebuilt on demand.
    pub session: Mutex<Session>,
    /// Whether the search index lags behind the pages.
    pub search_stale: AtomicBool,
    /// The addresses the server answers to.
    pub addresses: Addresses,
    /// What answers under its own path besides the site (the studio).
    pub extension: Option<Arc<dyn Extension>>,
}

impl Shared {
    /// The site's language, as last built (French before a first build).
    pub fn lang(&self) -> Language {
        self.published.read().map(|p| p.lang).unwrap_or_default()
    }
}

/// A part of Gazette the preview's server hands some requests to (the
/// studio, which lives above `serve` and which `serve` does not know):
/// every request under [`Extension::prefix`], once its `Host` (and, for a
/// method other than GET and HEAD, its `Origin`) passed the server's
/// checks, with its body read (at most [`Extension::body_limit`] bytes).
pub trait Extension: Send + Sync + std::fmt::Debug {
    /// The path its requests start with (`/__gazette/studio/`).
    fn prefix(&self) -> &str;
    /// The most bytes a request's body may have (a photo uploaded).
    fn body_limit(&self) -> usize;
    /// The answer to `request`; called on a blocking thread, so it may
    /// lock the session and render.
    fn answer(&self, request: Handed, shared: &Shared) -> Answer;
    /// What to add to a page of the site served at `file` (its output
    /// path), if anything: HTML put before `</body>`.
    fn page_extra(&self, file: &str, shared: &Shared) -> Option<String>;
}

/// A request handed to an [`Extension`].
#[derive(Debug)]
pub struct Handed {
    /// `GET`, `POST`…
    pub method: Method,
    /// The path after the extension's prefix, percent-decoded, checked as
    /// every request path is (no `..`).
    pub path: String,
    /// The query string, as sent (without `?`).
    pub query: String,
    /// The request's headers.
    pub headers: hyper::HeaderMap,
    /// The whole body.
    pub body: Bytes,
}

impl Shared {
    /// Applies a rebuild's changes from `files` (the session's).
    pub fn apply(&self, files: &Files, changed: &[String], removed: &[String]) {
        if let Ok(mut p) = self.published.write() {
            for path in removed {
                p.files.remove(path);
            }
            for path in changed {
                if let Some(c) = files.get(path) {
                    p.files.insert(path.clone(), c.clone());
                }
            }
        }
    }
}

/// The running server: its thread, and the signal that stops it.
pub struct HttpServer {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpServer {
    /// Serves `listener` on a thread of its own until [`stop`](Self::stop).
    pub fn start(listener: std::net::TcpListener, shared: Arc<Shared>) -> io::Result<HttpServer> {
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("gazette-http".into())
            .spawn(move || {
                runtime.block_on(accept(listener, shared, stopped));
                // Open connections and event streams are abandoned, not
                // awaited: the reloader has told the streams to end.
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(HttpServer {
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Stops accepting, drops the open connections and waits for the thread.
    pub fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until `stopped`, each served as a task of its own.
async fn accept(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    mut stopped: oneshot::Receiver<()>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let accepted = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, say: wait rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |request| handle(request, shared.clone()));
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A response body: the whole of it at once, or an event stream.
type Reply = Response<BoxBody<Bytes, Infallible>>;

/// Answers one request.
async fn handle(request: Request<Incoming>, shared: Arc<Shared>) -> Result<Reply, Infallible> {
    if let Some(refused) = refusal(&request, &shared) {
        return Ok(refused.into_reply());
    }
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    if method == Method::GET && target.split('?').next() == Some(reload::EVENTS_PATH) {
        return Ok(event_stream(shared));
    }
    if let Some(extension) = shared.extension.clone()
        && target.starts_with(extension.prefix())
    {
        return Ok(hand_over(request, &target, extension, shared)
            .await
            .into_reply());
    }
    let lang = shared.lang();
    let answer = tokio::task::spawn_blocking(move || answer(&method, &target, &shared))
        .await
        .unwrap_or_else(|_| Answer::bare(500, lang));
    Ok(answer.into_reply())
}

/// Reads the body of a request for `extension` (up to its limit) and has
/// it answered on a blocking thread.
async fn hand_over(
    request: Request<Incoming>,
    target: &str,
    extension: Arc<dyn Extension>,
    shared: Arc<Shared>,
) -> Answer {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let rest = &path[extension.prefix().len()..];
    let path = match request_path(&format!("/{rest}")) {
        Ok(p) => p.trim_start_matches('/').to_string(),
        Err(Refused::Malformed) => return Answer::bare(400, shared.lang()),
        Err(Refused::Outside) => return Answer::bare(403, shared.lang()),
    };
    let (parts, body) = request.into_parts();
    let limit = extension.body_limit();
    let body = match http_body_util::Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Answer::bare(413, shared.lang()),
    };
    let handed = Handed {
        method: parts.method,
        path,
        query: query.to_string(),
        headers: parts.headers,
        body,
    };
    let lang = shared.lang();
    tokio::task::spawn_blocking(move || extension.answer(handed, &shared))
        .await
        .unwrap_or_else(|_| Answer::bare(500, lang))
}

/// The answer to a request the server must not serve: a `Host` that is not
/// one of its addresses (421), or a method other than GET and HEAD sent
/// from a page that is not the preview's (403). The body says why, in the
/// site's language.
fn refusal(request: &Request<Incoming>, shared: &Shared) -> Option<Answer> {
    let headers = request.headers();
    let host = match request.uri().authority() {
        Some(authority) => Some(authority.as_str()),
        // Two `Host` headers are ambiguous: none is trusted.
        None if headers.get_all(hyper::header::HOST).iter().count() == 1 => headers
            .get(hyper::header::HOST)
            .and_then(|h| h.to_str().ok()),
        None => None,
    };
    let lang = || shared.published.read().map(|p| p.lang).unwrap_or_default();
    let addresses = &shared.addresses;
    if !addresses.accepts_host(host) {
        return Some(Answer::plain(421, &addresses.wrong_host(host, lang())));
    }
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return None;
    }
    let origin = headers
        .get(hyper::header::ORIGIN)
        .and_then(|o| o.to_str().ok());
    (!addresses.accepts_origin(origin, host))
        .then(|| Answer::plain(403, &addresses.wrong_origin(origin, lang())))
}

/// The event stream of live reload: [`Reloader::open`]'s chunks as they
/// come. It ends when the browser goes or when the server stops.
fn event_stream(shared: Arc<Shared>) -> Reply {
    let mut response = Response::new(EventBody(shared.reloader.open()).boxed());
    let headers = response.headers_mut();
    for (name, value) in [
        ("content-type", "text/event-stream; charset=utf-8"),
        ("cache-control", "no-store"),
        ("x-accel-buffering", "no"),
    ] {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

/// An event stream's body: what the stream's task sends, as it comes.
struct EventBody(mpsc::Receiver<Bytes>);

impl Body for EventBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0
            .poll_recv(cx)
            .map(|chunk| chunk.map(|b| Ok(Frame::data(b))))
    }
}

/// A whole answer: status, headers, body.
pub struct Answer {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    allow: bool,
    body: Vec<u8>,
}

impl Answer {
    /// An answer with `status`, of `content_type`.
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Answer {
        Answer {
            status,
            content_type,
            location: None,
            allow: false,
            body,
        }
    }

    /// A bare answer with `status` (400, 403, 404, 405, 413 or 500) saying
    /// what went wrong in `lang`, the site's language: no page of the site
    /// can answer (its own 404 page answers when it has one).
    pub fn bare(status: u16, lang: Language) -> Answer {
        let text = match status {
            400 => t!(lang, "serve-http-400"),
            403 => t!(lang, "serve-http-403"),
            404 => t!(lang, "serve-http-404"),
            405 => t!(lang, "serve-http-405"),
            413 => t!(lang, "serve-http-413"),
            _ => t!(lang, "serve-http-500"),
        };
        Answer::plain(status, &format!("{status} {text}\n"))
    }

    /// A plain-text answer.
    pub fn plain(status: u16, text: &str) -> Answer {
        Answer::new(
            status,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        )
    }

    /// Its status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Its body.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }

    fn into_reply(self) -> Reply {
        let mut response = Response::new(Full::new(Bytes::from(self.body)).boxed());
        *response.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(
            hyper::header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        headers.insert(
            hyper::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
        headers.insert(
            hyper::header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        if let Some(to) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            headers.insert(hyper::header::LOCATION, to);
        }
        if self.allow {
            headers.insert(hyper::header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        }
        response
    }
}

/// Why a request path is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a valid percent-encoding.
    Malformed,
    /// It tries to leave the site.
    Outside,
}

/// The file path a request path names, relative to the site's root path:
/// `/a/b/` → `a/b/index.html`. Refuses paths that try to leave the site.
pub fn request_path(raw: &str) -> Result<String, Refused> {
    let raw = raw.split(['?', '#']).next().unwrap_or("");
    let bytes = percent_decode(raw).ok_or(Refused::Malformed)?;
    let path = String::from_utf8(bytes).map_err(|_| Refused::Malformed)?;
    let lower = path.to_ascii_lowercase();
    if path.contains(['\\', '\0'])
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || path.split('/').any(|s| s == "." || s == "..")
    {
        return Err(Refused::Outside);
    }
    Ok(path)
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The content type of an output path.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// The answer to `method` on `target` (path and query).
fn answer(method: &Method, target: &str, shared: &Shared) -> Answer {
    if !matches!(*method, Method::GET | Method::HEAD) {
        let mut r = Answer::bare(405, shared.lang());
        r.allow = true;
        return r;
    }
    let path = match request_path(target) {
        Ok(p) => p,
        Err(Refused::Malformed) => return Answer::bare(400, shared.lang()),
        Err(Refused::Outside) => return Answer::bare(403, shared.lang()),
    };
    let root_path = shared
        .published
        .read()
        .map(|p| p.root_path.clone())
        .unwrap_or_else(|_| "/".into());
    let rel = match path.strip_prefix(root_path.as_str()) {
        Some(rel) => Some(rel.to_string()),
        None if format!("{path}/") == root_path => return redirect(&root_path),
        // Outside the site's path: its 404 page.
        None => None,
    };
    let in_site = rel.is_some();
    let rel = rel.unwrap_or_default();
    if rel.starts_with("pagefind/") && shared.search_stale.load(Ordering::SeqCst) {
        refresh_search(shared);
    }
    let file = match PageFolder::of_address(&rel) {
        Some(folder) => folder.page_file(),
        None => rel.clone(),
    };
    let Ok(published) = shared.published.read() else {
        return Answer::bare(500, shared.lang());
    };
    let script = reload::script(shared.reloader.version());
    let extra = match &published.errors {
        Some(report) => format!("{}{script}", overlay::overlay(report, published.lang)),
        None => script.clone(),
    };
    if published.files.is_empty() {
        let report = published.errors.clone().unwrap_or_default();
        let page = overlay::error_page(&report, published.lang, &script);
        return Answer::new(500, "text/html; charset=utf-8", page.into_bytes());
    }
    let found = published.files.get(&file).filter(|_| in_site).cloned();
    let (status, file, content) = match found {
        Some(c) => (200, file, c),
        None if in_site
            && !rel.is_empty()
            && !rel.ends_with('/')
            && published
                .files
                .contains_key(&PageFolder::slash_missing(&rel).page_file()) =>
        {
            return redirect(&format!("{path}/"));
        }
        None => match published.files.get("404.html") {
            Some(c) => (404, "404.html".to_string(), c.clone()),
            None => return Answer::bare(404, shared.lang()),
        },
    };
    drop(published);
    let bytes = match content {
        Content::Bytes(b) => b,
        Content::Copy(src) => match std::fs::read(shared.root.join(&src)) {
            Ok(b) => b,
            Err(_) => {
                return Answer::bare(404, shared.lang());
            }
        },
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let extra = with_extension(shared, &file, status, extra);
        return Answer::new(status, kind, overlay::inject(&bytes, &extra));
    }
    Answer::new(status, kind, bytes)
}

/// What a page of the site gets before `</body>`: `extra` (the reload
/// script, the overlay), after what the extension adds to a page found.
fn with_extension(shared: &Shared, file: &str, status: u16, extra: String) -> String {
    let added = shared
        .extension
        .as_ref()
        .filter(|_| status == 200)
        .and_then(|e| e.page_extra(file, shared));
    match added {
        Some(added) => format!("{added}{extra}"),
        None => extra,
    }
}

fn redirect(to: &str) -> Answer {
    let mut r = Answer::plain(301, "301\n");
    r.location = Some(to.to_string());
    r
}

/// Rebuilds the stale search index and publishes it.
fn refresh_search(shared: &Shared) {
    let Ok(mut session) = shared.session.lock() else {
        return;
    };
    if !session.search_stale() {
        shared.search_stale.store(false, Ordering::SeqCst);
        return;
    }
    let (changed, removed) = session.refresh_search();
    shared.apply(session.files(), &changed, &removed);
    shared.search_stale.store(false, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_every_spelling_of_dot_dot() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/%252e%252e/etc",
            "/a/%2e%2e%5c..%5cetc",
            "/..\\etc",
            "/a/./b",
        ] {
            assert_eq!(request_path(bad), Err(Refused::Outside), "{bad}");
        }
        assert_eq!(request_path("/%zz"), Err(Refused::Malformed));
        assert_eq!(request_path("/a%20b/?x=..").as_deref(), Ok("/a b/"));
    }
}
