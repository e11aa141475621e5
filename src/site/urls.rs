//! Addresses: what a section's and an article's output folder is made of,
//! and the one file a page of the site is written to.
//!
//! A page is a folder with an `index.html` (`actualites/forum/` is written
//! to `actualites/forum/index.html`), so that its address never shows a file
//! name and survives a change of tool. The folder (`rel_url`, relative to the
//! output, empty for home) is what the model keeps; [`page_file`] is the one
//! place that turns it into the file written, and `config.url` the one that
//! turns it into the address a reader follows. Collisions between these
//! addresses are the placement's business (`placement`) and, for every
//! output path at once, the paths check's (`paths`).

use crate::content::article::LoadedArticle;
use crate::content::discover::to_slash;
use crate::content::slug::{slug_from_file_name, slugify};

/// The file a page whose output folder is `folder` (`actualites/x/`, or
/// empty for home) is written to: `actualites/x/index.html`.
pub fn page_file(folder: &str) -> String {
    format!("{folder}index.html")
}

/// `content/actualites/x.md` → `actualites/x.md`.
pub fn content_rel(path: &std::path::Path) -> String {
    let s = to_slash(path);
    s.strip_prefix("content/").map(str::to_string).unwrap_or(s)
}

/// A section's output folder: each segment of its folder slugged
/// (`Vie du réseau/` → `vie-du-reseau/`), empty for home.
pub fn section_folder(dir: &str) -> String {
    if dir.is_empty() {
        String::new()
    } else {
        format!(
            "{}/",
            dir.split('/')
                .map(slug_or_keep)
                .collect::<Vec<_>>()
                .join("/")
        )
    }
}

/// An article's slug: its `slug:`, else made from its file name, and
/// `article` when either comes out empty.
pub fn article_slug(loaded: &LoadedArticle) -> String {
    let slug = loaded
        .meta
        .slug
        .clone()
        .unwrap_or_else(|| slug_from_file_name(&loaded.origin.stem));
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

/// An article's output folder: its slug inside its section's folder.
pub fn article_folder(section_folder: &str, slug: &str) -> String {
    format!("{section_folder}{slug}/")
}

/// A folder name slugged, or `rubrique` when nothing of it is left.
fn slug_or_keep(segment: &str) -> String {
    let s = slugify(segment);
    if s.is_empty() {
        "rubrique".to_string()
    } else {
        s
    }
}
