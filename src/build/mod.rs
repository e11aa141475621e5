//! `gazette build`, the one-shot driver of the pipeline (`crate::pipeline`):
//! every stage up to assembly and the photos' (encoded through the site's
//! cache; `render_in_memory`, for `check`, only plans them), then rendering (parallel) straight into the
//! output folder's new tree (`crate::output`).
//!
//! The stages keep going as far as they can so one run reports every
//! problem; the outcome is decided once, at the end. `build_in_memory`
//! stops before the disk (the preview's tests compare with it), and
//! `render_in_memory` before the search index too (what `check` lints).

mod page_cache;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output;
use crate::pipeline::{Pipeline, Prepared};
use crate::progress::{Progress, Quiet, Stage};
use crate::render::pictures::Encoding;
use crate::render::{self, Content, Files, theme::Theme};
use crate::site::{Retention, Site};

pub use crate::outcome::Outcome;
pub use crate::pipeline::{BuildOptions, now};

/// A site rendered in memory.
pub struct InMemory {
    /// The settings.
    pub config: Config,
    /// The model, when assembly got that far.
    pub site: Option<Site>,
    /// The theme, when it loaded.
    pub theme: Option<Theme>,
    /// Every output file (none when the site has errors).
    pub files: Files,
    /// Everything found.
    pub diagnostics: Diagnostics,
    /// Whether the failure is of the settings (exit 2).
    pub usage_error: bool,
}

/// Reads, checks and renders the whole site in memory, search index
/// included: exactly the files `build` writes.
pub fn build_in_memory(opts: &BuildOptions) -> InMemory {
    in_memory(opts, &Quiet, true)
}

/// What `check` lints: every page rendered in memory, and the copied files
/// listed, without the search index (its files are never linked to).
pub fn render_in_memory(opts: &BuildOptions, progress: &dyn Progress) -> InMemory {
    in_memory(opts, progress, false)
}

fn in_memory(opts: &BuildOptions, progress: &dyn Progress, search: bool) -> InMemory {
    let mut pipeline = Pipeline::new(opts.clone());
    let Prepared {
        config,
        mut site,
        mut diagnostics,
        usage_error,
    } = pipeline.prepare(progress, Retention::Everything);
    // What `build` publishes (through the cache); `check` only decodes.
    let cache = search.then(|| crate::images::cache::Cache::open(&opts.root));
    let encoding = cache.as_ref().map_or(Encoding::Planned, Encoding::Cached);
    let photos = match site.as_mut() {
        Some(site) => pipeline
            .photos(site, encoding, progress)
            .report(&mut diagnostics)
            .map(|p| p.files)
            .unwrap_or_default(),
        None => Files::new(),
    };
    let theme = pipeline.take_theme();
    let timer = &mut pipeline.timer;
    let mut files = Files::new();
    if let (Some(site), Some(theme)) = (&site, &theme)
        && !diagnostics.has_errors()
    {
        let pages = render::render_with(site, theme, progress).report(&mut diagnostics);
        timer.lap("render");
        files = pages.unwrap_or_default();
        render::copied::add(&mut files, site, theme, &opts.root);
        files.extend(photos);
        // Search (src/search/): pagefind's index of the published articles.
        if search && site.config.search && !diagnostics.has_errors() {
            progress.stage(Stage::Search, None);
            let index = timer.time("search index", || {
                crate::search::site_index(site, &files, None)
            });
            files.extend(index.report(&mut diagnostics).unwrap_or_default());
        }
    }
    InMemory {
        config,
        site,
        theme,
        files,
        diagnostics,
        usage_error,
    }
}

/// Summary of a finished build.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Pages (HTML files) in the output.
    pub pages: usize,
    /// Files written by this build.
    pub written: usize,
    /// Stale files removed.
    pub removed: usize,
    /// Files not Gazette's, left in the output folder.
    pub kept: usize,
    /// Photos encoded by this build (the others came from the cache).
    pub photos_encoded: usize,
    /// Pages taken as published by the last build (`.gazette-cache/pages/`).
    pub pages_reused: usize,
    /// Pages rendered (of those there are many of: articles, listings,
    /// terms, aliases, feeds).
    pub pages_rendered: usize,
    /// Parts of the search index taken from the build cache.
    pub search_parts_reused: usize,
    /// Parts of the search index made from their pages.
    pub search_parts_made: usize,
    /// Wall time.
    pub seconds: f64,
    /// The output folder.
    pub output: PathBuf,
}

