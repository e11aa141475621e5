//! Every output path and the one source that makes it.
//!
//! The output stage writes whatever it is handed, and a file system refuses
//! some names only when the write happens: left alone, two sources claiming
//! one path would silently overwrite each other, and a 300-character tag
//! would fail a build halfway through writing. So once the site is
//! assembled, before anything is rendered or written, [`check`] lists every
//! file the build writes with its owner ([`claims`]) and the folders Gazette
//! fills by itself ([`reserved`]), and reports, at the value that made the
//! path (the `slug:`, the tag, the alias, the file or folder name, the
//! `taxonomies:` setting):
//!
//! - a path segment no common file system takes: longer than 255 bytes, a
//!   control character, `\`, a character or a name Windows refuses, a
//!   trailing dot or space; or a whole path longer than [`MAX_PATH_BYTES`];
//! - two owners of one file, letter case ignored (Windows and macOS do not
//!   tell `Actualites/` from `actualites/`, and neither do readers);
//! - a path that is a file for one owner and a folder for another;
//! - a path inside a folder reserved for another owner (a taxonomy's, the
//!   search index's, the theme's `css/`, a listing's `page/`).
//!
//! Each source is reported once, with the other owner named (the wording
//! and positions are in `report`). The site's
//! `static/` files replacing the theme's (file by file, a documented
//! override) are merged before this, in `Theme::load`, and are no clash.
//! `render::plan` writes exactly these paths, and the search index only
//! under `pagefind/`: a test holds them together.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

mod report;

use super::Site;
use super::urls::PageFolder;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use report::Report;

/// The search index's output folder, relative to the output root.
pub const SEARCH_INDEX_DIR: &str = "pagefind/";

/// The search page's folder, relative to the site root: `recherche/` for a
/// French site, `search/` for an English one.
pub fn search_page(lang: Language) -> &'static str {
    lang.pick("recherche/", "search/")
}

/// The accessibility statement's folder, relative to the site root.
pub fn accessibility_page(lang: Language) -> &'static str {
    lang.pick("accessibilite/", "accessibility/")
}

/// The longest file or folder name most file systems take, in bytes.
pub const MAX_SEGMENT_BYTES: usize = 255;
/// The longest output path accepted, in bytes, below the output folder:
/// well under Linux's 4,096 for the whole path, with room for the folder.
pub const MAX_PATH_BYTES: usize = 1024;

/// What writes a file of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A listing's first page (section 0 is the home page).
    Section(usize),
    /// A section's Atom feed.
    SectionFeed(usize),
    /// An article's page.
    Article(usize),
    /// A redirect page of an article's `aliases`.
    Alias {
        /// The article, in `Site::articles`.
        article: usize,
        /// The alias, in the article's `aliases`.
        alias: usize,
    },
    /// A taxonomy's index page.
    Taxonomy(usize),
    /// A term's first page.
    Term {
        /// The taxonomy, in `Site::taxonomies`.
        taxonomy: usize,
        /// The term, in the taxonomy's terms.
        term: usize,
    },
    /// A term's Atom feed.
    TermFeed {
        /// The taxonomy, in `Site::taxonomies`.
        taxonomy: usize,
        /// The term, in the taxonomy's terms.
        term: usize,
    },
    /// A content file copied as it is (`Site::assets`).
    Asset(usize),
    /// The variants of a photo (`Site::variants`), by the content file
    /// they are made from (`Site::assets`).
    Variant(usize),
    /// The variants of a photo of `static/` (a person's photo, a logo:
    /// `Site::static_variants`), by the static file they are made from.
    StaticVariant(usize),
    /// A static file of the site or the theme (the list given to `check`).
    Static(usize),
    /// A file Gazette makes by itself.
    Generated(Generated),
}

/// The files Gazette makes by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Generated {
    /// `404.html`.
    NotFound,
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// The search page.
    Search,
    /// The search index, `pagefind/`.
    SearchIndex,
    /// The accessibility statement.
    Accessibility,
}

/// One file of the output and its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    /// Who writes it.
    pub owner: Owner,
}

/// A folder Gazette fills by itself: only its owner writes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    /// Relative to the output folder, with its trailing `/`.
    pub folder: String,
    /// Whose it is.
    pub owner: Owner,
    /// Whether it holds the owner's further listing pages (`page/2/`).
    pub pagination: bool,
}

