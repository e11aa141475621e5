//! Watch mode: `gazette serve` (a live preview from memory) and
//! `gazette build --watch` (the same loop, writing `output/`).
//!
//! The loop is Zola's, without its global state: a `watch::SourceWatcher`
//! turns file events into debounced, classified `Changes`; an
//! `incremental::Session` turns them into the cheapest correct rebuild; the
//! result goes to a sink: `server::Shared` (served from memory, open tabs
//! told through `reload`) or `output::write` (only files whose bytes
//! changed). A failed rebuild never reaches the sink: the terminal gets the
//! diagnostics, the page gets an `overlay`, and the last good site stays.
//!
//! The watcher starts before the first build, so an edit made while a large
//! site builds is not lost. This module is the edge of the two commands, so
//! it prints (one line per rebuild, diagnostics on failure), like `cli`.

use crate::diagnostics::Code;
pub mod addresses;
pub mod browser;
pub mod incremental;
pub mod overlay;
pub mod photos;
pub mod reload;
pub mod server;
pub mod watch;

use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::build::BuildOptions;
use crate::diagnostics::{Diagnostic, display_path};
use crate::language::Language;
use crate::messages::t;
use crate::outcome::Outcome;
use crate::output::{self, Policy};
use crate::progress::{Notices, Progress};
use incremental::{Rebuilt, Route, Session};
use reload::Action;
use server::{HttpServer, Published, Shared};
use watch::{SourceWatcher, Waited};

/// How often the loops look at the stop flag.
const TICK: Duration = Duration::from_millis(100);

/// `gazette serve`'s options.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// What to build (`output` is ignored: serve never writes).
    pub build: BuildOptions,
    /// The address to listen on.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Open the preview in the browser once the server listens (the
    /// extension's page when there is one).
    pub open: bool,
    /// What the server also answers under a path of its own (the studio:
    /// `serve --edit`); only on a loopback address.
    pub extension: Option<Arc<dyn server::Extension>>,
}

/// A flag set by Ctrl-C (SIGINT, SIGTERM). Setting the handler twice is
/// refused by `ctrlc`; the flag then stays unset, which only tests meet.
pub fn stop_on_ctrl_c() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    stop
}

