//! Sections: which folders of `content/` are in this build, with their
//! titles and addresses, and, once the articles are placed, the listing of
//! each.
//!
//! Sections come first in assembly because everything after names them by
//! index: an article's section, its folder, a listing. They keep discovery's
//! order (parents first), with home at index 0 whatever happens, so that a
//! listing of "every article" is always `sections[0]`. A draft section is
//! left out with everything under it; its folder is remembered for the
//! inclusion stage. Once inclusion is done, a section that holds drafts
//! only is left out too (it would publish an empty page); links to a
//! section left out are links to a draft, and the menu loses its entry. Listings are filled last, when the articles are in their
//! final order (newest first): a listing sorted by date is then already
//! sorted, and one by title or weight is a stable sort of indices.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::links::{Excluded, Resolver};
use super::urls::PageFolder;
use super::{Article, Inclusion, LoadedSection, Section, Site};
use crate::config::Config;
use crate::content::ContentPath;
use crate::content::article::LoadedArticle;
use crate::content::front_matter::SortBy;
use crate::diagnostics::Diagnostic;
use crate::typography::typeset;

/// The sections of this build, and what later stages look up in them.
#[derive(Debug)]
pub(super) struct Sections {
    /// Sections; index 0 is home.
    pub list: Vec<Section>,
    /// Section index by folder relative to `content/`.
    pub index: HashMap<String, usize>,
    /// Folders of the draft sections left out.
    pub drafts: HashSet<String>,
}

/// The sections in this build, parents first (discovery order), home first.
pub(super) fn build(config: &Config, loaded: &[LoadedSection], inclusion: Inclusion) -> Sections {
    let mut sections = Sections {
        list: Vec::new(),
        index: HashMap::new(),
        drafts: HashSet::new(),
    };
    for s in loaded {
        if s.meta.draft && !inclusion.drafts {
            sections.drafts.insert(s.dir.clone());
            continue;
        }
        sections.index.insert(s.dir.clone(), sections.list.len());
        sections.list.push(section(config, s));
    }
    if sections
        .list
        .first()
        .map(|s| !s.dir.is_empty())
        .unwrap_or(true)
    {
        // discovery always yields the root; keep the invariant anyway
        sections.index.insert(String::new(), 0);
        sections.list.insert(0, home(config));
        for v in sections.index.values_mut() {
            *v += 1;
        }
        sections.index.insert(String::new(), 0);
    }
    sections
}

/// Leaves out the sections that hold drafts only in this build: none of
/// the articles in them or in their subsections is in, and some are drafts
/// left out (`draft_folders`, their sections' folders). Such a section
/// would publish an empty page, an empty feed and a sitemap entry; with
/// `--drafts` its drafts are in, and so is it. A section with no article
/// at all is kept: its page may be its introduction. Returns the folders
/// left out.
pub(super) fn leave_out_draft_only(
    sections: &mut Sections,
    kept: &[Arc<LoadedArticle>],
    draft_folders: &HashSet<String>,
) -> Vec<String> {
    if draft_folders.is_empty() {
        return Vec::new();
    }
    let kept_folders: HashSet<&str> = kept.iter().map(|a| a.origin.section.as_str()).collect();
    // `folder` is `dir` or one of its subfolders.
    let under = |folder: &str, dir: &str| {
        folder == dir || folder.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
    };
    let mut left_out = Vec::new();
    sections.list.retain(|s| {
        let draft_only = !s.dir.is_empty()
            && draft_folders.iter().any(|f| under(f, &s.dir))
            && !kept_folders.iter().any(|f| under(f, &s.dir));
        if draft_only {
            left_out.push(s.dir.clone());
        }
        !draft_only
    });
    sections.index = sections
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| (s.dir.clone(), i))
        .collect();
    left_out
}

/// Marks the sections left out of this build (`folders`: draft sections,
/// sections of drafts only) as drafts for links, which then say why they
/// lead nowhere, and takes the menu entries that lead to them out of the
/// menu: a menu entry for a section appears when the section does.
pub(super) fn hide_left_out<'a>(
    config: &mut Config,
    resolver: &mut Resolver,
    folders: impl IntoIterator<Item = &'a String>,
) {
    let mut urls = HashSet::new();
    for dir in folders {
        for content_path in [
            ContentPath::section(dir, false),
            ContentPath::section(dir, true),
        ] {
            resolver.excluded.insert(content_path, Excluded::Draft);
        }
        urls.insert(config.url(PageFolder::section(dir).as_str()));
    }
    if urls.is_empty() {
        return;
    }
    let site_path = |url: &str| -> String {
        let url = if url.starts_with('/') {
            config.url(url)
        } else {
            url.to_string()
        };
        format!("{}/", url.trim_end_matches('/'))
    };
    let kept: Vec<_> = config
        .menu
        .iter()
        .filter(|m| !urls.contains(&site_path(&m.url)))
        .cloned()
        .collect();
    config.menu = kept;
}

