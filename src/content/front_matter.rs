//! Front matter: the YAML between the first two `---` lines of a Markdown file.
//!
//! `split` finds it in the file as written (byte-order mark, CRLF) and keeps
//! the byte offsets, so every later position is a position in the writer's
//! file. `parse_article` and `parse_section` read it into raw serde structs
//! that deny unknown keys, then check what serde cannot (required keys, dates,
//! empty values) into the typed `ArticleMeta` and `SectionMeta`. Checks that
//! need the whole site (an unknown person id, a missing `related` file) are
//! made at assembly, which uses `locate` to point at the key.

use std::ops::Range;

use indexmap::IndexMap;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use crate::dates;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::yaml::{self, Shapes, Text};

/// Where the front matter and the body are in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML text (between the fences).
    pub yaml: Range<usize>,
    /// Byte range of the Markdown body (after the closing fence's line).
    pub body: Range<usize>,
}

/// Finds the front matter of a file. `Err` is a diagnostic: no opening fence,
/// or no closing one.
pub fn split(source: &SourceText, lang: Language) -> Result<Split, Diagnostic> {
    let text = source.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[start..]
        .find('\n')
        .map(|i| start + i + 1)
        .unwrap_or(text.len());
    let first_line = text[start..first_end].trim_end();
    if first_line != "---" {
        return Err(Diagnostic::error(
            "front-matter-missing",
            lang.pick(
                "le fichier ne commence pas par « --- » : l’en-tête (titre, date…) manque",
                "the file does not start with `---`: the front matter (title, date…) is missing",
            ),
        )
        .at(source, start..first_end.max(start + 1))
        .with_help(lang.pick(
            "commencez le fichier par une ligne « --- », puis « title: … » et « date: AAAA-MM-JJ », puis une autre ligne « --- »",
            "start the file with a line `---`, then `title: …` and `date: YYYY-MM-DD`, then another line `---`",
        )));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = text[pos..end].trim_end();
        if line == "---" {
            return Ok(Split {
                yaml: first_end..pos,
                body: end..text.len(),
            });
        }
        pos = end;
    }
    Err(Diagnostic::error(
        "front-matter-unclosed",
        lang.pick(
            "l’en-tête commence par « --- » mais ne se termine jamais",
            "the front matter starts with `---` but never ends",
        ),
    )
    .at(source, start..start + 3)
    .with_help(lang.pick(
        "ajoutez une ligne « --- » après la dernière clé de l’en-tête",
        "add a line `---` after the front matter's last key",
    )))
}

/// A person written inline, or a reference to one by id.
#[derive(Debug, Clone, PartialEq)]
pub enum PersonRef {
    /// An id from the article's `people` or the site's `_people.yaml`.
    Id(Text),
    /// `{name, role?, organisation?}`.
    Inline(InlinePerson),
}

impl<'de> Deserialize<'de> for PersonRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::<_, InlinePerson, IgnoredAny>::new(
            "a text or a map",
            Some(PersonRef::Id),
            Some(PersonRef::Inline),
            None,
        ))
    }
}

/// A person written where they are named.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct InlinePerson {
    /// Full name.
    pub name: Text,
    /// Job title.
    pub role: Option<Text>,
    /// Organisation: a registry id or a name.
    pub organisation: Option<Text>,
    /// Photo: relative to the bundle, or a site path.
    pub photo: Option<Text>,
    /// Initials shown before interview answers.
    pub initials: Option<Text>,
}

/// A person of the article's `people` map or of `_people.yaml`.
pub type Person = InlinePerson;

/// `{src, alt, caption?, credit?}`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    /// File in the bundle, or a site path.
    pub src: Text,
    /// Alternative text; `""` only for a decorative image.
    pub alt: Option<Text>,
    /// Caption.
    pub caption: Option<Text>,
    /// Credit (photographer, illustrator).
    pub credit: Option<Text>,
}

/// One or several ids.
#[derive(Debug, Clone, PartialEq)]
pub enum OneOrMany {
    /// A single id.
    One(Text),
    /// Several ids.
    Many(Vec<Text>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::<_, IgnoredAny, Vec<Text>>::new(
            "a text or a sequence",
            Some(OneOrMany::One),
            None,
            Some(OneOrMany::Many),
        ))
    }
}

