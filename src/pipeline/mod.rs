//! The pipeline: settings → theme → discovery → load → assembly, as one
//! value that every driver runs.
//!
//! `build`, `check`, `next-change` and the preview (`serve`, `build
//! --watch`) used to each run these stages their own way; now they all hold
//! a [`Pipeline`] and ask it for the stages they need, in order: a one-shot
//! driver calls [`Pipeline::prepare`] (all of them at once), the preview
//! calls them one by one and skips what a change did not touch. What a
//! stage produces is kept in the pipeline for the next run: the settings,
//! the loaded theme, the syntax highlighter, what discovery found, and the
//! articles as loaded (the source cache, `cache`). Rendering and writing are
//! the drivers' own: a build streams pages to the output folder, `check`
//! lints them in memory, the preview keeps them to serve, `next-change`
//! needs none.
//!
//! `build` also loads through the site's cache of rendered bodies
//! (`bodies`, [`Pipeline::keep_bodies`]): between two runs of the
//! process, a body whose text did not change is read back, not rendered.
//!
//! After assembly, the photo stage ([`Pipeline::photos`]) publishes the
//! photos in variants for the drivers that publish (`build`, `build
//! --watch`), plans them for `check`, or takes what the cache holds for
//! the preview (which has the rest made in the background): one place, so
//! they agree.
//!
//! Each stage returns its diagnostics and goes as far as it can, so one run
//! reports every problem; the drivers decide the outcome once, at the end.

mod bodies;
mod cache;
mod sections;
mod timer;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::config::{self, Config, Overrides};
use crate::content::article::LoadContext;
use crate::content::discover::{self, ArticleSource, Discovered};
use crate::content::highlight::Highlighter;
use crate::content::markdown::MarkdownOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, Staged};
use crate::language::Language;
use crate::progress::Progress;
use crate::render::pictures::{self, Encoding};
use crate::render::theme::Theme;
use crate::site::registry::Registry;
use crate::site::{self, Inclusion, Retention, Site};

pub use cache::Loaded;
pub use sections::load_sections;
pub use timer::StageTimer;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root.
    pub root: PathBuf,
    /// Where to write (default `root/output`).
    pub output: Option<PathBuf>,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--relative-urls` (`Some(true)`); `Some(false)` turns the setting
    /// off (the preview serves over HTTP, `check` lints the site's own
    /// addresses); `None` keeps `site.yaml`'s.
    pub relative_urls: Option<bool>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--future`.
    pub future: bool,
    /// `--take-over` and `--clean`: what a build may do to an output
    /// folder it did not make.
    pub policy: crate::output::Policy,
}

impl BuildOptions {
    /// The site at `root`, built as `gazette build` builds it without
    /// options (into `root/output`).
    pub fn of(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            relative_urls: None,
            drafts: false,
            future: false,
            policy: Default::default(),
        }
    }
}

/// The present: `SOURCE_DATE_EPOCH` when set, else the clock.
pub fn now() -> Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(|s| Timestamp::from_second(s).ok())
        .unwrap_or_else(Timestamp::now)
}

/// A site read and assembled: what rendering starts from.
pub struct Prepared {
    /// The settings (placeholders when they could not be read).
    pub config: Config,
    /// The model, when assembly got that far.
    pub site: Option<Site>,
    /// Everything found so far.
    pub diagnostics: Diagnostics,
    /// Whether the settings could not be used (exit status 2).
    pub usage_error: bool,
}

/// The stages and what they keep; see the module's documentation.
pub struct Pipeline {
    opts: BuildOptions,
    config: Option<Config>,
    theme: Option<Theme>,
    /// Why the theme could not be loaded, when it could not.
    theme_errors: Vec<Diagnostic>,
    asset_names: crate::render::fingerprint::AssetNames,
    highlighter: Highlighter,
    discovered: Discovered,
    articles: cache::ArticleCache,
    /// The build cache's rendered bodies, for `build` ([`Pipeline::keep_bodies`]).
    bodies: Option<bodies::Bodies>,
    /// Stage timings (`GAZETTE_TIMINGS`).
    pub timer: StageTimer,
}

impl Pipeline {
    /// A pipeline for `opts` that runs once; nothing is read until a stage
    /// runs.
    pub fn new(opts: BuildOptions) -> Pipeline {
        Pipeline {
            opts,
            config: None,
            theme: None,
            theme_errors: Vec::new(),
            asset_names: Default::default(),
            highlighter: Highlighter::new(),
            discovered: Discovered::default(),
            articles: cache::ArticleCache::default(),
            bodies: None,
            timer: StageTimer::from_env(),
        }
    }

