//! Watching the site's sources: notify events, debounced, filtered and
//! sorted by what they change.
//!
//! An editor's save is rarely one event: a temporary file written then
//! renamed over the original, a backup (`x.md~`), vim's `4913` probe. So
//! events are collected until the sources have been quiet for a short
//! moment (`QUIET`), then turned into one `Changes`: editor and hidden files
//! dropped (the same `is_ignored` rule discovery uses, on every component of
//! the path), each remaining path put in the group whose rebuild is the
//! cheapest that is still correct (see `incremental`). Paths are only
//! classified here, never trusted for what happened to them: whether a file
//! was created, modified, deleted or renamed is read from the disk when the
//! rebuild runs, so a lost or reordered event cannot leave a deleted page
//! served, and a rename is simply its two paths.
//!
//! The quiet period is short (15 ms) because the whole budget from a save to
//! the new page is 50 ms; the events of one save arrive within a millisecond
//! or two of each other. A burst that never goes quiet (a `git checkout`) is
//! cut after `MAX_WAIT` so the preview still follows.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::content::discover::{CONTENT_DIR, is_ignored};
use crate::render::theme::{SITE_STATIC, SITE_TEMPLATES};

/// How long the sources must stay quiet before a rebuild.
pub const QUIET: Duration = Duration::from_millis(15);
/// The longest a burst of events delays a rebuild.
pub const MAX_WAIT: Duration = Duration::from_millis(500);

/// What waiting for changes ended with.
#[derive(Debug)]
pub enum Waited {
    /// Sources changed.
    Changes(Changes),
    /// The time given passed without a change.
    Quiet,
    /// The watcher is gone, or the command is stopping.
    Stopped,
}

/// The folders watched recursively, relative to the site root.
pub const WATCHED_DIRS: [&str; 4] = [CONTENT_DIR, "themes", SITE_STATIC, SITE_TEMPLATES];
/// The settings file.
pub const SETTINGS: &str = "site.yaml";

/// What changed, grouped by the rebuild each group needs. Paths are
/// relative to the site root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// `site.yaml`: everything.
    pub settings: bool,
    /// Templates, UI strings, theme settings: every page, no content.
    pub templates: bool,
    /// Static files (the theme's or the site's): copied again.
    pub statics: BTreeSet<PathBuf>,
    /// Markdown files under `content/` (created, changed or gone).
    pub articles: BTreeSet<PathBuf>,
    /// Anything else under `content/`: sections, registries, files,
    /// folders.
    pub structure: bool,
    /// The paths under `content/` that set `structure`, when each did
    /// (empty when something else set it: a lost event, the studio's or
    /// the photo worker's call).
    pub content: BTreeSet<PathBuf>,
}

impl Changes {
    /// Whether nothing relevant changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// Adds `other`'s changes to these.
    pub fn merge(&mut self, other: &Changes) {
        self.settings |= other.settings;
        self.templates |= other.templates;
        self.structure |= other.structure;
        self.content.extend(other.content.iter().cloned());
        self.statics.extend(other.statics.iter().cloned());
        self.articles.extend(other.articles.iter().cloned());
    }

    /// Adds one changed path, relative to the site root.
    pub fn add(&mut self, rel: &Path) {
        let parts: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        if parts.is_empty() || parts.iter().any(|p| is_ignored(p)) {
            return;
        }
        let first = parts[0].as_str();
        let name = parts[parts.len() - 1].as_str();
        match first {
            SETTINGS if parts.len() == 1 => self.settings = true,
            CONTENT_DIR => {
                if parts.len() > 1 && name.ends_with(".md") && name != "_index.md" {
                    self.articles.insert(rel.to_path_buf());
                } else if parts.len() > 1 {
                    self.structure = true;
                    self.content.insert(rel.to_path_buf());
                }
            }
            "themes" => match parts.get(2).map(String::as_str) {
                Some("static") if parts.len() > 3 => {
                    self.statics.insert(rel.to_path_buf());
                }
                Some("templates" | "i18n" | "theme.yaml") => self.templates = true,
                // archetypes, a theme's README: nothing the site shows.
                Some(_) => {}
                // A theme folder itself appeared or went.
                None => self.templates = true,
            },
            SITE_STATIC if parts.len() > 1 => {
                self.statics.insert(rel.to_path_buf());
            }
            SITE_TEMPLATES => self.templates = true,
            // The folder itself created or removed: list it again.
            SITE_STATIC => self.templates = true,
            _ => {}
        }
    }
}

/// A running watcher: drop it to stop watching.
pub struct SourceWatcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: BTreeSet<PathBuf>,
}

