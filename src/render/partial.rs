//! Rendering only the pages that read a given article: watch mode's fast
//! path, when an edit changed an article's body and nothing the rest of the
//! site is built from, or its front matter without moving it anywhere
//! (see `crate::serve::incremental`).
//!
//! It lives beside `render` rather than in `serve` because it must know what
//! each `Job` reads, and the job list is private to rendering: the plan is
//! the same `plan::plan` the full render uses, filtered, so a page cannot be
//! forgotten here without being forgotten by the full build too. What a job
//! reads of the articles:
//!
//! - an article page: the whole article, and the summaries of its
//!   "further reading" articles;
//! - a listing page (home, section, term): the summaries on that page (and
//!   the pinned ones on the home page), and on a person's page the article
//!   the person was found in;
//! - a feed: the summaries of its first entries;
//! - an alias: its article's title and address.
//!
//! The taxonomy indexes and the sitemap read only front matter: rendered
//! again after a front-matter edit, never after a body edit. The 404,
//! search and accessibility pages and robots.txt read no article.

use rayon::prelude::*;

use tera::Value;

use super::context::Contexts;
use super::feeds::FEED_ENTRIES;
use super::plan::{Job, plan};
use super::theme::Theme;
use super::{Files, render_job};
use crate::diagnostics::Diagnostic;
use crate::site::Site;

/// What changed in one article, as other pages see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Touched {
    /// The article's index in `site.articles`.
    pub article: usize,
    /// Whether its summary (what listings, feeds and "further reading"
    /// show) changed too, not only its own page.
    pub summary: bool,
}

/// Renders the pages that read any of `touched`, in path order.
///
/// `summaries` are the listing summaries of every article, kept by the
/// caller between calls: empty the first time (all are made), then only the
/// touched articles' are made again.
pub fn render_touching(
    site: &Site,
    theme: &Theme,
    touched: &[Touched],
    summaries: &mut Vec<Value>,
) -> (Files, Vec<Diagnostic>) {
    render_reading(site, theme, touched, false, summaries)
}

/// The page of article `index` alone, and nothing else: the studio's
/// preview of an unsaved text, in a site assembled for it and dropped
/// after. The page reads its own summary and those of its "further
/// reading" articles (`article::render`), so only those are made, not
/// every article's: at 10,000 articles making them all was the largest
/// part of a preview.
pub fn render_article_page(site: &Site, theme: &Theme, index: usize) -> (Files, Vec<Diagnostic>) {
    let mut cx = Contexts::with_summaries(site, theme, Vec::new());
    let mut summaries = vec![Value::none(); site.articles.len()];
    for i in std::iter::once(index).chain(site.articles[index].related.iter().copied()) {
        summaries[i] = cx.summary_value(theme, i);
    }
    cx.summaries = summaries;
    super::collect_pages(vec![render_job(&Job::Article(index), site, theme, &cx)])
}

/// [`render_touching`] after an edit of the touched articles' front matter
/// that moved none of them (`site::patch::same_places`): the pages that
/// read their front matter too, the taxonomy indexes and the sitemap
/// (dates), are rendered again.
pub fn render_touching_front_matter(
    site: &Site,
    theme: &Theme,
    touched: &[Touched],
    summaries: &mut Vec<Value>,
) -> (Files, Vec<Diagnostic>) {
    render_reading(site, theme, touched, true, summaries)
}

/// The pages that read any of `touched`, and with `front_matter` the
/// pages that read only front matter.
fn render_reading(
    site: &Site,
    theme: &Theme,
    touched: &[Touched],
    front_matter: bool,
    summaries: &mut Vec<Value>,
) -> (Files, Vec<Diagnostic>) {
    let mut cx = Contexts::with_summaries(site, theme, std::mem::take(summaries));
    if cx.summaries.len() != site.articles.len() {
        cx.summaries = (0..site.articles.len())
            .into_par_iter()
            .map(|i| cx.summary_value(theme, i))
            .collect();
    } else {
        for t in touched {
            cx.summaries[t.article] = cx.summary_value(theme, t.article);
        }
    }
    let jobs: Vec<Job> = plan(site)
        .into_iter()
        .filter(|job| reads(site, &cx.home, job, touched, front_matter))
        .collect();
    let results: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .map(|job| render_job(job, site, theme, &cx))
        .collect();
    *summaries = std::mem::take(&mut cx.summaries);
    super::collect_pages(results)
}

/// Whether `job` reads one of the touched articles (`front_matter`: their
/// front matter changed too). `home` is the home page's list (its articles
/// less the pinned ones).
fn reads(site: &Site, home: &[usize], job: &Job, touched: &[Touched], front_matter: bool) -> bool {
    let whole = |i: usize| touched.iter().any(|t| t.article == i);
    let summary = |i: usize| touched.iter().any(|t| t.article == i && t.summary);
    match job {
        Job::Article(i) => whole(*i) || site.articles[*i].related.iter().any(|&j| summary(j)),
        Job::Alias { article, .. } => whole(*article),
        Job::Listing { .. } => super::keys::listed(site, home, job)
            .is_some_and(|(page, pinned)| page.iter().chain(&pinned).any(|&i| summary(i))),
        Job::Term { taxonomy, term, .. } => {
            let person = &site.taxonomies.list[*taxonomy].terms[*term].person;
            super::keys::listed(site, home, job)
                .is_some_and(|(page, _)| page.iter().any(|&i| summary(i)))
                || person.as_ref().is_some_and(|(i, _)| whole(*i))
        }
        Job::Feed(feed) => feed.articles.iter().take(FEED_ENTRIES).any(|&i| summary(i)),
        Job::Taxonomy(_) | Job::Sitemap => front_matter,
        Job::NotFound | Job::Search | Job::Robots | Job::Accessibility => false,
    }
}
