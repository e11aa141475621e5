//! The source cache: every article file as last loaded, by path.
//!
//! A one-shot build loads each article once and hands the loaded articles
//! over to assembly (which frees their sources as it goes, so the cache
//! must not keep a second owner: [`ArticleCache::take`]). The preview keeps
//! them between rebuilds ([`ArticleCache::share`]) and loads again only the
//! files whose bytes changed: each entry holds a hash of the bytes it was
//! loaded from, failures included, so "break, then fix" reloads one file.
//! Each file is read once per change: the same bytes are hashed and parsed.
//! Only a kept cache hashes: a one-shot build never compares, and hashing
//! every source would be work on its hot path for nothing.

use crate::diagnostics::Code;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::ContentPath;
use crate::content::article::{self, LoadContext, LoadedArticle};
use crate::content::discover::{ArticleSource, Discovered};
use crate::diagnostics::Diagnostic;
use crate::progress::{Progress, Stage};
use crate::sources::{self, Refusal};

/// An article loaded, or why it could not be.
pub type Loaded = Result<Arc<LoadedArticle>, Vec<Diagnostic>>;

/// An article file as last loaded.
struct Cached {
    /// A hash of the bytes it was loaded from (0 in a cache not kept).
    hash: u64,
    loaded: Loaded,
}

/// Every article file as last loaded; see the module's documentation.
#[derive(Default)]
pub struct ArticleCache {
    entries: HashMap<PathBuf, Cached>,
    /// Kept between runs (the preview): loads hash their bytes, so that a
    /// reload can tell whether a file changed.
    kept: bool,
}

/// How a file is read: within a walk's findings, or alone (a file that may
/// have become a link since discovery).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Found by discovery just now.
    Discovered,
    /// Named by a change: checked again before it is read.
    Alone,
}

impl ArticleCache {
    /// A cache kept between runs: see [`ArticleCache::reload`].
    pub fn kept() -> ArticleCache {
        ArticleCache {
            kept: true,
            ..ArticleCache::default()
        }
    }

    /// Forgets everything (new settings, new shortcodes).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// `path` as last loaded.
    pub fn get(&self, path: &Path) -> Option<&Loaded> {
        self.entries.get(path).map(|c| &c.loaded)
    }

    /// Keeps only the articles discovery still finds.
    pub fn retain_discovered(&mut self, discovered: &Discovered) {
        let known: BTreeSet<&PathBuf> = discovered.articles.iter().map(|a| &a.path).collect();
        self.entries.retain(|p, _| known.contains(p));
    }

    /// Loads, in parallel, the discovered articles not in the cache and
    /// those in `changed`, one `progress` step each.
    pub fn load(
        &mut self,
        root: &Path,
        discovered: &Discovered,
        changed: &BTreeSet<PathBuf>,
        cx: &LoadContext,
        progress: &dyn Progress,
    ) {
        let todo: Vec<&ArticleSource> = discovered
            .articles
            .iter()
            .filter(|a| !self.entries.contains_key(&a.path) || changed.contains(&a.path))
            .collect();
        progress.stage(Stage::Load, Some(todo.len() as u64));
        let loaded: Vec<(PathBuf, Cached)> = todo
            .par_iter()
            .map(|origin| {
                let cached = load_one(root, origin, Reading::Discovered, self.kept, cx);
                progress.step();
                (origin.path.clone(), cached)
            })
            .collect();
        self.entries.extend(loaded);
    }

    /// Loads `origin` again if its bytes changed (read alone: it may have
    /// become a link since discovery). Returns whether they did.
    pub fn reload(&mut self, root: &Path, origin: &ArticleSource, cx: &LoadContext) -> bool {
        let cached = load_one(root, origin, Reading::Alone, true, cx);
        if self
            .entries
            .get(&origin.path)
            .is_some_and(|c| c.hash == cached.hash)
        {
            return false;
        }
        self.entries.insert(origin.path.clone(), cached);
        true
    }

    /// The discovered articles as loaded, in discovery's order, the errors
    /// of those that failed and their content paths; the cache keeps them.
    pub fn share(&self, discovered: &Discovered) -> Gathered {
        self.share_replacing(discovered, None)
    }

    /// [`share`](Self::share), with the article at `replaced`'s path taken
    /// as `replaced` says rather than as cached (an unsaved version of it,
    /// which discovery may not have found on disk yet: it must be in
    /// `discovered`); the cache is left as it was.
    pub fn share_replacing(
        &self,
        discovered: &Discovered,
        replaced: Option<(&Path, &Loaded)>,
    ) -> Gathered {
        let mut gathered = Gathered::with_capacity(discovered.articles.len());
        for a in &discovered.articles {
            let loaded = match replaced {
                Some((path, loaded)) if path == a.path => Some(loaded),
                _ => self.get(&a.path),
            };
            match loaded {
                Some(Ok(l)) => gathered.articles.push(Arc::clone(l)),
                Some(Err(e)) => gathered.failed(&a.path, e.iter().cloned()),
                None => {}
            }
        }
        gathered
    }

    /// The discovered articles as loaded, handed over: the cache is left
    /// empty, so assembly is their only owner and may free their sources.
    pub fn take(&mut self, discovered: &Discovered) -> Gathered {
        let mut gathered = Gathered::with_capacity(discovered.articles.len());
        for a in &discovered.articles {
            match self.entries.remove(&a.path).map(|c| c.loaded) {
                Some(Ok(l)) => gathered.articles.push(l),
                Some(Err(e)) => gathered.failed(&a.path, e),
                None => {}
            }
        }
        self.entries.clear();
        gathered
    }
}

/// The discovered articles as the cache holds them, for assembly.
#[derive(Default)]
pub struct Gathered {
    /// The articles loaded, in discovery's order.
    pub articles: Vec<Arc<LoadedArticle>>,
    /// The problems of those that could not be loaded.
    pub errors: Vec<Diagnostic>,
    /// The content paths of the articles that exist but could not be
    /// loaded: assembly treats them as present, so that links to them are
    /// no errors of their own (their own errors are in `errors`).
    pub unloaded: Vec<ContentPath>,
}

impl Gathered {
    fn with_capacity(articles: usize) -> Self {
        Gathered {
            articles: Vec::with_capacity(articles),
            ..Gathered::default()
        }
    }

    /// `path` could not be loaded, for `errors`.
    fn failed(&mut self, path: &Path, errors: impl IntoIterator<Item = Diagnostic>) {
        self.errors.extend(errors);
        self.unloaded.push(ContentPath::of(path));
    }
}

/// Reads `origin` once, hashes its bytes (when `hash`) and loads it.
fn load_one(
    root: &Path,
    origin: &ArticleSource,
    reading: Reading,
    hash: bool,
    cx: &LoadContext,
) -> Cached {
    let lang = cx.markdown.lang;
    let read: Result<Vec<u8>, Refusal> = match reading {
        Reading::Discovered => sources::read(root, &origin.path),
        Reading::Alone => sources::read_alone(root, &origin.path),
    };
    let hash = if hash {
        let mut hasher = DefaultHasher::new();
        read.as_deref().unwrap_or_default().hash(&mut hasher);
        hasher.finish()
    } else {
        0
    };
    let loaded = read
        .map_err(|refusal| vec![refusal.diagnostic(&origin.path, Code::FileUnreadable, lang)])
        .and_then(|bytes| sources::text_from(bytes, &origin.path, lang))
        .and_then(|text| article::load(origin.clone(), text, cx))
        .map(Arc::new);
    Cached { hash, loaded }
}
