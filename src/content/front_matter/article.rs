//! An article's header: the keys a writer may use (`RawArticle`, as
//! written) and what the program reads (`ArticleMeta`, checked).
//!
//! Two types rather than one because serde's job and ours differ: serde
//! denies unknown keys and names a typo with the closest key, at its place
//! in the file; the checks that follow (`checks`, `dated`) need the whole
//! header to report every problem at once, and the typed result has no
//! `Option` left where the program needs a value (a title, a date) and no
//! short form left where a block may be written two ways (`blocks`).
//! Adding a key is a field in each type and a line in `parse_article`.
//!
//! The header is read past its faulty keys (`yaml::read`): a misspelt key,
//! a value of the wrong shape and an impossible date are reported in one
//! run, and a required key that was written, only wrongly, is not also
//! said to be missing.

use indexmap::IndexMap;
use serde::Deserialize;

use super::blocks::{
    self, RawDownload, RawImage, RawInterview, RawPrincipleList, RawPrinciples, RawQuote,
    RawSource, RawTestimonialGroup, RawTestimonials,
};
use super::checks;
use super::dated::{self, Dated};
use super::fences::Split;
use super::people::{Person, PersonRef};
use super::positions::Places;
use super::shapes;
use super::theme_extra;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::yaml::{self, Text};

#[derive(Debug, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    title: Option<Text>,
    date: Option<Text>,
    updated: Option<Text>,
    summary: Option<Text>,
    category: Option<Text>,
    series: Option<Text>,
    tags: Option<Vec<Text>>,
    organisations: Option<Vec<Text>>,
    authors: Option<Vec<Text>>,
    people: Option<IndexMap<String, Person>>,
    image: Option<RawImage>,
    interview: Option<RawInterview>,
    testimonials: Option<RawTestimonials>,
    principles: Option<RawPrinciples>,
    quotes: Option<IndexMap<String, RawQuote>>,
    downloads: Option<Vec<RawDownload>>,
    source: Option<RawSource>,
    related: Option<Vec<Text>>,
    pinned: Option<bool>,
    draft: Option<bool>,
    expires: Option<Text>,
    aliases: Option<Vec<Text>>,
    slug: Option<Text>,
    template: Option<Text>,
    extra: Option<serde_yaml::Mapping>,
}

/// An article's front matter, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    /// Headline.
    pub title: String,
    /// Publication date.
    pub date: Dated,
    /// Last substantive update.
    pub updated: Option<Dated>,
    /// The lead, inline Markdown.
    pub summary: Option<String>,
    /// One category.
    pub category: Option<String>,
    /// One editorial column.
    pub series: Option<String>,
    /// Keywords.
    pub tags: Vec<String>,
    /// Bodies the article is about (ids or names).
    pub organisations: Vec<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// People who speak, by id.
    pub people: IndexMap<String, Person>,
    /// Cover image.
    pub image: Option<RawImage>,
    /// Interview.
    pub interview: Option<RawInterview>,
    /// Testimony groups by id, in order.
    pub testimonials: IndexMap<String, RawTestimonialGroup>,
    /// Principle lists by id, in order.
    pub principles: IndexMap<String, RawPrincipleList>,
    /// Pull quotes by id, in order.
    pub quotes: IndexMap<String, RawQuote>,
    /// Attached documents.
    pub downloads: Vec<RawDownload>,
    /// Where the text first appeared.
    pub source: Option<RawSource>,
    /// Further reading, paths relative to `content/`.
    pub related: Vec<String>,
    /// Featured on the home page.
    pub pinned: bool,
    /// Left out unless `--drafts`.
    pub draft: bool,
    /// Left out from then on.
    pub expires: Option<Dated>,
    /// Old URL paths that redirect here.
    pub aliases: Vec<String>,
    /// Overrides the file name in the URL.
    pub slug: Option<String>,
    /// Overrides the article template.
    pub template: Option<String>,
    /// Free map for themes.
    pub extra: serde_json::Value,
}

/// Reads and checks an article's front matter. Every problem found is returned.
pub fn parse_article(
    source: &SourceText,
    split: &Split,
    lang: Language,
) -> Result<ArticleMeta, Vec<Diagnostic>> {
    parse_article_cached(source, split, lang, None)
}