/// One loaded `_index.md` as a section.
fn section(config: &Config, s: &LoadedSection) -> Section {
    let lang = config.language;
    let rel_url = PageFolder::section(&s.dir);
    let default_title = if s.dir.is_empty() {
        config.title.clone()
    } else {
        let name = s.dir.rsplit('/').next().unwrap_or(&s.dir).replace('-', " ");
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    Section {
        dir: s.dir.clone(),
        title: typeset(lang, s.meta.title.as_deref().unwrap_or(&default_title)),
        description: s.meta.description.as_deref().map(|d| typeset(lang, d)),
        intro_html: String::new(),
        paginate_by: s.meta.paginate_by.unwrap_or(config.paginate_by),
        template: s.meta.template.clone(),
        url: config.url(rel_url.as_str()),
        rel_url,
        articles: Vec::new(),
        source: s.source.as_ref().map(|src| src.path.clone()),
        extra: s.meta.extra.clone(),
    }
}

/// The home page when no `_index.md` made it: the site's title and
/// description.
fn home(config: &Config) -> Section {
    Section {
        dir: String::new(),
        title: config.title.clone(),
        description: config.description.clone(),
        intro_html: String::new(),
        paginate_by: config.paginate_by,
        template: None,
        rel_url: PageFolder::home(),
        url: config.url(""),
        articles: Vec::new(),
        source: None,
        extra: serde_json::Value::Object(Default::default()),
    }
}

/// Fills each section's listing from the placed articles (newest first):
/// home lists them all, a section its own, in its `sort_by` order.
pub(super) fn fill_listings(
    sections: &mut [Section],
    articles: &[Article],
    loaded: &[LoadedSection],
) {
    let home_all: Vec<usize> = (0..articles.len()).collect();
    for (i, a) in articles.iter().enumerate() {
        if a.section != 0 {
            sections[a.section].articles.push(i);
        }
    }
    sections[0].articles = home_all;
    let sort_of: Vec<SortBy> = sections
        .iter()
        .map(|s| {
            loaded
                .iter()
                .find(|l| l.dir == s.dir)
                .map(|l| l.meta.sort_by)
                .unwrap_or_default()
        })
        .collect();
    for (s, sort) in sections.iter_mut().zip(sort_of) {
        sort_listing(&mut s.articles, sort, articles);
    }
}

/// Sorts one listing (newest first already) by title or weight, ties in
/// date order.
fn sort_listing(listing: &mut [usize], sort: SortBy, articles: &[Article]) {
    match sort {
        SortBy::Date => {}
        SortBy::Title => listing.sort_by(|&x, &y| {
            sort_key(&articles[x].title)
                .cmp(&sort_key(&articles[y].title))
                .then(x.cmp(&y))
        }),
        SortBy::Weight => listing.sort_by(|&x, &y| {
            let w = |i: usize| {
                articles[i]
                    .loaded
                    .meta
                    .extra
                    .get("weight")
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0)
            };
            w(x).total_cmp(&w(y)).then(x.cmp(&y))
        }),
    }
}

/// A title as sorted: without accents, lower case.
fn sort_key(title: &str) -> String {
    deunicode::deunicode(title).to_lowercase()
}

/// The sections' introductions with their links resolved: an `_index.md`
/// links like an article of its folder (`[l’accord](accord.md)`), and its
/// markers must not reach a page. Returns the links that lead nowhere.
pub(super) fn resolve_intros(site: &mut Site, loaded: &[LoadedSection]) -> Vec<Diagnostic> {
    let Site {
        config,
        sections,
        resolver,
        ..
    } = site;
    let mut errors = Vec::new();
    for section in sections.iter_mut() {
        let Some(s) = loaded.iter().find(|l| l.dir == section.dir) else {
            continue;
        };
        let Some(source) = &s.source else {
            continue;
        };
        let own: HashSet<String> = s.intro.headings.iter().map(|h| h.id.clone()).collect();
        section.intro_html = s.intro.html.resolve_fragment(|i| {
            let Some(link) = s.intro.links.get(i) else {
                return String::new();
            };
            match resolver.resolve(link, &s.dir, &own, config, source) {
                Ok(url) => url,
                Err(d) => {
                    errors.push(d);
                    String::new()
                }
            }
        });
    }
    errors
}