impl Summary {
    /// The summary of `stats`, written into `output` by a build started
    /// at `started`, nothing said of the caches yet.
    fn of(stats: &output::WriteStats, started: Instant, output: PathBuf) -> Summary {
        Summary {
            pages: stats.html,
            written: stats.written,
            removed: stats.removed,
            kept: stats.kept,
            photos_encoded: 0,
            pages_reused: 0,
            pages_rendered: 0,
            search_parts_reused: 0,
            search_parts_made: 0,
            seconds: started.elapsed().as_secs_f64(),
            output,
        }
    }
}

/// Builds into the output folder. Returns the diagnostics, the summary when
/// the output was written, and the outcome.
pub fn build(opts: &BuildOptions) -> (Diagnostics, Option<Summary>, Outcome) {
    build_with(opts, &Quiet)
}

/// `build`, telling `progress` how far it got.
///
/// Unlike `build_in_memory`, pages go to the output's new tree as they
/// are rendered (see `output::Publication`): memory holds the model, not
/// the whole site, and writing overlaps rendering.
pub fn build_with(
    opts: &BuildOptions,
    progress: &dyn Progress,
) -> (Diagnostics, Option<Summary>, Outcome) {
    let started = Instant::now();
    let mut pipeline = Pipeline::new(opts.clone());
    // Bodies rendered by the last build are taken from the site's cache.
    pipeline.keep_bodies();
    let mut prepared = pipeline.prepare(progress, Retention::RenderOnly);
    if prepared.usage_error {
        return (prepared.diagnostics, None, Outcome::Usage);
    }
    let lang = prepared.config.language;
    prepared.diagnostics.extend(pipeline.body_warnings(lang));
    let output_dir = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join("output"));
    if let Err(refused) = output::check_output_dir(&opts.root, &output_dir) {
        prepared
            .diagnostics
            .push(refused.diagnostic(&output_dir, lang));
        return (prepared.diagnostics, None, Outcome::Usage);
    }
    let cache = crate::images::cache::Cache::open(&opts.root);
    let photo_files = match prepared.site.as_mut() {
        Some(site) => pipeline
            .photos(site, Encoding::Cached(&cache), progress)
            .report(&mut prepared.diagnostics)
            .map(|p| p.files)
            .unwrap_or_default(),
        None => Files::new(),
    };
    let photos_encoded = cache.encoded();
    let theme = pipeline.take_theme();
    let (Some(site), Some(theme)) = (&mut prepared.site, &theme) else {
        return (prepared.diagnostics, None, Outcome::SiteErrors);
    };
    if prepared.diagnostics.has_errors() {
        add_template_errors(site, theme, progress, &mut prepared.diagnostics);
        return (prepared.diagnostics, None, Outcome::SiteErrors);
    }
    let publication = match open_publication(opts, &output_dir, lang, progress) {
        Ok(p) => p,
        Err((problem, outcome)) => {
            prepared.diagnostics.push(problem);
            return (prepared.diagnostics, None, outcome);
        }
    };
    pipeline.timer.lap("open output");
    let search_cache = crate::search::cache::Cache::open(&opts.root);
    let added = Added {
        photos: photo_files,
        search_cache: &search_cache,
        timer: &mut pipeline.timer,
    };
    let written = write_site(site, theme, opts, publication, progress, added);
    let mut diagnostics = prepared.diagnostics;
    let published = match written {
        Ok(Ok(published)) => published,
        Ok(Err(errors)) => {
            diagnostics.extend(errors);
            return (diagnostics, None, Outcome::SiteErrors);
        }
        Err(e) => {
            diagnostics.push(e.diagnostic(&output_dir, lang));
            return (diagnostics, None, Outcome::SiteErrors);
        }
    };
    // Only a build that published drops the cache entries it did not use:
    // a failed one may have stopped before reaching every photo.
    cache.prune();
    search_cache.prune();
    pipeline.save_bodies();
    let (search_parts_reused, search_parts_made) = search_cache.counts();
    diagnostics.extend(published.warnings);
    let summary = Summary {
        photos_encoded,
        search_parts_reused,
        search_parts_made,
        pages_reused: published.pages_reused,
        pages_rendered: published.pages_rendered,
        ..Summary::of(&published.stats, started, output_dir)
    };
    // A build is the last thing the process does: the model goes with it,
    // without spending time freeing it piece by piece.
    std::mem::forget(prepared.site);
    (diagnostics, Some(summary), Outcome::Success)
}

