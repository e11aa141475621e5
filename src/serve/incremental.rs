//! The state kept between rebuilds, and the cheapest correct rebuild for
//! each kind of change.
//!
//! A `Session` holds what a full build would recompute but a change rarely
//! touches: the settings, the loaded theme, the syntax highlighter, what
//! discovery found, every article as loaded (keyed by path, with a hash of
//! its bytes, failures included), the last good `Site` and the last good
//! output files. Then, per kind of change (see `watch::Changes`):
//!
//! - **an article's body** (front matter byte for byte the same, same
//!   heading ids): that file is loaded again, the site is patched in place
//!   (`site::patch`), and only the pages that read it are rendered
//!   (`render::partial`): its own page, and when its summary changed the
//!   listing pages, feeds and "further reading" boxes that show it. On a
//!   10,000-article site this is milliseconds instead of seconds;
//! - **an article's front-matter texts** (a title, a lead, a cover's
//!   caption, a quote's words: `site::patch::texts_only`), **or front
//!   matter that may move the article but leaves its page where it is**
//!   (a date, tags, "further reading", pinned: `site::patch::stays`): its
//!   own page first, made from the last site with that article patched
//!   (`site::patch::replace`; one article that moves is placed instead,
//!   as below, so that its page shows its new place) and handed to the
//!   caller's `early` callback,
//!   which the preview serves at once (milliseconds on any site); the
//!   last site is then put back as it was, and the next routes follow;
//! - **an article's front matter that moves nothing** (every article still
//!   at its place, with the same address, lists, terms, "further reading"
//!   and files, `site::patch::same_places`): the changed files are loaded
//!   again and the site assembled again, then only the pages that show
//!   those articles rendered (`render::partial`), with the sitemap and the
//!   taxonomy indexes. A page shown first is rendered again with them and
//!   is the same, unless the rest moved it (a section sorted by title);
//!   if this rebuild fails, the page shown first is put back;
//! - **article files that give articles an address the last site does
//!   not show them at** (a new file, a renamed one, a new slug, a draft
//!   published; a bundle's folder added or renamed, its files with it,
//!   `Session::bundles_moved`): each one's page first, made from the last
//!   site with the article placed in it, last, at its address, its old
//!   place left out, its links resolved, its "further reading" chosen and
//!   its terms linked as assembly would (`site::patch::place_new`; a new
//!   bundle's files, listed from disk as discovery lists them,
//!   `content::discover::bundle`, linked beside its page and served with
//!   it), handed to `early`; the last site is then put back as it was,
//!   and the next route follows (a draft, an address taken, an article
//!   that does not load: no page first);
//! - **article files alone that move articles** (a date, tags, a slug, a
//!   draft; a new, deleted or renamed article or bundle; a heading other
//!   articles may link to): loaded again and assembled again (discovered
//!   again for a bundle), then the new site is
//!   compared with the last one page by page (`render::moved`): only the
//!   pages that read something else than before are rendered (those that
//!   show the article, the listing pages it shifted, its terms', the
//!   feeds, the "further reading" near it, the pages whose links lead to
//!   it), and the content's files copied as the new site lists them. A
//!   page shown first that its new place changes (when several articles
//!   moved at once, patched in place: their "further reading" after a
//!   date edit) is shown again with the rest;
//! - **a section, a registry, a content file**, or the session behind
//!   after a failure: the changed files are loaded again, the others come
//!   from the cache, and the site is assembled and rendered whole;
//! - **a template or UI string**: the theme is reloaded and every page
//!   rendered again, with no article parsed or assembled;
//! - **a static file**: only the copied files are listed again (the full
//!   path for a person's photo or a logo published in variants);
//! - **`site.yaml`**: everything from scratch.
//!
//! Nothing is applied unless the whole rebuild succeeded: on failure the
//! last good site and files stay, the diagnostics are returned, and the
//! session remembers that it is behind (`dirty`) so the next change takes
//! the full path, except when the failure was one article's own and the next
//! change is to that article (the usual "break, then fix" of a writer).
//!
//! `build --watch`'s session (`Session::publishing`) also runs the
//! pipeline's photo stage after each assembly, so it writes what `build`
//! writes; an article whose body alone changed gets the pictures made
//! last time (the full path when it shows a photo without any). The
//! preview's (`Session::preview`) runs the stage without encoding: photos
//! already in the cache get their variants, the others are served as
//! uploaded and sent to its queue (`serve::photos`), whose worker encodes
//! them and has the site assembled again; a body edit on the fast path
//! gets the pictures known and sends the others, so it never waits for an
//! encoder.
//!
//! The search index (pagefind, seconds on a large site) is not rebuilt on
//! every change: it is marked stale and rebuilt by `refresh_search`, which
//! the server calls when a page asks for the index, through the site's
//! build cache (`search::cache`): only the parts whose pages changed are
//! made again, and only those pages read. `files_complete` gives
//! exactly what `build` would write, which is what the tests compare.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::BuildOptions;
use crate::config::Config;
use crate::content::article::LoadedArticle;
use crate::content::discover::AssetSource;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::language::Language;
use crate::pipeline::Pipeline;
use crate::progress::Quiet;
use crate::render::fingerprint::AssetNames;
use crate::render::partial::{self, Touched};
use crate::render::pictures::{self, Encoding, Pictures};
use crate::render::theme::Theme;
use crate::render::{self, Content, Files};
use crate::site::{self, Retention, Site, patch};

use super::photos::Queue;
use super::watch::Changes;

/// Output paths of the search index.
const SEARCH_DIR: &str = "pagefind/";

/// Articles of the site edited without moving: their index in the site
/// and their new loading.
type Replaced = Vec<(usize, Arc<LoadedArticle>)>;

/// What rendering a whole site gives: every file, the copied ones among
/// them, the render errors and the article summaries made.
type RenderedAll = (Files, Files, Vec<Diagnostic>, Vec<tera::Value>);

/// Where [`Session::apply_with`] hands the pages it can show before the
/// rest of a rebuild is done: the session's files, and the paths changed.
pub type Early<'a> = &'a mut dyn FnMut(&Files, &[String]);

/// The changed articles as reloaded, by what their edits touched.
struct Reloaded {
    /// Their bodies alone (`site::patch::body_only`).
    bodies: Replaced,
    /// Texts of the front matter too (`site::patch::texts_only`).
    texts: Replaced,
    /// Front matter that may move them, their pages staying where they
    /// are (`site::patch::stays`).
    moves: Replaced,
}

/// What a page shown first replaced, to put back if the rebuild that
/// follows fails.
struct ShownFirst {
    /// The pages as they were (`None`: there was none).
    pages: Vec<(String, Option<Content>)>,
}

