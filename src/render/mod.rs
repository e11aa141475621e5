//! Rendering: every page of the site through the theme, in parallel.
//!
//! `plan` lists what to render (a cheap, sequential, deterministic plan of
//! jobs); `render` runs the plan on rayon's threads and returns the files in
//! path order. It knows nothing of the disk: the output stage decides where
//! the bytes go (a folder for `build`, memory for `serve`).
//!
//! Each kind of page has its module, named after it, which owns what its
//! template sees (typed values whose field names are the contract of
//! `docs/theming.md`) and the file it is written to: `listing` (home and
//! sections), `article`, `alias` (redirects), `taxonomy` (a taxonomy's
//! index), `term`, `feeds` (Atom feeds, `sitemap.xml`, `robots.txt`),
//! `not_found`, `search_page` and `accessibility`. What every page shares
//! (`site`, `page`, `t`, `assets`, the article summaries, person cards) is
//! `context`'s; the pager of listings is `pager`'s; the description of a
//! page that is not an article is `descriptions`', and the image and dates
//! of an article's link preview are `preview`'s. [`render_job`] only
//! dispatches a job to its kind. A new kind of page is a `Job` variant in
//! `plan`, a module here, and an arm in `render_kind` (and in
//! `partial::reads`, which says whether watch mode must redo it, and in
//! `moved`'s `page_path` and `reusable`, which say whether a page of a
//! site assembled again reads what it read before).
//! `relative` rewrites each page's addresses when the site is to open from
//! disk (`relative_urls`), in [`render_job`], the one way out of a page.

mod accessibility;
mod alias;
mod article;
pub mod blocks;
pub mod context;
pub mod copied;
mod descriptions;
pub mod feeds;
pub mod fingerprint;
pub mod keys;
mod listing;
pub mod moved;
mod not_found;
mod outline;
mod pager;
pub mod partial;
pub mod photo_fit;
pub mod pictures;
mod plan;
pub mod preview;
pub mod relative;
mod search_page;
mod taxonomy;
pub mod tera_messages;
mod term;
pub mod theme;

use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Staged};
use crate::language::Language;
pub use crate::output::{Content, Files};
use crate::site::Site;
use context::Contexts;
use plan::{Job, plan};
use theme::Theme;

/// A rendered file: its output path and its bytes.
pub type Rendered = (String, Vec<u8>);

/// Renders every page. Errors come with every other error found; the
/// pages that rendered are there all the same.
pub fn render(site: &Site, theme: &Theme) -> Staged<Files> {
    render_with(site, theme, &crate::progress::Quiet)
}

/// `render`, one `progress` step per page.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
) -> Staged<Files> {
    render_in(&Contexts::new(site, theme), theme, progress)
}

/// `render`, with the article summaries it made (by article index): a
/// caller that renders some pages again later (`partial`, `moved`)
/// starts from them instead of making them all again.
pub fn render_keeping_summaries(site: &Site, theme: &Theme) -> (Staged<Files>, Vec<tera::Value>) {
    let mut cx = Contexts::new(site, theme);
    let files = render_in(&cx, theme, &crate::progress::Quiet);
    (files, std::mem::take(&mut cx.summaries))
}

