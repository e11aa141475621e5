//! Where relative addresses lead: links to other articles' `.md` files (as
//! an editor's preview follows them), to sections, to files beside an
//! article, and `#anchors`, all checked.
//!
//! The `Resolver` is built once the URLs of every article, section and file
//! are known; it is read-only, so every article's links resolve in parallel.

use crate::diagnostics::Code;
use std::collections::HashMap;
use std::collections::HashSet;

use crate::config::Config;
use crate::content::ContentPath;
use crate::content::article::SKIP_LINK_TARGET;
use crate::content::markdown::{LinkKind, LinkRef};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;

/// A page a link may reach, with its anchors.
#[derive(Debug, Clone)]
pub struct Target {
    /// URL path.
    pub url: String,
    /// Ids that `#anchors` may name.
    pub anchors: HashSet<String>,
}

/// Why a content path is not a target in this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excluded {
    /// A draft (built with `--drafts`).
    Draft,
    /// Embargoed until a later date (built with `--future`).
    Future,
    /// Expired.
    Expired,
}

/// Resolves relative addresses to URLs.
#[derive(Debug, Default)]
pub struct Resolver {
    /// Articles and sections by content path (`actualites/x.md`, `actualites/_index.md`, `actualites`).
    pub pages: HashMap<ContentPath, Target>,
    /// Files by content path, with their URL.
    pub files: HashMap<ContentPath, String>,
    /// Articles left out of this build, by content path.
    pub excluded: HashMap<ContentPath, Excluded>,
    /// Articles that exist but could not be loaded, their bundles' folders
    /// and files, with the URL each would have (see `site::unloaded`).
    pub unloaded: HashMap<ContentPath, String>,
}

/// How a file in `base_dir` links to the content path `target`, both
/// content-relative: `../` for each folder to leave, then the rest.
pub fn relative_from(base_dir: &str, target: &str) -> String {
    let base: Vec<&str> = base_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').filter(|s| !s.is_empty()).collect();
    let shared = base
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut out = "../".repeat(base.len() - shared);
    out.push_str(&to[shared..].join("/"));
    out
}