/// Renders the pages that assembled in memory, though nothing will be
/// written, so that one run reports the template errors too.
fn add_template_errors(
    site: &Site,
    theme: &Theme,
    progress: &dyn Progress,
    diagnostics: &mut Diagnostics,
) {
    let errors = render::render_with(site, theme, progress).found;
    let errors = render::theme::not_yet_reported(errors, diagnostics);
    diagnostics.extend(errors);
}

/// The output's new tree, once the output folder is Gazette's and no
/// other build holds it; else the problem and the outcome it gives.
fn open_publication(
    opts: &BuildOptions,
    output_dir: &std::path::Path,
    lang: crate::language::Language,
    progress: &dyn Progress,
) -> Result<output::Publication, (Diagnostic, Outcome)> {
    output::Publication::open(output_dir, &opts.root, opts.policy, &|| {
        progress.waiting(output_dir)
    })
    .map_err(|e| {
        let outcome = if e.is_usage() {
            Outcome::Usage
        } else {
            Outcome::SiteErrors
        };
        (e.diagnostic(output_dir, lang), outcome)
    })
}

/// What `write_site` published, and the warnings found on the way.
struct Published {
    stats: output::WriteStats,
    warnings: Vec<Diagnostic>,
    /// Pages taken as published by the last build, not rendered.
    pages_reused: usize,
    /// Pages rendered.
    pages_rendered: usize,
}

/// An article page as the search index reads it (`search::as_indexed`).
fn as_indexed(html: &[u8]) -> Option<String> {
    let text = simdutf8::basic::from_utf8(html).ok()?;
    Some(crate::search::as_indexed(text).into_owned())
}

/// What `write_site` adds to the pages, and where it says how long each
/// step took.
struct Added<'a> {
    /// The photos' variants.
    photos: Files,
    /// The search index's build cache.
    search_cache: &'a crate::search::cache::Cache,
    /// The stages' timings (`GAZETTE_TIMINGS`): render, search index, write.
    timer: &'a mut crate::pipeline::StageTimer,
}

/// Takes the lock's value, even from a thread that panicked holding it.
fn take<T>(m: Mutex<T>) -> T {
    m.into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One build's rendering into its publication: which pages it keeps as
/// published, and what it keeps of those it renders.
struct RenderPass<'a> {
    page_cache: &'a page_cache::PageCache,
    staging: &'a output::Publication,
    lang: crate::language::Language,
    /// The article pages, by file, with their addresses: the search
    /// index's (none without search).
    searched: HashMap<String, String>,
    /// Whether a page may be kept as published: not on a site that opens
    /// from disk with search, whose offline index has the text of every
    /// article page.
    may_reuse: bool,
    /// The article pages rendered, as the index reads them, with their
    /// keys in its cache.
    indexed: Mutex<HashMap<String, (String, String)>>,
    /// The article pages kept as published, with their keys.
    kept_searched: Mutex<HashMap<String, String>>,
    /// How many pages were kept.
    reused: AtomicUsize,
    /// The first write that failed.
    failure: Mutex<Option<output::PublishError>>,
}

