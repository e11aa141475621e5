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

use std::collections::{BTreeMap, HashMap};

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
/// gathered into terms in article order (deterministic). A site uses the
/// same few names again and again: each is slugged once.
fn build_kind(site: &Site, kind: Kind) -> Taxonomy {
    let config = &site.config;
    let folder = kind.folder(config);
    let rel_url = PageFolder::taxonomy(folder);
    let named: Vec<Vec<Named>> = (0..site.articles.len())
        .into_par_iter()
        .map(|i| names_of(site, kind, i))
        .collect();
    let mut slugs: HashMap<String, String> = HashMap::new();
    let mut slug_of = |text: &str| -> String {
        if let Some(slug) = slugs.get(text) {
            return slug.clone();
        }
        let slug = slugify(text);
        slugs.insert(text.to_string(), slug.clone());
        slug
    };
    let mut terms: Vec<Term> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, names) in named.into_iter().enumerate() {
        for (name, person, organisation) in names {
            let name_slug = slug_of(&name);
            // A registry organisation's page is at its id, a stable
            // address; its name finds it too.
            let slug = organisation
                .as_ref()
                .and_then(|o| o.id.as_deref())
                .map(&mut slug_of)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| name_slug.clone());
            if slug.is_empty() {
                continue;
            }
            if let Some(&t) = index.get(&name_slug)
                && !index.contains_key(&slug)
            {
                index.insert(slug.clone(), t);
            }
            let t = match index.get(&slug) {
                Some(&t) => t,
                None => {
                    let term_rel = rel_url.child(&slug);
                    index.insert(name_slug.clone(), terms.len());
                    index.insert(slug, terms.len());
                    terms.push(Term {
                        name: crate::typography::typeset(config.language, &name),
                        url: config.url(term_rel.as_str()),
                        rel_url: term_rel,
                        articles: Vec::new(),
                        person: None,
                        organisation: None,
                    });
                    terms.len() - 1
                }
            };
            let term = &mut terms[t];
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
    let (sorted, new_index) = sorted_by_name(terms, index);
    Taxonomy {
        kind,
        url: config.url(rel_url.as_str()),
        rel_url,
        terms: sorted,
        index: new_index.into_iter().collect(),
    }
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