/// An unsaved article patched into the last good site
/// ([`Session::patch_unsaved`]), to be put back ([`Session::put_back`]).
pub struct Unsaved {
    /// Its index in the site.
    pub index: usize,
    /// How to put the site back.
    undo: Undo,
    /// What assembly and the photo stage find in it: the warnings of its
    /// links and `related:`, the errors and warnings of its photos.
    pub found: Vec<Diagnostic>,
}

/// How an unsaved article went into the last good site.
enum Undo {
    /// In place of its file's article, which was this.
    Replaced(Box<site::Article>),
    /// Placed last (`site::patch::place_new`).
    Placed(patch::PlacedNew),
}

/// Which rebuild a change got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Nothing to do (no byte changed).
    Nothing,
    /// One or more article bodies: their pages and the pages showing them.
    Articles,
    /// Static files copied again.
    Statics,
    /// Templates: every page rendered, nothing parsed.
    Templates,
    /// Front matter of articles that stayed in place: assembled again, and
    /// only the pages showing them rendered.
    InPlace,
    /// Articles moved, came or went: assembled again, and only the pages
    /// that differ from the last site's rendered.
    Moved,
    /// Loaded what changed, assembled and rendered everything.
    Full,
}

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// Whether the site built; when not, the last good files stay.
    pub ok: bool,
    /// Whether the settings could not be read (exit code 2 for a first build).
    pub usage_error: bool,
    /// What was found (errors when `ok` is false).
    pub diagnostics: Diagnostics,
    /// Output paths added or changed.
    pub changed: Vec<String>,
    /// Output paths removed.
    pub removed: Vec<String>,
    /// Which rebuild ran.
    pub route: Route,
    /// The pages handed to the `early` callback of [`Session::apply_with`]
    /// before the rest of the rebuild ran, and left as they were shown by
    /// it (within `changed`; empty when it failed): their tabs need no
    /// second reload.
    pub early: Vec<String>,
    /// Wall time.
    pub took: Duration,
}

impl Rebuilt {
    /// Whether only stylesheets changed, so pages can swap them in place.
    pub fn css_only(&self) -> bool {
        self.ok
            && self.removed.is_empty()
            && !self.changed.is_empty()
            && self.changed.iter().all(|p| p.ends_with(".css"))
    }
}

/// How a session publishes the photos.
enum Photos {
    /// Served as uploaded (`Session::new`).
    Uploads,
    /// In variants, encoded when missing (`build --watch`, as `build`).
    Encoded,
    /// In variants when cached, else as uploaded and sent to the queue
    /// when there is one (`serve`).
    Preview(Option<Queue>),
}

/// The state kept between rebuilds.
pub struct Session {
    /// The stages up to assembly, with the settings, the theme, what
    /// discovery found and the articles as loaded.
    pipeline: Pipeline,
    site: Option<Site>,
    /// Article index in `site` by source path.
    index: HashMap<PathBuf, usize>,
    /// The last good output, search index possibly stale.
    files: Files,
    /// The copied files within `files` (statics, content files).
    copied: Files,
    search_stale: bool,
    /// The last rebuild failed: the next one must be full.
    dirty: bool,
    /// The last rebuild failed on this article alone.
    failing: Option<PathBuf>,
    /// The changes of the rebuilds that failed since the last good one:
    /// applied with the next change, so that none is lost (a file added
    /// while an article was broken).
    pending: Changes,
    /// Listing summaries of the site's articles (empty: to be made).
    summaries: Vec<tera::Value>,
    /// How photos are published.
    photos: Photos,
    /// The photos' files of the last good site, within `files` and
    /// `copied` (empty in the preview).
    photo_files: Files,
    /// The photos' pictures of the last good site, given again to an
    /// article whose body alone changed.
    pictures: Pictures,
}

impl Session {
    /// A session for `opts` whose files are a build's (`build --watch`):
    /// the pages' stylesheets and script under hashed names, so an edited
    /// stylesheet renders every page again; nothing is read until `build`.
    pub fn new(opts: BuildOptions) -> Session {
        Session::with_asset_names(opts, AssetNames::Hashed)
    }

    /// The preview's session (`serve`): the pages' stylesheets and script
    /// keep their plain names, so an edited stylesheet is swapped in place.
    /// Its photos have their variants when the cache holds them, else are
    /// served as uploaded (see [`with_queue`](Self::with_queue)).
    pub fn preview(opts: BuildOptions) -> Session {
        Session {
            photos: Photos::Preview(None),
            ..Session::with_asset_names(opts, AssetNames::Plain)
        }
    }

    /// The preview's session, sending the photos it has no variants for
    /// to `queue`, whose worker makes them.
    pub fn with_queue(self, queue: Queue) -> Session {
        Session {
            photos: Photos::Preview(Some(queue)),
            ..self
        }
    }

    fn with_asset_names(opts: BuildOptions, names: AssetNames) -> Session {
        Session {
            pipeline: Pipeline::kept(opts).with_asset_names(names),
            site: None,
            index: HashMap::new(),
            files: Files::new(),
            copied: Files::new(),
            search_stale: false,
            dirty: true,
            failing: None,
            pending: Changes::default(),
            summaries: Vec::new(),
            photos: Photos::Uploads,
            photo_files: Files::new(),
            pictures: Pictures::new(),
        }
    }

    /// A session that publishes what `build` publishes, photos in
    /// variants included (`build --watch`): the pipeline's photo stage
    /// runs at each assembly, through the site's cache; an article whose
    /// body alone changed gets the pictures made last time, or takes the
    /// full path when it shows a photo that has none yet.
    pub fn publishing(opts: BuildOptions) -> Session {
        Session {
            photos: Photos::Encoded,
            ..Session::new(opts)
        }
    }

    /// The settings, once read.
    pub fn config(&self) -> Option<&Config> {
        self.pipeline.config()
    }

    /// The site's language (French until the settings are read).
    pub fn language(&self) -> Language {
        self.pipeline.language()
    }

    /// The last good output files (the search index may be stale).
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// The stages and what they keep (settings, theme, what discovery
    /// found, the articles as loaded, drafts and failures included), only
    /// to be read: the studio lists the articles from them, and its
    /// preview assembles an unsaved article with them, leaving the session
    /// as it was.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Whether the session publishes photos in variants (the preview's and
    /// `build --watch`'s), rather than as uploaded (`Session::new`).
    pub fn shows_variants(&self) -> bool {
        !matches!(self.photos, Photos::Uploads)
    }

    /// The site's folder.
    fn root(&self) -> &Path {
        &self.pipeline.options().root
    }

    /// The last good site, when there is one.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// Whether a good build exists.
    pub fn has_site(&self) -> bool {
        self.site.is_some()
    }

    /// Whether the search index lags behind the pages.
    pub fn search_stale(&self) -> bool {
        self.search_stale
    }

