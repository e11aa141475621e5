//! Link resolution: the pages links may reach, then each article's links,
//! files and people resolved against them, in parallel.
//!
//! Everything whole-site is settled before this stage (addresses, files,
//! aliases, related articles, output paths), so the `Resolver` is
//! read-only here and every article resolves on its own: the Markdown's
//! link markers become addresses in the body, the lead, the first paragraph
//! and the front matter's blocks ([`Resolving`]), then the files the front
//! matter names are found (`files`) and the people it names checked
//! (`people`). An article with an error keeps nothing of it; the problems
//! are returned in the article's order, as the writer reads them.
//!
//! `resolve_article` is also the one step of assembly watch mode redoes for
//! a body-only edit (`patch`), which is why it takes the site's parts and
//! not the site. A build (`Retention::RenderOnly`) frees what only this
//! stage reads as soon as an article is resolved.

mod files;
mod people;

use std::collections::HashSet;

use rayon::prelude::*;

use super::links::{Resolver, Target};
use super::{Article, BlockHtml, Download, Image, PhotoUse, Section, Site};
use crate::config::Config;
use crate::content::ContentPath;
use crate::content::article::{BlockUse, LoadedArticle};
use crate::content::markdown::{
    HtmlWithBlockMarkers, HtmlWithLinkMarkers, LinkKind, LinkRef, Rendered,
};
use crate::diagnostics::Diagnostic;
use crate::site::registry::Registry;
use crate::typography::typeset;

/// What assembly keeps of the loaded articles once their links are
/// resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    /// Everything: `check` lints it and `serve` resolves it again.
    Everything,
    /// Only what rendering reads: a build frees the Markdown's HTML with
    /// markers and the source as each article is resolved, so a large site
    /// never holds two copies of every body.
    RenderOnly,
}

/// Registers the pages links may reach: every section (by folder and by
/// `_index.md`) and every article, with its anchors.
pub(super) fn add_targets(resolver: &mut Resolver, sections: &[Section], articles: &[Article]) {
    for (i, s) in sections.iter().enumerate() {
        let anchors = HashSet::new();
        let target = Target {
            url: s.url.clone(),
            anchors,
        };
        if i == 0 {
            resolver
                .pages
                .insert(ContentPath::section("", true), target.clone());
        } else {
            resolver
                .pages
                .insert(ContentPath::section(&s.dir, false), target.clone());
            resolver
                .pages
                .insert(ContentPath::section(&s.dir, true), target);
        }
    }
    let targets: Vec<(ContentPath, Target)> = articles
        .par_iter()
        .map(|a| {
            let target = Target {
                url: a.url.clone(),
                anchors: a.loaded.anchors(),
            };
            (a.content_path.clone(), target)
        })
        .collect();
    resolver.pages.reserve(targets.len());
    resolver.pages.extend(targets);
}

/// Resolves every article of `site` in parallel; returns the problems, in
/// the articles' order.
pub(super) fn resolve_all(site: &mut Site, retention: Retention) -> Vec<Diagnostic> {
    let Site {
        config,
        articles,
        resolver,
        registry,
        ..
    } = site;
    let found: Vec<Vec<Diagnostic>> = articles
        .par_iter_mut()
        .map(|a| match resolve_article(a, resolver, config, registry) {
            Ok(parts) => {
                let warnings = a.apply(parts);
                if retention == Retention::RenderOnly {
                    // Its aliases, related articles and output paths are
                    // checked already: nothing reads its source any more,
                    // and the next article's resolved body can take the
                    // memory.
                    a.release_markers();
                    a.release_source();
                }
                warnings
            }
            Err(list) => list,
        })
        .collect();
    found.into_iter().flatten().collect()
}

impl Article {
    /// Frees the HTML with markers, which only link resolution reads, when
    /// nothing else shares the loaded article.
    fn release_markers(&mut self) {
        if let Some(loaded) = std::sync::Arc::get_mut(&mut self.loaded) {
            loaded.body.html = HtmlWithLinkMarkers::default();
            loaded.body.first_paragraph_html = None;
            loaded.content = Default::default();
        }
    }

    /// Frees the source text when no diagnostic and no other owner needs it.
    fn release_source(&mut self) {
        if let Some(loaded) = std::sync::Arc::get_mut(&mut self.loaded)
            && let Some(source) = std::sync::Arc::get_mut(&mut loaded.source)
        {
            source.text = String::new();
        }
    }

    /// Takes the parts resolved for this article; returns their warnings.
    pub(super) fn apply(&mut self, parts: ResolvedParts) -> Vec<Diagnostic> {
        self.body_html = parts.body_html;
        self.lead_html = parts.lead_html;
        self.summary_html = parts.summary_html;
        self.description = parts.description;
        self.image = parts.image;
        self.photos = parts.photos;
        self.downloads = parts.downloads;
        self.blocks = parts.blocks;
        parts.warnings
    }
}

/// What resolution makes of one article.
pub(super) struct ResolvedParts {
    /// The listing summary (watch mode compares it with the last one).
    pub(super) summary_html: String,
    body_html: HtmlWithBlockMarkers,
    lead_html: Option<String>,
    description: Option<String>,
    image: Option<Image>,
    photos: Vec<PhotoUse>,
    downloads: Vec<Download>,
    blocks: BlockHtml,
    warnings: Vec<Diagnostic>,
}

/// One article's links being resolved, with the problems found so far.
struct Resolving<'a> {
    article: &'a Article,
    resolver: &'a Resolver,
    config: &'a Config,
    /// The page's own anchors, found once for all its links.
    own: &'a HashSet<String>,
    errors: Vec<Diagnostic>,
}

