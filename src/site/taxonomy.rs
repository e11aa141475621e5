//! Taxonomies: categories, series, tags, organisations, authors and people,
//! each with its terms and the articles of each term.
//!
//! Built once from the assembled articles (newest first, so every term's
//! list is already sorted) in one pass per taxonomy: linear in the number of
//! article–term pairs. The taxonomies are built side by side; each
//! article's names are read in parallel, then one ordered pass gathers them
//! into terms (slugging each distinct name once), so the result does not
//! depend on the threads. A term's URL folder is its slug; two spellings that
//! fold to the same slug (`Télétravail`, `teletravail`) are one term, named
//! as first met. People are the persons who *speak* in an article
//! (interview, testimony, pull quote); organisations are those an article is
//! about plus those of the people quoted in it.
//!
//! A person page is public and gathers every article a name speaks in, so
//! only people a writer has *declared* get one: those of the registry or of
//! an article's `people:` (they have an id). A witness signed inline
//! (`by: {name: Karim B.}`) is quoted where they speak and nowhere else: no
//! page, no entry in the people's index, so no link, sitemap entry or
//! search result either. A site that wants no person pages at all says
//! `person_pages: false`: the people taxonomy is then not built, so nothing
//! renders, links to or claims an output path for it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::front_matter::PersonRef;
use crate::content::slug::slugify;
use crate::language::Language;
use crate::messages::t;
use crate::site::registry::{Organisation, Person, Registry};
use crate::site::urls::PageFolder;
use crate::site::{Article, Site};

/// Which taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `category`.
    Category,
    /// `series`.
    Series,
    /// `tags`.
    Tags,
    /// `organisations`.
    Organisations,
    /// `authors`.
    Authors,
    /// `people`.
    People,
}

impl Kind {
    /// All of them, in menu order.
    pub const ALL: [Kind; 6] = [
        Kind::Category,
        Kind::Series,
        Kind::Tags,
        Kind::Organisations,
        Kind::Authors,
        Kind::People,
    ];

    /// The key used in front matter and `site.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Category => "category",
            Kind::Series => "series",
            Kind::Tags => "tags",
            Kind::Organisations => "organisations",
            Kind::Authors => "authors",
            Kind::People => "people",
        }
    }

    /// The heading of its index page.
    pub fn title(self, lang: Language) -> String {
        let kind = match self {
            Kind::Category => "category",
            Kind::Series => "series",
            Kind::Tags => "tags",
            Kind::Organisations => "organisations",
            Kind::Authors => "authors",
            Kind::People => "people",
        };
        t!(lang, "site-taxonomy-title", kind = kind)
    }

    fn folder(self, config: &Config) -> &str {
        let t = &config.taxonomies;
        match self {
            Kind::Category => &t.category,
            Kind::Series => &t.series,
            Kind::Tags => &t.tags,
            Kind::Organisations => &t.organisations,
            Kind::Authors => &t.authors,
            Kind::People => &t.people,
        }
    }
}

/// One term and its articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// As first written.
    pub name: String,
    /// Output folder (`mots-cles/teletravail/`).
    pub rel_url: PageFolder,
    /// URL path.
    pub url: String,
    /// Articles, newest first.
    pub articles: Vec<usize>,
    /// For a person's page: who (the first article that names them).
    pub person: Option<(usize, Person)>,
    /// For an organisation's page.
    pub organisation: Option<Organisation>,
}

/// A taxonomy and its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    /// Which one.
    pub kind: Kind,
    /// Output folder (`mots-cles/`).
    pub rel_url: PageFolder,
    /// URL path.
    pub url: String,
    /// Terms sorted by name.
    pub terms: Vec<Term>,
    /// Term index by (slug).
    index: HashMap<String, usize>,
}

impl Taxonomy {
    /// The URL of a term by name, if it has a page.
    pub fn url_of(&self, name: &str) -> Option<&str> {
        self.index
            .get(&slugify(name))
            .map(|&i| self.terms[i].url.as_str())
    }
}

/// Every taxonomy of the site.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Taxonomies {
    /// In `Kind::ALL` order.
    pub list: Vec<Taxonomy>,
}

impl Taxonomies {
    /// One taxonomy.
    pub fn get(&self, kind: Kind) -> Option<&Taxonomy> {
        self.list.iter().find(|t| t.kind == kind)
    }

    /// The URL of a term.
    pub fn url_of(&self, kind: Kind, name: &str) -> Option<String> {
        self.get(kind)
            .and_then(|t| t.url_of(name))
            .map(str::to_string)
    }