/// An old address, as written in `aliases:`, made a path of the output: a
/// folder (`anciennes-actus/x/`, `` for `/`) or an `.html` file.
pub fn alias_path(alias: &str) -> Result<String, AliasProblem> {
    let written = alias.trim();
    let first = written.split('/').find(|s| !s.is_empty()).unwrap_or("");
    if written.starts_with("//") || first.contains(':') {
        return Err(AliasProblem::NotASitePath);
    }
    let mut parts = Vec::new();
    for seg in written.split('/') {
        match seg {
            "" => {}
            "." | ".." => return Err(AliasProblem::Climbs),
            s if s.contains(['?', '#']) => return Err(AliasProblem::Climbs),
            s if s.contains('\\') || s.chars().any(char::is_control) => {
                return Err(AliasProblem::Character);
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    Ok(match parts.last() {
        None => String::new(),
        Some(last) if last.ends_with(".html") => joined,
        Some(_) => format!("{joined}/"),
    })
}

/// Why an alias is not a path of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasProblem {
    /// A scheme (`https:`) or a host (`//intranet/…`).
    NotASitePath,
    /// `.`, `..`, a query or a fragment.
    Climbs,
    /// A backslash or a control character.
    Character,
}

impl AliasProblem {
    /// How to write the alias instead.
    pub fn help(self, lang: Language) -> String {
        match self {
            AliasProblem::NotASitePath => t!(lang, "site-alias-not-a-site-path-help"),
            AliasProblem::Climbs => t!(lang, "site-alias-climbs-help"),
            AliasProblem::Character => t!(lang, "site-alias-character-help"),
        }
    }
}

/// The file an alias's redirect page is written to.
pub fn alias_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        PageFolder::named(path).page_file()
    } else {
        path.to_string()
    }
}

/// Every file the build writes except the search index's, with its owner.
/// `statics` are the theme's static files with the site's over them.
pub fn claims(site: &Site, statics: &[(String, PathBuf)]) -> Vec<Claim> {
    let config = &site.config;
    let lang = config.language;
    let mut out = Vec::new();
    let mut claim = |path: String, owner: Owner| out.push(Claim { path, owner });
    for (i, s) in site.sections.iter().enumerate() {
        claim(s.rel_url.page_file(), Owner::Section(i));
        if config.feeds {
            claim(s.rel_url.feed_file(), Owner::SectionFeed(i));
        }
    }
    for (i, a) in site.articles.iter().enumerate() {
        claim(a.rel_url.page_file(), Owner::Article(i));
        for (alias, path) in a.aliases.iter().enumerate() {
            claim(alias_file(path), Owner::Alias { article: i, alias });
        }
    }
    for (t, tax) in site.taxonomies.list.iter().enumerate() {
        claim(tax.rel_url.page_file(), Owner::Taxonomy(t));
        for (k, term) in tax.terms.iter().enumerate() {
            let (taxonomy, term_index) = (t, k);
            claim(
                term.rel_url.page_file(),
                Owner::Term {
                    taxonomy,
                    term: term_index,
                },
            );
            if config.feeds {
                claim(
                    term.rel_url.feed_file(),
                    Owner::TermFeed {
                        taxonomy,
                        term: term_index,
                    },
                );
            }
        }
    }
    let generated = |g| Owner::Generated(g);
    claim("404.html".into(), generated(Generated::NotFound));
    claim("sitemap.xml".into(), generated(Generated::Sitemap));
    claim("robots.txt".into(), generated(Generated::Robots));
    if config.search {
        let page = search_page(lang);
        claim(
            PageFolder::named(page).page_file(),
            generated(Generated::Search),
        );
    }
    claim(
        PageFolder::named(accessibility_page(lang)).page_file(),
        generated(Generated::Accessibility),
    );
    for (i, (path, _)) in site.assets.iter().enumerate() {
        claim(path.clone(), Owner::Asset(i));
    }
    for (i, (path, _)) in statics.iter().enumerate() {
        claim(path.clone(), Owner::Static(i));
    }
    for (path, asset) in &site.variants {
        claim(path.clone(), Owner::Variant(*asset));
    }
    for (path, file) in &site.static_variants {
        claim(path.clone(), Owner::StaticVariant(*file));
    }
    out
}