    /// Loads articles through the site's cache of rendered bodies
    /// (`.gazette-cache/bodies/`): `build`'s, which publishes, then
    /// writes it ([`Pipeline::save_bodies`]).
    pub fn keep_bodies(&mut self) {
        self.bodies = Some(bodies::Bodies::open(&self.opts.root));
    }

    /// Writes the bodies this build rendered into the cache, and drops
    /// those it did not use: after a build that published.
    pub fn save_bodies(&self) {
        if let Some(bodies) = &self.bodies {
            bodies.save();
        }
    }

    /// What the cache of bodies could not use, as warnings.
    pub fn body_warnings(&self, lang: Language) -> Vec<Diagnostic> {
        self.bodies
            .as_ref()
            .map(|b| b.warnings(lang))
            .unwrap_or_default()
    }

    /// A pipeline the preview runs again at each change: its source cache
    /// remembers what each article was loaded from.
    pub fn kept(opts: BuildOptions) -> Pipeline {
        Pipeline {
            articles: cache::ArticleCache::kept(),
            ..Pipeline::new(opts)
        }
    }

    /// The same pipeline, the pages' stylesheets and script published
    /// under `names` (hashed unless told).
    pub fn with_asset_names(self, names: crate::render::fingerprint::AssetNames) -> Pipeline {
        Pipeline {
            asset_names: names,
            ..self
        }
    }

    /// What it builds.
    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// The settings, once read.
    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    /// The theme, once loaded.
    pub fn theme(&self) -> Option<&Theme> {
        self.theme.as_ref()
    }

    /// The theme, taken out (a one-shot driver renders with it last).
    pub fn take_theme(&mut self) -> Option<Theme> {
        self.theme.take()
    }

    /// What discovery found last.
    pub fn discovered(&self) -> &Discovered {
        &self.discovered
    }

    /// The site's language (French until the settings are read).
    pub fn language(&self) -> Language {
        self.config.as_ref().map(|c| c.language).unwrap_or_default()
    }

    /// An article as last loaded.
    pub fn article(&self, path: &Path) -> Option<&Loaded> {
        self.articles.get(path)
    }

    /// Forgets the settings, the theme and every loaded article: the next
    /// stages start from scratch (`site.yaml` changed).
    pub fn forget(&mut self) {
        self.config = None;
        self.theme = None;
        self.theme_errors.clear();
        self.articles.clear();
    }

    /// Stage: the settings, read unless already read. Their warnings are
    /// returned each time (every run reports them); no value when they
    /// cannot be read (the folder is not a site, or `site.yaml` is wrong).
    pub fn settings(&mut self) -> Staged<()> {
        if self.config.is_none() {
            let overrides = Overrides {
                base_url: self.opts.base_url.clone(),
                relative_urls: self.opts.relative_urls,
            };
            match config::load(&self.opts.root, &overrides) {
                Ok(config) => self.config = Some(config),
                Err(errors) => return Staged::failed(errors.iter().cloned().collect()),
            }
        }
        let warnings = self.config.as_ref().map(|c| c.warnings.clone());
        Staged::new(Some(()), warnings.unwrap_or_default())
    }

    /// Stage: the theme, loaded again. A change of its shortcodes changes
    /// how articles parse: the loaded articles are then forgotten. No value
    /// when it cannot be loaded; its errors are kept too
    /// ([`Pipeline::theme_errors`]), for a preview that re-renders without
    /// loading it again.
    pub fn load_theme(&mut self) -> Staged<()> {
        let Some(config) = &self.config else {
            return Staged::failed(Vec::new());
        };
        let before = self.theme.as_ref().map(|t| t.custom_shortcodes.clone());
        match Theme::load(config, self.asset_names) {
            Ok(t) => {
                if before.is_some_and(|b| b != t.custom_shortcodes) {
                    self.articles.clear();
                }
                self.theme = Some(t);
                self.theme_errors.clear();
            }
            Err(e) => {
                self.theme = None;
                self.theme_errors = e;
            }
        }
        self.timer.lap("theme");
        Staged::new(self.theme.as_ref().map(|_| ()), self.theme_errors.clone())
    }

    /// Why the theme could not be loaded (empty when it was).
    pub fn theme_errors(&self) -> &[Diagnostic] {
        &self.theme_errors
    }

    /// Stage: discovery. Articles no longer found leave the cache.
    pub fn discover(&mut self) -> Staged<()> {
        let (discovered, errors) = discover::discover(&self.opts.root, self.language());
        self.discovered = discovered;
        self.articles.retain_discovered(&self.discovered);
        self.timer.lap("discover");
        Staged::new(Some(()), errors)
    }

