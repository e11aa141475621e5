//! The pages of a site assembled again after articles moved, added or
//! went (a new date, new tags, a new slug, a draft), rendered only where
//! they differ from the last site's.
//!
//! `partial` serves edits that leave every article in its place: it knows
//! which pages show the edited articles. A move shifts the lists instead
//! (every listing page between the old place and the new one, the terms'
//! pages, the feeds, the "further reading" of the articles near it in
//! time), and rendering every page again took well over a second at
//! 10,000 articles. So this module compares the two sites page by page:
//! a page of the new site is taken from the last render when the last
//! site had a page at the same address that read the same things, the
//! articles matched by their file (`content_path`), each one equal in
//! everything a page shows of it ([`article_same`]).
//!
//! What every page reads besides articles (the settings, the registries,
//! the theme) must be the same in both sites: the caller's to promise (an
//! edit of article files only). What this module can check, it checks
//! first ([`same_frame`]): the sections but their lists, the taxonomies'
//! terms but theirs, the people's portraits, the logos and the variants
//! of the photos of `static/`; any difference there and it gives up
//! (`None`), for a full render. The files to copy (a bundle's, which come
//! and go with it) and the articles' photos' variant files no page reads
//! but through its articles (`article_same` compares their pictures): the
//! caller publishes those of the new site. The
//! taxonomies' indexes and the sitemap are always rendered again: they
//! count or list every article, and are a handful of pages.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use tera::Value;

use super::context::{Contexts, home_list, pinned};
use super::feeds::FEED_ENTRIES;
use super::keys::{page_of, page_path};
use super::plan::{Job, plan};
use super::theme::Theme;
use super::{Files, collect_pages, render_job};
use crate::content::ContentPath;
use crate::diagnostics::Diagnostic;
use crate::site::taxonomy::Term;
use crate::site::{Article, Section, Site};

/// The pages of the new site that differ from the last render.
#[derive(Debug)]
pub struct Moved {
    /// The pages rendered again (new or changed; some may come out the
    /// same bytes).
    pub pages: Files,
    /// The pages of the last site the new one no longer has.
    pub gone: Vec<String>,
    /// Render errors.
    pub errors: Vec<Diagnostic>,
}

/// The pages of `new` that may differ from `old`'s, both assembled from
/// the same settings, registries and theme; `None` when more than articles
/// changed (see the module's documentation). `old` must be the site the
/// last pages were rendered from, and `summaries` hold its article
/// summaries (or be empty: all are made); it is left with `new`'s.
pub fn render_moved(
    old: &Site,
    new: &Site,
    theme: &Theme,
    summaries: &mut Vec<Value>,
) -> Option<Moved> {
    if !same_frame(old, new) {
        return None;
    }
    let by_path: HashMap<&ContentPath, usize> = old
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.content_path, i))
        .collect();
    let same: Vec<Option<usize>> = new
        .articles
        .par_iter()
        .map(|a| {
            by_path
                .get(&a.content_path)
                .copied()
                .filter(|&j| article_same(old, &old.articles[j], new, a))
        })
        .collect();
    let kept = std::mem::take(summaries);
    let mut cx = Contexts::with_summaries(new, theme, Vec::new());
    let made: Vec<Value> = (0..new.articles.len())
        .into_par_iter()
        .map(|i| match same[i] {
            Some(j) if kept.len() == old.articles.len() => kept[j].clone(),
            _ => cx.summary_value(theme, i),
        })
        .collect();
    cx.summaries = made;
    let pair = Pair {
        old,
        new,
        same: &same,
        old_home: home_list(old),
        new_home: &cx.home,
    };
    let old_plan = plan(old);
    let old_at: HashMap<String, &Job> = old_plan
        .iter()
        .filter_map(|job| page_path(job, old).map(|p| (p, job)))
        .collect();
    let new_plan = plan(new);
    let mut new_paths = HashSet::new();
    let mut todo = Vec::new();
    for job in &new_plan {
        let again = match page_path(job, new) {
            Some(path) => {
                let reused = old_at.get(&path).is_some_and(|was| pair.reusable(was, job));
                new_paths.insert(path);
                !reused
            }
            // Pages of the settings alone (404, search, robots, the
            // accessibility statement): the same in both.
            None => matches!(job, Job::Taxonomy(_) | Job::Sitemap),
        };
        if again {
            todo.push(job);
        }
    }
    let gone = old_at
        .into_keys()
        .filter(|p| !new_paths.contains(p))
        .collect();
    let results: Vec<_> = todo
        .par_iter()
        .map(|job| render_job(job, new, theme, &cx))
        .collect();
    *summaries = std::mem::take(&mut cx.summaries);
    let (pages, errors) = collect_pages(results);
    Some(Moved {
        pages,
        gone,
        errors,
    })
}

