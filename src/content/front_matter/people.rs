//! People as the front matter names them: by an id of the article's
//! `people` map or of the site's `_people.yaml`, or written out where they
//! speak.
//!
//! A name is not checked against the registries here: they are the whole
//! site's, and only assembly has them all. This module owns the shapes a
//! writer may use (a text or a map, one id or a list of them), each read by
//! `yaml::Shapes`, so a wrong shape is one message naming what was expected.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};

use crate::yaml::{Shapes, Text};

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