impl<'a> RenderPass<'a> {
    fn new(
        site: &Site,
        page_cache: &'a page_cache::PageCache,
        staging: &'a output::Publication,
    ) -> Self {
        let search = site.config.search;
        let searched = if search {
            site.articles
                .iter()
                .map(|a| (a.rel_url.page_file(), a.url.clone()))
                .collect()
        } else {
            HashMap::new()
        };
        RenderPass {
            page_cache,
            staging,
            lang: site.config.language,
            searched,
            may_reuse: !(search && site.config.relative_urls),
            indexed: Mutex::new(HashMap::new()),
            kept_searched: Mutex::new(HashMap::new()),
            reused: AtomicUsize::new(0),
            failure: Mutex::new(None),
        }
    }

    /// Whether the page at `path` with `key` is kept as published (see
    /// `render::Reuse`): claimed in the publication if so.
    fn reuse(&self, order: usize, path: &str, key: render::keys::Key) -> bool {
        if !self.may_reuse {
            return false;
        }
        let searched = self.searched.contains_key(path);
        let Some(search_key) = self.page_cache.reusable(path, key, searched) else {
            return false;
        };
        if !self.staging.keep(order, path) {
            return false;
        }
        self.page_cache.kept(path);
        if let Some(search_key) = search_key {
            lock(&self.kept_searched).insert(path.to_string(), search_key.to_string());
        }
        self.reused.fetch_add(1, Ordering::Relaxed);
        true
    }

    /// A page rendered: handed to the publication, and kept as the index
    /// reads it when it is an article's.
    fn sink(&self, order: usize, path: String, html: Vec<u8>) {
        let content = Content::Bytes(html);
        if let Err(e) = self.staging.put(order, &path, &content) {
            lock(&self.failure).get_or_insert(e);
        }
        if let (Some(url), Content::Bytes(html)) = (self.searched.get(&path), &content)
            && let Some(text) = as_indexed(html)
        {
            // Only what the index reads is kept.
            let not_text = crate::search::NOT_TEXT;
            let key = crate::search::cache::page_key(url, &text, self.lang, not_text);
            lock(&self.indexed).insert(path, (key, text));
        }
    }
}

impl RenderPass<'_> {
    /// The article pages to index, and how many pages were kept; or the
    /// first write that failed.
    fn finish(self) -> Result<(SearchedPages, usize), output::PublishError> {
        if let Some(e) = take(self.failure) {
            return Err(e);
        }
        let pages = SearchedPages {
            indexed: take(self.indexed),
            kept: take(self.kept_searched),
        };
        Ok((pages, self.reused.into_inner()))
    }
}