/// Both sites, and which article of the old one each new one equals.
struct Pair<'a> {
    old: &'a Site,
    new: &'a Site,
    /// For each article of `new`, the old article it equals, if any.
    same: &'a [Option<usize>],
    old_home: Vec<usize>,
    new_home: &'a [usize],
}

impl Pair<'_> {
    /// Whether `new_job`'s page reads the same as `old_job`'s, which was
    /// written to the same file.
    fn reusable(&self, old_job: &Job, new_job: &Job) -> bool {
        let (old, new) = (self.old, self.new);
        match (old_job, new_job) {
            (Job::Article(j), Job::Article(i)) => {
                self.same[*i] == Some(*j)
                    && self.lists_same(&old.articles[*j].related, &new.articles[*i].related)
            }
            (Job::Alias { article: j, .. }, Job::Alias { article: i, .. }) => {
                self.same[*i] == Some(*j)
            }
            (
                Job::Listing {
                    section: so,
                    number: no,
                    count: co,
                },
                Job::Listing {
                    section: sn,
                    number: nn,
                    count: cn,
                },
            ) => {
                if (so, no, co) != (sn, nn, cn) {
                    return false;
                }
                let per_page = new.sections[*sn].paginate_by;
                if *sn == 0 {
                    // The home page shows the pinned articles on its first
                    // page, apart from its list.
                    self.page_same(&self.old_home, self.new_home, per_page, *nn)
                        && (*nn != 1 || self.lists_same(&pinned(old), &pinned(new)))
                } else {
                    let (lo, ln) = (&old.sections[*so].articles, &new.sections[*sn].articles);
                    self.page_same(lo, ln, per_page, *nn)
                }
            }
            (
                Job::Term {
                    taxonomy: to,
                    term: ko,
                    number: no,
                    count: co,
                },
                Job::Term {
                    taxonomy: tn,
                    term: kn,
                    number: nn,
                    count: cn,
                },
            ) => {
                let ot = &old.taxonomies.list[*to].terms[*ko];
                let nt = &new.taxonomies.list[*tn].terms[*kn];
                (no, co) == (nn, cn)
                    && self.term_same(ot, nt)
                    && self.page_same(&ot.articles, &nt.articles, new.config.paginate_by, *nn)
            }
            (Job::Feed(fo), Job::Feed(fnew)) => {
                fo.title == fnew.title
                    && fo.alternate == fnew.alternate
                    && self.page_same(&fo.articles, &fnew.articles, FEED_ENTRIES, 1)
            }
            _ => false,
        }
    }

    /// Whether page `number` of two lists of `per_page` shows the same
    /// articles, each unchanged.
    fn page_same(&self, old: &[usize], new: &[usize], per_page: usize, number: usize) -> bool {
        self.lists_same(
            page_of(old, per_page, number),
            page_of(new, per_page, number),
        )
    }

    /// Whether two lists of articles (old, new) name the same articles in
    /// the same order, each unchanged.
    fn lists_same(&self, old: &[usize], new: &[usize]) -> bool {
        old.len() == new.len() && old.iter().zip(new).all(|(&j, &i)| self.same[i] == Some(j))
    }

    /// Whether a term's page shows the same term (its list aside): its
    /// name and address, its organisation, and its person, whose photo is
    /// found from the folder of the article that first names them.
    fn term_same(&self, old: &Term, new: &Term) -> bool {
        let person = match (&old.person, &new.person) {
            (None, None) => true,
            (Some((j, po)), Some((i, pn))) => {
                po == pn && self.old.articles[*j].base_dir == self.new.articles[*i].base_dir
            }
            _ => false,
        };
        old.name == new.name
            && old.rel_url == new.rel_url
            && old.url == new.url
            && old.organisation == new.organisation
            && person
    }
}

