//! Rendering: every page of the site through the theme, in parallel.
//!
//! `pages` lists what to render (a cheap, sequential, deterministic plan);
//! `render` runs the plan on rayon's threads and returns the files in path
//! order. It knows nothing of the disk: the output stage decides where the
//! bytes go (a folder for `build`, memory for `serve`).

pub mod blocks;
pub mod context;
pub mod copied;
pub mod feeds;
pub mod partial;
pub mod tera_messages;
pub mod theme;

use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::diagnostics::Diagnostic;
pub use crate::output::{Content, Files};
use crate::site::Site;
use context::{Contexts, PageCtx};
use theme::Theme;

/// One page to render.
enum Job {
    Listing {
        section: usize,
        number: usize,
        count: usize,
    },
    Article(usize),
    Alias {
        article: usize,
        path: String,
    },
    NotFound,
    /// The search page (`search: true`).
    Search,
    Taxonomy(usize),
    Term {
        taxonomy: usize,
        term: usize,
        number: usize,
        count: usize,
    },
    Feed {
        title: String,
        path: String,
        alternate: String,
        articles: Vec<usize>,
    },
    Sitemap,
    Robots,
    Accessibility,
}

fn page_path(rel_url: &str, number: usize) -> String {
    if number <= 1 {
        rel_url.to_string()
    } else {
        format!("{rel_url}page/{number}/")
    }
}

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    url: String,
    current: bool,
}

/// Renders every page. Errors come with every other error found.
pub fn render(site: &Site, theme: &Theme) -> (Files, Vec<Diagnostic>) {
    render_with(site, theme, &crate::progress::Quiet)
}

/// `render`, one `progress` step per page.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
) -> (Files, Vec<Diagnostic>) {
    let pages = Mutex::new(Vec::new());
    let errors = render_each(site, theme, progress, &|order, path, html| {
        pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push((order, path, html));
    });
    let mut pages = pages
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    pages.sort_unstable_by_key(|(order, _, _)| *order);
    let files = pages
        .into_iter()
        .map(|(_, path, html)| (path, Content::Bytes(html)))
        .collect();
    (files, errors)
}

/// What receives each rendered page, on rayon's threads: its place in the
/// plan (a later page wins a path two pages claim), its output path and its
/// HTML.
pub type PageSink<'a> = dyn Fn(usize, String, Vec<u8>) + Sync + 'a;

/// Renders every page into `sink` as it is rendered, so that a build can
/// write pages without holding them all. A page that fails stops nothing:
/// returns the errors, in plan order.
pub fn render_each(
    site: &Site,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
    sink: &PageSink,
) -> Vec<Diagnostic> {
    let cx = Contexts::new(site, theme);
    let jobs = plan(site);
    progress.stage(crate::progress::Stage::Render, Some(jobs.len() as u64));
    let errors: Vec<Option<Diagnostic>> = jobs
        .par_iter()
        .enumerate()
        .map(|(order, job)| {
            let page =
                render_job(job, site, theme, &cx).map(|(path, html)| sink(order, path, html));
            progress.step();
            page.err()
        })
        .collect();
    errors.into_iter().flatten().collect()
}

/// The rendered pages as output files, and the errors met.
pub(crate) fn collect_pages(
    results: Vec<Result<(String, Vec<u8>), Diagnostic>>,
) -> (Files, Vec<Diagnostic>) {
    let mut files = Files::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((path, html)) => {
                files.insert(path, Content::Bytes(html));
            }
            Err(d) => errors.push(d),
        }
    }
    (files, errors)
}