impl SourceWatcher {
    /// Starts watching the sources of the site at `root`.
    pub fn start(root: &Path) -> notify::Result<SourceWatcher> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = mpsc::channel();
        let watcher = notify::recommended_watcher(tx)?;
        let mut w = SourceWatcher {
            root,
            watcher,
            events,
            watched: BTreeSet::new(),
        };
        // The root itself, not recursively: `site.yaml`, and source folders
        // created later. Never `output/`'s contents.
        let root = w.root.clone();
        w.watcher.watch(&root, RecursiveMode::NonRecursive)?;
        w.watch_new_dirs();
        Ok(w)
    }

    /// Watches the source folders that exist and are not watched yet.
    fn watch_new_dirs(&mut self) {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if path.is_dir()
                && !self.watched.contains(&path)
                && self.watcher.watch(&path, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(path);
            }
        }
        self.watched.retain(|p| p.is_dir());
    }

    /// Waits for changes, debounced. `None` when the watcher is gone or
    /// `stop` says so (checked every `tick`).
    pub fn next(&mut self, tick: Duration, stop: &dyn Fn() -> bool) -> Option<Changes> {
        match self.wait(None, tick, stop) {
            Waited::Changes(changes) => Some(changes),
            Waited::Quiet | Waited::Stopped => None,
        }
    }

    /// [`next`](Self::next), but gives up with [`Waited::Quiet`] once
    /// `quiet` has passed without a change: for work that waits until the
    /// writer pauses.
    pub fn next_within(
        &mut self,
        quiet: Duration,
        tick: Duration,
        stop: &dyn Fn() -> bool,
    ) -> Waited {
        self.wait(Some(Instant::now() + quiet), tick, stop)
    }

    fn wait(
        &mut self,
        deadline: Option<Instant>,
        tick: Duration,
        stop: &dyn Fn() -> bool,
    ) -> Waited {
        loop {
            let mut changes = Changes::default();
            let timeout = deadline.map_or(tick, |d| {
                d.saturating_duration_since(Instant::now()).min(tick)
            });
            // The first event of a burst.
            match self.events.recv_timeout(timeout) {
                Ok(event) => self.take(event, &mut changes),
                Err(RecvTimeoutError::Timeout) => {
                    if stop() {
                        return Waited::Stopped;
                    }
                    if deadline.is_some_and(|d| Instant::now() >= d) {
                        return Waited::Quiet;
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Waited::Stopped,
            }
            // Until quiet, or the burst is too long.
            let started = Instant::now();
            loop {
                let left = MAX_WAIT.saturating_sub(started.elapsed());
                if left.is_zero() {
                    break;
                }
                match self.events.recv_timeout(QUIET.min(left)) {
                    Ok(event) => self.take(event, &mut changes),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return Waited::Stopped,
                }
            }
            if stop() {
                return Waited::Stopped;
            }
            if !changes.is_empty() {
                return Waited::Changes(changes);
            }
        }
    }

    fn take(&mut self, event: notify::Result<notify::Event>, changes: &mut Changes) {
        let Ok(event) = event else {
            // The watcher lost events (a queue overflow): rebuild fully.
            changes.structure = true;
            changes.templates = true;
            return;
        };
        if event.need_rescan() {
            changes.structure = true;
            changes.templates = true;
        }
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            // A source folder created after the start.
            if rel.components().count() == 1 && path.is_dir() {
                self.watch_new_dirs();
            }
            changes.add(rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(paths: &[&str]) -> Changes {
        let mut c = Changes::default();
        for p in paths {
            c.add(Path::new(p));
        }
        c
    }

    #[test]
    fn sorts_paths_by_rebuild() {
        let c = of(&[
            "content/actualites/x.md",
            "content/actualites/.x.md.swp",
            "content/actualites/x.md~",
            "content/4913",
            "output/index.html",
            "themes/gazette/archetypes/article.md",
        ]);
        assert_eq!(
            c.articles.iter().collect::<Vec<_>>(),
            [Path::new("content/actualites/x.md")]
        );
        assert!(!c.structure && !c.templates && !c.settings && c.statics.is_empty());
        assert!(of(&["content/actualites/_index.md"]).structure);
        assert!(of(&["content/_people.yaml"]).structure);
        assert!(of(&["content/actualites/photo.jpg"]).structure);
        // Each path that sets `structure` is kept, for the bundles'
        // folders; an article file is not among them.
        let c = of(&[
            "content/actualites/forum",
            "content/actualites/forum/index.md",
            "content/actualites/forum/plan.pdf",
        ]);
        let kept: Vec<&Path> = c.content.iter().map(PathBuf::as_path).collect();
        assert_eq!(
            kept,
            [
                Path::new("content/actualites/forum"),
                Path::new("content/actualites/forum/plan.pdf")
            ]
        );
        assert_eq!(c.articles.len(), 1);
        assert!(of(&["themes/gazette/templates/base.html"]).templates);
        assert!(of(&["templates/article.html"]).templates);
        assert!(of(&["themes/gazette/i18n/fr.yaml"]).templates);
        assert!(of(&["site.yaml"]).settings);
        assert_eq!(of(&["static/logo.svg"]).statics.len(), 1);
        assert_eq!(
            of(&["themes/gazette/static/css/gazette.css"]).statics.len(),
            1
        );
        assert!(of(&[".git/index", "README.md"]).is_empty());
    }
}