/// The folders only their owner writes in: each taxonomy's, the search
/// page's and index's, the accessibility statement's, the theme's top
/// static folders (`css/`, `js/`), and every listing's `page/`.
pub fn reserved(site: &Site, statics: &[(String, PathBuf)]) -> Vec<Reserved> {
    let config = &site.config;
    let lang = config.language;
    let mut out = Vec::new();
    let mut reserve = |folder: String, owner: Owner, pagination: bool| {
        out.push(Reserved {
            folder,
            owner,
            pagination,
        })
    };
    for (i, s) in site.sections.iter().enumerate() {
        reserve(s.rel_url.pagination(), Owner::Section(i), true);
    }
    for (t, tax) in site.taxonomies.list.iter().enumerate() {
        reserve(tax.rel_url.to_string(), Owner::Taxonomy(t), false);
        for (term, entry) in tax.terms.iter().enumerate() {
            let owner = Owner::Term { taxonomy: t, term };
            reserve(entry.rel_url.pagination(), owner, true);
        }
    }
    if config.search {
        let search = Owner::Generated(Generated::Search);
        reserve(search_page(lang).into(), search, false);
        let index = Owner::Generated(Generated::SearchIndex);
        reserve(SEARCH_INDEX_DIR.into(), index, false);
    }
    reserve(
        accessibility_page(lang).into(),
        Owner::Generated(Generated::Accessibility),
        false,
    );
    let mut seen = HashSet::new();
    for (i, (path, src)) in statics.iter().enumerate() {
        if let Some((top, _)) = path.split_once('/')
            && !is_site_static(src)
            && seen.insert(top)
        {
            reserve(format!("{top}/"), Owner::Static(i), false);
        }
    }
    out
}

/// Whether a static file is the site's own (`static/`), not the theme's.
fn is_site_static(src: &Path) -> bool {
    src.starts_with(crate::sources::SITE_STATIC)
}

/// Checks every output path of `site` (see the module's documentation).
pub fn check(site: &Site, statics: &[(String, PathBuf)]) -> Vec<Diagnostic> {
    check_claims(site, statics, |_| true)
}

/// Checks the paths of the photos' variants once the image step has listed
/// them (`Site::variants`): every rule of [`check`], and only the problems
/// a variant is part of (the others were reported at assembly).
pub fn check_variants(site: &Site, statics: &[(String, PathBuf)]) -> Vec<Diagnostic> {
    if site.variants.is_empty() && site.static_variants.is_empty() {
        return Vec::new();
    }
    check_claims(site, statics, |owner| {
        matches!(owner, Owner::Variant(_) | Owner::StaticVariant(_))
    })
}

/// [`check`], reporting only the problems where `concerned` holds for one
/// of the owners.
fn check_claims(
    site: &Site,
    statics: &[(String, PathBuf)],
    concerned: impl Fn(Owner) -> bool,
) -> Vec<Diagnostic> {
    let claims = claims(site, statics);
    let reserved = reserved(site, statics);
    let folded: Vec<String> = claims.iter().map(|c| c.path.to_lowercase()).collect();
    let mut report = Report::new(site, statics);
    let mut flawed = HashSet::new();
    for (c, low) in claims.iter().zip(&folded) {
        if let Some((end, flaw)) = path_flaw(&c.path)
            && concerned(c.owner)
            && flawed.insert(low.get(..end).unwrap_or(low))
        {
            report.flaw(c, end, flaw);
        }
    }
    let mut files: HashMap<&str, usize> = HashMap::with_capacity(claims.len());
    for (i, low) in folded.iter().enumerate() {
        match files.get(low.as_str()) {
            Some(&first) if concerned(claims[first].owner) || concerned(claims[i].owner) => {
                report.collision(&claims[first], &claims[i]);
            }
            Some(_) => {}
            None => {
                files.insert(low, i);
            }
        }
    }
    for (c, low) in claims.iter().zip(&folded) {
        let file = low
            .match_indices('/')
            .find_map(|(end, _)| files.get(&low[..end]));
        if let Some(&f) = file
            && (concerned(claims[f].owner) || concerned(c.owner))
        {
            report.file_and_folder(&claims[f], c);
        }
    }
    // A folder reserved twice is one error; what goes in it is not judged.
    let mut folders: HashMap<String, Option<usize>> = HashMap::new();
    for (i, r) in reserved.iter().enumerate() {
        match folders.get_mut(&r.folder.to_lowercase()) {
            Some(first) if concerned(r.owner) => {
                if let Some(f) = first.take() {
                    report.reserved_twice(&reserved[f], r);
                }
            }
            Some(_) => {}
            None => {
                folders.insert(r.folder.to_lowercase(), Some(i));
            }
        }
    }
    for (c, low) in claims.iter().zip(&folded) {
        let inside = low
            .match_indices('/')
            .find_map(|(end, _)| folders.get(&low[..=end]));
        if let Some(&Some(r)) = inside
            && concerned(c.owner)
            && !may_write_in(&reserved[r], c.owner)
        {
            report.in_reserved(&reserved[r], c);
        }
    }
    report.into_errors()
}

