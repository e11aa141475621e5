//! Page keys: a hash of everything a page is made from, so that a build can
//! tell, without rendering it, that a page it published last time would
//! come out the same.
//!
//! Why it is shaped so:
//!
//! - **Two halves.** What every page reads ([`seed`]: the code that renders
//!   it, the settings, the registries, the theme, the sections but their
//!   lists, the taxonomies but theirs, the files and photo variants the
//!   site publishes) is hashed once; each page's key adds what that page
//!   reads of the articles ([`PageKeys::of`]), the same things `moved`
//!   compares between two sites in memory: an article page its article and
//!   its "further reading", a listing, term or feed page the articles it
//!   shows, in order, an alias its article.
//! - **An article is its file and what assembly made of it**
//!   ([`article_key`]): the hash of its text (`source_hash`, taken at load
//!   time, as a build frees the text), and every field of [`Article`] a
//!   page shows, named one by one so that a new field is a compile error
//!   here. Its links are resolved against the other articles, so its body
//!   as resolved is hashed, not only its file.
//! - **Only pages there are many of are keyed**: articles, aliases,
//!   listings, terms, feeds ([`page_path`]). The taxonomies' indexes and
//!   the sitemap list every article, the 404, search and accessibility
//!   pages and `robots.txt` are one each: rendered every time.
//! - **Structured values through their `Debug` text**, fed to the hasher
//!   as it is written: every derived field is in it, it is deterministic
//!   for one binary (no hash map is fed so; the two the site holds are
//!   sorted first), and the binary is in the seed. Long texts (bodies,
//!   templates) are fed as bytes.
//! - **128 bits** (`digest`, as every build cache): a page reused by
//!   mistake would be a wrong page published, so a collision must be out
//!   of reach, not merely unlikely.

use std::fmt::{self, Debug, Write as _};

use super::feeds::{FEED_ENTRIES, Feed};
use super::plan::Job;
use super::theme::Theme;
use crate::digest::Digest;
use crate::site::taxonomy::Term;
use crate::site::{Article, Section, Site};

/// A page's key.
pub type Key = u128;

/// The code that renders: Gazette's version and a hash of its sources
/// (`build.rs`), so that a binary built from changed code never takes a
/// page an older one rendered.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("GAZETTE_SOURCE_HASH"));

/// A hasher fed by bytes, strings and `Debug` texts, each delimited.
struct Feed128(Digest);

impl fmt::Write for Feed128 {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

impl Feed128 {
    fn new(kind: &str) -> Feed128 {
        let mut h = Feed128(Digest::new());
        h.str(kind);
        h
    }

    fn str(&mut self, s: &str) {
        self.0.write_str(s);
    }

    fn debug(&mut self, value: &dyn Debug) {
        // Writing into a hasher cannot fail.
        let _ = write!(self, "{value:?}");
        self.0.write(&[0xff]);
    }

    fn num(&mut self, n: usize) {
        self.0.write_usize(n);
    }

    fn key(&mut self, k: Key) {
        self.0.write_u128(k);
    }

    fn finish(self) -> Key {
        self.0.finish()
    }
}

/// What every page of `site` reads besides its articles (see the module's
/// documentation).
pub fn seed(site: &Site, theme: &Theme) -> Key {
    let mut h = Feed128::new("gazette pages 1");
    h.str(BUILD);
    h.debug(&site.config);
    h.debug(&site.registry);
    h.num(theme.template_files.len());
    for (name, (path, text)) in &theme.template_files {
        h.str(name);
        h.debug(path);
        h.str(text);
    }
    h.debug(&theme.strings);
    h.debug(&theme.static_files);
    h.debug(&theme.custom_shortcodes);
    for (name, asset) in &theme.assets {
        h.str(name);
        h.str(&asset.path);
    }
    h.num(site.sections.len());
    for s in &site.sections {
        section(&mut h, s);
    }
    for t in &site.taxonomies.list {
        h.debug(&(t.kind, &t.rel_url, &t.url, t.terms.len()));
        for term in &t.terms {
            h.debug(&(&term.name, &term.rel_url, &term.url, &term.organisation));
        }
    }
    h.debug(&site.assets);
    h.debug(&site.variants);
    h.debug(&site.static_variants);
    let mut portraits: Vec<_> = site.portraits.iter().collect();
    portraits.sort_unstable_by(|a, b| a.0.cmp(b.0));
    h.debug(&portraits);
    let mut logos: Vec<_> = site.logos.iter().collect();
    logos.sort_unstable_by(|a, b| a.0.cmp(b.0));
    h.debug(&logos);
    h.finish()
}

/// A section, its list of articles aside.
fn section(h: &mut Feed128, s: &Section) {
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
    } = s;
    h.str(dir);
    h.str(title);
    h.debug(description);
    h.str(intro_html);
    h.num(*paginate_by);
    h.debug(&(template, rel_url, url, source, extra));
}

/// Everything a page shows of article `a` of `site` but its "further
/// reading" (see the module's documentation).
pub fn article_key(site: &Site, a: &Article) -> Key {
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
    } = a;
    let mut h = Feed128::new("article");
    h.key(loaded.source_hash);
    h.debug(&loaded.origin);
    h.debug(content_path);
    h.str(base_dir);
    h.debug(rel_url);
    h.str(url);
    h.str(&site.sections[*section].dir);
    h.str(body_html.as_str());
    h.debug(lead_html);
    h.str(summary_html);
    h.debug(description);
    h.str(title);
    h.debug(image);
    h.debug(photos);
    h.debug(downloads);
    h.debug(blocks);
    h.debug(aliases);
    h.finish()
}

