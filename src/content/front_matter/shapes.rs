//! The fix of a header value written in the wrong shape, in the shape its
//! key takes, built from what the writer wrote.
//!
//! serde only knows it wanted « a text or a list » where `with:` got a
//! person written out; the writer needs to hear that `with` takes the id
//! of someone described under `people:`, and to see the two lines to
//! write. Each key of the content model whose shape is not plain text has
//! its fix here (`docs/writing.md` shows the same shapes); a list of texts
//! (`tags: a, b`) needs none of its own: `yaml` brackets any text where a
//! list is wanted.

use crate::content::slug::slugify;
use crate::language::Language;
use crate::messages::t;
use crate::yaml::WrongShape;

/// The fix of a wrong shape in an article's header; `None` leaves it to
/// the fixes true of any list.
pub(super) fn fix(shape: &WrongShape, lang: Language) -> Option<String> {
    let written = shape.written;
    let scalar = !shape.found_map && !shape.found_list && !written.is_empty();
    match shape.key {
        "with" if shape.found_map => {
            let name = field(written, "name")?;
            let id = slugify(name);
            Some(t!(lang, "content-shape-with", name = name, id = id))
        }
        "by" if shape.found_list => Some(t!(lang, "content-shape-by")),
        "people" if shape.path == "people" && !shape.found_map => {
            let value = people(shape)?;
            Some(t!(lang, "content-shape-people", value = value))
        }
        "image" if scalar => Some(t!(lang, "content-shape-image", src = written)),
        "source" if scalar => Some(t!(lang, "content-shape-source", title = written)),
        "quotes" if scalar => Some(t!(lang, "content-shape-quotes", text = written)),
        "testimonials" if scalar => Some(t!(lang, "content-shape-testimonials", text = written)),
        "questions" if scalar => Some(t!(lang, "content-shape-questions", question = written)),
        "interview" if !shape.found_map => Some(t!(lang, "content-shape-interview")),
        "downloads" if scalar => {
            let value = shape
                .items()
                .iter()
                .map(|file| format!("{{file: {file}, title: …}}"))
                .collect::<Vec<_>>()
                .join(", ");
            Some(t!(
                lang,
                "content-shape-downloads",
                value = format!("[{value}]")
            ))
        }
        _ => None,
    }
}

/// The value of `key` in a map written on one line (`{name: Camille
/// Bertin, role: …}`) or on the first line of a block (`name: Camille`).
fn field<'a>(written: &'a str, key: &str) -> Option<&'a str> {
    let start = written.find(&format!("{key}:"))? + key.len() + 1;
    let rest = &written[start..];
    let value = rest[..rest.find([',', '}']).unwrap_or(rest.len())].trim();
    (!value.is_empty()).then_some(value)
}

/// `people:` written as a name or a list of names, as the map it is: each
/// name under an id made from it.
fn people(shape: &WrongShape) -> Option<String> {
    let inner = shape.written.trim_start_matches('[').trim_end_matches(']');
    let names: Vec<&str> = inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    let entries: Vec<String> = names
        .iter()
        .map(|name| format!("{}: {{name: {name}}}", slugify(name)))
        .collect();
    Some(format!("{{{}}}", entries.join(", ")))
}