/// What to render: one job per page, in a stable order (watch mode picks
/// among them, see `partial`).
fn plan(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (i, s) in site.sections.iter().enumerate() {
        let listed = if i == 0 {
            site.articles
                .iter()
                .filter(|a| !a.loaded.meta.pinned)
                .count()
        } else {
            s.articles.len()
        };
        let count = listed.div_ceil(s.paginate_by).max(1);
        for number in 1..=count {
            jobs.push(Job::Listing {
                section: i,
                number,
                count,
            });
        }
    }
    for (i, a) in site.articles.iter().enumerate() {
        jobs.push(Job::Article(i));
        for path in &a.aliases {
            jobs.push(Job::Alias {
                article: i,
                path: path.clone(),
            });
        }
    }
    jobs.push(Job::NotFound);
    if site.config.search {
        jobs.push(Job::Search);
    }
    let config = &site.config;
    for (t, tax) in site.taxonomies.list.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        for (k, term) in tax.terms.iter().enumerate() {
            let count = term.articles.len().div_ceil(config.paginate_by).max(1);
            for number in 1..=count {
                jobs.push(Job::Term {
                    taxonomy: t,
                    term: k,
                    number,
                    count,
                });
            }
            if config.feeds {
                jobs.push(Job::Feed {
                    title: format!("{} – {}", term.name, config.title),
                    path: format!("{}atom.xml", term.rel_url),
                    alternate: term.url.clone(),
                    articles: feed_entries(&term.articles),
                });
            }
        }
    }
    if config.feeds {
        for s in &site.sections {
            let title = if s.dir.is_empty() {
                config.title.clone()
            } else {
                format!("{} – {}", s.title, config.title)
            };
            jobs.push(Job::Feed {
                title,
                path: format!("{}atom.xml", s.rel_url),
                alternate: s.url.clone(),
                articles: feed_entries(&s.articles),
            });
        }
    }
    jobs.push(Job::Sitemap);
    jobs.push(Job::Robots);
    if config.accessibility.is_some() {
        jobs.push(Job::Accessibility);
    }
    jobs
}

/// The articles a feed shows: the first [`feeds::FEED_ENTRIES`] of a list.
fn feed_entries(list: &[usize]) -> Vec<usize> {
    list.iter().copied().take(feeds::FEED_ENTRIES).collect()
}

/// `pager` for page `number` of `count` of a listing at `rel_url`.
fn pager(
    cx: &Contexts,
    rel_url: &str,
    list: &[usize],
    per_page: usize,
    number: usize,
    count: usize,
) -> Value {
    let config = &cx.site().config;
    let items: Vec<Value> = list
        .iter()
        .skip((number - 1) * per_page)
        .take(per_page)
        .map(|&i| cx.summaries[i].clone())
        .collect();
    let link = |n: usize| config.url(&page_path(rel_url, n));
    let pager = serde_json::json!({
        "number": number,
        "count": count,
        "prev_url": (number > 1).then(|| link(number - 1)),
        "next_url": (number < count).then(|| link(number + 1)),
        "pages": pager_window(number, count)
            .into_iter()
            .map(|n| PagerLink { number: n, url: link(n), current: n == number })
            .collect::<Vec<_>>(),
    });
    context::with_field(
        Value::from_serializable(&pager),
        "items",
        Value::from(items),
    )
}

/// The page numbers a pager shows: the first, the last, and two on each
/// side of the current one. Listing every page would make a site of N pages
/// of listings cost N² links.
fn pager_window(number: usize, count: usize) -> Vec<usize> {
    let mut pages: Vec<usize> =
        (number.saturating_sub(2).max(1)..=(number + 2).min(count)).collect();
    if pages.first() != Some(&1) {
        pages.insert(0, 1);
    }
    if pages.last() != Some(&count) {
        pages.push(count);
    }
    pages
}

fn listing_title(title: &str, number: usize, lang: crate::language::Language) -> String {
    if number > 1 {
        format!("{title} – {} {number}", lang.pick("page", "page"))
    } else {
        title.to_string()
    }
}

fn index_file(url_dir: &str) -> String {
    format!("{url_dir}index.html")
}

