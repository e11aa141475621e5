//! The site model and its assembly: sections, articles, URLs, links,
//! registries, in a deterministic order.
//!
//! `assemble` takes the loaded articles (in any order: they come from a
//! parallel stage) and decides, sequentially, everything that needs the
//! whole site: which articles are in this build (drafts, embargo, expiry),
//! each URL and its collisions, sorting, where relative links and files
//! lead. Link resolution itself is per article and runs in parallel once the
//! `Resolver` exists. After this the `Site` is read-only: rendering takes
//! `&Site`, and relations are indices, not references.

pub mod links;
pub mod patch;
pub mod paths;
pub mod registry;
pub mod taxonomy;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::article::LoadedArticle;
use crate::content::discover::{AssetSource, Discovered, to_slash};
use crate::content::front_matter::{self, SectionMeta, SortBy};
use crate::content::markdown::{self, LinkKind, LinkRef, Rendered};
use crate::content::slug::{slug_from_file_name, slugify};
use crate::diagnostics::{Diagnostic, SourceText};
use links::{Excluded, Resolver, Target};
use registry::Registry;

/// What a build includes.
#[derive(Debug, Clone, Copy)]
pub struct Inclusion {
    /// Include drafts.
    pub drafts: bool,
    /// Include embargoed articles.
    pub future: bool,
    /// The present (the clock, or `SOURCE_DATE_EPOCH`).
    pub now: Timestamp,
}

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

/// A section: a folder of articles, or the home page.
#[derive(Debug, Clone)]
pub struct Section {
    /// Folder relative to `content/` (empty for home).
    pub dir: String,
    /// Title.
    pub title: String,
    /// One sentence.
    pub description: Option<String>,
    /// The `_index.md` body, rendered.
    pub intro_html: String,
    /// Articles per page.
    pub paginate_by: usize,
    /// Template override.
    pub template: Option<String>,
    /// Output folder (`actualites/`, empty for home).
    pub rel_url: String,
    /// URL path.
    pub url: String,
    /// Its articles, sorted.
    pub articles: Vec<usize>,
    /// The `_index.md` file.
    pub source: Option<PathBuf>,
    /// Free map.
    pub extra: serde_json::Value,
}

/// A cover image, resolved.
#[derive(Debug, Clone)]
pub struct Image {
    /// URL.
    pub src: String,
    /// Alternative text.
    pub alt: String,
    /// Caption.
    pub caption: Option<String>,
    /// Credit.
    pub credit: Option<String>,
}

/// An attached document, resolved.
#[derive(Debug, Clone)]
pub struct Download {
    /// URL.
    pub url: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// Type label (`PDF`).
    pub kind: String,
}

/// The front matter's Markdown with links resolved.
#[derive(Debug, Clone, Default)]
pub struct BlockHtml {
    /// Interview introduction.
    pub interview_intro: Option<String>,
    /// `(question, answer)`.
    pub questions: Vec<(String, String)>,
    /// Testimonies by group.
    pub testimonials: BTreeMap<String, Vec<String>>,
    /// Principles by list: `(title, text)`.
    pub principles: BTreeMap<String, Vec<(Option<String>, String)>>,
    /// Quotes.
    pub quotes: BTreeMap<String, String>,
    /// Aside and custom shortcode bodies, by block index.
    pub bodies: BTreeMap<usize, String>,
}

/// An article in this build.
#[derive(Debug, Clone)]
pub struct Article {
    /// As loaded.
    pub loaded: Arc<LoadedArticle>,
    /// Path relative to `content/` (`actualites/x.md`).
    pub content_path: String,
    /// Folder relative links start from.
    pub base_dir: String,
    /// Output folder (`actualites/x/`).
    pub rel_url: String,
    /// URL path.
    pub url: String,
    /// Its section.
    pub section: usize,
    /// Body with links resolved (block markers remain).
    pub body_html: String,
    /// The lead, inline HTML.
    pub lead_html: Option<String>,
    /// The listing summary: the lead, or the first paragraph.
    pub summary_html: String,
    /// Meta description text.
    pub description: Option<String>,
    /// Title with typography.
    pub title: String,
    /// Cover image.
    pub image: Option<Image>,
    /// Attached documents.
    pub downloads: Vec<Download>,
    /// Front-matter Markdown.
    pub blocks: BlockHtml,
    /// Further reading.
    pub related: Vec<usize>,
    /// Redirects to write: output folders.
    pub aliases: Vec<String>,
}

