//! The blocks a writer fills in the front matter and places in the body
//! with shortcodes: the cover image, the interview, testimonies, principle
//! lists, pull quotes, downloads and the original source.
//!
//! Each is a raw serde struct that denies unknown keys, so a typo in a block
//! is named with its path (`testimonials[0].by`) and the closest key. Where a
//! writer may use a short form (one list of testimonies or principles
//! instead of a map of named groups, a principle list without its keys),
//! the short form is read as a `Shapes` alternative and made the long one
//! here, under the id `default`, so the rest of the program meets one shape.

use indexmap::IndexMap;
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use super::people::{OneOrMany, PersonRef};
use crate::yaml::{Shapes, Text};

/// `{src, alt, caption?, credit?, focus?}`.
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
    /// The point kept when a card crops the picture: `"50% 30%"`
    /// (across, down), checked by `site::focus`.
    pub focus: Option<Text>,
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

/// The testimony groups by id, in order: a single list is the group
/// `default`.
pub(super) fn testimonial_groups(
    written: Option<RawTestimonials>,
) -> IndexMap<String, RawTestimonialGroup> {
    match written {
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
    }
}

/// The principle lists by id, in order: a single list is the list
/// `default`.
pub(super) fn principle_lists(
    written: Option<RawPrinciples>,
) -> IndexMap<String, RawPrincipleList> {
    match written {
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
    }
}
