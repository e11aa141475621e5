//! Addresses: what a section's and an article's output folder is made of,
//! and the one file a page of the site is written to.
//!
//! A page is a folder with an `index.html` (`actualites/forum/` is written
//! to `actualites/forum/index.html`), so that its address never shows a file
//! name and survives a change of tool. The folder ([`PageFolder`], relative
//! to the output, empty for home) is what the model keeps: a type of its
//! own, made only here (a section's, an article's, a taxonomy's, a term's,
//! a listing page's), so a string that merely looks like a folder cannot be
//! taken for one; [`PageFolder::page_file`] is the one place that turns it
//! into the file written, and `config.url` the one that turns it into the
//! address a reader follows. Collisions between these
//! addresses are the placement's business (`placement`) and, for every
//! output path at once, the paths check's (`paths`).

use crate::content::ContentPath;
use crate::content::article::LoadedArticle;
use crate::content::slug::{slug_from_file_name, slugify};

/// A page's output folder, relative to the output: `actualites/x/`, with
/// its final slash, or empty for home.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageFolder(String);

impl PageFolder {
    /// The home page's folder: the output's root.
    pub fn home() -> Self {
        PageFolder(String::new())
    }

    /// A section's folder: each segment of its folder under `content/`
    /// slugged (`Vie du réseau/` → `vie-du-reseau/`), empty for home.
    pub fn section(dir: &str) -> Self {
        if dir.is_empty() {
            return Self::home();
        }
        let segments: Vec<String> = dir.split('/').map(slug_or_keep).collect();
        PageFolder(format!("{}/", segments.join("/")))
    }

    /// A folder the site's settings or an alias name (`recherche/`),
    /// checked by `site::paths`.
    pub fn named(folder: &str) -> Self {
        PageFolder(folder.to_string())
    }

    /// The folder an address relative to the site's root names, when it
    /// names one (empty, or ending with `/`); `None` for a file's address.
    pub fn of_address(rel: &str) -> Option<Self> {
        (rel.is_empty() || rel.ends_with('/')).then(|| PageFolder(rel.to_string()))
    }

    /// The folder a file's address would name with its final slash
    /// (`actualites/x` → `actualites/x/`): what a server redirects to and
    /// `check` accepts when that page exists.
    pub fn slash_missing(rel: &str) -> Self {
        PageFolder(format!("{rel}/"))
    }

    /// A taxonomy's folder (`mots-cles/`), from its configured folder name.
    pub fn taxonomy(folder: &str) -> Self {
        PageFolder(format!("{folder}/"))
    }

    /// The folder of `slug` inside this one: an article in its section's, a
    /// term in its taxonomy's.
    pub fn child(&self, slug: &str) -> Self {
        PageFolder(format!("{}{slug}/", self.0))
    }

    /// The folder of page `number` of the listing here: this one for the
    /// first page, `page/<number>/` inside it after.
    pub fn listing_page(&self, number: usize) -> Self {
        if number <= 1 {
            self.clone()
        } else {
            PageFolder(format!("{}page/{number}/", self.0))
        }
    }

    /// The folder every later listing page lives in (`page/`).
    pub fn pagination(&self) -> String {
        format!("{}page/", self.0)
    }

    /// The file the page is written to: `actualites/x/index.html`.
    pub fn page_file(&self) -> String {
        self.file("index.html")
    }

    /// The listing's Atom feed: `atom.xml` in its folder (`actualites/atom.xml`,
    /// `atom.xml` for the site's).
    pub fn feed_file(&self) -> String {
        self.file("atom.xml")
    }

    /// The file `name` inside the folder (`actualites/atom.xml`).
    pub fn file(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }

    /// The folder as written in paths and addresses.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PageFolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for PageFolder {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// `content/actualites/x` → `actualites/x`: a folder's path from `content/`.
pub fn content_rel(path: &std::path::Path) -> String {
    ContentPath::of(path).as_str().to_string()
}

/// An article's slug: its `slug:`, else made from its file name, and
/// `article` when either comes out empty.
pub fn article_slug(loaded: &LoadedArticle) -> String {
    match &loaded.meta.slug {
        Some(slug) => slug_or_article(slug.clone()),
        None => file_slug(&loaded.origin.stem),
    }
}

/// The slug an article's file name (`stem`) gives it, its `slug:` aside.
pub fn file_slug(stem: &str) -> String {
    slug_or_article(slug_from_file_name(stem))
}

/// `slug`, or `article` when it is empty.
fn slug_or_article(slug: String) -> String {
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_the_files_written_in_them() {
        let section = PageFolder::section("Vie du réseau/Forum 2026");
        assert_eq!(section.as_str(), "vie-du-reseau/forum-2026/");
        let article = section.child("bilan");
        assert_eq!(
            article.page_file(),
            "vie-du-reseau/forum-2026/bilan/index.html"
        );
        assert_eq!(PageFolder::home().page_file(), "index.html");
        assert_eq!(PageFolder::home().feed_file(), "atom.xml");
        assert_eq!(section.listing_page(1), section);
        assert_eq!(
            section.listing_page(3).page_file(),
            "vie-du-reseau/forum-2026/page/3/index.html"
        );
        assert_eq!(PageFolder::of_address("css/site.css"), None);
        assert_eq!(
            PageFolder::slash_missing("actualites/x").page_file(),
            "actualites/x/index.html"
        );
    }
}
