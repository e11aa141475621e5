//! What to render: one job per page, in a stable order.
//!
//! The plan is cheap, sequential and deterministic: it reads the site's
//! lists (sections, articles, taxonomies) and names each page to make, so
//! that the rendering itself can run on rayon's threads in any order and
//! still give the files in the same order. A job holds indexes into the
//! site, not values: building the plan copies nothing but feed lists. Watch
//! mode picks among the same jobs (`partial`), so a page cannot be
//! forgotten by one and made by the other.

use super::feeds;
use crate::site::Site;

/// One page to render.
pub(super) enum Job {
    /// Page `number` of `count` of a section's listing (the home page for
    /// section 0).
    Listing {
        section: usize,
        number: usize,
        count: usize,
    },
    /// An article's page.
    Article(usize),
    /// The redirect page an alias of an article leaves at `path`.
    Alias { article: usize, path: String },
    /// `404.html`.
    NotFound,
    /// The search page (`search: true`).
    Search,
    /// A taxonomy's index: its list of terms.
    Taxonomy(usize),
    /// Page `number` of `count` of one term's listing.
    Term {
        taxonomy: usize,
        term: usize,
        number: usize,
        count: usize,
    },
    /// An Atom feed: the site's, a section's or a term's.
    Feed(feeds::Feed),
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// The accessibility statement (`accessibility:` in site.yaml).
    Accessibility,
}

/// Every page of the site, in a stable order (watch mode picks among them,
/// see `partial`).
pub(super) fn plan(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    listings(site, &mut jobs);
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
    taxonomies(site, &mut jobs);
    if site.config.feeds {
        section_feeds(site, &mut jobs);
    }
    jobs.push(Job::Sitemap);
    jobs.push(Job::Robots);
    jobs.push(Job::Accessibility);
    jobs
}

/// Every page of every section's listing; the home page lists every
/// article but the pinned ones.
fn listings(site: &Site, jobs: &mut Vec<Job>) {
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
}

/// Each taxonomy's index, then each of its terms' pages and feed.
fn taxonomies(site: &Site, jobs: &mut Vec<Job>) {
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
                jobs.push(Job::Feed(feeds::Feed {
                    title: format!("{} – {}", term.name, config.title),
                    path: term.rel_url.feed_file(),
                    alternate: term.url.clone(),
                    articles: feed_entries(&term.articles),
                }));
            }
        }
    }
}

/// Each section's feed, the site's (the root section's) first.
fn section_feeds(site: &Site, jobs: &mut Vec<Job>) {
    let config = &site.config;
    for s in &site.sections {
        let title = if s.dir.is_empty() {
            config.title.clone()
        } else {
            format!("{} – {}", s.title, config.title)
        };
        jobs.push(Job::Feed(feeds::Feed {
            title,
            path: s.rel_url.feed_file(),
            alternate: s.url.clone(),
            articles: feed_entries(&s.articles),
        }));
    }
}

/// The articles a feed shows: the first [`feeds::FEED_ENTRIES`] of a list.
fn feed_entries(list: &[usize]) -> Vec<usize> {
    list.iter().copied().take(feeds::FEED_ENTRIES).collect()
}
