//! The preview's HTTP server: the site from memory, never from `output/`.
//!
//! `tiny_http` parses requests (and answers malformed ones itself); a few
//! worker threads take requests from it, and each event stream gets a
//! thread of its own, since it stays open. What is served is `Published`:
//! a copy of the last good files that the watch loop updates in one short
//! write-locked step after each rebuild, so a request never waits for a
//! rebuild and never sees half of one. Generated files are served from
//! memory; copied files (images, fonts) are read from the sources on
//! request, through the path the build recorded, never a path from the
//! request.
//!
//! Request paths are checked before any lookup: percent-decoded once,
//! anything with a `.` or `..` segment, a backslash, a NUL or a still
//! encoded dot or slash is refused with 403, so no spelling of `..` gets
//! anywhere (the lookup is in a map anyway: this is defence in depth, and
//! a clear answer).

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::incremental::Session;
use super::overlay;
use super::reload::{self, Reloader};
use crate::language::Language;
use crate::render::{Content, Files};

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

/// Serves requests until `server` is unblocked.
pub fn work(server: &tiny_http::Server, shared: &Arc<Shared>) {
    while let Ok(request) = server.recv() {
        let path = request.url().to_string();
        if path.split('?').next() == Some(reload::EVENTS_PATH) && *request.method() == Method::Get {
            let shared = shared.clone();
            let spawned = std::thread::Builder::new()
                .name("gazette-events".into())
                .spawn(move || shared.reloader.stream(request.into_writer()));
            if spawned.is_err() {
                continue;
            }
            continue;
        }
        let response = answer(&request, shared);
        let _ = request.respond(response);
    }
}

type Answer = Response<Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn respond(status: u16, content_type: &str, body: Vec<u8>) -> Answer {
    let mut r = Response::from_data(body).with_status_code(StatusCode(status));
    for h in [
        header("Content-Type", content_type),
        header("Cache-Control", "no-store"),
        header("X-Content-Type-Options", "nosniff"),
    ]
    .into_iter()
    .flatten()
    {
        r.add_header(h);
    }
    r
}

fn plain(status: u16, text: &str) -> Answer {
    respond(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
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

fn answer(request: &Request, shared: &Shared) -> Answer {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let mut r = plain(405, "405 method not allowed\n");
        if let Some(h) = header("Allow", "GET, HEAD") {
            r.add_header(h);
        }
        return r;
    }
    let path = match request_path(request.url()) {
        Ok(p) => p,
        Err(Refused::Malformed) => return plain(400, "400 bad request\n"),
        Err(Refused::Outside) => return plain(403, "403 forbidden\n"),
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
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.clone()
    };
    let Ok(published) = shared.published.read() else {
        return plain(500, "500\n");
    };
    let script = reload::script(shared.reloader.version());
    let extra = match &published.errors {
        Some(report) => format!("{}{script}", overlay::overlay(report, published.lang)),
        None => script.clone(),
    };
    if published.files.is_empty() {
        let report = published.errors.clone().unwrap_or_default();
        let page = overlay::error_page(&report, published.lang, &script);
        return respond(500, "text/html; charset=utf-8", page.into_bytes());
    }
    let found = published.files.get(&file).filter(|_| in_site).cloned();
    let (status, file, content) = match found {
        Some(c) => (200, file, c),
        None if in_site
            && !rel.is_empty()
            && !rel.ends_with('/')
            && published.files.contains_key(&format!("{rel}/index.html")) =>
        {
            return redirect(&format!("{path}/"));
        }
        None => match published.files.get("404.html") {
            Some(c) => (404, "404.html".to_string(), c.clone()),
            None => return plain(404, "404 not found\n"),
        },
    };
    drop(published);
    let bytes = match content {
        Content::Bytes(b) => b,
        Content::Copy(src) => match std::fs::read(shared.root.join(&src)) {
            Ok(b) => b,
            Err(_) => {
                return plain(404, "404 not found\n");
            }
        },
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        return respond(status, kind, overlay::inject(&bytes, &extra));
    }
    respond(status, kind, bytes)
}

fn redirect(to: &str) -> Answer {
    let mut r = plain(301, "301\n");
    if let Some(h) = header("Location", to) {
        r.add_header(h);
    }
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