/// Whether everything but the articles' lists and places is the same: the
/// sections, the taxonomies (every term both have shown the same way), the
/// files to copy, the photos' variants.
fn same_frame(old: &Site, new: &Site) -> bool {
    let sections = old.sections.len() == new.sections.len()
        && old
            .sections
            .iter()
            .zip(&new.sections)
            .all(|(a, b)| section_same(a, b));
    let taxonomies = old.taxonomies.list.len() == new.taxonomies.list.len()
        && old
            .taxonomies
            .list
            .iter()
            .zip(&new.taxonomies.list)
            .all(|(a, b)| {
                let by_url: HashMap<&str, &Term> =
                    a.terms.iter().map(|t| (t.url.as_str(), t)).collect();
                a.kind == b.kind
                    && a.rel_url == b.rel_url
                    && a.url == b.url
                    && b.terms.iter().all(|t| {
                        by_url
                            .get(t.url.as_str())
                            .is_none_or(|o| o.organisation == t.organisation)
                    })
            });
    sections
        && taxonomies
        && old.static_variants == new.static_variants
        && old.portraits == new.portraits
        && old.logos == new.logos
}

/// Whether two sections are the same but for their lists of articles.
fn section_same(a: &Section, b: &Section) -> bool {
    let Section {
        dir,
        title,
        description,
        intro_html,
        paginate_by,
        template,
        rel_url,
        url,
        articles: _,
        source,
        extra,
    } = a;
    *dir == b.dir
        && *title == b.title
        && *description == b.description
        && *intro_html == b.intro_html
        && *paginate_by == b.paginate_by
        && *template == b.template
        && *rel_url == b.rel_url
        && *url == b.url
        && *source == b.source
        && *extra == b.extra
}

/// Whether article `o` of `old` and `n` of `new` show the same on every
/// page: the same file (the same text, loaded with the same settings), the
/// same section, and
/// everything assembly made of it the same, its links and pictures
/// included. Its "further reading" is compared by the page that shows it.
/// Every field is named, so that a new one is not forgotten here.
fn article_same(old: &Site, o: &Article, new: &Site, n: &Article) -> bool {
    let Article {
        loaded,
        content_path,
        base_dir,
        rel_url,
        url,
        section,
        body_html,
        lead_html,
        summary_html,
        description,
        title,
        image,
        photos,
        downloads,
        blocks,
        related: _,
        aliases,
    } = o;
    let same_file = std::sync::Arc::ptr_eq(loaded, &n.loaded)
        || (loaded.origin == n.loaded.origin && loaded.source.text == n.loaded.source.text);
    same_file
        && *content_path == n.content_path
        && *base_dir == n.base_dir
        && *rel_url == n.rel_url
        && *url == n.url
        && old.sections[*section].dir == new.sections[n.section].dir
        && *title == n.title
        && *summary_html == n.summary_html
        && *lead_html == n.lead_html
        && *description == n.description
        && *image == n.image
        && *photos == n.photos
        && *downloads == n.downloads
        && *blocks == n.blocks
        && *aliases == n.aliases
        && *body_html == n.body_html
}