/// `text` with its `%XX` escapes decoded (`%C3%A9` → `é`); invalid ones are
/// kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Two hex digits, read as bytes: `%` before a multi-byte character
        // is kept as written.
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2)))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Resolver {
    /// The URL for a link written in a file whose folder is `base_dir`
    /// (content-relative), on a page whose own anchors are `own_anchors`.
    pub fn resolve(
        &self,
        link: &LinkRef,
        base_dir: &str,
        own_anchors: &HashSet<String>,
        config: &Config,
        source: &SourceText,
    ) -> Result<String, Diagnostic> {
        let lang = config.language;
        let (path, fragment) = match link.dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (link.dest.as_str(), None),
        };
        let (path, query) = match path.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path, None),
        };
        let suffix = |url: String| {
            let mut s = url;
            if let Some(q) = query {
                s.push('?');
                s.push_str(q);
            }
            if let Some(f) = fragment {
                s.push('#');
                s.push_str(f);
            }
            s
        };
        if path.is_empty() {
            if let Some(f) = fragment
                && !f.is_empty()
                && !on_every_page(f)
                && !own_anchors.contains(&percent_decode(f))
            {
                return Err(
                    missing_anchor(f, None, own_anchors, lang).at(source, link.span.clone())
                );
            }
            return Ok(suffix(String::new()));
        }
        if path.starts_with('/') {
            // A site path: under the site's root folder.
            if path.starts_with(&config.root_path) && config.root_path != "/" {
                return Ok(suffix(path.to_string()));
            }
            return Ok(suffix(config.url(path)));
        }
        let decoded = percent_decode(path);
        let Some(key) = ContentPath::linked(base_dir, &decoded) else {
            return Err(outside_content(link, lang).at(source, link.span.clone()));
        };
        let page = self
            .pages
            .get(&key)
            .or_else(|| self.pages.get(&key.inside("_index.md")))
            .or_else(|| self.pages.get(&key.inside("index.md")));
        if let Some(page) = page {
            if let Some(f) = fragment
                && !f.is_empty()
                && !on_every_page(f)
                && !page.anchors.contains(&percent_decode(f))
            {
                return Err(missing_anchor(f, Some(&link.dest), &page.anchors, lang)
                    .at(source, link.span.clone()));
            }
            return Ok(suffix(page.url.clone()));
        }
        if let Some(url) = self.files.get(&key) {
            return Ok(suffix(url.clone()));
        }
        if let Some(url) = self.unloaded(&key) {
            // Any anchor: its headings are unknown until it loads.
            return Ok(suffix(url.to_string()));
        }
        if let Some(why) = self.excluded.get(&key) {
            return Err(unpublished(link, *why, lang).at(source, link.span.clone()));
        }
        Err(self
            .broken(link, key.as_str(), base_dir, lang)
            .at(source, link.span.clone()))
    }

    /// Where `key` would be if the article it names (or whose bundle holds
    /// it) could be loaded, when it is one that could not.
    pub fn unloaded(&self, key: &ContentPath) -> Option<&str> {
        self.unloaded
            .get(key)
            .or_else(|| self.unloaded.get(&key.inside("index.md")))
            .map(String::as_str)
    }

    /// A link that leads to nothing of this build: what it names, and a
    /// close page or file's path as help when there is one.
    fn broken(&self, link: &LinkRef, key: &str, base_dir: &str, lang: Language) -> Diagnostic {
        let mut help = t!(lang, "link-broken-help");
        // An image or a download is a file: a page (or an unloaded
        // article, or its bundle's folder, whose address ends in `/`) is
        // no suggestion for it.
        let pages_too = link.kind == LinkKind::Link;
        let unloaded = self
            .unloaded
            .iter()
            .filter(|(_, url)| pages_too || !url.ends_with('/'))
            .map(|(path, _)| path);
        let candidates: Vec<&str> = self
            .pages
            .keys()
            .filter(|_| pages_too)
            .chain(self.files.keys())
            .chain(unloaded)
            .map(ContentPath::as_str)
            .collect();
        // A path close overall but with an unrelated file name (`bilan.md`
        // → `actualites/_index.md`) is no help: the names must be close too.
        let name = |path: &str| path.rsplit('/').next().unwrap_or("").to_string();
        if let Some(best) = crate::yaml::closest(key, candidates.iter().copied())
            && crate::yaml::closest(&name(key), [name(best).as_str()]).is_some()
        {
            let written = relative_from(base_dir, best);
            help = t!(lang, "link-did-you-mean", written = &written);
        }
        let kind = match link.kind {
            LinkKind::Image => "image",
            LinkKind::Download => "download",
            LinkKind::Link => "link",
        };
        Diagnostic::error(
            Code::LinkBroken,
            t!(
                lang,
                "link-broken",
                kind = kind,
                dest = &link.dest,
                key = key
            ),
        )
        .with_help(help)
    }
}

/// Whether `anchor` names what every page of the theme has: the page's top
/// (`#top`, which browsers know) or its main content, the skip link's
/// target.
fn on_every_page(anchor: &str) -> bool {
    anchor == "top" || anchor == SKIP_LINK_TARGET
}

/// A relative link that climbs out of `content/`.
fn outside_content(link: &LinkRef, lang: Language) -> Diagnostic {
    Diagnostic::error(
        Code::LinkOutsideContent,
        t!(lang, "link-outside-content", dest = &link.dest),
    )
    .with_help(t!(lang, "link-outside-content-help"))
}

/// A link to an article left out of this build, with why.
fn unpublished(link: &LinkRef, why: Excluded, lang: Language) -> Diagnostic {
    let why = match why {
        Excluded::Draft => "draft",
        Excluded::Future => "embargoed",
        Excluded::Expired => "expired",
    };
    Diagnostic::error(
        Code::LinkToUnpublished,
        t!(lang, "link-to-unpublished", dest = &link.dest, why = why),
    )
    .with_help(t!(lang, "link-to-unpublished-help"))
}