/// The assembled site.
#[derive(Debug)]
pub struct Site {
    /// Settings.
    pub config: Config,
    /// Sections; index 0 is home.
    pub sections: Vec<Section>,
    /// Articles in this build, newest first.
    pub articles: Vec<Article>,
    /// People and organisations.
    pub registry: Registry,
    /// Content files to copy: `(output path, source path relative to root)`.
    pub assets: Vec<(String, PathBuf)>,
    /// Where relative addresses lead.
    pub resolver: Resolver,
    /// Articles left out, with why (for `next-change`).
    pub excluded: Vec<(String, Excluded, Timestamp)>,
    /// The present.
    pub now: Timestamp,
    /// Categories, series, tags, organisations, authors, people.
    pub taxonomies: taxonomy::Taxonomies,
}

/// A loaded `_index.md`.
#[derive(Debug, Clone)]
pub struct LoadedSection {
    /// Folder relative to `content/`.
    pub dir: String,
    /// The file.
    pub source: Option<Arc<SourceText>>,
    /// Front matter.
    pub meta: SectionMeta,
    /// Body.
    pub intro: Rendered,
}

/// When the built site will next change by itself: the earliest embargo
/// lifting or expiry after now (drafts never change by themselves).
pub fn next_change(site: &Site) -> Option<Timestamp> {
    site.excluded
        .iter()
        .filter(|(_, why, at)| *why != Excluded::Draft && *at > site.now)
        .map(|(_, _, at)| *at)
        .min()
}

/// Segments of output paths Gazette itself uses at the top of a listing.
const RESERVED: [&str; 1] = ["page"];

/// How to assemble a site: what it includes, what it keeps, and the
/// static files published beside it.
#[derive(Debug, Clone, Copy)]
pub struct Assembly<'a> {
    /// Drafts, embargo, now.
    pub inclusion: Inclusion,
    /// What to keep of the loaded articles.
    pub retention: Retention,
    /// The theme's static files (the site's over them): output paths too,
    /// checked with the others (see [`paths`]).
    pub statics: &'a [(String, PathBuf)],
}