    /// The URL of a person's page: none for a witness signed inline (who
    /// has none, even when a declared person bears the same name) or on a
    /// site without person pages.
    pub fn person_url(&self, person: &Person) -> Option<String> {
        if !has_page(person) {
            return None;
        }
        self.url_of(Kind::People, &person.name)
    }
}

/// The people who speak in an article, in order of appearance, each name
/// once (a declared person and an inline witness of the same name are two:
/// the witness met first must not hide the declared person's page).
pub fn speakers(article: &Article, registry: &Registry) -> Vec<Person> {
    let meta = &article.loaded.meta;
    let mut refs: Vec<PersonRef> = Vec::new();
    if let Some(interview) = &meta.interview {
        for id in interview.with.ids() {
            refs.push(PersonRef::Id(crate::yaml::Text(id)));
        }
        refs.extend(interview.questions.iter().filter_map(|q| q.by.clone()));
    }
    for group in meta.testimonials.values() {
        refs.extend(group.items.iter().filter_map(|i| i.by.clone()));
    }
    refs.extend(meta.quotes.values().filter_map(|q| q.by.clone()));
    let mut seen = Vec::<(String, bool)>::new();
    let mut out = Vec::new();
    for r in refs {
        if let Some(p) = registry.person(&r, &meta.people) {
            let key = (slugify(&p.name), has_page(&p));
            if !key.0.is_empty() && !seen.contains(&key) {
                seen.push(key);
                out.push(p);
            }
        }
    }
    out
}

/// Whether a person may have a page of their own: only a declared one (an
/// id of the registry or of the article's `people:`), never a name signed
/// inline under a testimony or a quote.
pub fn has_page(person: &Person) -> bool {
    person.id.is_some()
}

/// A term name met in an article, with the person or organisation behind it.
type Named = (String, Option<(usize, Person)>, Option<Organisation>);

/// Builds every taxonomy the site has (people only with `person_pages`).
pub fn build(site: &Site) -> Taxonomies {
    // The kinds are independent: built side by side, listed in their order.
    let list = Kind::ALL
        .par_iter()
        .filter(|&&kind| kind != Kind::People || site.config.person_pages)
        .map(|&kind| build_kind(site, kind))
        .collect();
    Taxonomies { list }
}

/// The names an article gives to a taxonomy of `kind`, each with the person
/// or organisation behind it.
fn names_of(site: &Site, kind: Kind, i: usize) -> Vec<Named> {
    let a = &site.articles[i];
    let meta = &a.loaded.meta;
    let mut names: Vec<Named> = Vec::new();
    match kind {
        Kind::Category => names.extend(meta.category.iter().map(|c| (c.clone(), None, None))),
        Kind::Series => names.extend(meta.series.iter().map(|c| (c.clone(), None, None))),
        Kind::Tags => names.extend(meta.tags.iter().map(|c| (c.clone(), None, None))),
        Kind::Authors => names.extend(meta.authors.iter().map(|c| (c.clone(), None, None))),
        Kind::Organisations => {
            for o in &meta.organisations {
                let org = site.registry.organisation(o);
                names.push((org.name.clone(), None, Some(org)));
            }
            for p in speakers(a, &site.registry) {
                if let Some(org) = p.organisation {
                    names.push((org.name.clone(), None, Some(org)));
                }
            }
        }
        Kind::People => {
            // Declared people only: a witness signed inline stays anonymous.
            for p in speakers(a, &site.registry).into_iter().filter(has_page) {
                names.push((p.name.clone(), Some((i, p)), None));
            }
        }
    }
    names
}

/// One taxonomy: the names of every article, read in parallel, then
/// gathered into terms in article order (deterministic).
fn build_kind(site: &Site, kind: Kind) -> Taxonomy {
    let config = &site.config;
    let named: Vec<Vec<Named>> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| names_of(site, kind, i))
        .collect();
    let mut gathering = Gathering::new(config, kind);
    for (i, names) in named.into_iter().enumerate() {
        gathering.add(i, names);
    }
    let Gathering {
        rel_url,
        terms,
        index,
        ..
    } = gathering;
    let (sorted, new_index) = sorted_by_name(terms, index);
    Taxonomy {
        kind,
        url: config.url(rel_url.as_str()),
        rel_url,
        terms: sorted,
        index: new_index.into_iter().collect(),
    }
}

