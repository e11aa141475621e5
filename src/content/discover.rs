//! Discovery: which files under `content/` are sections, articles, bundle
//! files and registries, found in a stable order by [`crate::sources::walk`]
//! (which refuses what cannot or may not be read: see there).
//!
//! Every folder is a section, except an article bundle (a folder with an
//! `index.md`), whose files belong to its article. Hidden files and the
//! temporary files editors leave (`~`, `.swp`, `#…#`) are ignored, so a
//! half-saved file never becomes a page. HTML, SVG and XML files are
//! refused: they would be published past the sanitizer. Paths are kept
//! relative to the site root, which is how diagnostics name them.

use crate::diagnostics::Code;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::content::ContentPath;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use crate::sources;
pub use crate::sources::{is_ignored, to_slash};

/// Folder of the writer's content, under the site root.
pub const CONTENT_DIR: &str = "content";

/// A section: a folder of `content/` (the root folder is the home page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSource {
    /// Folder relative to `content/` (empty for the home page), `/`-separated.
    pub dir: String,
    /// Its `_index.md`, relative to the site root, if any.
    pub index: Option<PathBuf>,
}

/// An article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSource {
    /// The Markdown file, relative to the site root.
    pub path: PathBuf,
    /// Its section's folder relative to `content/`, `/`-separated.
    pub section: String,
    /// The bundle folder relative to the site root, for `dir/index.md`.
    pub bundle: Option<PathBuf>,
    /// File stem, or the bundle folder's name.
    pub stem: String,
}

impl ArticleSource {
    /// The origin discovery would give a new article file at `path`: a single
    /// file (`content/actualites/x.md`) or a bundle's `index.md`
    /// (`content/actualites/x/index.md`, not directly in `content/`).
    pub fn new_file(path: &Path) -> Option<ArticleSource> {
        let rel = path.strip_prefix(CONTENT_DIR).ok()?;
        if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
            return None;
        }
        let parts: Vec<&str> = rel.iter().map(|c| c.to_str()).collect::<Option<_>>()?;
        let (name, folders) = parts.split_last()?;
        let stem = name.strip_suffix(".md")?;
        if stem.is_empty() || stem == "_index" || crate::sources::is_ignored(name) {
            return None;
        }
        if stem != "index" {
            return Some(ArticleSource {
                path: path.to_path_buf(),
                section: folders.join("/"),
                bundle: None,
                stem: stem.to_string(),
            });
        }
        let (bundle, sections) = folders.split_last()?;
        Some(ArticleSource {
            path: path.to_path_buf(),
            section: sections.join("/"),
            bundle: Some(Path::new(CONTENT_DIR).join(folders.join("/"))),
            stem: bundle.to_string(),
        })
    }
}

/// A file that is not Markdown: a bundle's image, a PDF beside articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetSource {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Relative to `content/`, `/`-separated.
    pub content_path: ContentPath,
}

/// Everything found under `content/`.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    /// Sections, parents before children, in path order.
    pub sections: Vec<SectionSource>,
    /// Articles in path order.
    pub articles: Vec<ArticleSource>,
    /// Other files.
    pub assets: Vec<AssetSource>,
    /// `content/_people.yaml`, if present.
    pub people: Option<PathBuf>,
    /// `content/_organisations.yaml`, if present.
    pub organisations: Option<PathBuf>,
}

/// Extensions of the files a browser may run scripts in (HTML, SVG, XML
/// and their variants): published from `content/` as they are, they would
/// bypass the sanitizer that every page goes through.
const ACTIVE_EXTENSIONS: [&str; 10] = [
    "html", "htm", "shtml", "xhtml", "xht", "svg", "svgz", "xml", "xsl", "xslt",
];

/// The extension of `name` when it is one of [`ACTIVE_EXTENSIONS`].
fn active_extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    ACTIVE_EXTENSIONS.contains(&ext.as_str()).then_some(ext)
}

/// A file of `content/` that could run a script in a reader's browser.
fn active_file(path: &Path, ext: &str, lang: Language) -> Diagnostic {
    Diagnostic::error(
        Code::ContentActiveFile,
        t!(lang, "content-active-file", ext = ext),
    )
    .in_file(path)
    .with_help(t!(lang, "content-active-file-help"))
}