/// What a build keeps of the headers it read (the pipeline's build cache):
/// each header read without a mistake, as JSON, under a hash of its YAML
/// text ([`front_matter_key`]). A rebuild reads the JSON of an unchanged
/// header instead of its YAML, several times faster, and skips the checks
/// of the text (quotes, depth) that it passed.
pub trait FrontMatterCache: Sync {
    /// The JSON kept under `key`, if any.
    fn get(&self, key: u128) -> Option<&str>;
    /// Keeps `json` under `key`.
    fn put(&self, key: u128, json: String);
}

/// The key of a header's YAML text in a [`FrontMatterCache`].
pub fn front_matter_key(yaml: &str) -> u128 {
    let mut h = crate::digest::Digest::new();
    h.write_str("article front matter 1\n");
    h.write(yaml.as_bytes());
    h.finish()
}

/// [`parse_article`], reading the header from `cache` when it holds this
/// very text, and keeping it there when it does not.
pub fn parse_article_cached(
    source: &SourceText,
    split: &Split,
    lang: Language,
    cache: Option<&dyn FrontMatterCache>,
) -> Result<ArticleMeta, Vec<Diagnostic>> {
    let places = Places { source, split };
    let yaml_text = places.yaml();
    let key = cache.map(|_| front_matter_key(yaml_text));
    let kept = cache
        .zip(key)
        .and_then(|(cache, key)| cache.get(key))
        .and_then(|json| serde_json::from_str::<RawArticle>(json).ok());
    let read = match kept {
        Some(raw) => yaml::Read::clean(raw),
        None => {
            let read =
                yaml::read::<RawArticle>(yaml_text, source, split.yaml.start, lang, shapes::fix)?;
            if let (Some(cache), Some(key)) = (cache, key)
                && read.errors.is_empty()
                && let Some(json) = as_json(yaml_text, &read.value)
            {
                cache.put(key, json);
            }
            read
        }
    };
    // A key misspelt or of the wrong shape is reported as such, not missing.
    let (title_written, date_written) = (read.mentioned("title"), read.mentioned("date"));
    let mut raw = read.value;
    let mut errors = read.errors;
    // `title:` with nothing after it is empty, not missing: said at its key.
    let written_empty = |key: &str, mentioned: bool| {
        (!mentioned && places.top_level_written(key)).then(Text::default)
    };
    let title = raw
        .title
        .take()
        .or_else(|| written_empty("title", title_written));
    let title = checks::title(places, title, title_written, lang, &mut errors);
    let date = match raw
        .date
        .take()
        .or_else(|| written_empty("date", date_written))
    {
        Some(value) => dated::read(places, "date", value, lang, &mut errors),
        None if date_written => None,
        None => {
            errors.push(checks::missing_key(source, "date", lang));
            None
        }
    };
    let mut optional_date = |key: &str, value: Option<Text>| {
        value.and_then(|value| dated::read(places, key, value, lang, &mut errors))
    };
    let updated = optional_date("updated", raw.updated.take());
    let expires = optional_date("expires", raw.expires.take());
    checks::image_alt(places, raw.image.as_ref(), lang, &mut errors);
    checks::download_titles(places, raw.downloads.as_deref(), lang, &mut errors);
    checks::interview_answerers(places, raw.interview.as_ref(), lang, &mut errors);
    let slug = checks::slug(places, raw.slug.take(), lang, &mut errors);
    id_clashes(places, &raw, lang, &mut errors);
    match date {
        Some(date) if errors.is_empty() => Ok(ArticleMeta::new(
            raw,
            Checked {
                title,
                date,
                updated,
                expires,
                slug,
            },
        )),
        _ => Err(errors),
    }
}

/// The header `yaml`, read as `raw`, as JSON that reads back as `raw`
/// exactly; `None` when it would not (a YAML tag, a key that is not text,
/// a number JSON cannot write): such a header is read from its YAML each
/// time.
fn as_json(yaml: &str, raw: &RawArticle) -> Option<String> {
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    let value: serde_json::Value = serde_yaml::from_str(text).ok()?;
    let json = serde_json::to_string(&value).ok()?;
    let back: RawArticle = serde_json::from_str(&json).ok()?;
    (back == *raw).then_some(json)
}

