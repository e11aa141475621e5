//! The pipeline, end to end: settings → discovery → load (parallel) →
//! assembly → rendering (parallel) → output.
//!
//! Each stage returns its value and its diagnostics; the pipeline keeps
//! going as far as it can so one run reports every problem, and decides the
//! outcome once at the end. `build_in_memory` stops before the disk, which
//! is what `check` and `serve` need; `build` adds the write.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use jiff::Timestamp;
use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::content::article::{self, LoadContext, LoadedArticle};
use crate::content::discover::{self, Discovered};
use crate::content::front_matter;
use crate::content::highlight::Highlighter;
use crate::content::markdown::{self, MarkdownOptions, OffsetMap};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::output;
use crate::progress::{Progress, Quiet, Stage};
use crate::render::{self, Content, Files, theme::Theme};
use crate::site::registry::Registry;
use crate::site::{self, Inclusion, LoadedSection, Retention, Site};

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root.
    pub root: PathBuf,
    /// Where to write (default `root/output`).
    pub output: Option<PathBuf>,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--future`.
    pub future: bool,
    /// `--take-over` and `--clean`: what a build may do to an output
    /// folder it did not make.
    pub policy: output::Policy,
}

/// How a run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Built (warnings allowed).
    Success,
    /// The site has errors.
    SiteErrors,
    /// Bad usage or unreadable settings.
    Usage,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> i32 {
        match self {
            Outcome::Success => 0,
            Outcome::SiteErrors => 1,
            Outcome::Usage => 2,
        }
    }
}

/// A site rendered in memory.
pub struct InMemory {
    /// The settings.
    pub config: Config,
    /// The model, when assembly got that far.
    pub site: Option<Site>,
    /// Every output file.
    pub files: Files,
    /// Everything found.
    pub diagnostics: Diagnostics,
    /// Whether the failure is of the settings (exit 2).
    pub usage_error: bool,
}

/// The present: `SOURCE_DATE_EPOCH` when set, else the clock.
pub fn now() -> Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(|s| Timestamp::from_second(s).ok())
        .unwrap_or_else(Timestamp::now)
}

/// Reads, checks and renders the whole site in memory.
pub fn build_in_memory(opts: &BuildOptions) -> InMemory {
    build_in_memory_with(opts, &Quiet)
}

/// `build_in_memory`, telling `progress` how far it got.
pub fn build_in_memory_with(opts: &BuildOptions, progress: &dyn Progress) -> InMemory {
    let Prepared {
        config,
        site,
        theme,
        mut diagnostics,
        usage_error,
        mut timer,
    } = prepare(opts, progress, Retention::Everything);
    let mut files = Files::new();
    if let (Some(site), Some(theme)) = (&site, &theme)
        && !diagnostics.has_errors()
    {
        let (pages, errors) = render::render_with(site, theme, progress);
        timer.lap("render");
        diagnostics.extend(errors);
        files = pages;
        add_copied_files(&mut files, site, theme, &opts.root);
        // Search (src/search.rs): pagefind's index of the published articles.
        if site.config.search && !diagnostics.has_errors() {
            progress.stage(Stage::Search, None);
            match timer.time("search index", || crate::search::site_index(site, &files)) {
                Ok(index) => files.extend(index),
                Err(d) => diagnostics.push(d),
            }
        }
    }
    InMemory {
        config,
        site,
        files,
        diagnostics,
        usage_error,
    }
}

/// A site read and assembled: what rendering starts from.
struct Prepared {
    config: Config,
    site: Option<Site>,
    theme: Option<Theme>,
    diagnostics: Diagnostics,
    usage_error: bool,
    timer: StageTimer,
}

/// Settings, theme, discovery, load and assembly.
fn prepare(opts: &BuildOptions, progress: &dyn Progress, retention: Retention) -> Prepared {
    let overrides = Overrides {
        base_url: opts.base_url.clone(),
    };
    let mut diagnostics = Diagnostics::new();
    let mut timer = StageTimer::from_env();
    let config = match config::load(&opts.root, &overrides) {
        Ok(c) => c,
        Err(d) => {
            return Prepared {
                config: placeholder_config(&opts.root),
                site: None,
                theme: None,
                diagnostics: d,
                usage_error: true,
                timer,
            };
        }
    };
    let lang = config.language;
    for warning in &config.warnings {
        diagnostics.push(warning.clone());
    }
    let theme = Theme::load(&config);
    timer.lap("theme");
    let custom = match &theme {
        Ok(t) => t.custom_shortcodes.clone(),
        Err(_) => Default::default(),
    };
    let (discovered, errors) = discover::discover(&opts.root, lang);
    diagnostics.extend(errors);
    let highlighter = Highlighter::new();
    let cx = LoadContext {
        markdown: MarkdownOptions {
            lang,
            raw_html: config.raw_html,
            highlighter: &highlighter,
            id_prefix: "",
            urls: &config.urls,
        },
        custom_shortcodes: &custom,
    };
    timer.lap("discover");
    let (articles, errors) = load_articles_with(&opts.root, &discovered, &cx, progress);
    timer.lap("load articles");
    diagnostics.extend(errors);
    let (sections, errors) = load_sections(&opts.root, &discovered, &cx);
    diagnostics.extend(errors);
    let (registry, errors) = Registry::load(
        &opts.root,
        discovered.people.as_deref(),
        discovered.organisations.as_deref(),
        lang,
    );
    diagnostics.extend(errors);
    let theme = match theme {
        Ok(t) => Some(t),
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    if let Some(theme) = &theme {
        diagnostics.extend(registry_files_missing(
            &opts.root,
            &discovered,
            &registry,
            theme,
            lang,
        ));
        let pages = articles
            .iter()
            .map(|a| (&*a.source, a.meta.template.as_deref()))
            .chain(
                sections
                    .iter()
                    .filter_map(|s| Some((&**s.source.as_ref()?, s.meta.template.as_deref()))),
            );
        diagnostics.extend(crate::render::theme::check_templates(theme, pages, lang));
    }
    let inclusion = Inclusion {
        drafts: opts.drafts,
        future: opts.future,
        now: now(),
    };
    let (site, errors) = site::assemble(
        config.clone(),
        &discovered,
        sections,
        articles,
        registry,
        site::Assembly {
            inclusion,
            retention,
            statics: theme.as_ref().map_or(&[][..], |t| &t.static_files),
        },
    );
    diagnostics.extend(errors);
    timer.lap("assemble");
    Prepared {
        config,
        site,
        theme,
        diagnostics,
        usage_error: false,
        timer,
    }
}

/// The files copied rather than rendered: the theme's and the site's static
/// files, then the content's files. Watch mode calls it alone when only a
/// static file changed.
pub fn add_copied_files(files: &mut Files, site: &Site, theme: &Theme, root: &Path) {
    for (path, src) in &theme.static_files {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    bundle_code_colours(files, root);
    for (path, src) in &site.assets {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
}

/// The theme's code colours, `css/code-light.css` and `css/code-dark.css`
/// (the latter for `prefers-color-scheme: dark`), go at the end of its main
/// stylesheet `css/gazette.css` as well: every page then asks for no more
/// stylesheets than before (a theme without them is left as it is).
fn bundle_code_colours(files: &mut Files, root: &Path) {
    let read = |key: &str| -> Option<Vec<u8>> {
        match files.get(key)? {
            Content::Copy(src) => crate::sources::read(root, src).ok(),
            Content::Bytes(b) => Some(b.clone()),
        }
    };
    let (Some(mut css), Some(light), Some(dark)) = (
        read("css/gazette.css"),
        read("css/code-light.css"),
        read("css/code-dark.css"),
    ) else {
        return;
    };
    css.extend_from_slice(b"\n");
    css.extend_from_slice(&light);
    css.extend_from_slice(b"\n@media (prefers-color-scheme: dark) {\n");
    css.extend_from_slice(&dark);
    css.extend_from_slice(b"}\n");
    files.insert("css/gazette.css".to_string(), Content::Bytes(css));
}

fn placeholder_config(root: &Path) -> Config {
    Config {
        root: root.to_path_buf(),
        title: String::new(),
        base_url: "http://localhost/".into(),
        root_path: "/".into(),
        warnings: Vec::new(),
        language: Default::default(),
        theme: "gazette".into(),
        description: None,
        paginate_by: 12,
        feeds: false,
        search: false,
        share: Vec::new(),
        menu: Vec::new(),
        raw_html: Default::default(),
        accessibility: None,
        urls: Default::default(),
        taxonomies: config::TaxonomyFolders {
            category: "categories".into(),
            series: "rubriques".into(),
            tags: "mots-cles".into(),
            organisations: "organismes".into(),
            authors: "auteurs".into(),
            people: "personnes".into(),
        },
        taxonomy_positions: Default::default(),
    }
}

/// Loads every article in parallel.
pub fn load_articles(
    root: &Path,
    discovered: &Discovered,
    cx: &LoadContext,
) -> (Vec<Arc<LoadedArticle>>, Vec<Diagnostic>) {
    load_articles_with(root, discovered, cx, &Quiet)
}

/// `load_articles`, one `progress` step per article. Each article is put
/// behind an `Arc` by the thread that loaded it: a loaded article is a large
/// value, and assembly sorts and filters them, moving pointers only.
pub fn load_articles_with(
    root: &Path,
    discovered: &Discovered,
    cx: &LoadContext,
    progress: &dyn Progress,
) -> (Vec<Arc<LoadedArticle>>, Vec<Diagnostic>) {
    progress.stage(Stage::Load, Some(discovered.articles.len() as u64));
    let results: Vec<Result<Arc<LoadedArticle>, Vec<Diagnostic>>> = discovered
        .articles
        .par_iter()
        .map(|origin| {
            let text = read_text(root, &origin.path, cx.markdown.lang)?;
            let loaded = article::load(origin.clone(), text, cx).map(Arc::new);
            progress.step();
            loaded
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.extend(e),
        }
    }
    (articles, errors)
}

/// Reads a source file as UTF-8, or says why not (watch mode reads one file
/// at a time through it too). The file must be one discovery found (see
/// [`crate::sources`]).
pub fn read_text(
    root: &Path,
    path: &Path,
    lang: crate::language::Language,
) -> Result<String, Vec<Diagnostic>> {
    let bytes = crate::sources::read(root, path)
        .map_err(|refusal| vec![refusal.diagnostic(path, "file-unreadable", lang)])?;
    read_text_from(bytes, path, lang)
}

/// The bytes of the source file `path` as UTF-8 text, or where they are not.
pub fn read_text_from(
    bytes: Vec<u8>,
    path: &Path,
    lang: crate::language::Language,
) -> Result<String, Vec<Diagnostic>> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        vec![
            Diagnostic::error(
                "file-not-utf8",
                lang.pick(
                    "le fichier n’est pas enregistré en UTF-8",
                    "the file is not saved as UTF-8",
                ),
            )
            .at(&SourceText::new(path, text), at..at + 1)
            .with_help(lang.pick(
                "dans votre éditeur, enregistrez le fichier avec l’encodage UTF-8",
                "in your editor, save the file with the UTF-8 encoding",
            )),
        ]
    })
}

/// The registries' logos and photos written as site paths that name no
/// file of the theme's or the site's `static/` or of `content/` (see
/// [`Registry::missing_files`]).
pub fn registry_files_missing(
    root: &Path,
    discovered: &Discovered,
    registry: &Registry,
    theme: &Theme,
    lang: crate::language::Language,
) -> Vec<Diagnostic> {
    let published: std::collections::BTreeSet<&str> = theme
        .static_files
        .iter()
        .map(|(name, _)| name.as_str())
        .chain(discovered.assets.iter().map(|a| a.content_path.as_str()))
        .collect();
    registry.missing_files(
        root,
        discovered.people.as_deref(),
        discovered.organisations.as_deref(),
        &published,
        lang,
    )
}

/// Loads every section's `_index.md`.
pub fn load_sections(
    root: &Path,
    discovered: &Discovered,
    cx: &LoadContext,
) -> (Vec<LoadedSection>, Vec<Diagnostic>) {
    let lang = cx.markdown.lang;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for s in &discovered.sections {
        let mut loaded = LoadedSection {
            dir: s.dir.clone(),
            source: None,
            meta: Default::default(),
            intro: Default::default(),
        };
        if let Some(path) = &s.index {
            match read_text(root, path, lang) {
                Ok(text) => {
                    let source = Arc::new(SourceText::new(
                        path,
                        markdown::scrub_markers(&text).into_owned(),
                    ));
                    match front_matter::split(&source, lang) {
                        Ok(split) => match front_matter::parse_section(&source, &split, lang) {
                            Ok(meta) => {
                                loaded.meta = meta;
                                loaded.intro = markdown::render(
                                    &source.text[split.body.clone()],
                                    &OffsetMap::contiguous(split.body.start),
                                    &cx.markdown,
                                );
                                errors.extend(crate::content::schemes::refused_links(
                                    &source,
                                    &split,
                                    [&loaded.intro],
                                    cx.markdown.urls,
                                    lang,
                                ));
                            }
                            Err(e) => errors.extend(e),
                        },
                        Err(d) => errors.push(d),
                    }
                    loaded.source = Some(source);
                }
                Err(e) => errors.extend(e),
            }
        }
        out.push(loaded);
    }
    (out, errors)
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
    /// Wall time.
    pub seconds: f64,
    /// The output folder.
    pub output: PathBuf,
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
    let mut prepared = prepare(opts, progress, Retention::RenderOnly);
    if prepared.usage_error {
        return (prepared.diagnostics, None, Outcome::Usage);
    }
    let lang = prepared.config.language;
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
    let (Some(site), Some(theme)) = (&prepared.site, &prepared.theme) else {
        return (prepared.diagnostics, None, Outcome::SiteErrors);
    };
    if prepared.diagnostics.has_errors() {
        // Nothing is written, but the pages that assembled are rendered in
        // memory all the same, so one run reports the template errors too.
        let (_, errors) = render::render_with(site, theme, progress);
        let errors = render::theme::not_yet_reported(errors, &prepared.diagnostics);
        prepared.diagnostics.extend(errors);
        return (prepared.diagnostics, None, Outcome::SiteErrors);
    }
    let publication = match output::Publication::open(&output_dir, &opts.root, opts.policy, &|| {
        progress.waiting(&output_dir)
    }) {
        Ok(p) => p,
        Err(e) => {
            prepared.diagnostics.push(e.diagnostic(&output_dir, lang));
            let outcome = if e.is_usage() {
                Outcome::Usage
            } else {
                Outcome::SiteErrors
            };
            return (prepared.diagnostics, None, outcome);
        }
    };
    let written = write_site(site, theme, opts, publication, progress);
    prepared.timer.lap("render and write");
    let mut diagnostics = prepared.diagnostics;
    let stats = match written {
        Ok(Ok(stats)) => stats,
        Ok(Err(errors)) => {
            diagnostics.extend(errors);
            return (diagnostics, None, Outcome::SiteErrors);
        }
        Err(e) => {
            diagnostics.push(e.diagnostic(&output_dir, lang));
            return (diagnostics, None, Outcome::SiteErrors);
        }
    };
    let summary = Summary {
        pages: stats.html,
        written: stats.written,
        removed: stats.removed,
        kept: stats.kept,
        seconds: started.elapsed().as_secs_f64(),
        output: output_dir,
    };
    // A build is the last thing the process does: the model goes with it,
    // without spending time freeing it piece by piece.
    std::mem::forget(prepared.site);
    (diagnostics, Some(summary), Outcome::Success)
}

/// Renders `site` into the new tree of `staging`: the site's errors (the
/// new tree dropped, the output untouched), or what was published.
fn write_site(
    site: &Site,
    theme: &Theme,
    opts: &BuildOptions,
    staging: output::Publication,
    progress: &dyn Progress,
) -> Result<Result<output::WriteStats, Vec<Diagnostic>>, output::PublishError> {
    // The article pages, kept for the search index when there is one.
    let searched: HashSet<String> = if site.config.search {
        site.articles
            .iter()
            .map(|a| format!("{}index.html", a.rel_url))
            .collect()
    } else {
        HashSet::new()
    };
    let kept = Mutex::new(Files::new());
    let failure: Mutex<Option<output::PublishError>> = Mutex::new(None);
    let keep_first = |e: output::PublishError| {
        failure
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get_or_insert(e);
    };
    let mut errors = render::render_each(site, theme, progress, &|order, path, html| {
        let content = Content::Bytes(html);
        if let Err(e) = staging.put(order, &path, &content) {
            keep_first(e);
        }
        if searched.contains(&path) {
            kept.lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(path, content);
        }
    });
    if let Some(e) = failure
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
    {
        return Err(e);
    }
    if !errors.is_empty() {
        staging.abort();
        return Ok(Err(errors));
    }
    // Copied files and the search index come after every page: they win a
    // path a page also claims.
    let mut extra = Files::new();
    add_copied_files(&mut extra, site, theme, &opts.root);
    if site.config.search {
        progress.stage(Stage::Search, None);
        let kept = kept
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match crate::search::site_index(site, &kept) {
            Ok(index) => extra.extend(index),
            Err(d) => errors.push(d),
        }
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
    staging.commit().map(Ok)
}

/// The resident and peak memory, as Linux reports them (empty elsewhere).
fn resident_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    format!("(rss {}, peak {})", field("VmRSS:"), field("VmHWM:"))
}

/// The CPU time of the process so far (user and system, all threads), in
/// milliseconds, as Linux reports it in clock ticks (0 elsewhere).
fn cpu_millis() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here;
    // the kernel counts 100 ticks a second.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) * 10
}

/// Stage timings on stderr when `GAZETTE_TIMINGS` is set: for profiling
/// and the benchmark, never part of normal output.
struct StageTimer {
    /// When the last stage ended, and the CPU time then.
    last: Option<(Instant, u64)>,
}

impl StageTimer {
    fn from_env() -> Self {
        StageTimer {
            last: std::env::var_os("GAZETTE_TIMINGS").map(|_| (Instant::now(), cpu_millis())),
        }
    }

    fn lap(&mut self, stage: &str) {
        if let Some((last, cpu)) = self.last {
            let now = cpu_millis();
            eprintln!(
                "timing: {stage:<14} {:>8.1} ms (cpu {:>5} ms) {}",
                last.elapsed().as_secs_f64() * 1000.0,
                now.saturating_sub(cpu),
                resident_memory()
            );
            self.last = Some((Instant::now(), now));
        }
    }

    fn time<T>(&mut self, stage: &str, f: impl FnOnce() -> T) -> T {
        self.lap("(other)");
        let value = f();
        self.lap(stage);
        value
    }
}