/// Walks `root/content`: what it holds, and a diagnostic for each file or
/// folder that cannot be read or may not be published (see
/// [`crate::sources`]).
pub fn discover(root: &Path, lang: Language) -> (Discovered, Vec<Diagnostic>) {
    let mut found = Discovered::default();
    if !root.join(CONTENT_DIR).is_dir() {
        return (found, vec![content_missing(lang)]);
    }
    let (entries, mut errors) = sources::walk(root, Path::new(CONTENT_DIR), lang);
    // The files that may be read: a folder is a bundle, a section has an
    // index, only when that file is one of them.
    let files: HashSet<&str> = entries
        .iter()
        .filter(|e| !e.is_dir)
        .map(|e| e.rel.as_str())
        .collect();
    let mut bundles: Vec<String> = Vec::new();
    for entry in &entries {
        if entry.is_dir {
            found.folder(entry, &files, &mut bundles);
        } else if let Some(ext) = active_extension(&entry.name) {
            errors.push(active_file(&entry.path, &ext, lang));
        } else if !found.file(entry, &bundles) {
            // Copied as it is when the output is written: whether it can be
            // read is known now (and links to it still resolve).
            if let Err(refusal) = sources::probe(root, &entry.path) {
                errors.push(refusal.diagnostic(&entry.path, Code::FileUnreadable, lang));
            }
            found.assets.push(AssetSource {
                path: entry.path.clone(),
                content_path: ContentPath::of(&entry.path),
            });
        }
    }
    (found, errors)
}

/// What discovery would find in the bundle folder `bundle` (relative to
/// the site root, `content/actualites/forum`): its article, from its
/// `index.md`, and its files, each as [`discover`] lists it. `None` when
/// the folder is no bundle (no `index.md`, or directly in `content/`) or
/// holds anything discovery would report (a file that cannot be read, an
/// active file): the whole discovery then says why. For the preview's
/// page of a new bundle shown before the site is discovered again
/// (`serve::incremental`).
pub fn bundle(
    root: &Path,
    bundle: &Path,
    lang: Language,
) -> Option<(ArticleSource, Vec<AssetSource>)> {
    let article = ArticleSource::new_file(&bundle.join("index.md"))?;
    let (entries, errors) = sources::walk(root, bundle, lang);
    if !errors.is_empty() || !entries.iter().any(|e| e.rel == "index.md" && !e.is_dir) {
        return None;
    }
    let mut files = Vec::new();
    for entry in entries.iter().filter(|e| !e.is_dir && e.rel != "index.md") {
        if active_extension(&entry.name).is_some() || sources::probe(root, &entry.path).is_err() {
            return None;
        }
        files.push(AssetSource {
            path: entry.path.clone(),
            content_path: ContentPath::of(&entry.path),
        });
    }
    Some((article, files))
}

/// `content/` is missing.
fn content_missing(lang: Language) -> Diagnostic {
    Diagnostic::error(Code::ContentMissing, t!(lang, "content-missing"))
        .in_file(CONTENT_DIR)
        .with_help(t!(lang, "content-missing-help"))
}

/// Whether `rel` is the folder `bundle` or lies inside it.
fn within(rel: &str, bundle: &str) -> bool {
    rel == bundle || (rel.starts_with(bundle) && rel[bundle.len()..].starts_with('/'))
}

impl Discovered {
    /// A folder: a section, a bundle (it holds an `index.md`), or a folder
    /// inside a bundle (its files are the bundle's).
    fn folder(&mut self, entry: &sources::Entry, files: &HashSet<&str>, bundles: &mut Vec<String>) {
        let rel = &entry.rel;
        if bundles.iter().any(|b| rel != b && within(rel, b)) {
            return;
        }
        let has = |name: &str| match rel.as_str() {
            "" => files.contains(name),
            dir => files.contains(format!("{dir}/{name}").as_str()),
        };
        if entry.depth > 0 && has("index.md") {
            bundles.push(rel.clone());
            return;
        }
        self.sections.push(SectionSource {
            dir: rel.clone(),
            index: has("_index.md").then(|| entry.path.join("_index.md")),
        });
    }

    /// A file: an article, a registry or a section's index (read with its
    /// section). Returns `false` for a file copied as it is (an asset).
    fn file(&mut self, entry: &sources::Entry, bundles: &[String]) -> bool {
        let name = entry.name.as_str();
        let parent = entry.rel.rsplit_once('/').map_or("", |(p, _)| p);
        if let Some(bundle) = bundles.iter().find(|b| within(parent, b)) {
            if parent != bundle || name != "index.md" {
                return false;
            }
            let (section, stem) = match bundle.rsplit_once('/') {
                Some((s, n)) => (s.to_string(), n.to_string()),
                None => (String::new(), bundle.clone()),
            };
            self.articles.push(ArticleSource {
                path: entry.path.clone(),
                section,
                bundle: Some(Path::new(CONTENT_DIR).join(bundle)),
                stem,
            });
            return true;
        }
        match name {
            "_people.yaml" if parent.is_empty() => self.people = Some(entry.path.clone()),
            "_organisations.yaml" if parent.is_empty() => {
                self.organisations = Some(entry.path.clone())
            }
            "_index.md" => {}
            _ => match name.strip_suffix(".md") {
                Some(stem) => self.articles.push(ArticleSource {
                    path: entry.path.clone(),
                    section: parent.to_string(),
                    bundle: None,
                    stem: stem.to_string(),
                }),
                None => return false,
            },
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_files() {
        for name in [".x.md.swp", "x.md~", "#x.md#", ".hidden", "4913"] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("x.md"));
    }
}