    /// Puts `loaded`, an unsaved version of the article at `path`, in the
    /// last good site: in place of that article when the edit moves
    /// nothing (`site::patch::body_only` or `texts_only`), its title and
    /// links resolved again; else placed last, whatever its draft state
    /// and dates, with its file's article left out
    /// (`site::patch::place_new`: a new article, a date, tags, a slug, a
    /// draft), its terms linked as assembly would, its resolution's
    /// errors in `found` if any. Its photos as the session publishes them
    /// (variants the cache holds, never encoded). The studio's preview
    /// then reads the site (`Session::site`) and must call
    /// [`Session::put_back`] with the value: nothing of the session
    /// changes in the end. `None` when it cannot be placed so (a bundle at
    /// a new address, a term whose address it would change, an address
    /// taken) or the last rebuild failed (the last good site is then
    /// behind the sources): the caller assembles a site of its own.
    pub fn patch_unsaved(&mut self, path: &Path, loaded: &Arc<LoadedArticle>) -> Option<Unsaved> {
        if self.dirty {
            return None;
        }
        let at = self.index.get(path).copied();
        let root = self.pipeline.options().root.clone();
        let statics = self.pipeline.theme().map_or(&[][..], |t| &t.static_files);
        let site = self.site.as_mut()?;
        let in_place = at.is_some_and(|i| {
            let old = &site.articles[i].loaded;
            patch::body_only(old, loaded) || patch::texts_only(old, loaded)
        });
        // In place when it resolves; with errors, placed (the errors are
        // the preview's to show).
        let replaced = match at {
            Some(index) if in_place => {
                let saved = site.articles[index].clone();
                patch::replace(site, index, loaded.clone())
                    .ok()
                    .map(|r| (index, saved, r.warnings))
            }
            _ => None,
        };
        let (index, undo, mut found) = match replaced {
            Some((index, saved, warnings)) => (index, Undo::Replaced(Box::new(saved)), warnings),
            None => {
                let mut placed = patch::place_new(
                    site,
                    loaded.clone(),
                    at.as_slice(),
                    patch::For::UnsavedText,
                    None,
                )?;
                let warnings = std::mem::take(&mut placed.found);
                (placed.index, Undo::Placed(placed), warnings)
            }
        };
        if !matches!(self.photos, Photos::Uploads) {
            let cache = crate::images::cache::Cache::open(&root);
            let settings = site.config.images.clone();
            found.extend(pictures::publish_article(
                site,
                index,
                &root,
                Encoding::Ready(&cache),
                &settings,
                statics,
            ));
        }
        Some(Unsaved { index, undo, found })
    }

    /// Puts the site back as it was before [`Session::patch_unsaved`].
    pub fn put_back(&mut self, unsaved: Unsaved) {
        if let Some(site) = self.site.as_mut() {
            match unsaved.undo {
                Undo::Replaced(saved) => site.articles[unsaved.index] = *saved,
                Undo::Placed(placed) => patch::remove_new(site, placed),
            }
        }
    }

    /// The first build: everything read.
    pub fn build(&mut self) -> Rebuilt {
        self.apply(&Changes {
            settings: true,
            ..Changes::default()
        })
    }

    /// Rebuilds after `changes`.
    pub fn apply(&mut self, changes: &Changes) -> Rebuilt {
        self.apply_with(changes, &mut |_, _| {})
    }

    /// Rebuilds after `changes`, handing `early` the pages that are ready
    /// before the rest: after an edit of an article's front matter texts
    /// (`site::patch::texts_only`), its own page is made from the last
    /// site with that article patched, in milliseconds, and handed over
    /// before the site is assembled again for the listings, feeds and term
    /// pages that show it (the preview serves it meanwhile). If that
    /// rebuild fails, the page is put back as it was and named in the
    /// result's `changed`, for the caller to serve again.
    pub fn apply_with(&mut self, changes: &Changes, early: Early) -> Rebuilt {
        let started = Instant::now();
        // What failed to apply before goes with this change.
        let mut all = std::mem::take(&mut self.pending);
        all.merge(changes);
        let changes = &all;
        let mut done = if changes.settings || self.pipeline.config().is_none() {
            self.pipeline.forget();
            self.full(changes, true)
        } else if changes.templates {
            self.full(changes, true)
        } else if !changes.articles.is_empty() || changes.structure || self.dirty {
            match self.articles_fast(changes, early) {
                Some(done) => done,
                None => self.full(changes, false),
            }
        } else if !changes.statics.is_empty() {
            self.statics(changes)
        } else {
            self.nothing()
        };
        // Statics changed together with something else: the full path lists
        // them anyway; the article path does not.
        if done.ok && done.route == Route::Articles && !changes.statics.is_empty() {
            let more = self.statics(changes);
            done.ok = more.ok;
            done.diagnostics.extend(more.diagnostics.iter().cloned());
            done.changed.extend(more.changed);
            done.removed.extend(more.removed);
        }
        if !done.ok {
            self.pending = all.clone();
        }
        done.took = started.elapsed();
        done
    }

    /// What `build` would produce: the files with an up-to-date search index.
    pub fn files_complete(&mut self) -> &Files {
        self.refresh_search();
        &self.files
    }

    /// Rebuilds the search index if it is stale. Returns the output paths
    /// added or changed, and removed.
    pub fn refresh_search(&mut self) -> (Vec<String>, Vec<String>) {
        if !self.search_stale {
            return (Vec::new(), Vec::new());
        }
        self.search_stale = false;
        let Some(site) = &self.site else {
            return (Vec::new(), Vec::new());
        };
        let mut files = std::mem::take(&mut self.files);
        let old: Files = files
            .iter()
            .filter(|(p, _)| p.starts_with(SEARCH_DIR))
            .map(|(p, c)| (p.clone(), c.clone()))
            .collect();
        files.retain(|p, _| !p.starts_with(SEARCH_DIR));
        // Through the site's build cache, as `build` does: only the parts
        // whose pages changed are made again. The entries this index did
        // not use are dropped, as a build drops them.
        let cache = crate::search::cache::Cache::open(&self.pipeline.options().root);
        match crate::search::site_index(site, &files, Some(&cache)).value {
            Some(index) => {
                files.extend(index);
                cache.prune();
            }
            // A full build reports it; the preview keeps the old index.
            None => files.extend(old.clone()),
        }
        let new: Files = files
            .iter()
            .filter(|(p, _)| p.starts_with(SEARCH_DIR))
            .map(|(p, c)| (p.clone(), c.clone()))
            .collect();
        self.files = files;
        diff(&old, &new)
    }

    fn nothing(&self) -> Rebuilt {
        Rebuilt {
            ok: true,
            usage_error: false,
            diagnostics: Diagnostics::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            route: Route::Nothing,
            early: Vec::new(),
            took: Duration::ZERO,
        }
    }

    fn failed(&mut self, diagnostics: Diagnostics, route: Route) -> Rebuilt {
        self.dirty = true;
        Rebuilt {
            ok: false,
            usage_error: false,
            diagnostics,
            changed: Vec::new(),
            removed: Vec::new(),
            route,
            early: Vec::new(),
            took: Duration::ZERO,
        }
    }

