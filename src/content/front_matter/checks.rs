//! What serde cannot check in an article's header: a required key, a value
//! that is there but empty or unusable, a block missing what readers need.
//!
//! Each check is one function that reads one part of the raw header, pushes
//! its diagnostics (placed with [`Places`]) and returns the checked value if
//! there is one, so `parse_article` reads as the list of checks, in the
//! order their messages are reported, and every problem of a header is
//! reported at once rather than the first alone.

use super::blocks::{RawDownload, RawImage, RawInterview};
use super::fences::opening_fence;
use super::people::OneOrMany;
use super::positions::Places;
use crate::content::slug::slugify;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::Text;
use unicode_normalization::UnicodeNormalization;

/// The headline: trimmed, and neither missing nor empty (`mentioned`: a
/// title was written, its error already reported).
pub(super) fn title(
    places: Places,
    written: Option<Text>,
    mentioned: bool,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> String {
    match written {
        Some(t) if !t.0.trim().is_empty() => t.0.trim().to_string(),
        Some(_) => {
            errors.push(
                Diagnostic::error(
                    Code::FrontMatterEmptyTitle,
                    t!(lang, "content-front-matter-empty-title"),
                )
                .at(places.source, places.key(&["title"]))
                .with_help(t!(lang, "content-front-matter-empty-title-help")),
            );
            String::new()
        }
        None => {
            if !mentioned {
                errors.push(missing_key(places.source, "title", lang));
            }
            String::new()
        }
    }
}

/// A required key that is not there, at the opening fence.
pub(super) fn missing_key(source: &SourceText, key: &str, lang: Language) -> Diagnostic {
    Diagnostic::error(
        Code::FrontMatterMissingKey,
        t!(lang, "content-front-matter-missing-key", key = key),
    )
    .at(source, opening_fence(source))
    .with_help(t!(lang, "content-front-matter-missing-key-help", key = key))
}

/// A cover image says what it shows (`alt`, empty only when decorative).
pub(super) fn image_alt(
    places: Places,
    image: Option<&RawImage>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(image) = image
        && image.alt.is_none()
    {
        errors.push(
            Diagnostic::error(
                Code::FrontMatterImageAlt,
                t!(lang, "content-front-matter-image-alt"),
            )
            .at(places.source, places.key(&["image"]))
            .with_help(t!(lang, "content-front-matter-image-alt-help")),
        );
    }
}

/// Every download has a title: its link says what the document is.
pub(super) fn download_titles(
    places: Places,
    downloads: Option<&[RawDownload]>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(downloads) = downloads else {
        return;
    };
    let spans = places.entries(
        &["downloads"],
        downloads.iter().map(|d| d.file.as_str()).collect(),
    );
    for (d, span) in downloads.iter().zip(spans) {
        if d.title.as_ref().is_none_or(|t| t.0.trim().is_empty()) {
            let file = d.file.as_str();
            errors.push(
                Diagnostic::error(
                    Code::FrontMatterDownloadTitle,
                    t!(lang, "content-front-matter-download-title", file = file),
                )
                .at(places.source, span)
                .with_help(t!(lang, "content-front-matter-download-title-help")),
            );
        }
    }
}

/// In an interview with several guests, every question says who answers.
pub(super) fn interview_answerers(
    places: Places,
    interview: Option<&RawInterview>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(interview) = interview else {
        return;
    };
    let OneOrMany::Many(with) = &interview.with else {
        return;
    };
    if with.len() <= 1 {
        return;
    }
    let spans = places.entries(
        &["interview", "questions"],
        interview.questions.iter().map(|q| q.q.as_str()).collect(),
    );
    let ids: Vec<&str> = with.iter().map(Text::as_str).collect();
    for (q, span) in interview.questions.iter().zip(spans) {
        if q.by.is_none() {
            errors.push(
                Diagnostic::error(
                    Code::FrontMatterInterviewBy,
                    t!(lang, "content-front-matter-interview-by"),
                )
                .at(places.source, span)
                .with_help(t!(
                    lang,
                    "content-front-matter-interview-by-help",
                    people = ids.join(", ")
                )),
            );
        }
    }
}

/// Two ids of the map under `key` (people, quotes, groups) that differ only
/// by how an accent is encoded (`é` as one character, or `e` and a
/// combining accent, as a copy and paste may bring): the reader sees one
/// id, the program two. Each is named with its characters' code points.
pub(super) fn id_clashes<'a>(
    places: Places,
    key: &str,
    ids: impl Iterator<Item = &'a str>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<(&str, String)> = Vec::new();
    for id in ids {
        let nfc: String = id.nfc().collect();
        if let Some((first, _)) = seen.iter().find(|(_, n)| *n == nfc) {
            let (here, above) = (spelling(id, first), spelling(first, id));
            errors.push(
                Diagnostic::error(
                    Code::YamlDuplicateKey,
                    t!(
                        lang,
                        "content-front-matter-id-clash",
                        id = id,
                        here = here,
                        above = above
                    ),
                )
                .at(places.source, places.key(&[key, id]))
                .with_help(t!(lang, "content-front-matter-id-clash-help")),
            );
        }
        seen.push((id, nfc));
    }
}

/// What of `id` differs from `other`, with its code points: `é (U+00E9)`.
fn spelling(id: &str, other: &str) -> String {
    let prefix = id
        .chars()
        .zip(other.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = id
        .chars()
        .rev()
        .zip(other.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let chars: Vec<char> = id.chars().collect();
    let end = chars.len().saturating_sub(suffix).max(prefix);
    // A combining accent alone is shown on the letter before it.
    let start = if chars[prefix..end]
        .first()
        .is_some_and(|c| !c.is_alphanumeric())
    {
        prefix.saturating_sub(1)
    } else {
        prefix
    };
    let part: String = chars[start..end].iter().collect();
    let codes: Vec<String> = part
        .chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    format!("{part} ({})", codes.join(" "))
}

/// The slug as it will appear in the URL; one that folds to nothing is an
/// error.
pub(super) fn slug(
    places: Places,
    written: Option<Text>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let s = written?;
    let clean = slugify(s.as_str());
    if !clean.is_empty() {
        return Some(clean);
    }
    errors.push(
        Diagnostic::error(
            Code::FrontMatterBadSlug,
            t!(lang, "content-front-matter-bad-slug", slug = &s.0),
        )
        .at(places.source, places.key(&["slug"]))
        .with_help(t!(lang, "content-front-matter-bad-slug-help")),
    );
    None
}