fn eprint(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// What stays in place after a failed rebuild.
#[derive(Debug, Clone, Copy)]
enum Kept {
    /// The first build failed: the preview shows the errors.
    ErrorPages,
    /// The preview keeps serving the last good pages.
    LastGoodPages,
    /// `build --watch` left the output folder as it was.
    Output,
}

fn report_failure(r: &Rebuilt, lang: Language, kept: Kept) {
    if !r.diagnostics.is_empty() {
        eprint(&r.diagnostics.render(lang));
    }
    let kept = match kept {
        Kept::ErrorPages => "error-pages",
        Kept::LastGoodPages => "last-good-pages",
        Kept::Output => "output",
    };
    let errors = r.diagnostics.error_count();
    eprint(&t!(lang, "serve-failed", errors = errors, kept = kept));
}

fn report_success(r: &Rebuilt, lang: Language, files: usize) {
    if r.route == Route::Nothing {
        return;
    }
    let ms = format!("{:.0}", r.took.as_secs_f64() * 1000.0);
    let how = match r.route {
        Route::Articles | Route::InPlace | Route::Moved => "article",
        Route::Statics => "statics",
        Route::Templates => "templates",
        Route::Full | Route::Nothing => "site",
    };
    print(&t!(
        lang,
        "serve-rebuilt",
        how = how,
        ms = ms,
        files = files
    ));
}

/// Whether there is a `site.yaml` at all: without one, the folder is
/// probably not a site, and waiting for it to become one helps nobody.
fn is_site(root: &std::path::Path) -> bool {
    root.join(watch::SETTINGS).is_file()
}

/// Says why the folder is not a site: the settings stage's own error.
fn not_a_site(opts: &BuildOptions) {
    let settings = crate::pipeline::Pipeline::new(opts.clone()).settings();
    if settings.value.is_none() {
        let mut report = crate::diagnostics::Diagnostics::new();
        report.extend(settings.found);
        eprint(&report.render(Language::default()));
    }
}

/// Runs `gazette serve` until `stop` is set. Returns the exit code.
pub fn serve(opts: ServeOptions, stop: Arc<AtomicBool>) -> i32 {
    let root = opts.build.root.clone();
    let lang_guess = crate::config::load(&root, &Default::default())
        .map(|c| c.language)
        .unwrap_or_default();
    if !is_site(&root) {
        not_a_site(&opts.build);
        return Outcome::Usage.code();
    }
    if opts.extension.is_some() && !opts.bind.is_loopback() {
        refuse_remote_edit(opts.bind, lang_guess);
        return Outcome::Usage.code();
    }
    let Some(listener) = listen(&opts, lang_guess) else {
        return Outcome::Usage.code();
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(opts.port);
    let host = shown_host(opts.bind);
    let local = format!("http://{host}:{port}/");
    let given_base_url = opts.build.base_url.clone();
    let mut build = opts.build.clone();
    build.base_url = Some(build.base_url.clone().unwrap_or_else(|| local.clone()));
    let watcher = SourceWatcher::start(&root);
    let (queue, jobs) = photos::queue();
    let mut session = Session::preview(build).with_queue(queue);
    let first = session.build();
    let lang = session.language();
    let root_path = session
        .config()
        .map(|c| c.root_path.clone())
        .unwrap_or_else(|| "/".into());
    if !first.ok {
        report_failure(&first, lang, Kept::ErrorPages);
    }
    let url = format!("http://{host}:{port}{root_path}");
    let addresses =
        addresses::Addresses::new(opts.bind, port, given_base_url.as_deref(), url.clone());
    let shared = Arc::new(Shared {
        root: root.clone(),
        published: RwLock::new(Published {
            files: session.files().clone(),
            errors: (!first.ok).then(|| first.diagnostics.render(lang)),
            lang,
            root_path: root_path.clone(),
        }),
        reloader: Default::default(),
        search_stale: AtomicBool::new(session.search_stale()),
        session: Mutex::new(session),
        addresses,
        extension: opts.extension.clone(),
    });
    if first.ok {
        announce_first_build(&shared, &first, lang);
    }
    start_photos(jobs, &shared, &stop, lang);
    print(&t!(lang, "serve-preview-at", url = &url));
    let studio = announce_extension(&opts, &host, port, lang);
    let Some(server) = start_server(listener, &shared, lang) else {
        return Outcome::Usage.code();
    };
    if opts.open {
        browser::open(studio.as_ref().unwrap_or(&url), lang);
    }
    let mut watcher = serving_without_watch(watcher, lang);
    let stopped = || stop.load(Ordering::SeqCst);
    while let Some(changes) = next_changes(watcher.as_mut(), &stopped) {
        if !apply_change(&shared, &changes, None) {
            break;
        }
    }
    // The photos' worker stops with the preview.
    stop.store(true, Ordering::SeqCst);
    shared.reloader.stop();
    server.stop();
    print(&t!(lang, "serve-stopped"));
    Outcome::Success.code()
}

/// The watcher, or nothing after saying that the preview goes on without
/// following edits.
fn serving_without_watch(
    watcher: notify::Result<SourceWatcher>,
    lang: Language,
) -> Option<SourceWatcher> {
    watcher
        .map_err(|e| {
            eprint(&t!(
                lang,
                "serve-cannot-watch-serving",
                error = e.to_string()
            ))
        })
        .ok()
}

/// Says why the studio does not open on `bind`, an address other
/// computers reach.
fn refuse_remote_edit(bind: IpAddr, lang: Language) {
    eprint(
        &Diagnostic::error(
            Code::ServeBind,
            t!(lang, "serve-edit-not-loopback", bind = bind.to_string()),
        )
        .with_help(t!(lang, "serve-edit-not-loopback-help"))
        .render(lang),
    );
}

/// Prints where the extension (the studio) is, and returns that address.
fn announce_extension(
    opts: &ServeOptions,
    host: &str,
    port: u16,
    lang: Language,
) -> Option<String> {
    let url = opts
        .extension
        .as_ref()
        .map(|e| format!("http://{host}:{port}{}", e.prefix()))?;
    print(&t!(lang, "serve-studio-at", url = &url));
    Some(url)
}

/// Listens on the address and port asked for, or says why not.
fn listen(opts: &ServeOptions, lang: Language) -> Option<std::net::TcpListener> {
    match std::net::TcpListener::bind((opts.bind, opts.port)) {
        Ok(l) => Some(l),
        Err(e) => {
            eprint(
                &Diagnostic::error(
                    Code::ServeBind,
                    t!(
                        lang,
                        "serve-cannot-listen",
                        bind = opts.bind.to_string(),
                        port = opts.port,
                        reason = crate::os_errors::reason_of(&e, lang)
                    ),
                )
                .with_help(t!(lang, "serve-cannot-listen-help"))
                .render(lang),
            );
            None
        }
    }
}

/// The host a browser reaches the preview at: loopback for an address
/// that means every interface.
fn shown_host(bind: IpAddr) -> String {
    match bind {
        IpAddr::V4(a) if a.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(a) if a.is_unspecified() => "[::1]".to_string(),
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    }
}

/// The next changes of the sources, or `None` once `stopped` (without a
/// watcher, only the stop is waited for).
fn next_changes(
    watcher: Option<&mut SourceWatcher>,
    stopped: &dyn Fn() -> bool,
) -> Option<watch::Changes> {
    match watcher {
        Some(w) => w.next(TICK, stopped),
        None => {
            while !stopped() {
                std::thread::sleep(TICK);
            }
            None
        }
    }
}

/// Starts the HTTP server on `listener`, or says why it cannot.
fn start_server(
    listener: std::net::TcpListener,
    shared: &Arc<Shared>,
    lang: Language,
) -> Option<HttpServer> {
    match HttpServer::start(listener, shared.clone()) {
        Ok(s) => Some(s),
        Err(e) => {
            eprint(&t!(
                lang,
                "serve-cannot-start",
                reason = crate::os_errors::reason_of(&e, lang)
            ));
            None
        }
    }
}

/// Says how many pages the first build made, and how fast.
fn announce_first_build(shared: &Shared, first: &Rebuilt, lang: Language) {
    let pages = shared
        .published
        .read()
        .map(|p| p.files.keys().filter(|k| k.ends_with(".html")).count())
        .unwrap_or(0);
    let ms = format!("{:.0}", first.took.as_secs_f64() * 1000.0);
    print(&t!(lang, "serve-first-build", pages = pages, ms = ms));
}

/// Starts the worker that makes the photos' variants in the background,
/// or says why the uploads will stay.
fn start_photos(jobs: photos::Jobs, shared: &Arc<Shared>, stop: &Arc<AtomicBool>, lang: Language) {
    let worker = shared.clone();
    let started = jobs.start(shared.root.clone(), stop.clone(), move |made| {
        photos_ready(&worker, made);
    });
    if let Err(e) = started {
        eprint(&t!(
            lang,
            "serve-cannot-make-photos",
            reason = crate::os_errors::reason_of(&e, lang)
        ));
    }
}

/// The photos' worker made `made` photos' variants: the site is assembled
/// again so its pages name them, and the open tabs reload.
fn photos_ready(shared: &Shared, made: usize) {
    let again = watch::Changes {
        structure: true,
        ..watch::Changes::default()
    };
    apply_change(shared, &again, Some(made));
}

/// Has the preview follow files its extension (the studio) just changed,
/// at once rather than when the watcher reports them: the site is
/// assembled again and published, and the open tabs told. The watcher's
/// own report of the same files then finds nothing more to do.
pub fn follow_sources(shared: &Shared) -> bool {
    let again = watch::Changes {
        structure: true,
        ..watch::Changes::default()
    };
    apply_change(shared, &again, None)
}

/// Rebuilds after `changes` (or, with `photos`, because the worker made
/// that many photos' variants), publishes the result (or the errors) and
/// tells the open tabs. `false` when the session is gone (stop serving).
fn apply_change(shared: &Shared, changes: &watch::Changes, photos: Option<usize>) -> bool {
    let Ok(mut session) = shared.session.lock() else {
        return false;
    };
    let had_errors = shared
        .published
        .read()
        .map(|p| p.errors.is_some())
        .unwrap_or(false);
    // A page ready before the rest (an edit of an article's front-matter
    // texts) is served at once, and the tabs told.
    let root_path = shared
        .published
        .read()
        .map(|p| p.root_path.clone())
        .unwrap_or_else(|_| "/".to_string());
    let mut early = |files: &crate::render::Files, changed: &[String]| {
        shared.apply(files, changed, &[]);
        shared
            .reloader
            .publish(reload_action(changed, &[], &root_path));
    };
    let r = session.apply_with(changes, &mut early);
    let lang = session.language();
    if r.ok {
        shared.apply(session.files(), &r.changed, &r.removed);
        if let Ok(mut p) = shared.published.write() {
            p.errors = None;
            p.lang = lang;
            if let Some(c) = session.config() {
                p.root_path = c.root_path.clone();
            }
        }
        shared
            .search_stale
            .store(session.search_stale(), Ordering::SeqCst);
        drop(session);
        // The pages served early are served as this rebuild left them:
        // their tabs reloaded already.
        let changed: Vec<String> = r
            .changed
            .iter()
            .filter(|p| !r.early.contains(p))
            .cloned()
            .collect();
        if had_errors || !changed.is_empty() || !r.removed.is_empty() {
            let action = if had_errors {
                Action::Reload
            } else if r.css_only() {
                Action::Css
            } else {
                reload_action(&changed, &r.removed, &root_path)
            };
            shared.reloader.publish(action);
        }
        if had_errors && r.route != Route::Nothing {
            print(&t!(lang, "serve-errors-fixed"));
        }
        match photos {
            Some(made) => {
                let ms = format!("{:.0}", r.took.as_secs_f64() * 1000.0);
                print(&t!(lang, "serve-photos-ready", photos = made, ms = ms));
            }
            None => report_success(&r, lang, r.changed.len() + r.removed.len()),
        }
    } else {
        // A page served early is put back as it was.
        shared.apply(session.files(), &r.changed, &r.removed);
        drop(session);
        if let Ok(mut p) = shared.published.write() {
            p.errors = Some(r.diagnostics.render(lang));
            p.lang = lang;
        }
        shared.reloader.publish(Action::Reload);
        report_failure(&r, lang, Kept::LastGoodPages);
    }
    true
}

/// How many pages a `pages` event names at most: beyond, every tab reloads
/// (a change that large is a template's or the site's). An article moved
/// from one end of the lists to the other on a 10,000-article site shifts
/// about 2,100 pages (every listing page of its section and of the home
/// page): the tabs showing other pages need not reload for it, and the
/// event (about 130 kB) is sent once to each tab, on this machine.
const MAX_PAGES_NAMED: usize = 5_000;

/// What the open tabs do after the output paths `changed` and `removed`
/// (under `root_path`) changed: when they are pages and feeds only, reload
/// the tabs showing those pages (their addresses, `a/b/index.html` as
/// `/a/b/`); else, or when the page of missing addresses changed (a tab
/// may show it at any address), every tab reloads.
fn reload_action(changed: &[String], removed: &[String], root_path: &str) -> Action {
    let paths = || changed.iter().chain(removed);
    let pages_only = paths().all(|p| {
        p != "404.html"
            && [".html", ".xml", ".txt"]
                .iter()
                .any(|extension| p.ends_with(extension))
    });
    let pages: Vec<String> = paths()
        .filter(|p| p.ends_with(".html"))
        .map(|p| format!("{root_path}{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect();
    if pages_only && pages.len() <= MAX_PAGES_NAMED {
        Action::Pages(pages.into())
    } else {
        Action::Reload
    }
}

/// Runs `gazette build --watch` until `stop` is set: the first build, then
/// every change, written into the output folder (only changed files).
pub fn build_watch(opts: BuildOptions, stop: Arc<AtomicBool>) -> i32 {
    let root = opts.root.clone();
    if !is_site(&root) {
        not_a_site(&opts);
        return Outcome::Usage.code();
    }
    let output_dir: PathBuf = opts.output.clone().unwrap_or_else(|| root.join("output"));
    let lang = crate::config::load(&root, &Default::default())
        .map(|c| c.language)
        .unwrap_or_default();
    if let Err(refused) = output::check_output_dir(&root, &output_dir) {
        eprint(&refused.diagnostic(&output_dir, lang).render(lang));
        return Outcome::Usage.code();
    }
    let Some(mut watcher) = watch_or_say(&root, lang) else {
        return Outcome::Usage.code();
    };
    let opts_policy = opts.policy;
    let mut session = Session::publishing(opts);
    let first = session.build();
    // The first write is a whole build's: its search index comes with it
    // (an up-to-date output keeps its index untouched).
    session.refresh_search();
    // --take-over and --clean hold until a write succeeds: the folder is
    // Gazette's after it.
    let mut policy = opts_policy;
    match write_out(&mut session, &first, &output_dir, &root, policy) {
        Wrote::Refused => return Outcome::Usage.code(),
        Wrote::Published => policy = Policy::default(),
        Wrote::Nothing => {}
    }
    print(&t!(session.language(), "serve-watching"));
    let stopped = || stop.load(Ordering::SeqCst);
    loop {
        // The pages of a change are written at once; the search index
        // (seconds on a large site) waits until the writer pauses.
        let changes = if session.search_stale() {
            match watcher.next_within(SEARCH_AFTER, TICK, &stopped) {
                Waited::Changes(changes) => changes,
                Waited::Quiet => {
                    write_search(&mut session, &output_dir, &root);
                    continue;
                }
                Waited::Stopped => break,
            }
        } else {
            match watcher.next(TICK, &stopped) {
                Some(changes) => changes,
                None => break,
            }
        };
        let r = session.apply(&changes);
        if r.ok && r.route == Route::Nothing {
            continue;
        }
        match write_out(&mut session, &r, &output_dir, &root, policy) {
            Wrote::Refused => return Outcome::Usage.code(),
            Wrote::Published => policy = Policy::default(),
            Wrote::Nothing => {}
        }
        if r.ok && session.search_stale() {
            print(&search_later(session.language()));
        }
    }
    Outcome::Success.code()
}

/// Starts watching the site's sources, or says why it cannot.
fn watch_or_say(root: &std::path::Path, lang: Language) -> Option<SourceWatcher> {
    match SourceWatcher::start(root) {
        Ok(w) => Some(w),
        Err(e) => {
            eprint(&t!(
                lang,
                "serve-cannot-watch",
                reason = crate::os_errors::reason_of(&e, lang)
            ));
            None
        }
    }
}

/// What `build --watch` says when the search index waits for a pause.
fn search_later(lang: Language) -> String {
    t!(lang, "serve-search-later", seconds = SEARCH_AFTER.as_secs())
}

/// How long `build --watch` waits without a change before it rebuilds a
/// stale search index.
const SEARCH_AFTER: Duration = Duration::from_secs(2);

/// Brings the search index of `build --watch`'s output up to date, if it
/// lags behind the pages.
fn write_search(session: &mut Session, output_dir: &std::path::Path, root: &std::path::Path) {
    if !session.search_stale() {
        return;
    }
    let lang = session.language();
    let started = Instant::now();
    session.refresh_search();
    match output::write(
        session.files(),
        output_dir,
        root,
        Policy::default(),
        &|| Notices(lang).waiting(output_dir),
    ) {
        Ok(stats) => {
            let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
            print(&t!(
                lang,
                "serve-search-updated",
                ms = ms,
                written = stats.written
            ));
        }
        Err(e) => eprint(&e.diagnostic(output_dir, lang).render(lang)),
    }
}

/// What [`write_out`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrote {
    /// The output folder holds the rebuild.
    Published,
    /// Nothing was written: the rebuild failed, or the write did.
    Nothing,
    /// The folder may not be written (the run stops with exit status 2).
    Refused,
}

/// Writes a rebuild into the output folder and says so.
fn write_out(
    session: &mut Session,
    r: &Rebuilt,
    output_dir: &std::path::Path,
    root: &std::path::Path,
    policy: Policy,
) -> Wrote {
    let lang = session.language();
    if !r.ok {
        report_failure(r, lang, Kept::Output);
        return Wrote::Nothing;
    }
    let started = Instant::now();
    match output::write(session.files(), output_dir, root, policy, &|| {
        Notices(lang).waiting(output_dir)
    }) {
        Ok(stats) => {
            let ms = format!("{:.0}", (r.took + started.elapsed()).as_secs_f64() * 1000.0);
            print(&t!(
                lang,
                "serve-written",
                written = stats.written,
                ms = ms,
                output = display_path(output_dir),
                removed = stats.removed
            ));
            Wrote::Published
        }
        Err(e) => {
            eprint(&e.diagnostic(output_dir, lang).render(lang));
            if e.is_usage() {
                Wrote::Refused
            } else {
                Wrote::Nothing
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(paths: &[&str]) -> Vec<String> {
        paths.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn pages_and_feeds_reload_only_the_tabs_showing_those_pages() {
        let changed = owned(&["actualites/note/index.html", "index.html", "atom.xml"]);
        let removed = owned(&["actualites/page/3/index.html"]);
        assert_eq!(
            reload_action(&changed, &removed, "/intranet/"),
            Action::Pages(
                owned(&[
                    "/intranet/actualites/note/",
                    "/intranet/",
                    "/intranet/actualites/page/3/"
                ])
                .into()
            )
        );
    }

    #[test]
    fn anything_else_reloads_every_tab() {
        for changed in [
            owned(&["index.html", "js/gazette.js"]),
            owned(&["actualites/x/photo-800.webp"]),
            owned(&["404.html"]),
            (0..=MAX_PAGES_NAMED)
                .map(|n| format!("p{n}/index.html"))
                .collect(),
        ] {
            assert_eq!(
                reload_action(&changed, &[], "/"),
                Action::Reload,
                "{changed:?}"
            );
        }
    }
}