    /// The fast paths: every change is an article edit that moves nothing,
    /// in its body (the pages showing it rendered, nothing assembled) or in
    /// its front matter's texts (its page shown first, then the rest
    /// assembled again). `None` when the change needs the full path.
    fn articles_fast(&mut self, changes: &Changes, early: Early) -> Option<Rebuilt> {
        if !self.may_go_fast(changes) {
            return self.new_first(changes, early);
        }
        let Reloaded {
            mut bodies,
            texts,
            moves,
        } = match self.reload_edited(changes) {
            Some(Ok(reloaded)) => reloaded,
            Some(Err(failed)) => return Some(failed),
            None => return self.new_first(changes, early),
        };
        // One article moved (a date, tags): its page as the site assembled
        // with it at its new place shows it, "further reading" and terms
        // included, made from the last site with the article placed in
        // it and its old place left out.
        if let ([], [], [(i, moved)]) = (bodies.as_slice(), texts.as_slice(), moves.as_slice())
            && let Some(shown) = self.show_new_first(vec![(moved.clone(), None)], &[*i], early)
        {
            return Some(self.full_after(Some(shown), changes));
        }
        if !texts.is_empty() || !moves.is_empty() {
            bodies.extend(texts);
            bodies.extend(moves);
            return Some(self.page_first(bodies, changes, early));
        }
        if bodies.is_empty() {
            self.dirty = false;
            self.failing = None;
            return Some(self.nothing());
        }
        self.patch_bodies(bodies, changes)
    }

    /// The pages of the articles `edited` shown first
    /// ([`Session::show_first`]), then the rebuild that assembles the site
    /// again: the pages shown are among its `changed`, and in its `early`
    /// unless it changed them again; put back if it fails.
    fn page_first(&mut self, edited: Replaced, changes: &Changes, early: Early) -> Rebuilt {
        let shown = self.show_first(&edited, early);
        self.full_after(shown, changes)
    }

    /// Article files alone that give articles an address the last site
    /// does not show them at (a new file, a renamed one, a new slug, a
    /// draft published): each one's page shown first, made from the last
    /// site with the article placed in it and its old place left out
    /// (`site::patch::place_new`), then the rebuild that assembles the
    /// site with them ([`Session::full_after`]). `None` when the change
    /// is anything else, or an article cannot be placed so (it does not
    /// load, would not be shown, its address is taken…): the full path.
    fn new_first(&mut self, changes: &Changes, early: Early) -> Option<Rebuilt> {
        if self.dirty || self.site.is_none() {
            return None;
        }
        // Anything under `content/` but article files: only the folders
        // of bundles added, removed or renamed.
        let bundles = match changes.structure {
            true => self.bundles_moved(changes)?,
            false => BTreeSet::new(),
        };
        let mut paths: BTreeSet<PathBuf> = changes.articles.clone();
        paths.extend(bundles.iter().map(|b| b.join("index.md")));
        let mut loaded = Vec::new();
        let mut gone = Vec::new();
        for path in &paths {
            if let Some(&i) = self.index.get(path) {
                gone.push(i);
            }
            if !self.root().join(path).is_file() {
                continue;
            }
            let (origin, files) = match path.parent().filter(|b| bundles.contains(*b)) {
                Some(bundle) => {
                    let (origin, files) =
                        crate::content::discover::bundle(self.root(), bundle, self.language())?;
                    (origin, Some(files))
                }
                None => {
                    let known = self
                        .pipeline
                        .discovered()
                        .articles
                        .iter()
                        .find(|a| &a.path == path)
                        .cloned();
                    let origin = known
                        .or_else(|| crate::content::discover::ArticleSource::new_file(path))?;
                    (origin, None)
                }
            };
            let bytes = crate::sources::read_alone(self.root(), path).ok()?;
            let text = crate::sources::text_from(bytes, path, self.language()).ok()?;
            loaded.push((self.pipeline.load_text(origin, &text)?.ok()?, files));
        }
        if loaded.is_empty() {
            return None;
        }
        let shown = self.show_new_first(loaded, &gone, early)?;
        Some(self.full_after(Some(shown), changes))
    }

    /// The folders of the bundles that `changes.content` (the paths under
    /// `content/` other than article files) lies in, when each path lies in
    /// one that is new (its `index.md` on disk, not in the last site) or
    /// gone (its article in the last site, its `index.md` no longer on
    /// disk): bundles added, removed or renamed, their files with them.
    /// `None` for anything else (a section, a registry, a file beside
    /// articles, a file of a bundle that stays: the full path).
    fn bundles_moved(&self, changes: &Changes) -> Option<BTreeSet<PathBuf>> {
        if changes.content.is_empty() {
            return None;
        }
        let mut found = BTreeSet::new();
        for path in &changes.content {
            // The outermost folder holding it (or itself) that is a bundle
            // added or gone; a bundle is never directly `content/`.
            let mut folders: Vec<&Path> = path
                .ancestors()
                .filter(|a| a.components().count() >= 2)
                .collect();
            folders.reverse();
            let bundle = folders.into_iter().find(|folder| {
                let index = folder.join("index.md");
                let on_disk = self.root().join(&index).is_file();
                on_disk != self.index.contains_key(&index)
            })?;
            found.insert(bundle.to_path_buf());
        }
        Some(found)
    }

    /// Places `loaded` (each with a new bundle's files, listed from disk)
    /// in the last site with the articles `gone` left out, renders their
    /// own pages alone, hands them to `early` with the bundles' files, and
    /// takes them out again.
    fn show_new_first(
        &mut self,
        loaded: Vec<(Arc<LoadedArticle>, Option<Vec<AssetSource>>)>,
        gone: &[usize],
        early: Early,
    ) -> Option<ShownFirst> {
        let theme = self.pipeline.theme()?;
        let site = self.site.as_mut()?;
        let mut placed: Vec<patch::PlacedNew> = Vec::new();
        let undo = |site: &mut Site, placed: Vec<patch::PlacedNew>| {
            for p in placed.into_iter().rev() {
                patch::remove_new(site, p);
            }
        };
        for (article, files) in loaded {
            match patch::place_new(
                site,
                article,
                gone,
                patch::For::PageShownFirst,
                files.as_deref(),
            ) {
                Some(p) => placed.push(p),
                None => {
                    undo(site, placed);
                    return None;
                }
            }
        }
        let touched: Vec<Touched> = placed
            .iter()
            .map(|p| Touched {
                article: p.index,
                summary: false,
            })
            .collect();
        if !give_pictures(&self.photos, &self.pictures, site, &touched) {
            undo(site, placed);
            return None;
        }
        let mut pages = Files::new();
        for p in &placed {
            let (files, errors) = partial::render_article_page(site, theme, p.index);
            if !errors.is_empty() {
                undo(site, placed);
                return None;
            }
            pages.extend(files);
            for (out, source) in &p.files {
                pages.insert(out.clone(), Content::Copy(source.clone()));
            }
        }
        undo(site, placed);
        Some(self.hand_over(pages, early))
    }

