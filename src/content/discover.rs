//! Discovery: which files under `content/` are sections, articles, bundle
//! files and registries, found with walkdir in a stable order.
//!
//! Every folder is a section, except an article bundle (a folder with an
//! `index.md`), whose files belong to its article. Hidden files and the
//! temporary files editors leave (`~`, `.swp`, `#…#`) are ignored, so a
//! half-saved file never becomes a page. Paths are kept relative to the site
//! root, which is how diagnostics name them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::language::Language;

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

/// A file that is not Markdown: a bundle's image, a PDF beside articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetSource {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Relative to `content/`, `/`-separated.
    pub content_path: String,
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

/// Whether a file name is an editor's temporary or a hidden file.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// Walks `root/content`.
pub fn discover(root: &Path, lang: Language) -> Result<Discovered, Diagnostic> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(Diagnostic::error(
            "content-missing",
            lang.pick(
                "le dossier content/ est introuvable",
                "the content/ folder is missing",
            ),
        )
        .in_file(CONTENT_DIR)
        .with_help(lang.pick(
            "créez un dossier content/ à côté de site.yaml et écrivez-y vos articles",
            "create a content/ folder beside site.yaml and write your articles in it",
        )));
    }
    let mut found = Discovered::default();
    let mut bundles: Vec<String> = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker.flatten() {
        let Ok(rel) = entry.path().strip_prefix(&content) else {
            continue;
        };
        let rel_str = to_slash(rel);
        let site_rel = Path::new(CONTENT_DIR).join(rel);
        if entry.file_type().is_dir() {
            let is_bundle = entry.path().join("index.md").is_file();
            let inside_bundle = bundles
                .iter()
                .any(|b| rel_str.starts_with(b.as_str()) && rel_str[b.len()..].starts_with('/'));
            if inside_bundle {
                continue;
            }
            if is_bundle && entry.depth() > 0 {
                bundles.push(rel_str.clone());
                continue;
            }
            let index = entry.path().join("_index.md");
            found.sections.push(SectionSource {
                dir: rel_str,
                index: index.is_file().then(|| site_rel.join("_index.md")),
            });
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let parent = rel.parent().map(to_slash).unwrap_or_default();
        if let Some(bundle) = bundles.iter().find(|b| {
            parent == **b || (parent.starts_with(b.as_str()) && parent[b.len()..].starts_with('/'))
        }) {
            if parent == *bundle && name == "index.md" {
                let (section, stem) = match bundle.rsplit_once('/') {
                    Some((s, n)) => (s.to_string(), n.to_string()),
                    None => (String::new(), bundle.clone()),
                };
                found.articles.push(ArticleSource {
                    path: site_rel,
                    section,
                    bundle: Some(Path::new(CONTENT_DIR).join(bundle)),
                    stem,
                });
            } else {
                found.assets.push(AssetSource {
                    path: site_rel,
                    content_path: rel_str,
                });
            }
            continue;
        }
        if parent.is_empty() && name == "_people.yaml" {
            found.people = Some(site_rel);
        } else if parent.is_empty() && name == "_organisations.yaml" {
            found.organisations = Some(site_rel);
        } else if name == "_index.md" {
            // Read with its section.
        } else if let Some(stem) = name.strip_suffix(".md") {
            found.articles.push(ArticleSource {
                path: site_rel,
                section: parent,
                bundle: None,
                stem: stem.to_string(),
            });
        } else {
            found.assets.push(AssetSource {
                path: site_rel,
                content_path: rel_str,
            });
        }
    }
    Ok(found)
}

/// A relative path with `/` separators.
pub fn to_slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