/// Every page of `cx`'s site, collected in plan order.
fn render_in(
    cx: &Contexts,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
) -> Staged<Files> {
    let pages = Mutex::new(Vec::new());
    let rendered = each_in(cx, theme, progress, &|order, path, html| {
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
    Staged::new(Some(files), rendered.found)
}

/// What receives each rendered page, on rayon's threads: its place in the
/// plan (a later page wins a path two pages claim), its output path and its
/// HTML.
pub type PageSink<'a> = dyn Fn(usize, String, Vec<u8>) + Sync + 'a;

/// Renders every page into `sink` as it is rendered, so that a build can
/// write pages without holding them all. A page that fails stops nothing:
/// the errors come back, in plan order.
pub fn render_each(
    site: &Site,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
    sink: &PageSink,
) -> Staged<()> {
    each_in(&Contexts::new(site, theme), theme, progress, sink)
}

/// Whether a build takes a page as it published it last time, given its
/// place in the plan, its file and its key ([`keys`]); a page taken so is
/// the build's to claim, and is not rendered.
pub type Reuse<'a> = dyn Fn(usize, &str, keys::Key) -> bool + Sync + 'a;

/// [`render_each`], but for the pages `reuse` takes as published: every
/// page with a key is offered to `reuse` first. The summaries made are
/// only those the pages rendered show. Returns every keyed page's file and
/// key, in plan order, for the build to keep.
pub fn render_each_reusing(
    site: &Site,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
    reuse: &Reuse,
    sink: &PageSink,
) -> Staged<Vec<(String, keys::Key)>> {
    let jobs = plan(site);
    let articles: Vec<keys::Key> = site
        .articles
        .par_iter()
        .map(|a| keys::article_key(site, a))
        .collect();
    let page_keys = keys::PageKeys::of(site, &jobs, keys::seed(site, theme), &articles);
    let again: Vec<bool> = page_keys
        .pages
        .par_iter()
        .enumerate()
        .map(|(order, page)| {
            page.as_ref()
                .is_none_or(|(path, key)| !reuse(order, path, *key))
        })
        .collect();
    let shown = summaries_shown(site, &jobs, &again);
    let mut cx = Contexts::with_summaries(site, theme, Vec::new());
    cx.summaries = (0..site.articles.len())
        .into_par_iter()
        .map(|i| {
            if shown[i] {
                cx.summary_value(theme, i)
            } else {
                tera::Value::none()
            }
        })
        .collect();
    let todo: Vec<(usize, &Job)> = jobs
        .iter()
        .enumerate()
        .filter(|(order, _)| again[*order])
        .collect();
    progress.stage(crate::progress::Stage::Render, Some(todo.len() as u64));
    let errors: Vec<Option<Diagnostic>> = todo
        .par_iter()
        .map(|&(order, job)| {
            let page =
                render_job(job, site, theme, &cx).map(|(path, html)| sink(order, path, html));
            progress.step();
            page.err()
        })
        .collect();
    let keyed = page_keys.pages.into_iter().flatten().collect();
    Staged::new(Some(keyed), errors.into_iter().flatten().collect())
}

/// Which articles' summaries the pages of `jobs` marked `again` show:
/// an article page its own and its "further reading", a listing or term
/// page those of its articles (and the home page the pinned ones).
fn summaries_shown(site: &Site, jobs: &[Job], again: &[bool]) -> Vec<bool> {
    let mut shown = vec![false; site.articles.len()];
    let home = context::home_list(site);
    let mut show = |list: &[usize]| list.iter().for_each(|&i| shown[i] = true);
    for (job, _) in jobs.iter().zip(again).filter(|(_, again)| **again) {
        match job {
            Job::Article(i) => {
                show(&[*i]);
                show(&site.articles[*i].related);
            }
            Job::Listing { .. } | Job::Term { .. } => {
                if let Some((page, pinned)) = keys::listed(site, &home, job) {
                    show(page);
                    show(&pinned);
                }
            }
            Job::Alias { .. }
            | Job::Feed(_)
            | Job::NotFound
            | Job::Search
            | Job::Taxonomy(_)
            | Job::Sitemap
            | Job::Robots
            | Job::Accessibility => {}
        }
    }
    shown
}

/// [`render_each`] with the shared values made.
fn each_in(
    cx: &Contexts,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
    sink: &PageSink,
) -> Staged<()> {
    let site = cx.site();
    let jobs = plan(site);
    progress.stage(crate::progress::Stage::Render, Some(jobs.len() as u64));
    let errors: Vec<Option<Diagnostic>> = jobs
        .par_iter()
        .enumerate()
        .map(|(order, job)| {
            let page = render_job(job, site, theme, cx).map(|(path, html)| sink(order, path, html));
            progress.step();
            page.err()
        })
        .collect();
    Staged::new(Some(()), errors.into_iter().flatten().collect())
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

/// Renders one job, its addresses made relative to it when the site asks
/// for it (`relative_urls`: every HTML page, not the feeds, the sitemap nor
/// `robots.txt`, which need absolute addresses).
fn render_job(
    job: &Job,
    site: &Site,
    theme: &Theme,
    cx: &Contexts,
) -> Result<Rendered, Diagnostic> {
    let (path, bytes) = render_kind(job, site, theme, cx)?;
    let config = &site.config;
    if config.relative_urls && path.ends_with(".html") {
        let bytes = relative::page(bytes, &path, &config.root_path);
        return Ok((path, bytes));
    }
    Ok((path, bytes))
}

/// Renders one job: dispatches it to the module of its kind of page.
fn render_kind(
    job: &Job,
    site: &Site,
    theme: &Theme,
    cx: &Contexts,
) -> Result<Rendered, Diagnostic> {
    match job {
        Job::Listing {
            section,
            number,
            count,
        } => listing::render(cx, theme, *section, *number, *count),
        Job::Article(i) => article::render(cx, theme, *i),
        Job::Alias { article, path } => Ok(alias::render(site, *article, path)),
        Job::Taxonomy(t) => taxonomy::render(cx, theme, *t),
        Job::Term {
            taxonomy,
            term,
            number,
            count,
        } => {
            let at = term::TermPage {
                taxonomy: *taxonomy,
                term: *term,
                number: *number,
                count: *count,
            };
            term::render(cx, theme, at)
        }
        Job::Feed(feed) => Ok(feeds::feed_page(site, feed)),
        Job::Sitemap => Ok(feeds::sitemap_page(site)),
        Job::Robots => Ok(feeds::robots_page(site)),
        Job::Accessibility => accessibility::render(cx, theme),
        Job::Search => search_page::render(cx, theme),
        Job::NotFound => not_found::render(cx, theme),
    }
}

/// Renders `template` into bytes: written straight into a buffer, never
/// checked again as text (a page is megabytes of UTF-8 Tera already made).
/// The buffer is made for `content` bytes of page content (an article's
/// body, say) besides the template's own markup, so that a long page is not
/// copied again at each doubling of its buffer. A template error becomes
/// the diagnostic that names the template, in `lang`.
fn render_template(
    theme: &Theme,
    template: &str,
    context: &tera::Context,
    content: usize,
    lang: Language,
) -> Result<Vec<u8>, Diagnostic> {
    let mut out = Vec::with_capacity(16 * 1024 + content);
    match theme.tera.render_to(template, context, &mut out) {
        Ok(()) => Ok(out),
        Err(e) => Err(theme.render_error(&e, lang)),
    }
}