    /// The rebuild that assembles the site again after pages were `shown`
    /// first: the pages shown are among its `changed`, and in its `early`
    /// unless it changed them again; put back if it fails.
    fn full_after(&mut self, shown: Option<ShownFirst>, changes: &Changes) -> Rebuilt {
        let mut done = self.full(changes, false);
        let Some(shown) = shown else {
            return done;
        };
        if done.ok {
            // A page the rebuild changed again is not as shown first.
            let early: Vec<String> = shown
                .pages
                .into_iter()
                .map(|(p, _)| p)
                .filter(|p| !done.changed.contains(p) && !done.removed.contains(p))
                .collect();
            done.changed.extend(early.iter().cloned());
            done.early = early;
            return done;
        }
        done.changed.clear();
        for (path, page) in shown.pages {
            match page {
                Some(content) => {
                    self.files.insert(path.clone(), content);
                    done.changed.push(path);
                }
                None => {
                    self.files.remove(&path);
                    done.removed.push(path);
                }
            }
        }
        done
    }

    /// Patches the articles `edited` into the last site (`site::patch::replace`)
    /// and renders their own pages alone, handed to `early` when they
    /// changed; `None` when one of them does not resolve or render, or
    /// shows a photo without variants in a session that must make them
    /// first (the full path then reports or makes it). The site is put
    /// back as it was either way: the rebuild that follows compares the
    /// new site with the one the other pages were rendered from.
    fn show_first(&mut self, edited: &Replaced, early: Early) -> Option<ShownFirst> {
        let theme = self.pipeline.theme()?;
        let site = self.site.as_mut()?;
        let articles = save(site, edited);
        let touched: Vec<Touched> = edited
            .iter()
            .map(|&(article, _)| Touched {
                article,
                summary: false,
            })
            .collect();
        let resolved = edited
            .iter()
            .all(|(i, loaded)| patch::replace(site, *i, loaded.clone()).is_ok());
        if !resolved || !give_pictures(&self.photos, &self.pictures, site, &touched) {
            restore(site, articles);
            return None;
        }
        let mut pages = Files::new();
        for (i, _) in edited {
            let (files, errors) = partial::render_article_page(site, theme, *i);
            if !errors.is_empty() {
                restore(site, articles);
                return None;
            }
            pages.extend(files);
        }
        restore(site, articles);
        Some(self.hand_over(pages, early))
    }

    /// Serves `pages` (shown first) and hands the changed ones to `early`;
    /// what they replaced, to be put back if the rebuild fails.
    fn hand_over(&mut self, pages: Files, early: Early) -> ShownFirst {
        let mut before = Vec::new();
        let mut changed = Vec::new();
        for (path, content) in pages {
            let old = self.files.insert(path.clone(), content.clone());
            if old.as_ref() != Some(&content) {
                changed.push(path.clone());
            }
            before.push((path, old));
        }
        if !changed.is_empty() {
            early(&self.files, &changed);
        }
        ShownFirst { pages: before }
    }

    /// Whether `changes` may take the fast path at all: article files only,
    /// each one known and still there, and the session up to date (or
    /// behind only because of the one article now changed again).
    fn may_go_fast(&self, changes: &Changes) -> bool {
        if changes.structure || self.site.is_none() {
            return false;
        }
        if self.dirty {
            // Behind after a failure: only a fix of the one failing article
            // may skip the full path.
            match &self.failing {
                Some(p) if changes.articles.len() == 1 && changes.articles.contains(p) => {}
                _ => return false,
            }
        }
        // Every changed path must be a known article that is still there.
        !changes
            .articles
            .iter()
            .any(|p| self.pipeline.article(p).is_none() || !self.root().join(p).is_file())
    }

    /// Whether `changes` are edits of articles discovery found, each still
    /// a file, and nothing else, with the session up to date: what
    /// discovery finds is then what it found last time (a file created,
    /// deleted or renamed is among `changes.articles` as a path it did
    /// not find, or that is no file; anything else under `content/` is
    /// `structure`).
    fn known_articles_only(&self, changes: &Changes) -> bool {
        self.nothing_but_articles(changes)
            && changes.articles.iter().all(|p| {
                self.pipeline
                    .discovered()
                    .articles
                    .iter()
                    .any(|a| &a.path == p)
                    && self.root().join(p).is_file()
            })
    }

    /// Loads the changed articles again: the site's articles edited
    /// without moving, by what the edit touched (`Ok`), or the failure of
    /// one that no longer loads (`Err`); `None` when an edit may move an
    /// article (the full path).
    fn reload_edited(&mut self, changes: &Changes) -> Option<Result<Reloaded, Rebuilt>> {
        let mut reloaded = Reloaded {
            bodies: Vec::new(),
            texts: Vec::new(),
            moves: Vec::new(),
        };
        for path in &changes.articles {
            let before = match self.pipeline.article(path) {
                Some(Ok(a)) => Some(a.clone()),
                _ => None,
            };
            if !self.pipeline.reload(path) && self.failing.as_deref() != Some(path) {
                continue;
            }
            let after: Arc<LoadedArticle> = match self.pipeline.article(path) {
                Some(Ok(a)) => a.clone(),
                None => return None,
                Some(Err(errors)) => {
                    let mut d = Diagnostics::new();
                    d.extend(errors.iter().cloned());
                    self.failing = Some(path.clone());
                    return Some(Err(self.failed(d, Route::Articles)));
                }
            };
            let site = self.site.as_ref()?;
            match self.index.get(path) {
                Some(&i) if patch::body_only(&site.articles[i].loaded, &after) => {
                    reloaded.bodies.push((i, after));
                }
                Some(&i) if patch::texts_only(&site.articles[i].loaded, &after) => {
                    reloaded.texts.push((i, after));
                }
                Some(&i) if patch::stays(&site.articles[i].loaded, &after, site.now) => {
                    reloaded.moves.push((i, after));
                }
                Some(_) => return None,
                None => {
                    // Left out of the site (draft, embargo): a body edit
                    // changes nothing, anything else goes the full way.
                    let content_path = crate::content::ContentPath::of(path);
                    let left_out = site.resolver.excluded.contains_key(&content_path);
                    if !(left_out && before.is_some_and(|b| patch::body_only(&b, &after))) {
                        return None;
                    }
                }
            }
        }
        Some(Ok(reloaded))
    }

