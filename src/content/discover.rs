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

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::language::Language;
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
        "content-active-file",
        lang.pick(
            format!("les fichiers .{ext} ne sont pas publiés depuis content/ : ils peuvent contenir des scripts qui s’exécuteraient chez les lecteurs"),
            format!(".{ext} files are not published from content/: they may hold scripts that would run in readers' browsers"),
        ),
    )
    .in_file(path)
    .with_help(lang.pick(
        "exportez l’image en PNG ou le document en PDF ; si ce fichier doit être publié tel quel, demandez à la personne qui gère le site de le vérifier et de le placer dans static/",
        "export the image as PNG or the document as PDF; if this file must be published as it is, ask whoever maintains the site to vet it and put it in static/",
    ))
}

/// Walks `root/content`: what it holds, and a diagnostic for each file or
/// folder that cannot be read or may not be published (see
/// [`crate::sources`]).
pub fn discover(root: &Path, lang: Language) -> (Discovered, Vec<Diagnostic>) {
    let mut found = Discovered::default();
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        let missing = Diagnostic::error(
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
        ));
        return (found, vec![missing]);
    }
    let (entries, mut errors) = sources::walk(root, Path::new(CONTENT_DIR), lang);
    // The files that may be read: a folder is a bundle, a section has an
    // index, only when that file is one of them.
    let files: HashSet<&str> = entries
        .iter()
        .filter(|e| !e.is_dir)
        .map(|e| e.rel.as_str())
        .collect();
    let has = |dir: &str, name: &str| match dir {
        "" => files.contains(name),
        _ => files.contains(format!("{dir}/{name}").as_str()),
    };
    let mut bundles: Vec<String> = Vec::new();
    for entry in &entries {
        let rel_str = entry.rel.clone();
        let site_rel = entry.path.clone();
        if entry.is_dir {
            let inside_bundle = bundles
                .iter()
                .any(|b| rel_str.starts_with(b.as_str()) && rel_str[b.len()..].starts_with('/'));
            if inside_bundle {
                continue;
            }
            if entry.depth > 0 && has(&rel_str, "index.md") {
                bundles.push(rel_str);
                continue;
            }
            let index = has(&rel_str, "_index.md").then(|| site_rel.join("_index.md"));
            found.sections.push(SectionSource {
                dir: rel_str,
                index,
            });
            continue;
        }
        let name = entry.name.clone();
        let parent = match rel_str.rsplit_once('/') {
            Some((parent, _)) => parent.to_string(),
            None => String::new(),
        };
        if let Some(ext) = active_extension(&name) {
            errors.push(active_file(&site_rel, &ext, lang));
            continue;
        }
        let is_asset = if let Some(bundle) = bundles.iter().find(|b| {
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
                false
            } else {
                true
            }
        } else if parent.is_empty() && name == "_people.yaml" {
            found.people = Some(site_rel);
            false
        } else if parent.is_empty() && name == "_organisations.yaml" {
            found.organisations = Some(site_rel);
            false
        } else if name == "_index.md" {
            // Read with its section.
            false
        } else if let Some(stem) = name.strip_suffix(".md") {
            found.articles.push(ArticleSource {
                path: site_rel,
                section: parent,
                bundle: None,
                stem: stem.to_string(),
            });
            false
        } else {
            true
        };
        if is_asset {
            // Copied as it is when the output is written: whether it can be
            // read is known now (and links to it still resolve).
            if let Err(refusal) = sources::probe(root, &entry.path) {
                errors.push(refusal.diagnostic(&entry.path, "file-unreadable", lang));
            }
            found.assets.push(AssetSource {
                path: entry.path.clone(),
                content_path: entry.rel.clone(),
            });
        }
    }
    (found, errors)
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
