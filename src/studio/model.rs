//! The studio's form, described from the content model: each front-matter
//! key of an article with the kind of control that edits it.
//!
//! The browser builds the whole form from this description (sent as JSON
//! with the site's values) and has no field of its own: a key added to the
//! content model gets its control by a line here, with its label and help
//! in the studio's catalogs (`src/studio/web/i18n/`, looked up as
//! `field.<path>` and `help.<path>`). The kinds are few and generic (a line
//! of text, Markdown, a date, a list of words, a map of named blocks, a
//! list of items, a person…), so the newsroom blocks are edited as blocks
//! (an interview as its questions, each with its speaker) without a line
//! of UI code per block. The tests keep this description equal to the
//! table of keys in `docs/writing.md` and check that every key it names is
//! one the front matter accepts.

use serde::Serialize;

/// The kind of control a value gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// One line of text.
    Text,
    /// A short Markdown text on a few lines (a summary, a question).
    Inline,
    /// Markdown of several paragraphs (an answer, a testimony).
    Markdown,
    /// A date, with a time and an offset when needed.
    Date,
    /// Yes or no.
    Bool,
    /// A whole number.
    Number,
    /// A web address.
    Url,
    /// A file of the article's folder (a photo, a document), chosen or
    /// dropped: uploading copies it there.
    File,
    /// A list of short texts (tags, authors), with the site's values
    /// offered.
    Words,
    /// Named values: an id (a short name the body places the block by)
    /// for each item of `fields`.
    Keyed,
    /// An ordered list of items of `fields` (add, remove, move).
    Items,
    /// A group of `fields` written together.
    Group,
    /// Who speaks: an id of the article's people or of the site's
    /// registry, or a person written here (`fields`).
    Person,
    /// One or several ids of people (an interview's `with`).
    PeopleIds,
    /// The cover image: a file, its alternative text (required, or the
    /// explicit choice of a decorative image), caption, credit, focus.
    Image,
    /// A list of the site's articles (`related`).
    Articles,
    /// Texts by name, for the theme (`extra`).
    Pairs,
}

/// What the site offers as values for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Offer {
    /// The categories used in the site.
    Categories,
    /// The series used in the site.
    Series,
    /// The tags used in the site.
    Tags,
    /// The organisations of the registry and those used in the site.
    Organisations,
    /// The authors used in the site.
    Authors,
}

/// One key of the front matter, or of a block.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The key, as written in the file.
    pub key: &'static str,
    /// Its control.
    pub kind: Kind,
    /// Whether the article needs it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// The site's values offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<Offer>,
    /// Where the form shows a top-level key: `main`, `blocks` or
    /// `publishing`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    /// The value of a `Bool` when the key is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// The keys of each item (`Keyed`, `Items`), of the group (`Group`),
    /// or of a person written inline (`Person`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// A `Keyed` value may also be written as a plain list (one item, id
    /// `default`), or an item of `Items` as a plain text when only its
    /// `text` is given (a principle without a title).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<&'static str>,
}

const fn field(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        required: false,
        offer: None,
        part: None,
        default: None,
        fields: Vec::new(),
        short: None,
    }
}

impl Field {
    fn required(self) -> Field {
        Field {
            required: true,
            ..self
        }
    }

    fn offer(self, offer: Offer) -> Field {
        Field {
            offer: Some(offer),
            ..self
        }
    }

    fn part(self, part: &'static str) -> Field {
        Field {
            part: Some(part),
            ..self
        }
    }

    fn fields(self, fields: Vec<Field>) -> Field {
        Field { fields, ..self }
    }

    fn short(self, short: &'static str) -> Field {
        Field {
            short: Some(short),
            ..self
        }
    }

    fn default(self, default: bool) -> Field {
        Field {
            default: Some(default),
            ..self
        }
    }
}

/// The keys of a person (under `people:`, in the registry, or written
/// inline after a `by:`).
fn person() -> Vec<Field> {
    vec![
        field("name", Kind::Text).required(),
        field("role", Kind::Text),
        field("organisation", Kind::Text).offer(Offer::Organisations),
        field("photo", Kind::File),
        field("initials", Kind::Text),
    ]
}

/// An article's front matter, in the order of the content model (the
/// order the studio writes keys in).
pub fn article() -> Vec<Field> {
    use Kind::*;
    let main = "main";
    let blocks = "blocks";
    let publishing = "publishing";
    [
        field("title", Text).required().part(main),
        field("date", Date).required().part(main),
        field("updated", Date).part(publishing),
        field("summary", Inline).part(main),
        field("category", Text).offer(Offer::Categories).part(main),
        field("series", Text).offer(Offer::Series).part(main),
        field("tags", Words).offer(Offer::Tags).part(main),
        field("organisations", Words)
            .offer(Offer::Organisations)
            .part(main),
        field("authors", Words).offer(Offer::Authors).part(main),
        field("people", Keyed).fields(person()).part(blocks),
        field("image", Image)
            .fields(vec![
                field("src", File).required(),
                field("alt", Text).required(),
                field("caption", Text),
                field("credit", Text),
                field("focus", Text),
            ])
            .part(main),
    ]
    .into_iter()
    .chain(newsroom_blocks())
    .chain(publishing_keys())
    .collect()
}

