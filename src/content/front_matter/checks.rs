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
use crate::yaml::Text;

/// The headline: trimmed, and neither missing nor empty.
pub(super) fn title(
    places: Places,
    written: Option<Text>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> String {
    match written {
        Some(t) if !t.0.trim().is_empty() => t.0.trim().to_string(),
        Some(_) => {
            errors.push(
                Diagnostic::error(
                    Code::FrontMatterEmptyTitle,
                    lang.pick("le titre est vide", "the title is empty"),
                )
                .at(places.source, places.key(&["title"]))
                .with_help(lang.pick(
                    "écrivez le titre après « title: »",
                    "write the title after `title: `",
                )),
            );
            String::new()
        }
        None => {
            errors.push(missing_key(places.source, "title", lang));
            String::new()
        }
    }
}

/// A required key that is not there, at the opening fence.
pub(super) fn missing_key(source: &SourceText, key: &str, lang: Language) -> Diagnostic {
    let example = if key == "date" { "2026-03-01" } else { "…" };
    Diagnostic::error(
        Code::FrontMatterMissingKey,
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
                lang.pick(
                    "l’image n’a pas de texte de remplacement (alt)",
                    "the image has no alternative text (alt)",
                ),
            )
            .at(places.source, places.key(&["image"]))
            .with_help(lang.pick(
                "ajoutez « alt: » avec ce que montre l’image, pour les personnes qui ne la voient pas ; « alt: \"\" » seulement pour une image purement décorative",
                "add `alt:` with what the image shows, for people who cannot see it; `alt: \"\"` only for a purely decorative image",
            )),
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
                    lang.pick(
                        format!("le document à télécharger « {file} » n’a pas de titre"),
                        format!("the document to download `{file}` has no title"),
                    ),
                )
                .at(places.source, span)
                .with_help(lang.pick(
                    "ajoutez « title: » sous « file: », avec ce qu’est le document : le lien « Télécharger … » le dit aux lecteurs, par exemple title: le guide du télétravail",
                    "add `title:` under `file:`, saying what the document is: the `Download …` link tells readers, for example title: the remote work guide",
                )),
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
                    lang.pick(
                        "on ne sait pas qui répond à cette question : l’entretien a plusieurs invités",
                        "who answers this question is not said: the interview has several guests",
                    ),
                )
                .at(places.source, span)
                .with_help(lang.pick(
                    format!("ajoutez « by: » sous la question, avec l’une des personnes de « with: » ({})", ids.join(", ")),
                    format!("add `by:` under the question, with one of the people of `with:` ({})", ids.join(", ")),
                )),
            );
        }
    }
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
            lang.pick(
                format!("« {} » ne peut pas servir d’adresse", s.0),
                format!("`{}` cannot be used as an address", s.0),
            ),
        )
        .at(places.source, places.key(&["slug"]))
        .with_help(lang.pick(
            "utilisez des lettres, des chiffres et des tirets, par exemple « mon-article »",
            "use letters, digits and dashes, for example `my-article`",
        )),
    );
    None
}