/// Whether `owner` may write inside the reserved folder `r`.
fn may_write_in(r: &Reserved, owner: Owner) -> bool {
    if r.pagination {
        return false;
    }
    match (r.owner, owner) {
        (Owner::Taxonomy(t), Owner::Taxonomy(u)) => t == u,
        (Owner::Taxonomy(t), Owner::Term { taxonomy, .. })
        | (Owner::Taxonomy(t), Owner::TermFeed { taxonomy, .. }) => t == taxonomy,
        (Owner::Static(_), Owner::Static(_)) => true,
        (Owner::Generated(g), Owner::Generated(h)) => g == h,
        _ => false,
    }
}

/// What is wrong with one segment of a path, or with the whole path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flaw {
    /// A segment longer than [`MAX_SEGMENT_BYTES`].
    SegmentTooLong(usize),
    /// The whole path longer than [`MAX_PATH_BYTES`].
    PathTooLong(usize),
    /// `.` or `..`, or an empty segment.
    Dots,
    /// A control character.
    Control,
    /// A backslash.
    Backslash,
    /// A character Windows refuses in names.
    Windows(char),
    /// A device name of Windows (`con`, `aux`, `nul`, `com1`…).
    DeviceName,
    /// A trailing dot or space, which Windows drops.
    Trailing,
}

/// The first flaw of a path: the end of the faulty prefix, and the flaw.
fn path_flaw(path: &str) -> Option<(usize, Flaw)> {
    let mut start = 0;
    for seg in path.split('/') {
        let end = start + seg.len();
        if let Some(flaw) = segment_flaw(seg) {
            return Some((end, flaw));
        }
        start = end + 1;
    }
    (path.len() > MAX_PATH_BYTES).then_some((path.len(), Flaw::PathTooLong(path.len())))
}

fn segment_flaw(seg: &str) -> Option<Flaw> {
    const DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];
    let stem = seg.split('.').next().unwrap_or(seg).to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
    };
    if seg.len() > MAX_SEGMENT_BYTES {
        Some(Flaw::SegmentTooLong(seg.len()))
    } else if seg.is_empty() || seg == "." || seg == ".." {
        Some(Flaw::Dots)
    } else if seg.chars().any(char::is_control) {
        Some(Flaw::Control)
    } else if seg.contains('\\') {
        Some(Flaw::Backslash)
    } else if let Some(c) = seg.chars().find(|c| "<>:\"|?*".contains(*c)) {
        Some(Flaw::Windows(c))
    } else if DEVICES.contains(&stem.as_str()) || numbered("com") || numbered("lpt") {
        Some(Flaw::DeviceName)
    } else if seg.ends_with(['.', ' ']) {
        Some(Flaw::Trailing)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_site_paths() {
        let ok = |a: &str| alias_path(a).ok();
        assert_eq!(
            ok("/anciennes-actus/x/").as_deref(),
            Some("anciennes-actus/x/")
        );
        assert_eq!(ok("old.html").as_deref(), Some("old.html"));
        assert_eq!(ok("/").as_deref(), Some(""));
        assert_eq!(alias_path("/a/../../etc/"), Err(AliasProblem::Climbs));
        for outside in [
            "https://intranet/x/",
            "//intranet/x/",
            "javascript:alert(1)",
            "mailto:a@b",
        ] {
            assert_eq!(
                alias_path(outside),
                Err(AliasProblem::NotASitePath),
                "{outside}"
            );
        }
        assert_eq!(alias_path("/a\\b/"), Err(AliasProblem::Character));
        assert_eq!(alias_path("/a\u{7}b/"), Err(AliasProblem::Character));
        assert_eq!(alias_file(""), "index.html");
        assert_eq!(alias_file("a/"), "a/index.html");
        assert_eq!(alias_file("a.html"), "a.html");
    }

    #[test]
    fn segments_file_systems_refuse() {
        assert_eq!(segment_flaw(&"a".repeat(255)), None);
        assert_eq!(
            segment_flaw(&"a".repeat(256)),
            Some(Flaw::SegmentTooLong(256))
        );
        assert_eq!(
            segment_flaw("é".repeat(128).as_str()),
            Some(Flaw::SegmentTooLong(256))
        );
        assert_eq!(segment_flaw("a\nb"), Some(Flaw::Control));
        assert_eq!(segment_flaw("a:b"), Some(Flaw::Windows(':')));
        assert_eq!(segment_flaw("AUX.html"), Some(Flaw::DeviceName));
        assert_eq!(segment_flaw("com1"), Some(Flaw::DeviceName));
        assert_eq!(segment_flaw("com10"), None);
        assert_eq!(segment_flaw("auxiliaire"), None);
        assert_eq!(segment_flaw("x."), Some(Flaw::Trailing));
        let long = format!("{}index.html", "abc/".repeat(300));
        assert_eq!(
            path_flaw(&long),
            Some((long.len(), Flaw::PathTooLong(long.len())))
        );
    }
}