    /// Puts the new bodies in the site and renders the pages that show
    /// them; on any error the site is put back as it was.
    fn patch_bodies(&mut self, replaced: Replaced, changes: &Changes) -> Option<Rebuilt> {
        // Patch a copy of the touched articles only if all resolve.
        let site = self.site.as_mut()?;
        let saved = save(site, &replaced);
        let mut errors = Diagnostics::new();
        let mut touched = Vec::new();
        for (i, loaded) in replaced {
            match patch::replace(site, i, loaded) {
                Ok(replaced) => touched.push(Touched {
                    article: i,
                    summary: replaced.shown_changed,
                }),
                Err(e) => errors.extend(e),
            }
        }
        if !errors.has_errors() && !give_pictures(&self.photos, &self.pictures, site, &touched) {
            // A photo with no variants yet: the full path makes them.
            restore(site, saved);
            return None;
        }
        let theme = self.pipeline.theme()?;
        let (pages, render_errors) = if errors.has_errors() {
            (Files::new(), Vec::new())
        } else {
            partial::render_touching(site, theme, &touched, &mut self.summaries)
        };
        errors.extend(render_errors);
        if errors.has_errors() {
            restore(site, saved);
            self.summaries.clear();
            self.failing = match changes.articles.len() {
                1 => changes.articles.iter().next().cloned(),
                _ => None,
            };
            return Some(self.failed(errors, Route::Articles));
        }
        let search = site.config.search;
        let mut changed = Vec::new();
        for (path, content) in pages {
            if self.files.get(&path) != Some(&content) {
                self.files.insert(path.clone(), content);
                changed.push(path);
            }
        }
        if search && !changed.is_empty() {
            self.search_stale = true;
        }
        self.dirty = false;
        self.failing = None;
        Some(Rebuilt {
            ok: true,
            usage_error: false,
            diagnostics: errors,
            changed,
            removed: Vec::new(),
            route: Route::Articles,
            early: Vec::new(),
            took: Duration::ZERO,
        })
    }

    /// Every page of `site` rendered, with the copied files: (all files,
    /// the copied ones, the render errors, the article summaries made);
    /// `None` without a theme or site.
    fn render_all(&self, site: Option<&Site>) -> Option<RenderedAll> {
        let (theme, site) = (self.pipeline.theme()?, site?);
        let (staged, summaries) = render::render_keeping_summaries(site, theme);
        let (files, errors) = staged.into_parts();
        let mut files = files.unwrap_or_default();
        let mut copied = Files::new();
        render::copied::add(&mut copied, site, theme, &self.pipeline.options().root);
        files.extend(copied.iter().map(|(p, c)| (p.clone(), c.clone())));
        Some((files, copied, errors, summaries))
    }

    /// The pipeline's photo stage on a newly assembled `site`, through the
    /// site's cache: encoding what is missing, whose unused entries then go
    /// when no error was found (a failed assembly may have left articles,
    /// and their photos, out); or, in the preview, taking what is there and
    /// sending the rest to the queue. The last ones for the same site, or
    /// when photos are served as uploaded.
    fn publish_photos(
        &mut self,
        site: Option<&mut Site>,
        diagnostics: &mut Diagnostics,
    ) -> (Files, Pictures) {
        let site = match (&self.photos, site) {
            (Photos::Uploads, _) | (_, None) => {
                return (self.photo_files.clone(), self.pictures.clone());
            }
            (_, Some(site)) => site,
        };
        let cache = crate::images::cache::Cache::open(&self.pipeline.options().root);
        let encoding = match &self.photos {
            Photos::Preview(_) => Encoding::Ready(&cache),
            _ => Encoding::Cached(&cache),
        };
        let staged = self.pipeline.photos(site, encoding, &Quiet);
        let good = !diagnostics.has_errors() && !staged.found.iter().any(Diagnostic::is_error);
        let published = staged.report(diagnostics).unwrap_or_default();
        match &self.photos {
            Photos::Preview(Some(queue)) => queue.send(&published.pending),
            Photos::Encoded if good => {
                cache.prune();
            }
            _ => {}
        }
        (published.files, published.pictures)
    }