/// The newsroom's blocks: an interview, testimonies, principles, pull
/// quotes and downloads.
fn newsroom_blocks() -> Vec<Field> {
    use Kind::*;
    let blocks = "blocks";
    vec![
        field("interview", Group)
            .fields(vec![
                field("with", PeopleIds).required(),
                field("intro", Markdown),
                field("questions", Items).required().fields(vec![
                    field("q", Inline).required(),
                    field("a", Markdown).required(),
                    field("by", Person).fields(person()),
                ]),
            ])
            .part(blocks),
        field("testimonials", Keyed)
            .short("items")
            .fields(vec![
                field("title", Text),
                field("items", Items).required().fields(vec![
                    field("text", Markdown).required(),
                    field("by", Person).fields(person()),
                ]),
            ])
            .part(blocks),
        field("principles", Keyed)
            .short("items")
            .fields(vec![
                field("title", Text),
                field("ordered", Bool).default(true),
                field("items", Items).required().short("text").fields(vec![
                    field("title", Text),
                    field("text", Markdown).required(),
                ]),
            ])
            .part(blocks),
        field("quotes", Keyed)
            .fields(vec![
                field("text", Inline).required(),
                field("by", Person).fields(person()),
            ])
            .part(blocks),
        field("downloads", Items)
            .fields(vec![
                field("file", File).required(),
                field("title", Text).required(),
                field("description", Text),
            ])
            .part(blocks),
    ]
}

/// Where the article comes from, and how it is published.
fn publishing_keys() -> Vec<Field> {
    use Kind::*;
    let publishing = "publishing";
    vec![
        field("source", Group)
            .fields(vec![
                field("title", Text).required(),
                field("page", Number),
                field("url", Url),
            ])
            .part(publishing),
        field("related", Articles).part(publishing),
        field("pinned", Bool).default(false).part(publishing),
        field("draft", Bool).default(false).part(publishing),
        field("expires", Date).part(publishing),
        field("aliases", Words).part(publishing),
        field("slug", Text).part(publishing),
        field("template", Text).part(publishing),
        field("extra", Pairs).part(publishing),
    ]
}

/// Every label path of `fields` under `prefix` (`title`,
/// `interview.questions.q`…): the keys the studio's catalogs must have.
pub fn label_paths(fields: &[Field], prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for f in fields {
        let path = if prefix.is_empty() {
            f.key.to_string()
        } else {
            format!("{prefix}.{}", f.key)
        };
        // A person's keys are labelled once, as `person.*`.
        if f.kind != Kind::Person && !(f.key == "people" && prefix.is_empty()) {
            out.extend(label_paths(&f.fields, &path));
        }
        out.push(path);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;
    use crate::diagnostics::Code;

    /// The keys of the front-matter table of `docs/writing.md`.
    fn documented_keys() -> Vec<String> {
        let doc = include_str!("../../docs/writing.md");
        let table = doc
            .split("| key | type | required | meaning |")
            .nth(1)
            .expect("the front-matter table");
        table
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with("| `"))
            .filter_map(|l| l.split('`').nth(1).map(str::to_string))
            .collect()
    }

    #[test]
    fn the_form_has_every_documented_key_in_the_documented_order() {
        let keys: Vec<String> = article().iter().map(|f| f.key.to_string()).collect();
        assert_eq!(keys, documented_keys());
    }

    #[test]
    fn every_key_of_the_form_is_one_the_front_matter_accepts() {
        let refused: Vec<&str> = article()
            .iter()
            .map(|f| f.key)
            .filter(|key| {
                let text = format!("---\ntitle: T\ndate: 2026-01-01\n{key}: ~\n---\n");
                let lang = crate::language::Language::En;
                let source = crate::diagnostics::SourceText::new("a.md", text);
                let split = front_matter::split(&source, lang).expect("fences");
                let found = front_matter::parse_article(&source, &split, lang);
                found
                    .err()
                    .is_some_and(|errors| errors.iter().any(|d| d.code == Code::YamlUnknownKey))
            })
            .collect();
        assert!(refused.is_empty(), "refused: {refused:?}");
    }

    #[test]
    fn a_person_is_labelled_once_and_blocks_by_their_own_keys() {
        let paths = label_paths(&article(), "");
        assert!(paths.contains(&"interview.questions.q".to_string()));
        assert!(paths.contains(&"interview.questions.by".to_string()));
        assert!(
            !paths
                .iter()
                .any(|p| p.starts_with("interview.questions.by."))
        );
        assert!(paths.contains(&"people".to_string()));
        assert!(!paths.contains(&"people.name".to_string()));
    }
}