    /// Stage: load. The discovered articles not loaded yet, and those in
    /// `changed`, are read (once each) and loaded, in parallel. The one
    /// stage without a [`Staged`]: an article's problems stay with it in
    /// the cache, and assembly reports them with every other one, each
    /// run, until the article is fixed.
    pub fn load(&mut self, changed: &BTreeSet<PathBuf>, progress: &dyn Progress) {
        let Some(config) = &self.config else {
            return;
        };
        let cx = load_context(
            config,
            self.theme.as_ref(),
            &self.highlighter,
            self.bodies.as_ref(),
        );
        self.articles
            .load(&self.opts.root, &self.discovered, changed, &cx, progress);
        self.timer.lap("load articles");
    }

    /// Loads the discovered article at `path` again if its bytes changed;
    /// returns whether they did (`false` for a path discovery did not find).
    pub fn reload(&mut self, path: &Path) -> bool {
        let (Some(config), Some(origin)) = (&self.config, self.origin(path)) else {
            return false;
        };
        let origin = origin.clone();
        let cx = load_context(config, self.theme.as_ref(), &self.highlighter, None);
        self.articles.reload(&self.opts.root, &origin, &cx)
    }

    fn origin(&self, path: &Path) -> Option<&ArticleSource> {
        self.discovered.articles.iter().find(|a| a.path == path)
    }

    /// Stage: assembly. The sections and the registries are read, the
    /// templates the pages ask for checked, and the site assembled from
    /// the loaded articles: shared with the cache when `retention` keeps
    /// everything (the preview), handed over when it keeps what rendering
    /// needs only (a build, which frees each source as it goes). The
    /// articles that failed to load are reported by their own errors and
    /// given to assembly as known targets: links to them are no errors.
    pub fn assemble(&mut self, retention: Retention) -> Staged<Site> {
        let gathered = match retention {
            Retention::Everything => self.articles.share(&self.discovered),
            Retention::RenderOnly => self.articles.take(&self.discovered),
        };
        let assembled = self.assemble_gathered(&self.discovered, gathered, retention, None);
        self.timer.lap("assemble");
        assembled
    }

    /// Loads `text`, an unsaved version of the article file `origin`, as
    /// loading that file would (the studio's preview): nothing is read
    /// from disk nor kept. `None` until the settings are read.
    pub fn load_text(&self, origin: ArticleSource, text: &str) -> Option<Loaded> {
        let config = self.config.as_ref()?;
        let cx = load_context(config, self.theme.as_ref(), &self.highlighter, None);
        Some(crate::content::article::load(origin, text.to_string(), &cx).map(std::sync::Arc::new))
    }

    /// Assembly as [`Pipeline::assemble`] keeping everything, with the
    /// article `origin` loaded as `loaded` (see [`Pipeline::load_text`])
    /// instead of as its file was, or beside the others when discovery did
    /// not find it (a new article), and in the site whatever its draft
    /// state and dates; the other articles keep the site's rules. Nothing
    /// is kept: the pipeline, its cache included, is left as it was (the
    /// studio's preview).
    pub fn assemble_with(&self, origin: &ArticleSource, loaded: &Loaded) -> Staged<Site> {
        let mut discovered = self.discovered.clone();
        // Assembly sorts the articles itself: a new one may go last.
        if !discovered.articles.iter().any(|a| a.path == origin.path) {
            discovered.articles.push(origin.clone());
        }
        let gathered = self
            .articles
            .share_replacing(&discovered, Some((&origin.path, loaded)));
        self.assemble_gathered(
            &discovered,
            gathered,
            Retention::Everything,
            Some(&origin.path),
        )
    }

    /// Assembly from the articles `gathered` of `discovered`; `shown` is an
    /// article in the site whatever its draft state and dates.
    fn assemble_gathered(
        &self,
        discovered: &Discovered,
        gathered: cache::Gathered,
        retention: Retention,
        shown: Option<&Path>,
    ) -> Staged<Site> {
        let Some(config) = self.config.clone() else {
            return Staged::failed(Vec::new());
        };
        let lang = config.language;
        let root = self.opts.root.clone();
        let cache::Gathered {
            articles,
            mut errors,
            unloaded,
        } = gathered;
        let cx = load_context(&config, self.theme.as_ref(), &self.highlighter, None);
        let (sections, found) = load_sections(&root, discovered, &cx);
        errors.extend(found);
        let (registry, found) = Registry::load(
            &root,
            discovered.people.as_deref(),
            discovered.organisations.as_deref(),
            lang,
        );
        errors.extend(found);
        if let Some(theme) = &self.theme {
            errors.extend(registry_files_missing(
                &root, discovered, &registry, theme, lang,
            ));
            let pages = articles
                .iter()
                .map(|a| (&*a.source, a.meta.template.as_deref()))
                .chain(
                    sections
                        .iter()
                        .filter_map(|s| Some((&**s.source.as_ref()?, s.meta.template.as_deref()))),
                );
            errors.extend(crate::render::theme::check_templates(theme, pages, lang));
        }
        let inclusion = Inclusion {
            drafts: self.opts.drafts,
            future: self.opts.future,
            now: now(),
        };
        let assembled = site::assemble(
            config,
            discovered,
            sections,
            articles,
            registry,
            site::Assembly {
                inclusion,
                retention,
                statics: self.theme.as_ref().map_or(&[][..], |t| &t.static_files),
                unloaded: &unloaded,
                shown,
            },
        );
        errors.extend(assembled.found);
        Staged::new(assembled.value, errors)
    }