/// The key of every page of the plan there are many of, by the plan's
/// order (`None` for a page rendered every time).
pub struct PageKeys {
    /// By job, in plan order: the page's file and key.
    pub pages: Vec<Option<(String, Key)>>,
}

impl PageKeys {
    /// The keys of `jobs`, the plan of `site`, from the `seed` of `site`
    /// and each article's [`article_key`] (by index).
    pub(super) fn of(site: &Site, jobs: &[Job], seed: Key, articles: &[Key]) -> PageKeys {
        use rayon::prelude::*;
        let home = super::context::home_list(site);
        let pages = jobs
            .par_iter()
            .map(|job| {
                let path = page_path(job, site)?;
                let key = page_key(site, job, seed, articles, &home, &path);
                Some((path, key))
            })
            .collect();
        PageKeys { pages }
    }
}

/// The key of `job`'s page, written to `path` (a job [`page_path`] names).
fn page_key(
    site: &Site,
    job: &Job,
    seed: Key,
    articles: &[Key],
    home: &[usize],
    path: &str,
) -> Key {
    let mut h = Feed128::new("page");
    h.key(seed);
    h.str(path);
    let list = |h: &mut Feed128, list: &[usize]| {
        h.num(list.len());
        for &i in list {
            h.key(articles[i]);
        }
    };
    match job {
        Job::Article(i) => {
            h.str("article");
            h.key(articles[*i]);
            list(&mut h, &site.articles[*i].related);
        }
        Job::Alias { article, path } => {
            h.str("alias");
            h.str(path);
            h.key(articles[*article]);
        }
        Job::Listing {
            section,
            number,
            count,
        } => {
            h.str("listing");
            h.debug(&(section, number, count));
            if let Some((page, pinned)) = listed(site, home, job) {
                list(&mut h, page);
                list(&mut h, &pinned);
            }
        }
        Job::Term {
            taxonomy,
            term,
            number,
            count,
        } => {
            h.str("term");
            h.debug(&(taxonomy, number, count));
            term_frame(&mut h, site, &site.taxonomies.list[*taxonomy].terms[*term]);
            if let Some((page, _)) = listed(site, home, job) {
                list(&mut h, page);
            }
        }
        Job::Feed(feed) => {
            let Feed {
                title,
                path,
                alternate,
                articles: entries,
            } = feed;
            h.str("feed");
            h.str(title);
            h.str(path);
            h.str(alternate);
            list(&mut h, &entries[..entries.len().min(FEED_ENTRIES)]);
        }
        Job::NotFound
        | Job::Search
        | Job::Taxonomy(_)
        | Job::Sitemap
        | Job::Robots
        | Job::Accessibility => h.str("single"),
    }
    h.finish()
}

/// A term as its page shows it, its list aside: its name and address, its
/// organisation, and its person, whose photo is found from the folder of
/// the article that first names them.
fn term_frame(h: &mut Feed128, site: &Site, t: &Term) {
    h.str(&t.name);
    h.debug(&t.rel_url);
    h.str(&t.url);
    h.debug(&t.organisation);
    match &t.person {
        Some((i, person)) => {
            h.debug(person);
            h.str(&site.articles[*i].base_dir);
        }
        None => h.str("-"),
    }
}

/// The articles a listing or term page shows: its page of its list, and
/// on the home page's first page the pinned ones (`home` is the home
/// page's list, `context::home_list`); `None` for other pages.
pub(super) fn listed<'a>(
    site: &'a Site,
    home: &'a [usize],
    job: &Job,
) -> Option<(&'a [usize], Vec<usize>)> {
    match job {
        Job::Listing {
            section, number, ..
        } => {
            let s = &site.sections[*section];
            if *section == 0 {
                let pinned = if *number == 1 {
                    super::context::pinned(site)
                } else {
                    Vec::new()
                };
                Some((page_of(home, s.paginate_by, *number), pinned))
            } else {
                Some((page_of(&s.articles, s.paginate_by, *number), Vec::new()))
            }
        }
        Job::Term {
            taxonomy,
            term,
            number,
            ..
        } => {
            let t = &site.taxonomies.list[*taxonomy].terms[*term];
            let page = page_of(&t.articles, site.config.paginate_by, *number);
            Some((page, Vec::new()))
        }
        _ => None,
    }
}

/// Page `number` (from 1) of `list`, `per_page` articles a page.
pub(super) fn page_of(list: &[usize], per_page: usize, number: usize) -> &[usize] {
    let start = (number.saturating_sub(1) * per_page).min(list.len());
    &list[start..(start + per_page).min(list.len())]
}

/// The file a page of a list (a listing's, a term's, an article's, an
/// alias', a feed) is written to; `None` for the pages there is one of
/// (the home page is a listing).
pub(super) fn page_path(job: &Job, site: &Site) -> Option<String> {
    match job {
        Job::Listing {
            section, number, ..
        } => Some(
            site.sections[*section]
                .rel_url
                .listing_page(*number)
                .page_file(),
        ),
        Job::Article(i) => Some(site.articles[*i].rel_url.page_file()),
        Job::Alias { path, .. } => Some(crate::site::paths::alias_file(path)),
        Job::Term {
            taxonomy,
            term,
            number,
            ..
        } => Some(
            site.taxonomies.list[*taxonomy].terms[*term]
                .rel_url
                .listing_page(*number)
                .page_file(),
        ),
        Job::Feed(feed) => Some(feed.path.clone()),
        Job::NotFound
        | Job::Search
        | Job::Taxonomy(_)
        | Job::Sitemap
        | Job::Robots
        | Job::Accessibility => None,
    }
}