impl OneOrMany {
    /// The ids, in order.
    pub fn ids(&self) -> Vec<String> {
        match self {
            OneOrMany::One(t) => vec![t.0.clone()],
            OneOrMany::Many(v) => v.iter().map(|t| t.0.clone()).collect(),
        }
    }
}

/// `interview:`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawInterview {
    /// Who is interviewed.
    pub with: OneOrMany,
    /// Markdown introduction.
    pub intro: Option<Text>,
    /// The questions, in order.
    pub questions: Vec<RawQuestion>,
}

/// One question and its answer.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Inline Markdown.
    pub q: Text,
    /// Block Markdown.
    pub a: Text,
    /// Who answers, when the interview has several people.
    pub by: Option<PersonRef>,
}

/// A group of testimonies.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTestimonialGroup {
    /// Heading.
    pub title: Option<Text>,
    /// The testimonies.
    pub items: Vec<RawTestimony>,
}

/// One testimony.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTestimony {
    /// Block Markdown.
    pub text: Text,
    /// Who speaks; anonymous when absent.
    pub by: Option<PersonRef>,
}

/// `testimonials:` as a map of groups or one list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawTestimonials {
    /// `id → group`.
    Groups(IndexMap<String, RawTestimonialGroup>),
    /// One group, id `default`.
    List(Vec<RawTestimony>),
}

impl<'de> Deserialize<'de> for RawTestimonials {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::new(
            "a map or a sequence",
            None,
            Some(RawTestimonials::Groups),
            Some(RawTestimonials::List),
        ))
    }
}

/// A principle list: `{title?, ordered?, items}`, or the items alone.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawPrincipleList {
    /// Heading.
    pub title: Option<Text>,
    /// Numbered (default) or bulleted.
    pub ordered: Option<bool>,
    /// The principles.
    pub items: Vec<RawPrinciple>,
}

/// A principle list as written: with its keys, or its items alone.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipleListShape(pub RawPrincipleList);

impl<'de> Deserialize<'de> for PrincipleListShape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::<_, RawPrincipleList, Vec<RawPrinciple>>::new(
            "a map or a sequence",
            None,
            Some(PrincipleListShape),
            Some(|items| {
                PrincipleListShape(RawPrincipleList {
                    title: None,
                    ordered: None,
                    items,
                })
            }),
        ))
    }
}

/// A plain principle (inline Markdown) or a titled one.
#[derive(Debug, Clone, PartialEq)]
pub enum RawPrinciple {
    /// Inline Markdown.
    Plain(Text),
    /// `{title, text}`.
    Titled(RawTitledPrinciple),
}

impl<'de> Deserialize<'de> for RawPrinciple {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::<_, RawTitledPrinciple, IgnoredAny>::new(
            "a text or a map",
            Some(RawPrinciple::Plain),
            Some(RawPrinciple::Titled),
            None,
        ))
    }
}

/// `{title, text}`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawTitledPrinciple {
    /// Title of the principle.
    pub title: Text,
    /// Block Markdown.
    pub text: Option<Text>,
}

/// `principles:` as a map of lists or one list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawPrinciples {
    /// `id → list`.
    Lists(IndexMap<String, PrincipleListShape>),
    /// One list, id `default`.
    Items(Vec<RawPrinciple>),
}

impl<'de> Deserialize<'de> for RawPrinciples {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Shapes::new(
            "a map or a sequence",
            None,
            Some(RawPrinciples::Lists),
            Some(RawPrinciples::Items),
        ))
    }
}

/// A pull quote.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    /// Inline Markdown.
    pub text: Text,
    /// Who said it.
    pub by: Option<PersonRef>,
}

/// An attached document.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawDownload {
    /// File in the bundle, or a site path.
    pub file: Text,
    /// What the document is.
    pub title: Option<Text>,
    /// A sentence about it.
    pub description: Option<Text>,
}

/// Where the text first appeared.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Title of the publication.
    pub title: Text,
    /// Page.
    pub page: Option<Text>,
    /// Address.
    pub url: Option<Text>,
}

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