/// Renders `template` into bytes: written straight into a buffer, never
/// checked again as text (a page is megabytes of UTF-8 Tera already made).
/// The buffer is made for `content` bytes of page content (an article's
/// body, say) besides the template's own markup, so that a long page is not
/// copied again at each doubling of its buffer.
fn render_page(
    theme: &Theme,
    template: &str,
    context: &tera::Context,
    content: usize,
) -> tera::TeraResult<Vec<u8>> {
    let mut out = Vec::with_capacity(16 * 1024 + content);
    theme.tera.render_to(template, context, &mut out)?;
    Ok(out)
}

fn render_job(
    job: &Job,
    site: &Site,
    theme: &Theme,
    cx: &Contexts,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let config = &site.config;
    let lang = config.language;
    let fail = |e: tera::Error| theme.render_error(&e, lang);
    match job {
        Job::Listing {
            section,
            number,
            count,
        } => {
            let s = &site.sections[*section];
            let rel = page_path(&s.rel_url, *number);
            let url = config.url(&rel);
            // Made once, not per page: a section of N articles has N/20
            // pages, and copying its list on each would be quadratic.
            let list: &[usize] = if *section == 0 { &cx.home } else { &s.articles };
            let page = PageCtx {
                kind: if *section == 0 { "home" } else { "section" },
                url: url.clone(),
                permalink: config.permalink(&url),
                title: listing_title(&s.title, *number, lang),
                description: s.description.clone().or_else(|| config.description.clone()),
                feed_url: config
                    .feeds
                    .then(|| config.url(&format!("{}atom.xml", s.rel_url))),
            };
            let mut context = cx.base(page);
            context.insert_value(
                "pager",
                pager(cx, &s.rel_url, list, s.paginate_by, *number, *count),
            );
            let template = if *section == 0 {
                let pinned: Vec<Value> = if *number == 1 {
                    site.articles
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.loaded.meta.pinned)
                        .map(|(i, _)| cx.summaries[i].clone())
                        .collect()
                } else {
                    Vec::new()
                };
                context.insert_value("pinned", Value::from(pinned));
                context.insert(
                    "home",
                    &serde_json::json!({ "title": s.title, "intro_html": s.intro_html }),
                );
                s.template
                    .clone()
                    .unwrap_or_else(|| "index.html".to_string())
            } else {
                context.insert(
                    "section",
                    &serde_json::json!({
                        "title": s.title,
                        "description": s.description,
                        "intro_html": s.intro_html,
                        "url": s.url,
                        "extra": s.extra,
                    }),
                );
                s.template
                    .clone()
                    .unwrap_or_else(|| "section.html".to_string())
            };
            let html = render_page(theme, &template, &context, 0).map_err(fail)?;
            Ok((index_file(&rel), html))
        }
        Job::Article(i) => {
            let a = &site.articles[*i];
            let meta = &a.loaded.meta;
            let page = || PageCtx {
                kind: "article",
                url: a.url.clone(),
                permalink: config.permalink(&a.url),
                title: a.title.clone(),
                description: a.description.clone(),
                feed_url: None,
            };
            let content_html = blocks::fill(a, cx, theme, &page)?;
            let content_len = content_html.len();
            let mut context = cx.base(page());
            let mut people: Vec<context::PersonCtx> = Vec::new();
            for (id, _) in &meta.people {
                if let Some(p) = site.registry.person_by_id(id, &meta.people) {
                    people.push(cx.person(a, &p));
                }
            }
            let toc: Vec<serde_json::Value> = a
                .loaded
                .body
                .headings
                .iter()
                .filter(|h| h.level == 2 || h.level == 3)
                .map(|h| serde_json::json!({ "level": h.level, "id": h.id, "title": h.text }))
                .collect();
            let downloads: Vec<serde_json::Value> = a
                .downloads
                .iter()
                .map(|d| {
                    serde_json::json!({
                        "url": d.url,
                        "title": d.title,
                        "description": d.description,
                        "size": context::human_size(d.size, lang),
                        "kind": d.kind,
                    })
                })
                .collect();
            let source = meta.source.as_ref().map(|s| {
                serde_json::json!({
                    "title": crate::typography::typeset(lang, s.title.as_str()),
                    "page": s.page.as_ref().map(|p| p.0.clone()),
                    "url": s.url.as_ref().map(|u| u.0.clone()),
                })
            });
            let words = a.loaded.body.words;
            let mut article = cx.summaries[*i].clone();
            if let Some(map) = article.as_map() {
                let mut map = map.clone();
                let mut put = |k: &'static str, v: Value| {
                    map.insert(k.into(), v);
                };
                put("content_html", Value::from(content_html));
                put("lead_html", Value::from_serializable(&a.lead_html));
                put("source", Value::from_serializable(&source));
                put("downloads", Value::from_serializable(&downloads));
                put("people", Value::from_serializable(&people));
                put(
                    "related",
                    Value::from(
                        a.related
                            .iter()
                            .map(|&j| cx.summaries[j].clone())
                            .collect::<Vec<_>>(),
                    ),
                );
                put(
                    "reading_time",
                    Value::from(words.div_ceil(230).max(1) as u64),
                );
                put("toc", Value::from_serializable(&toc));
                article = Value::from(map);
            }
            context.insert_value("article", article);
            context.insert("share", &context::share(site, a));
            let template = meta
                .template
                .clone()
                .unwrap_or_else(|| "article.html".to_string());
            let html = render_page(theme, &template, &context, content_len).map_err(fail)?;
            Ok((index_file(&a.rel_url), html))
        }
        Job::Alias { article, path } => {
            let a = &site.articles[*article];
            let target = crate::content::markdown::escape_attr(&a.url);
            let title = crate::content::markdown::escape_attr(&a.title);
            let (moved, lang_code) = (
                lang.pick("Cette page a déménagé", "This page has moved"),
                lang.code(),
            );
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{moved}</title>\n<link rel=\"canonical\" href=\"{}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n<p>{moved}\u{a0}: <a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n",
                crate::content::markdown::escape_attr(&config.permalink(&a.url)),
            );
            Ok((crate::site::paths::alias_file(path), html.into_bytes()))
        }
        Job::Taxonomy(t) => {
            let tax = &site.taxonomies.list[*t];
            let title = tax.kind.title(lang);
            let page = PageCtx {
                kind: "taxonomy",
                url: tax.url.clone(),
                permalink: config.permalink(&tax.url),
                title: title.to_string(),
                description: None,
                feed_url: None,
            };
            let mut context = cx.base(page);
            let terms: Vec<serde_json::Value> = tax
                .terms
                .iter()
                .map(|term| serde_json::json!({ "name": term.name, "url": term.url, "count": term.articles.len() }))
                .collect();
            context.insert(
                "taxonomy",
                &serde_json::json!({ "key": tax.kind.key(), "title": title, "url": tax.url, "terms": terms }),
            );
            let html = render_page(theme, "taxonomy.html", &context, 0).map_err(fail)?;
            Ok((index_file(&tax.rel_url), html))
        }
        Job::Term {
            taxonomy,
            term,
            number,
            count,
        } => {
            let tax = &site.taxonomies.list[*taxonomy];
            let t = &tax.terms[*term];
            let rel = page_path(&t.rel_url, *number);
            let url = config.url(&rel);
            let feed_url = config
                .feeds
                .then(|| config.url(&format!("{}atom.xml", t.rel_url)));
            let page = PageCtx {
                kind: "term",
                url: url.clone(),
                permalink: config.permalink(&url),
                title: listing_title(
                    &format!("{} – {}", t.name, tax.kind.title(lang)),
                    *number,
                    lang,
                ),
                description: None,
                feed_url: feed_url.clone(),
            };
            let mut context = cx.base(page);
            context.insert(
                "taxonomy",
                &serde_json::json!({ "key": tax.kind.key(), "title": tax.kind.title(lang), "url": tax.url }),
            );
            let description = t.organisation.as_ref().and_then(|o| {
                o.short.as_ref().filter(|s| **s != o.name).map(|short| {
                    format!(
                        "<p>{} ({})</p>",
                        crate::content::markdown::escape_attr(&o.name),
                        crate::content::markdown::escape_attr(short)
                    )
                })
            });
            let logo = t
                .organisation
                .as_ref()
                .and_then(|o| o.logo.as_deref())
                .map(|l| config.asset_url(l));
            context.insert(
                "term",
                &serde_json::json!({ "name": t.name, "url": t.url, "feed_url": feed_url, "description_html": description, "logo": logo }),
            );
            let person = t
                .person
                .as_ref()
                .map(|(i, p)| cx.person(&site.articles[*i], p));
            context.insert("person", &person);
            context.insert_value(
                "pager",
                pager(
                    cx,
                    &t.rel_url,
                    &t.articles,
                    config.paginate_by,
                    *number,
                    *count,
                ),
            );
            let html = render_page(theme, "term.html", &context, 0).map_err(fail)?;
            Ok((index_file(&rel), html))
        }
        Job::Feed {
            title,
            path,
            alternate,
            articles,
        } => {
            let feed = feeds::Feed {
                title: title.clone(),
                path: path.clone(),
                alternate: alternate.clone(),
                articles,
            };
            Ok((path.clone(), feeds::atom(site, &feed).into_bytes()))
        }
        Job::Sitemap => {
            let mut urls: Vec<String> = site.sections.iter().map(|s| s.url.clone()).collect();
            for tax in &site.taxonomies.list {
                urls.push(tax.url.clone());
                urls.extend(tax.terms.iter().map(|t| t.url.clone()));
            }
            if config.accessibility.is_some() {
                urls.push(config.url(context::accessibility_folder(lang)));
            }
            Ok((
                "sitemap.xml".to_string(),
                feeds::sitemap(site, &urls).into_bytes(),
            ))
        }
        Job::Robots => Ok(("robots.txt".to_string(), feeds::robots(site).into_bytes())),
        Job::Accessibility => {
            let rel = context::accessibility_folder(lang);
            let url = config.url(rel);
            let statement = config.accessibility.as_ref().map(|a| {
                serde_json::json!({
                    "status": a.status,
                    "audit_date": a.audit_date,
                    "rate": a.rate,
                    "contact": a.contact,
                    "label": format!("{}{}", lang.pick("Accessibilité\u{a0}: ", "Accessibility: "), a.status),
                })
            });
            let page = PageCtx {
                kind: "accessibility",
                url: url.clone(),
                permalink: config.permalink(&url),
                title: lang
                    .pick("Déclaration d’accessibilité", "Accessibility statement")
                    .to_string(),
                description: None,
                feed_url: None,
            };
            let mut context = cx.base(page);
            context.insert("statement", &statement);
            let html = render_page(theme, "accessibility.html", &context, 0).map_err(fail)?;
            Ok((index_file(rel), html))
        }
        Job::Search => {
            let rel = crate::search::page_path(lang);
            let url = config.url(rel);
            let title = theme.strings.get("search_title").and_then(|v| v.as_str());
            let page = PageCtx {
                kind: "search",
                permalink: config.permalink(&url),
                url,
                title: title
                    .unwrap_or(lang.pick("Rechercher dans le site", "Search the site"))
                    .to_string(),
                description: None,
                feed_url: None,
            };
            let html = render_page(theme, "search.html", &cx.base(page), 0).map_err(fail)?;
            Ok((index_file(rel), html))
        }
        Job::NotFound => {
            let url = config.url("404.html");
            let page = PageCtx {
                kind: "404",
                permalink: config.permalink(&url),
                url,
                title: lang.pick("Page introuvable", "Page not found").to_string(),
                description: None,
                feed_url: None,
            };
            let context = cx.base(page);
            let html = render_page(theme, "404.html", &context, 0).map_err(fail)?;
            Ok(("404.html".to_string(), html))
        }
    }
}