impl Resolving<'_> {
    /// Where link `index` of `links` leads (nothing when it leads nowhere,
    /// with the problem kept).
    fn address(&mut self, links: &[LinkRef], index: usize) -> String {
        match links.get(index) {
            Some(link) => self.link(link).unwrap_or_default(),
            None => String::new(),
        }
    }

    /// An article's body with its links resolved; its blocks stay markers.
    fn body(&mut self, html: &HtmlWithLinkMarkers, links: &[LinkRef]) -> HtmlWithBlockMarkers {
        html.resolve(|i| self.address(links, i))
    }

    /// A fragment with its links resolved (`links` may be the body's, for
    /// its first paragraph).
    fn html(&mut self, html: &HtmlWithLinkMarkers, links: &[LinkRef]) -> String {
        html.resolve_fragment(|i| self.address(links, i))
    }

    /// A fragment of Markdown with its own links.
    fn fragment(&mut self, r: &Rendered) -> String {
        self.html(&r.html, &r.links)
    }

    /// Where `link` leads, or `None` with the problem kept.
    fn link(&mut self, link: &LinkRef) -> Option<String> {
        let a = self.article;
        match self
            .resolver
            .resolve(link, &a.base_dir, self.own, self.config, &a.loaded.source)
        {
            Ok(url) => Some(url),
            Err(d) => {
                self.errors.push(d);
                None
            }
        }
    }

    /// The address of a file named under the front matter's `key`,
    /// relative to the article's folder, or `None` with the problem kept.
    fn file(&mut self, key: &str, dest: &str) -> Option<String> {
        let link = file_link(&self.article.loaded, key, dest);
        self.link(&link)
    }

    /// The front matter's Markdown blocks, resolved.
    fn blocks(&mut self, loaded: &LoadedArticle) -> BlockHtml {
        let content = &loaded.content;
        let mut blocks = BlockHtml {
            interview_intro: content.interview_intro.as_ref().map(|r| self.fragment(r)),
            ..BlockHtml::default()
        };
        for q in &content.questions {
            let question = self.fragment(&q.question);
            let answer = self.fragment(&q.answer);
            blocks.questions.push((question, answer));
        }
        for (id, items) in &content.testimonials {
            let v = items.iter().map(|r| self.fragment(r)).collect();
            blocks.testimonials.insert(id.clone(), v);
        }
        for (id, items) in &content.principles {
            let v = items
                .iter()
                .map(|(t, r)| (t.clone(), self.fragment(r)))
                .collect();
            blocks.principles.insert(id.clone(), v);
        }
        for (id, r) in &content.quotes {
            let v = self.fragment(r);
            blocks.quotes.insert(id.clone(), v);
            if crate::content::echo::of_quote(loaded, id).repeats() {
                blocks.repeating_quotes.insert(id.clone());
            }
        }
        for (i, block) in loaded.blocks.iter().enumerate() {
            match block {
                BlockUse::Aside { body, .. }
                | BlockUse::Custom {
                    body: Some(body), ..
                } => {
                    let v = self.fragment(body);
                    blocks.bodies.insert(i, v);
                }
                _ => {}
            }
        }
        blocks
    }
}

/// Resolves one article: its links, files and people. On error, every
/// problem found in it.
pub(super) fn resolve_article(
    a: &Article,
    resolver: &Resolver,
    config: &Config,
    registry: &Registry,
) -> Result<ResolvedParts, Vec<Diagnostic>> {
    let lang = config.language;
    let loaded = &a.loaded;
    let no_anchors = HashSet::new();
    let own = resolver
        .pages
        .get(&a.content_path)
        .map_or(&no_anchors, |t| &t.anchors);
    let mut r = Resolving {
        article: a,
        resolver,
        config,
        own,
        errors: Vec::new(),
    };
    let body_html = r.body(&loaded.body.html, &loaded.body.links);
    let lead_html = loaded.summary.as_ref().map(|s| r.fragment(s));
    // The first paragraph's markers index the body's links.
    let first_html = loaded
        .body
        .first_paragraph_html
        .as_ref()
        .map(|h| r.html(h, &loaded.body.links));
    let blocks = r.blocks(loaded);
    let image = files::image(&mut r);
    files::check_photos(&mut r);
    let downloads = files::downloads(&mut r);
    people::check(loaded, registry, lang, &mut r.errors);
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let photos = files::photos(&r);
    let summary_html = lead_html.clone().or(first_html).unwrap_or_default();
    let description = super::description::of_article(
        loaded
            .meta
            .summary
            .as_ref()
            .map(|s| typeset(lang, &strip_markdown(s))),
        loaded.body.first_paragraph_text.as_deref(),
        lang,
    );
    Ok(ResolvedParts {
        body_html,
        lead_html,
        summary_html,
        description,
        image,
        photos,
        downloads,
        blocks,
        warnings: Vec::new(),
    })
}

/// Plain text of a short inline Markdown value (for meta descriptions).
fn strip_markdown(text: &str) -> String {
    let mut out = String::new();
    for event in pulldown_cmark::Parser::new(text) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => out.push_str(&t),
            pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// A link to a file named under the front matter's `key`.
fn file_link(loaded: &LoadedArticle, key: &str, dest: &str) -> LinkRef {
    LinkRef {
        dest: dest.to_string(),
        span: super::positions::value_span(loaded, key, dest),
        kind: match key {
            "image" | "people" | "interview" | "testimonials" | "quotes" => LinkKind::Image,
            "downloads" => LinkKind::Download,
            _ => LinkKind::Link,
        },
        text: String::new(),
    }
}
