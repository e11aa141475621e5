//! Placement: each included article at its address in its section, or an
//! error at its `slug:` when the address is taken.
//!
//! What an address is made of (section, slug, folder, the typeset title)
//! is worked out for every article in parallel; the collisions are then
//! checked in one pass in the build's order (newest first), so the article
//! reported is always the same one: the older of two, or any article whose
//! folder is a section's or a listing's `page/`. An article left unplaced is
//! not in the model, and nothing later sees it. The result is the model's
//! articles, whole but for what link resolution adds.

use crate::diagnostics::Code;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::sections::Sections;
use super::urls::{PageFolder, article_slug, content_rel};
use super::{Article, BlockHtml, Section};
use crate::config::Config;
use crate::content::ContentPath;
use crate::content::article::LoadedArticle;
use crate::content::discover::to_slash;
use crate::content::front_matter;
use crate::content::markdown::HtmlWithBlockMarkers;
use crate::diagnostics::Diagnostic;
use crate::messages::t;

/// Segments of output paths Gazette itself uses at the top of a listing.
const RESERVED: [&str; 1] = ["page"];

/// The placed articles, and their output folders.
pub(super) struct Placement {
    /// Articles in this build, newest first.
    pub articles: Vec<Article>,
    /// Article index by output folder.
    pub by_url: HashMap<PageFolder, usize>,
}

/// What an article's address is made of.
struct Placed {
    content_path: ContentPath,
    section: usize,
    rel_url: PageFolder,
    url: String,
    slug: String,
    base_dir: String,
    title: String,
}

/// Places `kept` (newest first) in `sections`; a taken address is an error
/// pushed on `errors`, and the article is left out.
pub(super) fn place(
    config: &Config,
    sections: &Sections,
    kept: Vec<Arc<LoadedArticle>>,
    errors: &mut Vec<Diagnostic>,
) -> Placement {
    let placed: Vec<Placed> = kept
        .par_iter()
        .map(|loaded| address(config, sections, loaded))
        .collect();
    let mut out = Placement {
        articles: Vec::with_capacity(kept.len()),
        by_url: HashMap::new(),
    };
    for (loaded, placed) in kept.into_iter().zip(placed) {
        if let Some(error) = taken(config, sections, &out, &loaded, &placed) {
            errors.push(error);
            continue;
        }
        out.by_url
            .insert(placed.rel_url.clone(), out.articles.len());
        out.articles.push(article(loaded, placed));
    }
    out
}

/// What `loaded`'s address is made of.
fn address(config: &Config, sections: &Sections, loaded: &LoadedArticle) -> Placed {
    let section = sections
        .index
        .get(&loaded.origin.section)
        .copied()
        .unwrap_or(0);
    placed_in(config, &sections.list, section, loaded)
}

/// The model's article for `loaded`, new, in `sections[section]`, before
/// link resolution (the preview's page shown first,
/// `site::patch::place_new`); `None` when its slug is one Gazette uses.
/// Whether another article or a section has its address is the caller's
/// to check.
pub(super) fn one(
    config: &Config,
    sections: &[Section],
    section: usize,
    loaded: Arc<LoadedArticle>,
) -> Option<Article> {
    let placed = placed_in(config, sections, section, &loaded);
    (!RESERVED.contains(&placed.slug.as_str())).then(|| article(loaded, placed))
}

/// `loaded`'s address in `sections[section]`.
fn placed_in(
    config: &Config,
    sections: &[Section],
    section: usize,
    loaded: &LoadedArticle,
) -> Placed {
    let slug = article_slug(loaded);
    let rel_url = sections[section].rel_url.child(&slug);
    Placed {
        content_path: ContentPath::of(&loaded.origin.path),
        section,
        url: config.url(rel_url.as_str()),
        rel_url,
        slug,
        base_dir: match &loaded.origin.bundle {
            Some(b) => content_rel(b),
            None => loaded.origin.section.clone(),
        },
        title: title(config, loaded),
    }
}

/// `loaded`'s title as pages show it (typography applied): here and when
/// the preview patches an article in place (`site::patch`).
pub(super) fn title(config: &Config, loaded: &LoadedArticle) -> String {
    crate::typography::typeset(config.language, &loaded.meta.title)
}

/// The error when `placed`'s address is a section's, a listing's page or
/// an article placed before.
fn taken(
    config: &Config,
    sections: &Sections,
    so_far: &Placement,
    loaded: &LoadedArticle,
    placed: &Placed,
) -> Option<Diagnostic> {
    let lang = config.language;
    let rel_url = &placed.rel_url;
    let source = &loaded.source;
    let at_slug = || front_matter::locate(source, &loaded.split, &["slug"]);
    if RESERVED.contains(&placed.slug.as_str())
        || sections.index.keys().any(|d| {
            !d.is_empty()
                && sections
                    .list
                    .get(sections.index[d])
                    .map(|s| s.rel_url == *rel_url)
                    .unwrap_or(false)
        })
    {
        return Some(
            Diagnostic::error(
                Code::UrlReserved,
                t!(lang, "site-url-reserved", address = rel_url.as_str()),
            )
            .at(source, at_slug())
            .with_help(t!(lang, "site-url-reserved-help")),
        );
    }
    let &other = so_far.by_url.get(rel_url)?;
    let other_path = to_slash(&so_far.articles[other].loaded.origin.path);
    Some(
        Diagnostic::error(
            Code::UrlCollision,
            t!(
                lang,
                "site-url-collision",
                address = rel_url.as_str(),
                other = &other_path
            ),
        )
        .at(source, at_slug())
        .with_help(t!(lang, "site-url-collision-help")),
    )
}

/// The model's article for `loaded` at `placed`, before link resolution.
fn article(loaded: Arc<LoadedArticle>, placed: Placed) -> Article {
    let Placed {
        content_path,
        section,
        rel_url,
        url,
        slug: _,
        base_dir,
        title,
    } = placed;
    Article {
        content_path,
        base_dir,
        url,
        rel_url,
        section,
        body_html: HtmlWithBlockMarkers::default(),
        lead_html: None,
        summary_html: String::new(),
        description: None,
        title,
        image: None,
        photos: Vec::new(),
        downloads: Vec::new(),
        blocks: BlockHtml::default(),
        related: Vec::new(),
        aliases: Vec::new(),
        loaded,
    }
}