/// Ids of one map that differ only by how an accent is encoded.
fn id_clashes(places: Places, raw: &RawArticle, lang: Language, errors: &mut Vec<Diagnostic>) {
    let ids = |map: Option<Vec<&String>>| -> Vec<String> {
        map.unwrap_or_default().into_iter().cloned().collect()
    };
    let all = [
        (
            "people",
            ids(raw.people.as_ref().map(|m| m.keys().collect())),
        ),
        (
            "quotes",
            ids(raw.quotes.as_ref().map(|m| m.keys().collect())),
        ),
        (
            "testimonials",
            ids(match &raw.testimonials {
                Some(RawTestimonials::Groups(g)) => Some(g.keys().collect()),
                _ => None,
            }),
        ),
        (
            "principles",
            ids(match &raw.principles {
                Some(RawPrinciples::Lists(l)) => Some(l.keys().collect()),
                _ => None,
            }),
        ),
    ];
    for (key, ids) in &all {
        checks::id_clashes(places, key, ids.iter().map(String::as_str), lang, errors);
    }
}

/// The values of a header that passed its checks.
struct Checked {
    title: String,
    date: Dated,
    updated: Option<Dated>,
    expires: Option<Dated>,
    slug: Option<String>,
}

impl ArticleMeta {
    /// The checked values, and the others from the raw header (trimmed,
    /// blocks in their long form, defaults applied).
    fn new(raw: RawArticle, checked: Checked) -> ArticleMeta {
        ArticleMeta {
            title: checked.title,
            date: checked.date,
            updated: checked.updated,
            summary: raw.summary.map(|t| t.0).filter(|s| !s.trim().is_empty()),
            category: trimmed(raw.category),
            series: trimmed(raw.series),
            tags: list(raw.tags),
            organisations: list(raw.organisations),
            authors: list(raw.authors),
            people: raw.people.unwrap_or_default(),
            image: raw.image,
            interview: raw.interview,
            testimonials: blocks::testimonial_groups(raw.testimonials),
            principles: blocks::principle_lists(raw.principles),
            quotes: raw.quotes.unwrap_or_default(),
            downloads: raw.downloads.unwrap_or_default(),
            source: raw.source,
            related: list(raw.related),
            pinned: raw.pinned.unwrap_or(false),
            draft: raw.draft.unwrap_or(false),
            expires: checked.expires,
            aliases: list(raw.aliases),
            slug: checked.slug,
            template: raw.template.map(|t| t.0),
            extra: theme_extra(raw.extra),
        }
    }

