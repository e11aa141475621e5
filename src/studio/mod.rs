//! Gazette Studio: writing, previewing and publishing articles in the
//! browser (`gazette serve --edit`, `gazette edit`).
//!
//! The studio sits above the preview (`serve`), which knows nothing of it:
//! the preview's server hands the requests under [`PREFIX`] to the
//! extension it is given ([`Studio`], a `serve::server::Extension`), and
//! the studio answers them with the preview's own session (the site as
//! last built, its pipeline), so that what the writer sees is what `build`
//! publishes. Each part owns one step of a writer's work:
//!
//! - [`model`]: the form, described from the content model;
//! - [`offers`]: what the site offers the form (its articles, sections,
//!   tags, people…);
//! - [`header`]: an article's front matter written from the form's values,
//!   in the canonical layout, changing only the keys that changed;
//! - [`preview`]: one article rendered in memory, with its diagnostics;
//! - [`files`]: saving atomically (with conflicts detected), new articles,
//!   images and documents copied into an article's folder;
//! - [`publish`]: a commit (and a push) with the `git` program;
//! - [`web`]: the page, its script and stylesheet, embedded in the binary.
//!
//! Who may use it: the preview already answers only to its own names
//! (`Host`) and refuses a request that changes something from another
//! page (`Origin`); the studio also answers only on a loopback name (never
//! the `--base-url` host), and every call of its API carries the token
//! made when the studio starts, which only its own page holds (in a `meta`
//! element: a page of another origin cannot read it).

pub mod calls;
pub mod fields;
pub mod files;
pub mod header;
pub mod model;
pub mod offers;
pub mod preview;
pub mod publish;
pub mod web;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use hyper::Method;

use crate::language::Language;
use crate::serve::server::{Answer, Extension, Handed, Shared};

/// Where the studio lives in the preview.
pub const PREFIX: &str = "/__gazette/studio/";

/// The header the studio's page sends its token in.
pub const TOKEN_HEADER: &str = "x-gazette-token";

/// The most bytes a request may carry: a photo straight from a camera.
const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The studio of one preview: its site and its token.
#[derive(Debug)]
pub struct Studio {
    /// The site's folder.
    root: PathBuf,
    /// Files changed beside each article (links rewritten when it became
    /// a folder), committed with it by « Publier ».
    touched: Mutex<HashMap<String, BTreeSet<String>>>,
    /// The token every API call must carry (64 hex digits).
    token: String,
}

impl Studio {
    /// The studio of the site at `root`, with a token of its own.
    pub fn new(root: &Path) -> Studio {
        Studio {
            root: root.to_path_buf(),
            touched: Mutex::new(HashMap::new()),
            token: new_token(),
        }
    }

    /// Whether `request` carries this studio's token.
    fn has_token(&self, request: &Handed) -> bool {
        request
            .headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| constant_time_eq(t.as_bytes(), self.token.as_bytes()))
    }

    /// The site's language, as the session last read it.
    fn language(shared: &Shared) -> Language {
        shared
            .session
            .lock()
            .map(|s| s.language())
            .unwrap_or_default()
    }
}

/// 32 bytes from the operating system's random source, in hex.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    // Without a random source (which no supported system lacks), a token
    // from the clock and the process is still unknown to another origin.
    if getrandom::fill(&mut bytes).is_err() {
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        for (i, b) in seed.bytes().enumerate() {
            bytes[i % 32] ^= b;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in a time that does not depend on where they
/// differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether the request's `Host` is a loopback name (`localhost`,
/// `127.0.0.1`, `[::1]`, with any port: the server checked the port).
fn loopback_host(request: &Handed) -> bool {
    let Some(host) = request
        .headers
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
    else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl Extension for Studio {
    fn prefix(&self) -> &str {
        PREFIX
    }

    fn body_limit(&self) -> usize {
        BODY_LIMIT
    }

    fn answer(&self, request: Handed, shared: &Shared) -> Answer {
        let lang = Studio::language(shared);
        if !loopback_host(&request) {
            return web::refused(403, lang, web::Refusal::Host);
        }
        let path = request.path.clone();
        match (&request.method, path.as_str()) {
            (&Method::GET | &Method::HEAD, "" | "index.html") => web::page(&self.token, lang),
            (&Method::GET | &Method::HEAD, asset) if !asset.starts_with("api/") => {
                web::asset(asset, lang)
            }
            (_, api) => {
                if !self.has_token(&request) {
                    return web::refused(403, lang, web::Refusal::Token);
                }
                self.api(api.trim_start_matches("api/"), request, shared, lang)
            }
        }
    }

    fn page_extra(&self, file: &str, shared: &Shared) -> Option<String> {
        let session = shared.session.lock().ok()?;
        let source = offers::source_of_page(&session, file)?;
        Some(web::edit_link(&source, session.language()))
    }
}

impl Studio {
    /// Answers a call of the API (`api/<name>`), the session locked for
    /// its whole length (a preview renders with it).
    fn api(&self, name: &str, request: Handed, shared: &Shared, lang: Language) -> Answer {
        if request.method == Method::POST && name == "image" {
            // A new file, and maybe an article moved: the preview follows
            // at once, so the next preview and save find them.
            let answer = calls::image(
                &self.root,
                &self.touched,
                lang,
                &request.query,
                &request.body,
            );
            if answer.status() == 200 {
                crate::serve::follow_sources(shared);
            }
            return answer;
        }
        let Ok(mut session) = shared.session.lock() else {
            return web::refused(500, lang, web::Refusal::Busy);
        };
        let mut cx = calls::Context {
            root: &self.root,
            session: &mut session,
            lang,
            touched: &self.touched,
        };
        let bad = |e: String| web::json(400, &serde_json::json!({ "error": e }));
        match (&request.method, name) {
            (&Method::GET, "site") => {
                let mut site = offers::site(cx.session);
                if let (Some(site), serde_json::Value::Object(git)) =
                    (site.as_object_mut(), calls::git(&self.root))
                {
                    site.extend(git);
                }
                web::json(200, &site)
            }
            (&Method::GET, "article") => calls::article(&mut cx, &request.query),
            (&Method::GET, "new") => calls::new(&mut cx, &request.query, today()),
            (&Method::POST, "preview") => match parse(&request.body) {
                Ok(draft) => calls::preview(&mut cx, &draft),
                Err(e) => bad(e),
            },
            (&Method::POST, "save") => match parse(&request.body) {
                Ok(save) => calls::save(&mut cx, save),
                Err(e) => bad(e),
            },
            (&Method::POST, "publish") => match parse(&request.body) {
                Ok(publish) => calls::publish(&mut cx, &publish),
                Err(e) => bad(e),
            },
            _ => web::refused(404, lang, web::Refusal::Unknown),
        }
    }
}

/// Today's date (UTC, as `gazette new` dates an article).
fn today() -> jiff::civil::Date {
    crate::pipeline::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date()
}

/// A request's JSON body, or why it is not the call's.
fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_differ_and_compare_whole() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(constant_time_eq(a.as_bytes(), a.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), b.as_bytes()));
        assert!(!constant_time_eq(a.as_bytes(), &a.as_bytes()[..63]));
    }
}
