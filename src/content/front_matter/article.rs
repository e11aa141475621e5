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

#[derive(Debug, Deserialize, Default)]
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
    let places = Places { source, split };
    let read =
        yaml::read::<RawArticle>(places.yaml(), source, split.yaml.start, lang, shapes::fix)?;
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