fn missing_anchor(
    anchor: &str,
    dest: Option<&str>,
    anchors: &HashSet<String>,
    lang: Language,
) -> Diagnostic {
    // The skip link's target is on every page: a valid anchor, but no
    // heading of the page, so never offered as one.
    let mut known: Vec<&str> = anchors
        .iter()
        .map(String::as_str)
        .filter(|a| *a != SKIP_LINK_TARGET)
        .collect();
    known.sort_unstable();
    let help = match crate::yaml::closest(anchor, known.iter().copied()) {
        Some(best) => t!(lang, "link-anchor-did-you-mean", best = best),
        None if known.is_empty() => t!(lang, "link-anchor-no-headings"),
        None => {
            let anchors: Vec<String> = known.iter().map(|k| format!("#{k}")).collect();
            t!(lang, "link-anchor-possible", anchors = anchors.join(", "))
        }
    };
    let message = match dest {
        Some(dest) => t!(lang, "link-missing-anchor", anchor = anchor, dest = dest),
        None => t!(lang, "link-missing-anchor-here", anchor = anchor),
    };
    Diagnostic::error(Code::LinkMissingAnchor, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(dest: &str) -> LinkRef {
        LinkRef {
            dest: dest.to_string(),
            span: 0..0,
            kind: LinkKind::Image,
            text: String::new(),
        }
    }

    #[test]
    fn an_image_is_offered_files_only() {
        let mut resolver = Resolver::default();
        // An article that failed to load, with its bundle's folder and file.
        for (path, url) in [
            ("actualites/rapport/index.md", "/actualites/rapport/"),
            ("actualites/rapport", "/actualites/rapport/"),
            (
                "actualites/rapport/carte.png",
                "/actualites/rapport/carte.png",
            ),
        ] {
            resolver
                .unloaded
                .insert(ContentPath::of(std::path::Path::new(path)), url.to_string());
        }
        let help = |dest: &str| {
            resolver
                .broken(
                    &image(dest),
                    &format!("actualites/{dest}"),
                    "actualites",
                    Language::En,
                )
                .help
        };
        assert_eq!(
            help("rapports").as_deref(),
            Some(t!(Language::En, "link-broken-help").as_str())
        );
        assert_eq!(
            help("rapport/carte.pn").as_deref(),
            Some("did you mean `rapport/carte.png`?")
        );
    }

    #[test]
    fn percent_escapes_decode_and_anything_else_is_kept() {
        assert_eq!(percent_decode("bilan%20social%C3%A9"), "bilan socialé");
        // A `%` before a multi-byte character, or at the end, is kept.
        assert_eq!(percent_decode("50%é"), "50%é");
        assert_eq!(percent_decode("%aé"), "%aé");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            ContentPath::linked("actualites", "../rapports/bilan.md")
                .as_ref()
                .map(ContentPath::as_str),
            Some("rapports/bilan.md")
        );
        assert_eq!(
            ContentPath::linked("actualites/x", "./a.png")
                .as_ref()
                .map(ContentPath::as_str),
            Some("actualites/x/a.png")
        );
        assert_eq!(ContentPath::linked("", "../x.md"), None);
    }

    #[test]
    fn relative_paths_from_a_folder() {
        assert_eq!(
            relative_from("actualites", "rapports/bilan.md"),
            "../rapports/bilan.md"
        );
        assert_eq!(relative_from("actualites", "actualites/a.md"), "a.md");
        assert_eq!(relative_from("", "actualites/a.md"), "actualites/a.md");
        assert_eq!(
            relative_from("actualites/accord", "actualites/accord/annexe.pdf"),
            "annexe.pdf"
        );
        assert_eq!(relative_from("a/b", "a/c/d.md"), "../c/d.md");
        // A folder named like the file: the file's name is kept.
        assert_eq!(relative_from("a", "a"), "../a");
        for (base, target) in [
            ("actualites", "rapports/bilan.md"),
            ("a/b", "a/c/d.md"),
            ("", "x.md"),
        ] {
            assert_eq!(
                ContentPath::linked(base, &relative_from(base, target))
                    .as_ref()
                    .map(ContentPath::as_str),
                Some(target)
            );
        }
    }
}