    /// Keeps a newly assembled site, with its articles indexed by path.
    fn keep_site(&mut self, site: Site) {
        self.index = site
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.loaded.origin.path.clone(), i))
            .collect();
        self.site = Some(site);
        self.summaries.clear();
    }

    /// Static files only: the copied files listed again.
    fn statics(&mut self, changes: &Changes) -> Rebuilt {
        if self.pipeline.config().is_none() || self.site.is_none() {
            return self.full(&Changes::default(), true);
        }
        let names = |theme: Option<&Theme>| -> Vec<String> {
            theme.map_or_else(Vec::new, |t| {
                t.assets.values().map(|a| a.path.clone()).collect()
            })
        };
        let before = names(self.pipeline.theme());
        let loaded = self.pipeline.load_theme();
        if loaded.value.is_some() && names(self.pipeline.theme()) != before {
            // A hashed name changed with the bytes: every page names it.
            return self.full(&Changes::default(), false);
        }
        let (Some(config), Some(site), Some(theme)) =
            (self.pipeline.config(), &self.site, self.pipeline.theme())
        else {
            let mut d = Diagnostics::new();
            d.extend(loaded.found);
            return self.failed(d, Route::Statics);
        };
        // A person's photo or a logo of `static/` published in variants:
        // its variants are made again, and the pages that name them
        // rendered again, on the full path.
        let photo_changed = site.static_variants.iter().any(|(_, i)| {
            theme
                .static_files
                .get(*i)
                .is_some_and(|(_, src)| changes.statics.contains(src))
        });
        if photo_changed {
            // Assembled again (not only rendered): the photo stage runs on
            // a new site.
            let mut again = changes.clone();
            again.structure = true;
            return self.full(&again, false);
        }
        // A logo or photo of the registries may have gone with the files.
        let missing = crate::pipeline::registry_files_missing(
            self.pipeline.options().root.as_path(),
            self.pipeline.discovered(),
            &site.registry,
            theme,
            config.language,
        );
        // A new static file may take a path another source writes.
        let clashes = site::paths::check(site, &theme.static_files);
        if !missing.is_empty() || !clashes.is_empty() {
            let mut d = Diagnostics::new();
            d.extend(missing);
            d.extend(clashes);
            return self.failed(d, Route::Statics);
        }
        let mut copied = Files::new();
        render::copied::add(&mut copied, site, theme, &self.pipeline.options().root);
        copied.extend(self.photo_files.clone());
        let (changed, removed) = diff(&self.copied, &copied);
        for p in &removed {
            self.files.remove(p);
        }
        for p in &changed {
            if let Some(c) = copied.get(p) {
                self.files.insert(p.clone(), c.clone());
            }
        }
        // A copied file's entry is its source path, the same after an edit:
        // the files the watcher saw are changed too.
        let mut changed = changed;
        for (p, c) in &copied {
            if let Content::Copy(src) = c
                && changes.statics.contains(src)
                && !changed.contains(p)
            {
                changed.push(p.clone());
            }
        }
        self.copied = copied;
        Rebuilt {
            ok: true,
            usage_error: false,
            diagnostics: Diagnostics::new(),
            changed,
            removed,
            route: Route::Statics,
            early: Vec::new(),
            took: Duration::ZERO,
        }
    }

    /// The full path: settings and theme if asked, discovery, the changed
    /// articles loaded, assembly, every page rendered.
    fn full(&mut self, changes: &Changes, reload_theme: bool) -> Rebuilt {
        let mut diagnostics = Diagnostics::new();
        if self.pipeline.settings().report(&mut diagnostics).is_none() {
            let mut r = self.failed(diagnostics, Route::Full);
            r.usage_error = true;
            return r;
        }
        // The theme lists the static files too: a change to them reloads it.
        // Its errors are reported below, from the pipeline, whether it was
        // loaded again this time or not.
        if reload_theme || !changes.statics.is_empty() || self.pipeline.theme().is_none() {
            let _loaded = self.pipeline.load_theme().value;
        }
        diagnostics.extend(self.pipeline.theme_errors().iter().cloned());
        // Article files and the folders of bundles added, removed or
        // renamed: the pages compared with the last site's (`moved`), the
        // bundles' files copied as the new site lists them.
        let bundles_only = changes.structure
            && !changes.settings
            && !changes.templates
            && changes.statics.is_empty()
            && !self.dirty
            && self.site.is_some()
            && self.bundles_moved(changes).is_some();
        // Only a template change with the site up to date skips content.
        let content_untouched = changes.articles.is_empty()
            && !changes.structure
            && !changes.settings
            && !self.dirty
            && self.site.is_some();
        let kind = if content_untouched {
            Route::Templates
        } else {
            Route::Full
        };
        let mut rebuilt_site = if content_untouched {
            // The theme's static files may have changed with it; the
            // content's paths were checked when it was assembled.
            if let (Some(theme), Some(site)) = (self.pipeline.theme(), &self.site) {
                diagnostics.extend(site::paths::check(site, &theme.static_files));
            }
            None
        } else {
            // Known articles edited in place, nothing else: discovery
            // would find what it found (a walk of every file, 50 ms at
            // 10,000 articles).
            if !self.known_articles_only(changes) {
                let _discovered = self.pipeline.discover().report(&mut diagnostics);
            }
            self.pipeline.load(&changes.articles, &Quiet);
            self.pipeline
                .assemble(Retention::Everything)
                .report(&mut diagnostics)
        };
        let (photo_files, pictures) = self.publish_photos(rebuilt_site.as_mut(), &mut diagnostics);
        if diagnostics.has_errors() {
            self.failing = None;
            return self.failed(diagnostics, kind);
        }
        if kind == Route::Full
            && let Some(new) = &rebuilt_site
            && let Some(edited) = self.in_place_edits(new, changes)
            && let Some(new) = rebuilt_site.take()
        {
            return self.in_place(new, &edited, diagnostics, (photo_files, pictures));
        }
        if kind == Route::Full
            && (self.articles_only(changes) || bundles_only)
            && let Some(new) = rebuilt_site.take()
        {
            return self.moved(new, diagnostics, (photo_files, pictures));
        }
        self.render_new(rebuilt_site, diagnostics, kind, (photo_files, pictures))
    }

    /// The edited articles of `changes` by index, when nothing but known
    /// articles changed, the session is up to date and `new`, assembled
    /// after the change, differs from the last site only in their own
    /// texts (`site::patch::same_places`); `None` otherwise.
    fn in_place_edits(&self, new: &Site, changes: &Changes) -> Option<Vec<usize>> {
        if !self.articles_only(changes) {
            return None;
        }
        let edited: Vec<usize> = changes
            .articles
            .iter()
            .map(|p| self.index.get(p).copied())
            .collect::<Option<_>>()?;
        let old = self.site.as_ref()?;
        patch::same_places(old, new, &edited).then_some(edited)
    }

    /// Whether `changes` are edits of article files alone (created,
    /// changed or gone) and the session is up to date: then the settings,
    /// registries and theme of the last site are the new one's.
    fn articles_only(&self, changes: &Changes) -> bool {
        self.nothing_but_articles(changes) && !changes.articles.is_empty()
    }

    /// Whether the session is up to date and `changes` touch no file but
    /// articles (perhaps none).
    fn nothing_but_articles(&self, changes: &Changes) -> bool {
        !self.dirty
            && !changes.settings
            && !changes.templates
            && !changes.structure
            && changes.statics.is_empty()
    }

    /// The new site `new`, assembled after edits of article files alone
    /// that moved some (`articles_only`): only the pages that differ from
    /// the last site's rendered (`render::moved`), or every page when more
    /// than the articles' places changed.
    fn moved(
        &mut self,
        new: Site,
        mut diagnostics: Diagnostics,
        (photo_files, pictures): (Files, Pictures),
    ) -> Rebuilt {
        let moved = match (self.pipeline.theme(), self.site.as_ref()) {
            (Some(theme), Some(old)) => {
                render::moved::render_moved(old, &new, theme, &mut self.summaries)
            }
            _ => None,
        };
        let Some(moved) = moved else {
            return self.render_new(Some(new), diagnostics, Route::Full, (photo_files, pictures));
        };
        diagnostics.extend(moved.errors);
        if diagnostics.has_errors() {
            self.failing = None;
            // The summaries were made for the new site: made again next time.
            self.summaries.clear();
            return self.failed(diagnostics, Route::Moved);
        }
        let mut changed: Vec<String> = moved
            .pages
            .iter()
            .filter(|(p, c)| self.files.get(*p) != Some(*c))
            .map(|(p, _)| p.clone())
            .collect();
        let mut removed: Vec<String> = moved
            .gone
            .into_iter()
            .filter(|p| self.files.remove(p).is_some())
            .collect();
        self.files.extend(moved.pages);
        // The content's files copied and the photos' variant files as the
        // new site lists them (a bundle added, removed or renamed brings or
        // takes its own).
        if let Some(old) = self.site.as_ref() {
            let (old_copies, new_copies) = (copies(old), copies(&new));
            self.republish(&old_copies, &new_copies, (&mut changed, &mut removed));
        }
        let old_photos = std::mem::take(&mut self.photo_files);
        self.republish(&old_photos, &photo_files, (&mut changed, &mut removed));
        let summaries = std::mem::take(&mut self.summaries);
        self.keep_site(new);
        self.summaries = summaries;
        self.succeeded(
            (photo_files, pictures),
            diagnostics,
            (changed, removed),
            Route::Moved,
        )
    }

    /// The new site `new`, in which only the articles `edited` changed
    /// (`in_place_edits`): only the pages showing them are rendered
    /// (`render::partial`), the others kept.
    fn in_place(
        &mut self,
        new: Site,
        edited: &[usize],
        mut diagnostics: Diagnostics,
        (photo_files, pictures): (Files, Pictures),
    ) -> Rebuilt {
        let Some(theme) = self.pipeline.theme() else {
            return self.failed(diagnostics, Route::InPlace);
        };
        let touched: Vec<Touched> = edited
            .iter()
            .map(|&article| Touched {
                article,
                summary: true,
            })
            .collect();
        let (pages, errors) =
            partial::render_touching_front_matter(&new, theme, &touched, &mut self.summaries);
        diagnostics.extend(errors);
        if diagnostics.has_errors() {
            self.failing = None;
            // The summaries were made for the new site: made again next time.
            self.summaries.clear();
            return self.failed(diagnostics, Route::InPlace);
        }
        let changed: Vec<String> = pages
            .iter()
            .filter(|(p, c)| self.files.get(*p) != Some(*c))
            .map(|(p, _)| p.clone())
            .collect();
        self.files.extend(pages);
        // The same articles in the same order: the index by path holds.
        self.site = Some(new);
        self.succeeded(
            (photo_files, pictures),
            diagnostics,
            (changed, Vec::new()),
            Route::InPlace,
        )
    }

    /// Every page of `rebuilt_site` (or of the last site, for templates)
    /// rendered, and kept as the session's files when it all went well.
    fn render_new(
        &mut self,
        rebuilt_site: Option<Site>,
        mut diagnostics: Diagnostics,
        kind: Route,
        (photo_files, pictures): (Files, Pictures),
    ) -> Rebuilt {
        let Some((mut files, mut copied, errors, summaries)) =
            self.render_all(rebuilt_site.as_ref().or(self.site.as_ref()))
        else {
            return self.failed(diagnostics, kind);
        };
        copied.extend(photo_files.clone());
        files.extend(photo_files.clone());
        diagnostics.extend(errors);
        if diagnostics.has_errors() {
            self.failing = None;
            return self.failed(diagnostics, kind);
        }
        if self.pipeline.config().is_some_and(|c| c.search) {
            // Keep the old index until asked for a fresh one.
            files.extend(
                self.files
                    .iter()
                    .filter(|(p, _)| p.starts_with(SEARCH_DIR))
                    .map(|(p, c)| (p.clone(), c.clone())),
            );
        }
        let changes = diff(&self.files, &files);
        if let Some(site) = rebuilt_site {
            self.keep_site(site);
        }
        // Made for the site kept, with the theme of this render: the next
        // partial render starts from them.
        self.summaries = summaries;
        self.files = files;
        self.copied = copied;
        self.succeeded((photo_files, pictures), diagnostics, changes, kind)
    }

    /// Serves and copies `new` in place of `old` (files of the last
    /// output) after articles and bundles moved (`Session::moved`): a path
    /// of `old` that `new` lacks is removed, one of `new` that `old` lacks
    /// served, those served anew named in `changed`, those gone in
    /// `removed`. A path in both is the same file: on that route no source
    /// changed, and a file's path names its source (a bundle's file under
    /// its page, a photo's variants after its file).
    fn republish(
        &mut self,
        old: &Files,
        new: &Files,
        (changed, removed): (&mut Vec<String>, &mut Vec<String>),
    ) {
        for path in old.keys().filter(|p| !new.contains_key(*p)) {
            self.copied.remove(path);
            if self.files.remove(path).is_some() {
                removed.push(path.clone());
            }
        }
        for (path, content) in new.iter().filter(|(p, _)| !old.contains_key(*p)) {
            self.copied.insert(path.clone(), content.clone());
            // A bundle's file may be served already, shown first with its page.
            if self.files.insert(path.clone(), content.clone()).as_ref() != Some(content) {
                changed.push(path.clone());
            }
        }
    }

    /// What every rebuild that rendered pages does once they are kept: the
    /// photos' files and pictures of the new site kept, the search index
    /// marked stale (pages changed), the session up to date again; the
    /// result, with the paths `changed` and `removed`.
    fn succeeded(
        &mut self,
        (photo_files, pictures): (Files, Pictures),
        diagnostics: Diagnostics,
        (changed, removed): (Vec<String>, Vec<String>),
        route: Route,
    ) -> Rebuilt {
        if self.pipeline.config().is_some_and(|c| c.search) {
            self.search_stale = true;
        }
        self.photo_files = photo_files;
        self.pictures = pictures;
        self.dirty = false;
        self.failing = None;
        Rebuilt {
            ok: true,
            usage_error: false,
            diagnostics,
            changed,
            removed,
            route,
            early: Vec::new(),
            took: Duration::ZERO,
        }
    }
}