/// Builds the site model. Errors are returned with everything else found.
pub fn assemble(
    config: Config,
    discovered: &Discovered,
    sections_in: Vec<LoadedSection>,
    loaded: Vec<Arc<LoadedArticle>>,
    registry: Registry,
    how: Assembly,
) -> (Option<Site>, Vec<Diagnostic>) {
    let Assembly {
        inclusion,
        retention,
        statics,
    } = how;
    let lang = config.language;
    let mut errors: Vec<Diagnostic> = registry.refused_urls(
        &config.root,
        discovered.people.as_deref(),
        discovered.organisations.as_deref(),
        &config.urls,
        lang,
    );

    // Sections, parents first (discovery order).
    let mut sections: Vec<Section> = Vec::new();
    let mut section_index: HashMap<String, usize> = HashMap::new();
    let mut draft_sections: HashSet<String> = HashSet::new();
    for s in &sections_in {
        if s.meta.draft && !inclusion.drafts {
            draft_sections.insert(s.dir.clone());
            continue;
        }
        let rel_url = if s.dir.is_empty() {
            String::new()
        } else {
            format!(
                "{}/",
                s.dir
                    .split('/')
                    .map(slug_or_keep)
                    .collect::<Vec<_>>()
                    .join("/")
            )
        };
        let default_title = if s.dir.is_empty() {
            config.title.clone()
        } else {
            let name = s.dir.rsplit('/').next().unwrap_or(&s.dir).replace('-', " ");
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        section_index.insert(s.dir.clone(), sections.len());
        sections.push(Section {
            dir: s.dir.clone(),
            title: crate::typography::typeset(
                lang,
                s.meta.title.as_deref().unwrap_or(&default_title),
            ),
            description: s
                .meta
                .description
                .as_deref()
                .map(|d| crate::typography::typeset(lang, d)),
            intro_html: s.intro.html.clone(),
            paginate_by: s.meta.paginate_by.unwrap_or(config.paginate_by),
            template: s.meta.template.clone(),
            url: config.url(&rel_url),
            rel_url,
            articles: Vec::new(),
            source: s.source.as_ref().map(|src| src.path.clone()),
            extra: s.meta.extra.clone(),
        });
    }
    if sections.first().map(|s| !s.dir.is_empty()).unwrap_or(true) {
        // discovery always yields the root; keep the invariant anyway
        section_index.insert(String::new(), 0);
        sections.insert(
            0,
            Section {
                dir: String::new(),
                title: config.title.clone(),
                description: config.description.clone(),
                intro_html: String::new(),
                paginate_by: config.paginate_by,
                template: None,
                rel_url: String::new(),
                url: config.url(""),
                articles: Vec::new(),
                source: None,
                extra: serde_json::Value::Object(Default::default()),
            },
        );
        for v in section_index.values_mut() {
            *v += 1;
        }
        section_index.insert(String::new(), 0);
    }

    // Which articles are in this build.
    let loaded = sorted_by(loaded, |a, b| a.origin.path.cmp(&b.origin.path));
    let mut excluded_list = Vec::new();
    let mut resolver = Resolver::default();
    let mut kept: Vec<Arc<LoadedArticle>> = Vec::with_capacity(loaded.len());
    for article in loaded {
        let content_path = content_rel(&article.origin.path);
        let meta = &article.meta;
        let in_draft_section = draft_sections.iter().any(|d| {
            article.origin.section == *d || article.origin.section.starts_with(&format!("{d}/"))
        });
        let why = if (meta.draft || in_draft_section) && !inclusion.drafts {
            Some((Excluded::Draft, meta.date.at))
        } else if meta.date.at > inclusion.now && !inclusion.future {
            Some((Excluded::Future, meta.date.at))
        } else if meta.expires.map(|e| e.at <= inclusion.now).unwrap_or(false) {
            Some((
                Excluded::Expired,
                meta.expires.map(|e| e.at).unwrap_or(meta.date.at),
            ))
        } else {
            None
        };
        if let Some((why, at)) = why {
            resolver.excluded.insert(content_path.clone(), why);
            if let Some(b) = &article.origin.bundle {
                resolver.excluded.insert(content_rel(b), why);
            }
            excluded_list.push((content_path, why, at));
            continue;
        }
        // Expiring articles matter to `next-change` too.
        if let Some(exp) = meta.expires {
            excluded_list.push((content_path.clone(), Excluded::Expired, exp.at));
        }
        kept.push(article);
    }
    // Newest first; ties by path, so the order never depends on the machine.
    let kept = sorted_by(kept, |a, b| {
        b.meta
            .date
            .at
            .cmp(&a.meta.date.at)
            .then_with(|| a.origin.path.cmp(&b.origin.path))
    });

    // URLs and collisions: what each article's address is made of, worked
    // out in parallel, then checked in order.
    let placed: Vec<Placed> = kept
        .par_iter()
        .map(|loaded| {
            let section = section_index
                .get(&loaded.origin.section)
                .copied()
                .unwrap_or(0);
            let slug = loaded
                .meta
                .slug
                .clone()
                .unwrap_or_else(|| slug_from_file_name(&loaded.origin.stem));
            let slug = if slug.is_empty() {
                "article".to_string()
            } else {
                slug
            };
            let rel_url = format!("{}{}/", sections[section].rel_url, slug);
            Placed {
                content_path: content_rel(&loaded.origin.path),
                section,
                url: config.url(&rel_url),
                rel_url,
                slug,
                base_dir: match &loaded.origin.bundle {
                    Some(b) => content_rel(b),
                    None => loaded.origin.section.clone(),
                },
                title: crate::typography::typeset(lang, &loaded.meta.title),
            }
        })
        .collect();
    let mut by_url: HashMap<String, usize> = HashMap::new();
    let mut articles: Vec<Article> = Vec::with_capacity(kept.len());
    for (loaded, placed) in kept.into_iter().zip(placed) {
        let Placed {
            content_path,
            section,
            rel_url,
            url,
            slug,
            base_dir,
            title,
        } = placed;
        let source = loaded.source.clone();
        if RESERVED.contains(&slug.as_str())
            || section_index.keys().any(|d| {
                !d.is_empty()
                    && sections
                        .get(section_index[d])
                        .map(|s| s.rel_url == rel_url)
                        .unwrap_or(false)
            })
        {
            errors.push(
                Diagnostic::error(
                    "url-reserved",
                    lang.pick(
                        format!(
                            "l’adresse /{rel_url} est déjà prise par une rubrique ou une pagination"
                        ),
                        format!(
                            "the address /{rel_url} is already used by a section or pagination"
                        ),
                    ),
                )
                .at(
                    &source,
                    front_matter::locate(&source, &loaded.split, &["slug"]),
                )
                .with_help(lang.pick(
                    "donnez un autre nom au fichier, ou ajoutez « slug: un-autre-nom »",
                    "rename the file, or add `slug: another-name`",
                )),
            );
            continue;
        }
        if let Some(&other) = by_url.get(&rel_url) {
            let other_path = to_slash(&articles[other].loaded.origin.path);
            errors.push(
                Diagnostic::error(
                    "url-collision",
                    lang.pick(
                        format!("cet article aurait la même adresse /{rel_url} que {other_path}"),
                        format!(
                            "this article would have the same address /{rel_url} as {other_path}"
                        ),
                    ),
                )
                .at(
                    &source,
                    front_matter::locate(&source, &loaded.split, &["slug"]),
                )
                .with_help(lang.pick(
                    "ajoutez « slug: un-autre-nom » à l’un des deux",
                    "add `slug: another-name` to one of them",
                )),
            );
            continue;
        }
        by_url.insert(rel_url.clone(), articles.len());
        articles.push(Article {
            content_path,
            base_dir,
            url,
            rel_url,
            section,
            body_html: String::new(),
            lead_html: None,
            summary_html: String::new(),
            description: None,
            title,
            image: None,
            downloads: Vec::new(),
            blocks: BlockHtml::default(),
            related: Vec::new(),
            aliases: Vec::new(),
            loaded,
        });
    }

    // Files: bundle files beside their article's page, others as they are.
    let mut assets: Vec<(String, PathBuf)> = Vec::new();
    let bundle_owner: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.loaded.origin.bundle.as_ref().map(|b| (content_rel(b), i)))
        .collect();
    for asset in &discovered.assets {
        if let Some(out) = asset_output(
            asset,
            &bundle_owner,
            &articles,
            &sections,
            &section_index,
            &resolver,
        ) {
            resolver
                .files
                .insert(asset.content_path.clone(), config.url(&out));
            assets.push((out, asset.path.clone()));
        }
    }

    // Pages links may reach.
    for (i, s) in sections.iter().enumerate() {
        let anchors = HashSet::new();
        let target = Target {
            url: s.url.clone(),
            anchors,
        };
        if i == 0 {
            resolver
                .pages
                .insert("_index.md".to_string(), target.clone());
        } else {
            resolver.pages.insert(s.dir.clone(), target.clone());
            resolver
                .pages
                .insert(format!("{}/_index.md", s.dir), target);
        }
    }
    let targets: Vec<(String, Target)> = articles
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

    // Aliases.
    let mut alias_owner: HashMap<String, usize> = HashMap::new();
    for (i, a) in articles.iter_mut().enumerate() {
        let mut out = Vec::new();
        for alias in &a.loaded.meta.aliases {
            match paths::alias_path(alias) {
                Ok(path) if !by_url.contains_key(&path) && !alias_owner.contains_key(&path) => {
                    alias_owner.insert(path.clone(), i);
                    out.push(path);
                }
                Ok(path) => errors.push(
                    Diagnostic::error(
                        "alias-collision",
                        lang.pick(
                            format!("l’ancienne adresse /{path} est déjà prise"),
                            format!("the old address /{path} is already taken"),
                        ),
                    )
                    .at(&a.loaded.source, value_span(&a.loaded, "aliases", alias)),
                ),
                Err(problem) => errors.push(
                    Diagnostic::error(
                        "alias-invalid",
                        lang.pick(
                            format!("« {alias} » ne peut pas servir d’ancienne adresse"),
                            format!("`{alias}` cannot be used as an old address"),
                        ),
                    )
                    .at(&a.loaded.source, value_span(&a.loaded, "aliases", alias))
                    .with_help(problem.help(lang)),
                ),
            }
        }
        a.aliases = out;
    }

    // Related: as written, then by shared tags.
    let index_of: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.content_path.as_str(), i))
        .collect();
    let mut related_all = Vec::with_capacity(articles.len());
    for a in &articles {
        let mut rel = Vec::new();
        for path in &a.loaded.meta.related {
            let key = path.trim_start_matches("./").trim_start_matches('/');
            let bundle_key = format!("{}/index.md", key.trim_end_matches('/'));
            match index_of
                .get(key)
                .or_else(|| index_of.get(bundle_key.as_str()))
            {
                Some(&j) => rel.push(j),
                None if resolver.excluded.contains_key(key)
                    || resolver
                        .excluded
                        .contains_key(key.trim_end_matches("/index.md")) =>
                {
                    // Left out of this build: not shown, not an error, so an
                    // embargo does not block publishing until it lifts.
                    errors.push(
                        Diagnostic::warning(
                            "related-unpublished",
                            lang.pick(
                                format!("« {path} » n’est pas publié (brouillon, embargo ou expiré) : il n’apparaît pas dans « Pour aller plus loin »"),
                                format!("`{path}` is not published (draft, embargoed or expired): it is left out of further reading"),
                            ),
                        )
                        .at(&a.loaded.source, value_span(&a.loaded, "related", path)),
                    );
                }
                None => {
                    errors.push(
                        Diagnostic::error(
                            "related-missing",
                            lang.pick(
                                format!("l’article « {path} » est introuvable"),
                                format!("the article `{path}` does not exist"),
                            ),
                        )
                        .at(&a.loaded.source, value_span(&a.loaded, "related", path))
                        .with_help(lang.pick(
                            "écrivez le chemin depuis content/, par exemple actualites/mon-article.md",
                            "write the path from content/, for example news/my-article.md",
                        )),
                    );
                }
            }
        }
        related_all.push(rel);
    }

    // The model, whole but for what resolution adds: its taxonomies, then
    // every output path checked while the sources can still be pointed at.
    let mut site = Site {
        config,
        sections,
        articles,
        registry,
        assets,
        resolver,
        excluded: excluded_list,
        now: inclusion.now,
        taxonomies: Default::default(),
    };
    site.taxonomies = taxonomy::build(&site);
    errors.extend(paths::check(&site, statics));

    // Per article, in parallel: links, image, downloads.
    let Site {
        config,
        articles,
        resolver,
        registry,
        sections,
        ..
    } = &mut site;
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
    errors.extend(found.into_iter().flatten());

    let related_by_tags = related_by_tags(articles);
    for (i, mut rel) in related_all.into_iter().enumerate() {
        for j in &related_by_tags[i] {
            if rel.len() >= 3 {
                break;
            }
            if !rel.contains(j) && *j != i {
                rel.push(*j);
            }
        }
        articles[i].related = rel;
    }

    // Listings.
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
            sections_in
                .iter()
                .find(|l| l.dir == s.dir)
                .map(|l| l.meta.sort_by)
                .unwrap_or_default()
        })
        .collect();
    for (s, sort) in sections.iter_mut().zip(sort_of) {
        match sort {
            SortBy::Date => {}
            SortBy::Title => s.articles.sort_by(|&x, &y| {
                sort_key(&articles[x].title)
                    .cmp(&sort_key(&articles[y].title))
                    .then(x.cmp(&y))
            }),
            SortBy::Weight => s.articles.sort_by(|&x, &y| {
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
    errors.sort_by(|a, b| a.file.cmp(&b.file));
    (Some(site), errors)
}

fn slug_or_keep(segment: &str) -> String {
    let s = slugify(segment);
    if s.is_empty() {
        "rubrique".to_string()
    } else {
        s
    }
}

fn sort_key(title: &str) -> String {
    deunicode::deunicode(title).to_lowercase()
}

/// `content/actualites/x.md` → `actualites/x.md`.
pub fn content_rel(path: &std::path::Path) -> String {
    let s = to_slash(path);
    s.strip_prefix("content/").map(str::to_string).unwrap_or(s)
}

fn asset_output(
    asset: &AssetSource,
    bundle_owner: &HashMap<String, usize>,
    articles: &[Article],
    sections: &[Section],
    section_index: &HashMap<String, usize>,
    resolver: &Resolver,
) -> Option<String> {
    // In a bundle: beside the article's page.
    let mut dir = asset.content_path.as_str();
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let Some(&i) = bundle_owner.get(parent) {
            let inner = &asset.content_path[parent.len() + 1..];
            return Some(format!("{}{}", articles[i].rel_url, inner));
        }
        if resolver.excluded.contains_key(parent) {
            return None;
        }
        dir = parent;
    }
    let (parent, name) = asset
        .content_path
        .rsplit_once('/')
        .unwrap_or(("", &asset.content_path));
    let section = section_index.get(parent).copied()?;
    Some(format!("{}{}", sections.get(section)?.rel_url, name))
}

/// For each article, others sharing the most tags, newest first.
/// `items` in the order `compare` gives (a stable sort), each item moved
/// once: a loaded article is a large value, and sorting the vector itself
/// moves every one of them at each merge pass.
/// The comparisons run on all cores (a stable parallel sort: the same order
/// as a sequential one).
fn sorted_by<T: Sync>(
    items: Vec<T>,
    compare: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.par_sort_by(|&x, &y| compare(&items[x], &items[y]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

fn related_by_tags(articles: &[Article]) -> Vec<Vec<usize>> {
    let mut by_tag: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        for t in &a.loaded.meta.tags {
            by_tag.entry(t.as_str()).or_default().push(i);
        }
    }
    articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            // Neighbours through each tag, then counted: a few dozen at most.
            let mut near: Vec<usize> = Vec::new();
            for t in &a.loaded.meta.tags {
                if let Some(list) = by_tag.get(t.as_str()) {
                    // Articles are newest first: the nearest in time are enough.
                    let pos = list.partition_point(|&j| j < i);
                    let lo = pos.saturating_sub(8);
                    let hi = (pos + 9).min(list.len());
                    near.extend(list[lo..hi].iter().copied().filter(|&j| j != i));
                }
            }
            near.sort_unstable();
            let mut scores: Vec<(usize, usize)> = Vec::new();
            for j in near {
                match scores.last_mut() {
                    Some((last, count)) if *last == j => *count += 1,
                    _ => scores.push((j, 1)),
                }
            }
            scores.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            scores.into_iter().take(3).map(|(j, _)| j).collect()
        })
        .collect()
}

impl Article {
    /// Frees the HTML with markers, which only link resolution reads, when
    /// nothing else shares the loaded article.
    fn release_markers(&mut self) {
        if let Some(loaded) = Arc::get_mut(&mut self.loaded) {
            loaded.body.html = String::new();
            loaded.body.first_paragraph_html = None;
            loaded.content = Default::default();
        }
    }

    /// Frees the source text when no diagnostic and no other owner needs it.
    fn release_source(&mut self) {
        if let Some(loaded) = Arc::get_mut(&mut self.loaded)
            && let Some(source) = Arc::get_mut(&mut loaded.source)
        {
            source.text = String::new();
        }
    }

    /// Takes the parts resolved for this article; returns their warnings.
    fn apply(&mut self, parts: ResolvedParts) -> Vec<Diagnostic> {
        self.body_html = parts.body_html;
        self.lead_html = parts.lead_html;
        self.summary_html = parts.summary_html;
        self.description = parts.description;
        self.image = parts.image;
        self.downloads = parts.downloads;
        self.blocks = parts.blocks;
        parts.warnings
    }
}

struct ResolvedParts {
    body_html: String,
    lead_html: Option<String>,
    summary_html: String,
    description: Option<String>,
    image: Option<Image>,
    downloads: Vec<Download>,
    blocks: BlockHtml,
    warnings: Vec<Diagnostic>,
}

/// Where `value` is written under the front matter's `key`: the value
/// itself when it is written plainly after the key, else the key.
fn value_span(loaded: &LoadedArticle, key: &str, value: &str) -> std::ops::Range<usize> {
    let source = &loaded.source;
    let key_span = front_matter::locate(source, &loaded.split, &[key]);
    source
        .text
        .get(key_span.end..loaded.split.yaml.end)
        .and_then(|after| after.find(value))
        .filter(|_| !value.is_empty())
        .map(|i| key_span.end + i..key_span.end + i + value.len())
        .unwrap_or(key_span)
}

/// What an article's address is made of (see `assemble`).
struct Placed {
    content_path: String,
    section: usize,
    rel_url: String,
    url: String,
    slug: String,
    base_dir: String,
    title: String,
}

fn resolve_article(
    a: &Article,
    resolver: &Resolver,
    config: &Config,
    registry: &Registry,
) -> Result<ResolvedParts, Vec<Diagnostic>> {
    let lang = config.language;
    let loaded = &a.loaded;
    let source = &loaded.source;
    let mut errors = Vec::new();
    // The page's own anchors, made once for the resolver's targets.
    let no_anchors = HashSet::new();
    let own = resolver
        .pages
        .get(&a.content_path)
        .map_or(&no_anchors, |t| &t.anchors);
    let mut resolve = |html: &str, links: &[markdown::LinkRef]| -> String {
        markdown::resolve_markers(html, |i| match links.get(i) {
            Some(link) => match resolver.resolve(link, &a.base_dir, own, config, source) {
                Ok(url) => url,
                Err(d) => {
                    errors.push(d);
                    String::new()
                }
            },
            None => String::new(),
        })
    };
    let body_html = resolve(&loaded.body.html, &loaded.body.links);
    let lead_html = loaded.summary.as_ref().map(|r| resolve(&r.html, &r.links));
    // The first paragraph's markers index the body's links.
    let first_html = loaded
        .body
        .first_paragraph_html
        .as_ref()
        .map(|h| resolve(h, &loaded.body.links));
    let mut fragment = |r: &Rendered| resolve(&r.html, &r.links);
    let mut blocks = BlockHtml {
        interview_intro: loaded.content.interview_intro.as_ref().map(&mut fragment),
        ..BlockHtml::default()
    };
    for q in &loaded.content.questions {
        let question = fragment(&q.question);
        let answer = fragment(&q.answer);
        blocks.questions.push((question, answer));
    }
    for (id, items) in &loaded.content.testimonials {
        let v = items.iter().map(&mut fragment).collect();
        blocks.testimonials.insert(id.clone(), v);
    }
    for (id, items) in &loaded.content.principles {
        let v = items
            .iter()
            .map(|(t, r)| (t.clone(), fragment(r)))
            .collect();
        blocks.principles.insert(id.clone(), v);
    }
    for (id, r) in &loaded.content.quotes {
        let v = fragment(r);
        blocks.quotes.insert(id.clone(), v);
    }
    for (i, block) in loaded.blocks.iter().enumerate() {
        match block {
            crate::content::article::BlockUse::Aside { body, .. } => {
                let v = fragment(body);
                blocks.bodies.insert(i, v);
            }
            crate::content::article::BlockUse::Custom {
                body: Some(body), ..
            } => {
                let v = fragment(body);
                blocks.bodies.insert(i, v);
            }
            _ => {}
        }
    }
    // A file named in the front matter, relative to the article's folder.
    let file_url = |key: &str, dest: &str, errors: &mut Vec<Diagnostic>| -> Option<String> {
        let span = value_span(loaded, key, dest);
        let link = LinkRef {
            dest: dest.to_string(),
            span,
            kind: match key {
                "image" | "people" => LinkKind::Image,
                "downloads" => LinkKind::Download,
                _ => LinkKind::Link,
            },
            text: String::new(),
        };
        match resolver.resolve(&link, &a.base_dir, own, config, source) {
            Ok(u) => Some(u),
            Err(d) => {
                errors.push(d);
                None
            }
        }
    };
    let image = loaded.meta.image.as_ref().and_then(|img| {
        let src = file_url("image", img.src.as_str(), &mut errors)?;
        Some(Image {
            src,
            // An attribute: kept as written, like a body image's alt text.
            alt: img
                .alt
                .as_ref()
                .map(|t| t.as_str().trim().to_string())
                .unwrap_or_default(),
            caption: img
                .caption
                .as_ref()
                .map(|t| crate::typography::typeset(lang, t.as_str())),
            credit: img
                .credit
                .as_ref()
                .map(|t| crate::typography::typeset(lang, t.as_str())),
        })
    });
    // The photos of the article's people that sit beside it must exist.
    for person in loaded.meta.people.values() {
        if let Some(photo) = &person.photo
            && !photo.as_str().starts_with('/')
            && !photo.as_str().contains("://")
        {
            file_url("people", photo.as_str(), &mut errors);
        }
    }
    let mut downloads = Vec::new();
    for d in &loaded.meta.downloads {
        let Some(url) = file_url("downloads", d.file.as_str(), &mut errors) else {
            continue;
        };
        let on_disk = links::join(&a.base_dir, d.file.as_str())
            .map(|p| config.root.join("content").join(p))
            .unwrap_or_default();
        let size = std::fs::metadata(&on_disk).map(|m| m.len()).unwrap_or(0);
        let kind = std::path::Path::new(d.file.as_str())
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_default();
        // Front matter without a title does not load (front-matter-download-title).
        let title = d.title.as_ref().map(|t| t.0.trim()).unwrap_or_default();
        downloads.push(Download {
            url,
            title: crate::typography::typeset(lang, title),
            description: d
                .description
                .as_ref()
                .map(|t| crate::typography::typeset(lang, t.as_str())),
            size,
            kind,
        });
    }
    // People named by id must exist.
    let meta = &loaded.meta;
    let check_person = |by: &crate::content::front_matter::PersonRef,
                        key: &[&str],
                        errors: &mut Vec<Diagnostic>| {
        if registry.person(by, &meta.people).is_none()
            && let crate::content::front_matter::PersonRef::Id(id) = by
        {
            let known: Vec<&str> = meta
                .people
                .keys()
                .map(String::as_str)
                .chain(registry.people.keys().map(String::as_str))
                .collect();
            let help = match crate::yaml::closest(id.as_str(), known.iter().copied()) {
                Some(best) => lang.pick(format!("vouliez-vous écrire « {best} » ?"), format!("did you mean `{best}`?")),
                None => lang.pick(
                    "ajoutez cette personne sous « people: » dans l’en-tête, ou dans content/_people.yaml".to_string(),
                    "add this person under `people:` in the front matter, or to content/_people.yaml".to_string(),
                ),
            };
            // The id as written after the block's key, as a whole word
            // (`by: bob`, `with: [a, bob]`), else the key itself.
            let block = front_matter::locate(source, &loaded.split, &key[..1]);
            let yaml_end = loaded.split.yaml.end;
            let after = source.text.get(block.end..yaml_end).unwrap_or_default();
            let is_word =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
            let span = after
                .match_indices(id.as_str())
                .find(|(i, m)| {
                    !is_word(after[..*i].chars().next_back())
                        && !is_word(after[i + m.len()..].chars().next())
                })
                .map(|(i, m)| block.end + i..block.end + i + m.len())
                .unwrap_or(block);
            errors.push(
                Diagnostic::error(
                    "person-unknown",
                    lang.pick(
                        format!("personne inconnue « {} »", id.as_str()),
                        format!("unknown person `{}`", id.as_str()),
                    ),
                )
                .at(source, span)
                .with_help(help),
            );
        }
    };
    if let Some(interview) = &meta.interview {
        for id in interview.with.ids() {
            check_person(
                &crate::content::front_matter::PersonRef::Id(crate::yaml::Text(id)),
                &["interview", "with"],
                &mut errors,
            );
        }
        for q in &interview.questions {
            if let Some(by) = &q.by {
                check_person(by, &["interview", "questions", "by"], &mut errors);
            }
        }
    }
    for group in meta.testimonials.values() {
        for item in &group.items {
            if let Some(by) = &item.by {
                check_person(by, &["testimonials", "by"], &mut errors);
            }
        }
    }
    for quote in meta.quotes.values() {
        if let Some(by) = &quote.by {
            check_person(by, &["quotes", "by"], &mut errors);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let summary_html = lead_html.clone().or(first_html).unwrap_or_default();
    let description = meta
        .summary
        .as_ref()
        .map(|s| crate::typography::typeset(lang, &strip_markdown(s)))
        .or_else(|| loaded.body.first_paragraph_text.clone());
    Ok(ResolvedParts {
        body_html,
        lead_html,
        summary_html,
        description,
        image,
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