    /// Stage: photos, after assembly. Every raster photo the articles of
    /// `site` show is published in variants (`render::pictures`), as
    /// `encoding` says: encoded through the site's cache (`build`, `build
    /// --watch`), only decoded and listed (`check`, which writes nothing),
    /// or taken from the cache when there and else left pending (`serve`,
    /// whose worker encodes them in the background). One step of
    /// `progress` per source photo. The articles get their pictures,
    /// `site.variants` the variants' paths, checked with every other
    /// output path; the value is the files to write (the variants, and
    /// each source's address with its largest one), the pictures, and the
    /// photos pending.
    pub fn photos(
        &mut self,
        site: &mut Site,
        encoding: Encoding<'_>,
        progress: &dyn Progress,
    ) -> Staged<pictures::Published> {
        let staged = self.photos_untimed(site, encoding, progress);
        self.timer.lap("photos");
        staged
    }

    /// The photo stage ([`Pipeline::photos`]) on a pipeline only read: the
    /// same work, not timed (the studio's preview, `Encoding::Ready`).
    pub fn photos_untimed(
        &self,
        site: &mut Site,
        encoding: Encoding<'_>,
        progress: &dyn Progress,
    ) -> Staged<pictures::Published> {
        let statics = self.theme.as_ref().map_or(&[][..], |t| &t.static_files);
        let settings = site.config.images.clone();
        let mut published = pictures::publish(
            site,
            &self.opts.root,
            encoding,
            &settings,
            statics,
            progress,
        );
        let mut found = std::mem::take(&mut published.errors);
        found.append(&mut published.warnings);
        Staged::new(Some(published), found)
    }

    /// Every stage up to assembly, for the drivers that run once.
    pub fn prepare(&mut self, progress: &dyn Progress, retention: Retention) -> Prepared {
        let mut diagnostics = Diagnostics::new();
        if self.settings().report(&mut diagnostics).is_none() {
            return Prepared {
                config: Config::placeholder(&self.opts.root),
                site: None,
                diagnostics,
                usage_error: true,
            };
        }
        let _theme = self.load_theme().report(&mut diagnostics);
        let _discovered = self.discover().report(&mut diagnostics);
        self.load(&BTreeSet::new(), progress);
        let site = self.assemble(retention).report(&mut diagnostics);
        Prepared {
            config: self
                .config
                .clone()
                .unwrap_or_else(|| Config::placeholder(&self.opts.root)),
            site,
            diagnostics,
            usage_error: false,
        }
    }
}

/// No custom shortcodes (no theme loaded).
static NO_SHORTCODES: BTreeSet<String> = BTreeSet::new();

/// What loading a file of this site needs: how Markdown is rendered, and
/// the theme's custom shortcodes. The one place it is made.
fn load_context<'a>(
    config: &'a Config,
    theme: Option<&'a Theme>,
    highlighter: &'a Highlighter,
    bodies: Option<&'a bodies::Bodies>,
) -> LoadContext<'a> {
    LoadContext {
        markdown: MarkdownOptions {
            lang: config.language,
            raw_html: config.raw_html,
            highlighter,
            id_prefix: "",
            urls: &config.urls,
        },
        custom_shortcodes: theme.map_or(&NO_SHORTCODES, |t| &t.custom_shortcodes),
        bodies: bodies.map(|b| b as &dyn crate::content::markdown::RenderCache),
        front_matter: bodies.map(|b| b as &dyn crate::content::front_matter::FrontMatterCache),
    }
}

/// The registries' logos and photos written as site paths that name no
/// file of the theme's or the site's `static/` or of `content/` (see
/// [`Registry::missing_files`]).
pub fn registry_files_missing(
    root: &Path,
    discovered: &Discovered,
    registry: &Registry,
    theme: &Theme,
    lang: Language,
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