/// A date as written and as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dated {
    /// The instant (a plain date is midnight UTC).
    pub at: Timestamp,
    /// The calendar date as written.
    pub date: Date,
}

/// An article's front matter, checked.
#[derive(Debug, Clone)]
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
    let yaml_text = &source.text[split.yaml.clone()];
    let raw: RawArticle = yaml::parse_all(yaml_text, source, split.yaml.start, lang)?;
    let mut errors = Vec::new();
    let here = |path: &[&str]| locate(source, split, path);
    let title = match raw.title {
        Some(t) if !t.0.trim().is_empty() => t.0.trim().to_string(),
        Some(_) => {
            errors.push(
                Diagnostic::error(
                    "front-matter-empty-title",
                    lang.pick("le titre est vide", "the title is empty"),
                )
                .at(source, here(&["title"]))
                .with_help(lang.pick(
                    "écrivez le titre après « title: »",
                    "write the title after `title: `",
                )),
            );
            String::new()
        }
        None => {
            errors.push(missing_key(source, "title", lang));
            String::new()
        }
    };
    let date_of = |key: &str, value: Option<Text>, errors: &mut Vec<Diagnostic>| -> Option<Dated> {
        let text = value?;
        match dates::parse(text.as_str().trim()) {
            Ok((at, date)) => Some(Dated { at, date }),
            Err(err) => {
                let span = yaml::locate_value(yaml_text, &[key])
                    .map(|r| {
                        let start = split.yaml.start + r.start;
                        start..start + r.len()
                    })
                    .unwrap_or_else(|| here(&[key]));
                errors.push(
                    Diagnostic::error("front-matter-bad-date", err.message(lang))
                        .at(source, span)
                        .with_help(err.help(lang)),
                );
                None
            }
        }
    };
    let date = match raw.date {
        Some(value) => date_of("date", Some(value), &mut errors),
        None => {
            errors.push(missing_key(source, "date", lang));
            None
        }
    };
    let updated = date_of("updated", raw.updated, &mut errors);
    let expires = date_of("expires", raw.expires, &mut errors);
    if let Some(image) = &raw.image
        && image.alt.is_none()
    {
        errors.push(
            Diagnostic::error(
                "front-matter-image-alt",
                lang.pick(
                    "l’image n’a pas de texte de remplacement (alt)",
                    "the image has no alternative text (alt)",
                ),
            )
            .at(source, here(&["image"]))
            .with_help(lang.pick(
                "ajoutez « alt: » avec ce que montre l’image, pour les personnes qui ne la voient pas ; « alt: \"\" » seulement pour une image purement décorative",
                "add `alt:` with what the image shows, for people who cannot see it; `alt: \"\"` only for a purely decorative image",
            )),
        );
    }
    // Entries of a list are found one after another in the YAML text, by
    // the value each was read from.
    let entries = |key: &[&str], values: Vec<&str>| -> Vec<Range<usize>> {
        let start = here(key);
        let mut from = start.end.max(split.yaml.start).min(split.yaml.end);
        values
            .into_iter()
            .map(|value| {
                let first_line = value.trim().lines().next().unwrap_or("");
                match source.text[from..split.yaml.end]
                    .find(first_line)
                    .filter(|_| !first_line.is_empty())
                {
                    Some(i) => {
                        from += i + first_line.len();
                        from - first_line.len()..from
                    }
                    None => start.clone(),
                }
            })
            .collect()
    };
    if let Some(downloads) = &raw.downloads {
        let spans = entries(
            &["downloads"],
            downloads.iter().map(|d| d.file.as_str()).collect(),
        );
        for (d, span) in downloads.iter().zip(spans) {
            if d.title.as_ref().is_none_or(|t| t.0.trim().is_empty()) {
                let file = d.file.as_str();
                errors.push(
                    Diagnostic::error(
                        "front-matter-download-title",
                        lang.pick(
                            format!("le document à télécharger « {file} » n’a pas de titre"),
                            format!("the document to download `{file}` has no title"),
                        ),
                    )
                    .at(source, span)
                    .with_help(lang.pick(
                        "ajoutez « title: » sous « file: », avec ce qu’est le document : le lien « Télécharger … » le dit aux lecteurs, par exemple title: le guide du télétravail",
                        "add `title:` under `file:`, saying what the document is: the `Download …` link tells readers, for example title: the remote work guide",
                    )),
                );
            }
        }
    }
    if let Some(interview) = &raw.interview
        && let OneOrMany::Many(with) = &interview.with
        && with.len() > 1
    {
        let spans = entries(
            &["interview", "questions"],
            interview.questions.iter().map(|q| q.q.as_str()).collect(),
        );
        let ids: Vec<&str> = with.iter().map(Text::as_str).collect();
        for (q, span) in interview.questions.iter().zip(spans) {
            if q.by.is_none() {
                errors.push(
                    Diagnostic::error(
                        "front-matter-interview-by",
                        lang.pick(
                            "on ne sait pas qui répond à cette question : l’entretien a plusieurs invités",
                            "who answers this question is not said: the interview has several guests",
                        ),
                    )
                    .at(source, span)
                    .with_help(lang.pick(
                        format!("ajoutez « by: » sous la question, avec l’une des personnes de « with: » ({})", ids.join(", ")),
                        format!("add `by:` under the question, with one of the people of `with:` ({})", ids.join(", ")),
                    )),
                );
            }
        }
    }
    let list = |v: Option<Vec<Text>>| -> Vec<String> {
        v.unwrap_or_default()
            .into_iter()
            .map(|t| t.0.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let testimonials = match raw.testimonials {
        Some(RawTestimonials::Groups(groups)) => groups,
        Some(RawTestimonials::List(items)) => {
            let mut map = IndexMap::new();
            map.insert(
                "default".to_string(),
                RawTestimonialGroup { title: None, items },
            );
            map
        }
        None => IndexMap::new(),
    };
    let principles = match raw.principles {
        Some(RawPrinciples::Lists(lists)) => lists.into_iter().map(|(id, l)| (id, l.0)).collect(),
        Some(RawPrinciples::Items(items)) => {
            let mut map = IndexMap::new();
            map.insert(
                "default".to_string(),
                RawPrincipleList {
                    title: None,
                    ordered: None,
                    items,
                },
            );
            map
        }
        None => IndexMap::new(),
    };
    let slug = match raw.slug {
        Some(s) => {
            let clean = crate::content::slug::slugify(s.as_str());
            if clean.is_empty() {
                errors.push(
                    Diagnostic::error(
                        "front-matter-bad-slug",
                        lang.pick(
                            format!("« {} » ne peut pas servir d’adresse", s.0),
                            format!("`{}` cannot be used as an address", s.0),
                        ),
                    )
                    .at(source, here(&["slug"]))
                    .with_help(lang.pick(
                        "utilisez des lettres, des chiffres et des tirets, par exemple « mon-article »",
                        "use letters, digits and dashes, for example `my-article`",
                    )),
                );
                None
            } else {
                Some(clean)
            }
        }
        None => None,
    };
    let extra = raw
        .extra
        .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
        .unwrap_or_else(|| serde_json::Value::Object(Default::default()));
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(date) = date else {
        return Err(errors);
    };
    Ok(ArticleMeta {
        title,
        date,
        updated,
        summary: raw.summary.map(|t| t.0).filter(|s| !s.trim().is_empty()),
        category: raw
            .category
            .map(|t| t.0.trim().to_string())
            .filter(|s| !s.is_empty()),
        series: raw
            .series
            .map(|t| t.0.trim().to_string())
            .filter(|s| !s.is_empty()),
        tags: list(raw.tags),
        organisations: list(raw.organisations),
        authors: list(raw.authors),
        people: raw.people.unwrap_or_default(),
        image: raw.image,
        interview: raw.interview,
        testimonials,
        principles,
        quotes: raw.quotes.unwrap_or_default(),
        downloads: raw.downloads.unwrap_or_default(),
        source: raw.source,
        related: list(raw.related),
        pinned: raw.pinned.unwrap_or(false),
        draft: raw.draft.unwrap_or(false),
        expires,
        aliases: list(raw.aliases),
        slug,
        template: raw.template.map(|t| t.0),
        extra,
    })
}

/// Where the opening `---` is: the start of the file, after any byte-order
/// mark (the fence line may end with `\n` or `\r\n`).
fn opening_fence(source: &SourceText) -> Range<usize> {
    let start = if source.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    start..start + 3
}

fn missing_key(source: &SourceText, key: &str, lang: Language) -> Diagnostic {
    let example = if key == "date" { "2026-03-01" } else { "…" };
    Diagnostic::error(
        "front-matter-missing-key",
        lang.pick(
            format!("la clé obligatoire « {key} » manque dans l’en-tête"),
            format!("the required key `{key}` is missing from the front matter"),
        ),
    )
    .at(source, opening_fence(source))
    .with_help(lang.pick(
        format!("ajoutez une ligne « {key}: {example} » entre les deux lignes « --- »"),
        format!("add a line `{key}: {example}` between the two `---` lines"),
    ))
}

/// The byte range in the file of a key of the front matter (the opening
/// fence when the key is not found).
pub fn locate(source: &SourceText, split: &Split, path: &[&str]) -> Range<usize> {
    let yaml_text = &source.text[split.yaml.clone()];
    match yaml::locate_key(yaml_text, path) {
        Some(r) => split.yaml.start + r.start..split.yaml.start + r.end,
        None => opening_fence(source),
    }
}

/// How a section lists its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first.
    #[default]
    Date,
    /// Alphabetical.
    Title,
    /// By `extra.weight`, lightest first.
    Weight,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSection {
    title: Option<Text>,
    description: Option<Text>,
    sort_by: Option<SortBy>,
    paginate_by: Option<usize>,
    template: Option<Text>,
    draft: Option<bool>,
    extra: Option<serde_yaml::Mapping>,
}

/// A section's `_index.md` front matter, checked.
#[derive(Debug, Clone, Default)]
pub struct SectionMeta {
    /// Title (the folder name when absent).
    pub title: Option<String>,
    /// One sentence.
    pub description: Option<String>,
    /// Order of the listing.
    pub sort_by: SortBy,
    /// Articles per page (the site's when absent).
    pub paginate_by: Option<usize>,
    /// Overrides the section template.
    pub template: Option<String>,
    /// Left out unless `--drafts`.
    pub draft: bool,
    /// Free map for themes.
    pub extra: serde_json::Value,
}

/// Reads and checks a section's `_index.md` front matter.
pub fn parse_section(
    source: &SourceText,
    split: &Split,
    lang: Language,
) -> Result<SectionMeta, Vec<Diagnostic>> {
    let yaml_text = &source.text[split.yaml.clone()];
    let raw: RawSection = yaml::parse_all(yaml_text, source, split.yaml.start, lang)?;
    if raw.paginate_by == Some(0) {
        return Err(vec![
            Diagnostic::error(
                "front-matter-bad-paginate-by",
                lang.pick(
                    "paginate_by doit être au moins 1",
                    "paginate_by must be at least 1",
                ),
            )
            .at(source, locate(source, split, &["paginate_by"])),
        ]);
    }
    Ok(SectionMeta {
        title: raw.title.map(|t| t.0),
        description: raw.description.map(|t| t.0),
        sort_by: raw.sort_by.unwrap_or_default(),
        paginate_by: raw.paginate_by,
        template: raw.template.map(|t| t.0),
        draft: raw.draft.unwrap_or(false),
        extra: raw
            .extra
            .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
            .unwrap_or_else(|| serde_json::Value::Object(Default::default())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_bom_and_crlf() {
        let src = SourceText::new("a.md", "\u{feff}---\r\ntitle: x\r\n---\r\nBody\r\n");
        let split = split(&src, Language::Fr).unwrap();
        assert_eq!(&src.text[split.yaml.clone()], "title: x\r\n");
        assert_eq!(&src.text[split.body.clone()], "Body\r\n");
    }

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
            "clé inconnue « rol » (dans « testimonials[0].by »)"
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

    #[test]
    fn unclosed_front_matter() {
        let src = SourceText::new("a.md", "---\ntitle: x\n");
        let err = split(&src, Language::En).unwrap_err();
        assert_eq!(err.code, "front-matter-unclosed");
        assert_eq!(err.position.map(|p| (p.line, p.column)), Some((1, 1)));
    }
}