    /// Every person's photo the front matter writes, with the top-level
    /// key it is written under: `people`, then the people written inline
    /// after a `by:` of `interview`, `testimonials` and `quotes`, in the
    /// order of the file.
    pub fn photos_written(&self) -> Vec<(&'static str, &str)> {
        fn inline(by: &Option<PersonRef>) -> Option<&str> {
            match by {
                Some(PersonRef::Inline(p)) => p.photo.as_ref().map(|t| t.as_str()),
                _ => None,
            }
        }
        let people = self.people.values().filter_map(|p| p.photo.as_ref());
        let mut out: Vec<(&'static str, &str)> = people.map(|t| ("people", t.as_str())).collect();
        let questions = self.interview.iter().flat_map(|i| &i.questions);
        out.extend(
            questions
                .filter_map(|q| inline(&q.by))
                .map(|p| ("interview", p)),
        );
        let testimonies = self.testimonials.values().flat_map(|g| &g.items);
        out.extend(
            testimonies
                .filter_map(|t| inline(&t.by))
                .map(|p| ("testimonials", p)),
        );
        out.extend(
            self.quotes
                .values()
                .filter_map(|q| inline(&q.by))
                .map(|p| ("quotes", p)),
        );
        out
    }
}

/// A one-line value, trimmed; `None` when empty.
fn trimmed(value: Option<Text>) -> Option<String> {
    value
        .map(|t| t.0.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// A list of one-line values, trimmed, without the empty ones.
fn list(values: Option<Vec<Text>>) -> Vec<String> {
    values
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.0.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::{PersonRef, RawPrinciple, split};

    fn meta(text: &str) -> Result<ArticleMeta, Vec<Diagnostic>> {
        let src = SourceText::new("a.md", text);
        let split = split(&src, Language::Fr).unwrap();
        parse_article(&src, &split, Language::Fr)
    }

    /// A cache holding `kept`, noting what it is given.
    struct Memory {
        kept: std::collections::HashMap<u128, String>,
        given: std::sync::Mutex<Vec<(u128, String)>>,
    }

    impl FrontMatterCache for Memory {
        fn get(&self, key: u128) -> Option<&str> {
            self.kept.get(&key).map(String::as_str)
        }
        fn put(&self, key: u128, json: String) {
            self.given.lock().unwrap().push((key, json));
        }
    }

    fn cached(text: &str, cache: &Memory) -> Result<ArticleMeta, Vec<Diagnostic>> {
        let src = SourceText::new("a.md", text);
        let split = split(&src, Language::Fr).unwrap();
        parse_article_cached(&src, &split, Language::Fr, Some(cache))
    }

    #[test]
    fn a_header_read_once_reads_back_the_same_from_the_cache() {
        let text = "---\ntitle: Accord signé\ndate: 2026-03-01\ntags: [rh, 2026]\n\
                    people:\n  lea: {name: Léa Martin, role: DRH}\n\
                    interview:\n  with: lea\n  questions:\n    - q: Pourquoi ?\n      a: Parce que.\n\
                    quotes:\n  q1: {text: \"Une phrase\", by: lea}\n\
                    extra: {note: 1.50, liste: [1, deux], vide: ~}\n---\nCorps.\n";
        let empty = Memory {
            kept: Default::default(),
            given: Default::default(),
        };
        let read = cached(text, &empty).expect("a header");
        assert_eq!(read, meta(text).expect("a header"));
        let given = empty.given.into_inner().unwrap();
        assert_eq!(given.len(), 1, "kept once");
        let full = Memory {
            kept: given.into_iter().collect(),
            given: Default::default(),
        };
        assert_eq!(cached(text, &full).expect("a header"), read);
        assert!(full.given.lock().unwrap().is_empty(), "read from the cache");
        // What the cache holds is what is read (so a hit is a hit).
        let json = full
            .kept
            .values()
            .next()
            .unwrap()
            .replace("Accord signé", "Autre");
        let other = Memory {
            kept: full.kept.keys().map(|k| (*k, json.clone())).collect(),
            given: Default::default(),
        };
        assert_eq!(cached(text, &other).expect("a header").title, "Autre");
    }

    #[test]
    fn a_header_json_cannot_write_exactly_is_not_kept() {
        let empty = Memory {
            kept: Default::default(),
            given: Default::default(),
        };
        // A YAML tag, and a header with a mistake.
        cached(
            "---\ntitle: Un titre\ndate: 2026-03-01\nextra: {a: !ruban bleu}\n---\n",
            &empty,
        )
        .expect("a header");
        assert!(cached("---\ntitel: Un titre\ndate: 2026-03-01\n---\n", &empty).is_err());
        assert!(empty.given.lock().unwrap().is_empty());
    }

    #[test]
    fn a_typo_inside_a_block_is_named_where_it_is() {
        let errors = meta(
            "---\ntitle: T\ndate: 2026-01-01\ntestimonials:\n  - text: Oui.\n    by: {name: Karim B., rol: Gestionnaire}\n---\n",
        )
        .unwrap_err();
        let d = &errors[0];
        assert_eq!(
            d.message,
            "clé inconnue « rol » (dans témoignage 1, « by »)"
        );
        assert_eq!(d.help.as_deref(), Some("vouliez-vous écrire « role » ?"));
        assert_eq!(
            d.position.as_ref().map(|p| (p.line, p.column)),
            Some((6, 26))
        );
    }

    #[test]
    fn every_shape_of_the_blocks_reads() {
        let m = meta(
            "---\ntitle: T\ndate: 2026-01-01\nprinciples:\n  courts: [Un, Deux]\n  longs:\n    title: Nos engagements\n    items:\n      - Trois\n      - {title: Quatre, text: Le détail.}\ninterview:\n  with: [a, b]\n  questions:\n    - {q: Pourquoi ?, a: Parce que., by: a}\n---\n",
        )
        .unwrap();
        assert_eq!(m.principles["courts"].items.len(), 2);
        assert_eq!(
            m.principles["longs"].title.as_ref().map(Text::as_str),
            Some("Nos engagements")
        );
        assert!(
            matches!(&m.principles["longs"].items[1], RawPrinciple::Titled(t) if t.title.as_str() == "Quatre")
        );
        let interview = m.interview.expect("an interview");
        assert_eq!(interview.with.ids(), ["a", "b"]);
        assert!(
            matches!(&interview.questions[0].by, Some(PersonRef::Id(id)) if id.as_str() == "a")
        );
    }
}