/// The terms of one taxonomy as its articles' names are met, in the
/// build's order: the first article to name a term decides its address
/// and its spelling. A site uses the same few names again and again: each
/// is slugged once.
struct Gathering<'c> {
    config: &'c Config,
    /// The taxonomy's folder (`mots-cles/`).
    rel_url: PageFolder,
    slugs: HashMap<String, String>,
    terms: Vec<Term>,
    /// Term by slug: its own, and each name's that found it.
    index: HashMap<String, usize>,
}

impl<'c> Gathering<'c> {
    fn new(config: &'c Config, kind: Kind) -> Self {
        Gathering {
            config,
            rel_url: PageFolder::taxonomy(kind.folder(config)),
            slugs: HashMap::new(),
            terms: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn slug_of(&mut self, text: &str) -> String {
        if let Some(slug) = self.slugs.get(text) {
            return slug.clone();
        }
        let slug = slugify(text);
        self.slugs.insert(text.to_string(), slug.clone());
        slug
    }

    /// Article `i`'s names, given in its order.
    fn add(&mut self, i: usize, names: Vec<Named>) {
        for (name, person, organisation) in names {
            let name_slug = self.slug_of(&name);
            let slug = term_slug(&name_slug, organisation.as_ref(), &mut |s| self.slug_of(s));
            if slug.is_empty() {
                continue;
            }
            let index = &mut self.index;
            if let Some(&t) = index.get(&name_slug)
                && !index.contains_key(&slug)
            {
                index.insert(slug.clone(), t);
            }
            let t = match index.get(&slug) {
                Some(&t) => t,
                None => {
                    let term_rel = self.rel_url.child(&slug);
                    index.insert(name_slug.clone(), self.terms.len());
                    index.insert(slug, self.terms.len());
                    self.terms.push(Term {
                        name: crate::typography::typeset(self.config.language, &name),
                        url: self.config.url(term_rel.as_str()),
                        rel_url: term_rel,
                        articles: Vec::new(),
                        person: None,
                        organisation: None,
                    });
                    self.terms.len() - 1
                }
            };
            let term = &mut self.terms[t];
            if term.articles.last() != Some(&i) {
                term.articles.push(i);
            }
            if term.person.is_none() {
                term.person = person;
            }
            if term.organisation.is_none() {
                term.organisation = organisation;
            }
        }
    }
}

/// The slug of the term an article names `name` (slugged: `name_slug`)
/// for: a registry organisation's page is at its id, a stable address
/// (its name finds it too); any other term's at its name.
fn term_slug(
    name_slug: &str,
    organisation: Option<&Organisation>,
    slug_of: &mut impl FnMut(&str) -> String,
) -> String {
    organisation
        .and_then(|o| o.id.as_deref())
        .map(slug_of)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| name_slug.to_string())
}

/// Terms [`place_names`] added to a site's taxonomies, to take out with
/// [`AddedTerms::remove`].
#[derive(Debug, Default)]
pub struct AddedTerms {
    /// Per taxonomy (its place in the list): how many terms it had, and
    /// the index keys added.
    added: Vec<(usize, usize, Vec<String>)>,
}

impl AddedTerms {
    /// Takes the terms added out of `taxonomies` again.
    pub fn remove(self, taxonomies: &mut Taxonomies) {
        for (k, len, keys) in self.added.into_iter().rev() {
            if let Some(t) = taxonomies.list.get_mut(k) {
                t.terms.truncate(len);
                for key in keys {
                    t.index.remove(&key);
                }
            }
        }
    }
}

/// Makes the terms article `i` of `site` names (an article placed last
/// for its own page, `site::patch::place_new`) link where they would in
/// the site assembled with it in its place and without the articles
/// `gone`; `None` when a term it names is at another address there (the
/// studio's preview then assembles the site). A term's address is its
/// name's slug, but an organisation's, which the first article to name
/// it gives (by its registry id or by its name): the organisations that
/// article names and its names lead to are gathered again, with the
/// articles naming them, in the build's order, and each one known must
/// keep its address. A term
/// no article had is added to the site's taxonomies at the address it
/// would get, for its page only (its list of articles holds that article
/// alone).
pub fn place_names(site: &mut Site, i: usize, gone: &[usize]) -> Option<AddedTerms> {
    let mut new_terms: Vec<(usize, Vec<(String, Term)>)> = Vec::new();
    for (k, t) in site.taxonomies.list.iter().enumerate() {
        let own = names_of(site, t.kind, i);
        if own.is_empty() {
            continue;
        }
        // Only an organisation's address depends on who names it first
        // (by its registry id or by its name); any other term's is its
        // name's slug, whoever names it.
        let gathering = if t.kind == Kind::Organisations {
            gathered_again(site, t, i, gone, &own)
        } else {
            let mut alone = Gathering::new(&site.config, t.kind);
            alone.add(i, own.clone());
            alone
        };
        let mut added: Vec<(String, Term)> = Vec::new();
        for (name, _, _) in &own {
            let key = slugify(name);
            let Some(&again) = gathering.index.get(&key) else {
                // No page in either (an empty slug).
                continue;
            };
            let term = &gathering.terms[again];
            match t.url_of(name) {
                Some(url) if url == term.url => {}
                Some(_) => return None,
                None => added.push((
                    key,
                    Term {
                        articles: vec![i],
                        ..term.clone()
                    },
                )),
            }
        }
        if !added.is_empty() {
            new_terms.push((k, added));
        }
    }
    let mut placed = AddedTerms::default();
    for (k, added) in new_terms {
        let t = &mut site.taxonomies.list[k];
        let mut keys = Vec::new();
        let len = t.terms.len();
        for (key, term) in added {
            if !t.index.contains_key(&key) {
                t.index.insert(key.clone(), t.terms.len());
                t.terms.push(term);
                keys.push(key);
            }
        }
        placed.added.push((k, len, keys));
    }
    Some(placed)
}

/// The terms of taxonomy `t` that article `i`'s names `own` lead to,
/// gathered again in the build's order with `i` at its place and without
/// the articles `gone`: the slugs those names give, the articles that
/// name any of them, to a fixed point (a name that finds a term by its
/// spelling brings the slug it gives it); then only those articles'
/// names that give one of those slugs.
fn gathered_again<'s>(
    site: &'s Site,
    t: &Taxonomy,
    i: usize,
    gone: &[usize],
    own: &[Named],
) -> Gathering<'s> {
    // The slugs that lead to these terms, and the articles that name
    // any of them, to a fixed point.
    let slugs_of = |named: &Named| {
        let name_slug = slugify(&named.0);
        let slug = term_slug(&name_slug, named.2.as_ref(), &mut |s| slugify(s));
        [name_slug, slug]
    };
    let mut slugs: HashSet<String> = own.iter().flat_map(slugs_of).collect();
    let mut terms: HashSet<usize> = HashSet::new();
    let mut articles: BTreeSet<usize> = BTreeSet::new();
    let mut pending: Vec<String> = slugs.iter().cloned().collect();
    while let Some(slug) = pending.pop() {
        let Some(&term) = t.index.get(&slug) else {
            continue;
        };
        if !terms.insert(term) {
            continue;
        }
        for &a in &t.terms[term].articles {
            if a == i || gone.contains(&a) || !articles.insert(a) {
                continue;
            }
            for named in names_of(site, t.kind, a) {
                let [name_slug, slug] = slugs_of(&named);
                if slugs.contains(&name_slug) || slugs.contains(&slug) {
                    for s in [name_slug, slug] {
                        if slugs.insert(s.clone()) {
                            pending.push(s);
                        }
                    }
                }
            }
        }
    }
    // Gathered again in the build's order, `i` at its place.
    let new = &site.articles[i].loaded;
    let mut order: Vec<usize> = articles.into_iter().collect();
    let at =
        order.partition_point(|&a| super::inclusion::order(&site.articles[a].loaded, new).is_lt());
    order.insert(at, i);
    let mut gathering = Gathering::new(&site.config, t.kind);
    for a in order {
        let names = names_of(site, t.kind, a)
            .into_iter()
            .filter(|named| slugs_of(named).iter().any(|s| slugs.contains(s)))
            .collect();
        gathering.add(a, names);
    }
    gathering
}

/// `terms` sorted by name, accents folded, and `index` (term by slug)
/// following them.
fn sorted_by_name(
    terms: Vec<Term>,
    index: HashMap<String, usize>,
) -> (Vec<Term>, BTreeMap<String, usize>) {
    // Sorted by name, accents folded; the index follows.
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_cached_key(|&t| (deunicode::deunicode(&terms[t].name).to_lowercase(), t));
    let mut sorted = Vec::with_capacity(terms.len());
    let mut position = vec![0; terms.len()];
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    for (new_pos, old) in order.into_iter().enumerate() {
        position[old] = new_pos;
        if let Some(term) = slots.get_mut(old).and_then(Option::take) {
            sorted.push(term);
        }
    }
    let new_index: BTreeMap<String, usize> = index
        .into_iter()
        .map(|(k, old)| (k, position[old]))
        .collect();
    (sorted, new_index)
}
