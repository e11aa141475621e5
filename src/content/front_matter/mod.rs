//! Front matter: the YAML between the first two `---` lines of a Markdown file.
//!
//! `split` finds it in the file as written (byte-order mark, CRLF) and keeps
//! the byte offsets, so every later position is a position in the writer's
//! file. `parse_article` and `parse_section` read it into raw serde structs
//! that deny unknown keys, then check what serde cannot (required keys, dates,
//! empty values) into the typed `ArticleMeta` and `SectionMeta`. Checks that
//! need the whole site (an unknown person id, a missing `related` file) are
//! made at assembly, which uses `locate` to point at the key.
//!
//! # The parts
//!
//! Each module owns one thing a header holds or one step of reading it:
//!
//! - `fences`: the header apart from the body ([`split`]);
//! - `positions`: where a key, a value or a list entry is in the file
//!   ([`locate`]), for every check that reports one;
//! - `article`: an article's keys, raw and checked ([`parse_article`]);
//! - `checks`: what serde cannot check in an article (a missing or empty
//!   title, an image without `alt`, a download without a title, a question
//!   without its speaker, a slug that folds to nothing);
//! - `dated`: the dates, as written and as instants;
//! - `people`: people by id or written out;
//! - `blocks`: the blocks a writer fills here and places in the body
//!   (interview, testimonies, principles, quotes, downloads, image, source);
//! - `section`: a section's `_index.md` ([`parse_section`]);
//! - `shapes`: the fix of a value written in the wrong shape, in the shape
//!   its key takes.
//!
//! A new article key is a field of `RawArticle` and `ArticleMeta` in
//! `article`, and a function in `checks` if it can be wrong in a way serde
//! does not see. A key whose value is text that only the article's page
//! and its summary show may also be set aside in `site::patch` (the
//! preview then shows an edit of it at once); a key left out there is
//! one the article is placed by, the safe default. Every item other
//! modules use is re-exported here, so they name `front_matter::…`
//! whatever file it lives in.

mod article;
mod blocks;
mod checks;
mod dated;
mod fences;
mod people;
mod positions;
mod section;
mod shapes;

pub use article::{
    ArticleMeta, FrontMatterCache, front_matter_key, parse_article, parse_article_cached,
};
pub use blocks::{
    PrincipleListShape, RawDownload, RawImage, RawInterview, RawPrinciple, RawPrincipleList,
    RawPrinciples, RawQuestion, RawQuote, RawSource, RawTestimonialGroup, RawTestimonials,
    RawTestimony, RawTitledPrinciple,
};
pub use dated::Dated;
pub use fences::{Split, split, split_section};
pub use people::{InlinePerson, OneOrMany, Person, PersonRef};
pub use positions::locate;
pub use section::{SectionMeta, SortBy, parse_section};

/// `extra:`, the free map for themes, as the JSON templates read (an empty
/// map when absent).
fn theme_extra(written: Option<serde_yaml::Mapping>) -> serde_json::Value {
    written
        .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
        .unwrap_or_else(|| serde_json::Value::Object(Default::default()))
}