/// Gives the touched articles of `site` the pictures made so far, as
/// `photos` says; `false` when the full path must make the missing ones
/// (`build --watch`). The preview sends those to its queue and shows the
/// uploads meanwhile: a body edit never waits for an encoder.
fn give_pictures(
    photos: &Photos,
    pictures: &Pictures,
    site: &mut Site,
    touched: &[Touched],
) -> bool {
    // An article's photo is encoded at the site's widths (a photo also
    // shown as a person's gets the rest at the next full assembly).
    let missing: Vec<(PathBuf, crate::images::Settings)> = touched
        .iter()
        .flat_map(|t| &site.articles[t.article].photos)
        .filter(|p| !pictures.contains_key(&p.source))
        .map(|p| (p.source.clone(), site.config.images.clone()))
        .collect();
    match photos {
        Photos::Uploads => return true,
        Photos::Encoded if !missing.is_empty() => return false,
        Photos::Encoded | Photos::Preview(None) => {}
        Photos::Preview(Some(queue)) => queue.send(&missing),
    }
    for t in touched {
        pictures::place(&mut site.articles[t.article], pictures);
    }
    true
}

/// Articles of a site as they were before a patch, by index.
type Saved = Vec<(usize, site::Article)>;

/// Copies of the articles of `site` that `edited` replaces, to put back
/// with [`restore`] if what follows fails.
fn save(site: &Site, edited: &Replaced) -> Saved {
    edited
        .iter()
        .map(|(i, _)| (*i, site.articles[*i].clone()))
        .collect()
}

/// Puts the articles `saved` back into `site`.
fn restore(site: &mut Site, saved: Saved) {
    for (i, article) in saved {
        site.articles[i] = article;
    }
}

/// The content's files `site` copies, as the output lists them.
fn copies(site: &Site) -> Files {
    site.assets
        .iter()
        .map(|(path, source)| (path.clone(), Content::Copy(source.clone())))
        .collect()
}

/// Paths added or changed, and removed, from `old` to `new`.
fn diff(old: &Files, new: &Files) -> (Vec<String>, Vec<String>) {
    let changed = new
        .iter()
        .filter(|(p, c)| old.get(*p) != Some(*c))
        .map(|(p, _)| p.clone())
        .collect();
    let removed = old
        .keys()
        .filter(|p| !new.contains_key(*p))
        .cloned()
        .collect();
    (changed, removed)
}