/// The lock's guard, even from a thread that panicked holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Renders `site` into the new tree of `staging`: the site's errors (the
/// new tree dropped, the output untouched), or what was published, with
/// the files `added` (the search index's parts through its cache). The
/// pages the record of the last build (`page_cache`) shows published as
/// this build would render them are kept, not rendered.
fn write_site(
    site: &mut Site,
    theme: &Theme,
    opts: &BuildOptions,
    staging: output::Publication,
    progress: &dyn Progress,
    added: Added<'_>,
) -> Result<Result<Published, Vec<Diagnostic>>, output::PublishError> {
    let Added {
        photos,
        search_cache,
        timer,
    } = added;
    let lang = site.config.language;
    let search = site.config.search;
    let page_cache = page_cache::PageCache::open(&opts.root, staging.output());
    let pass = RenderPass::new(site, &page_cache, &staging);
    let rendered = render::render_each_reusing(
        site,
        theme,
        progress,
        &|order, path, key| pass.reuse(order, path, key),
        &|order, path, html| pass.sink(order, path, html),
    );
    let (searched, pages_reused) = pass.finish()?;
    let mut errors = rendered.found;
    if !errors.is_empty() {
        staging.abort();
        return Ok(Err(errors));
    }
    let mut keyed = rendered.value.unwrap_or_default();
    let pages_rendered = keyed.len() - pages_reused;
    timer.lap("render");
    // Every page is rendered: what only they read goes, for the index.
    site.release_page_texts();
    // Copied files and the search index come after every page: they win a
    // path a page also claims.
    let mut warnings = page_cache.warnings(lang);
    let mut extra = Files::new();
    render::copied::add(&mut extra, site, theme, &opts.root);
    // A photo's address serves its largest variant, not the upload.
    extra.extend(photos);
    // Each article page's key in the search index's cache, for the record.
    let mut search_keys: HashMap<String, String> = HashMap::new();
    if search {
        progress.stage(Stage::Search, None);
        let (index, parts) = index_pages(
            site,
            searched,
            &staging,
            &page_cache,
            search_cache,
            &mut search_keys,
        );
        for part in parts {
            let key = page_cache::part_key(&part.key, &part.folder);
            keyed.extend(part.paths.into_iter().map(|path| (path, key)));
        }
        timer.lap("search index");
        let (found_errors, found_warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
            index.found.into_iter().partition(Diagnostic::is_error);
        errors.extend(found_errors);
        warnings.extend(found_warnings);
        extra.extend(index.value.unwrap_or_default());
    }
    if !errors.is_empty() {
        staging.abort();
        return Ok(Err(errors));
    }
    // The keys of a map are unique: one order for all of them.
    extra
        .par_iter()
        .try_for_each(|(path, content)| staging.put(usize::MAX, path, content))?;
    progress.stage(Stage::Write, None);
    let committed = staging.commit();
    timer.lap("write");
    let stats = committed?;
    // The record of what is now published, for the next build.
    page_cache.save(&keyed, &search_keys);
    timer.lap("page record");
    Ok(Ok(Published {
        stats,
        warnings,
        pages_reused,
        pages_rendered,
    }))
}

/// The article pages a build hands to the search index, by file.
struct SearchedPages {
    /// Those rendered, as the index reads them, with their keys in its
    /// cache.
    indexed: HashMap<String, (String, String)>,
    /// Those kept as published, with their keys.
    kept: HashMap<String, String>,
}

/// The search index of `site`'s article `pages`, through `cache`; a page
/// kept as published whose record the cache lacks is read again from the
/// output, and a part whose files `record` shows published as this build
/// would make them is kept (claimed in `staging`). Each page's key in the
/// cache goes into `search_keys`. Returns the files to publish and the
/// parts as published.
fn index_pages(
    site: &Site,
    mut pages: SearchedPages,
    staging: &output::Publication,
    record: &page_cache::PageCache,
    cache: &crate::search::cache::Cache,
    search_keys: &mut HashMap<String, String>,
) -> (
    crate::diagnostics::Staged<Files>,
    Vec<crate::search::PublishedPart>,
) {
    let output = staging.output();
    let mut list = Vec::with_capacity(site.articles.len());
    // The offline index (a site that opens from disk) reads the pages, all
    // rendered then.
    let mut texts = Files::new();
    for a in &site.articles {
        let path = a.rel_url.page_file();
        let (key, html) = match pages.indexed.remove(&path) {
            Some((key, text)) => (key, Some(std::borrow::Cow::<str>::Owned(text))),
            None => match pages.kept.get(&path) {
                Some(key) => (key.clone(), None),
                None => continue,
            },
        };
        if let (true, Some(html)) = (site.config.relative_urls, &html) {
            texts.insert(path.clone(), Content::Bytes(html.as_bytes().to_vec()));
        }
        search_keys.insert(path, key.clone());
        list.push(crate::search::Page {
            url: a.url.clone(),
            key,
            html,
        });
    }
    let files_of: HashMap<&str, String> = site
        .articles
        .iter()
        .map(|a| (a.url.as_str(), a.rel_url.page_file()))
        .collect();
    let reread = |url: &str| {
        let bytes = std::fs::read(output.join(files_of.get(url)?)).ok()?;
        as_indexed(&bytes)
    };
    // A part whose key and files are the recorded ones is kept as it is.
    let keep = |key: &str, folder: &str| {
        let paths = record.unchanged_files(page_cache::part_key(key, folder))?;
        let all = paths.iter().all(|path| staging.keep(usize::MAX, path));
        if all {
            paths.iter().for_each(|path| record.kept(path));
        }
        all.then_some(paths)
    };
    crate::search::site_index_of_pages(site, &texts, &list, cache, &reread, &keep)
}
