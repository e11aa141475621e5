//! Tera's error messages in the site's language.
//!
//! A theme is often adapted by the same communication team that writes the
//! articles, so a template error is read by someone who may not read
//! English. Tera writes its messages in English (`Field `rubrique` is not
//! defined. Available fields: …`); the shapes a theme editor meets most (an
//! unknown field, variable, filter, function, test, template or tag, a
//! closing tag that does not match, a loop over something that is not a
//! list, a block missing from the parent) are recognised here and reworded
//! by `locales/<lang>/render.ftl`, with the closest known name suggested for
//! a typo. Any other message passes through as Tera wrote it.

use crate::language::Language;
use crate::messages::t;

/// A Tera message as the site shows it: the message, and a hint when one
/// fits better than the general one.
pub struct Worded {
    /// What is wrong.
    pub message: String,
    /// A specific hint (`did you mean …`), if any.
    pub help: Option<String>,
}

/// Words `message` (one of Tera's) in `lang`.
pub fn word(message: &str, lang: Language) -> Worded {
    let plain = |message: String| Worded {
        message,
        help: None,
    };
    if let Some((name, available)) = undefined(message, "Field `", " Available fields: ") {
        let message = if available.is_empty() {
            t!(lang, "render-tera-unknown-field", name = name)
        } else {
            t!(
                lang,
                "render-tera-unknown-field-listed",
                name = name,
                available = available.join(", ")
            )
        };
        return with_suggestion(message, name, &available, lang);
    }
    if let Some((name, available)) = undefined(message, "Variable `", " Available variables: ") {
        let message = if available.is_empty() {
            t!(lang, "render-tera-unknown-variable", name = name)
        } else {
            t!(
                lang,
                "render-tera-unknown-variable-listed",
                name = name,
                available = available.join(", ")
            )
        };
        return with_suggestion(message, name, &available, lang);
    }
    if let Some(name) = between(message, "Variable `", "` exists but its value is undefined") {
        return plain(t!(lang, "render-tera-variable-without-value", name = name));
    }
    for (prefix, kind) in [
        ("Unknown filter `", "filter"),
        ("Unknown function `", "function"),
        ("Unknown test `", "test"),
        ("Unknown template `", "template"),
    ] {
        if let Some(name) = between(message, prefix, "`") {
            return plain(t!(lang, "render-tera-unknown", kind = kind, name = name));
        }
    }
    if message == "Unknown tag" {
        return Worded {
            message: t!(lang, "render-tera-unknown-tag"),
            help: Some(t!(lang, "render-tera-unknown-tag-help")),
        };
    }
    if let Some(rest) = message.strip_prefix("Closing tag '")
        && let Some((closing, rest)) = rest.split_once("' doesn't match opening tag '")
        && let Some(opening) = rest.strip_suffix('\'')
    {
        return plain(t!(
            lang,
            "render-tera-end-tag-mismatch",
            closing = closing,
            opening = opening
        ));
    }
    if let Some(kind) = between(message, "Iteration not possible on type `", "`") {
        return plain(t!(lang, "render-tera-loop-over-non-list", kind = kind));
    }
    if let Some(name) = between(
        message,
        "Block `",
        "` is not defined in any parent template",
    ) {
        return plain(t!(lang, "render-tera-block-not-in-parent", name = name));
    }
    plain(message.to_string())
}

/// The name and the list of known names of an `X `name` is not defined.
/// Available …: a, b` message.
fn undefined<'a>(message: &'a str, prefix: &str, list: &str) -> Option<(&'a str, Vec<&'a str>)> {
    let rest = message.strip_prefix(prefix)?;
    let (name, rest) = rest.split_once('`')?;
    let rest = rest.strip_prefix(" is not defined")?;
    let available = rest
        .split_once(list)
        .map(|(_, names)| {
            names
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some((name, available))
}

/// What `message` holds between `prefix` (at its start) and the next `end`.
fn between<'a>(message: &'a str, prefix: &str, end: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    rest.find(end).map(|i| &rest[..i])
}

/// `message` with the closest of the `available` names to `name` as help.
fn with_suggestion(message: String, name: &str, available: &[&str], lang: Language) -> Worded {
    let help = crate::yaml::closest(name, available.iter().copied())
        .map(|best| t!(lang, "render-tera-did-you-mean", best = best));
    Worded { message, help }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_field_is_worded_with_the_closest_one() {
        let w = word(
            "Field `titel` is not defined. Available fields: date, tags, title, url",
            Language::Fr,
        );
        assert_eq!(
            w.message,
            "le champ « titel » n’existe pas (champs disponibles : date, tags, title, url)"
        );
        assert_eq!(w.help.as_deref(), Some("vouliez-vous écrire « title » ?"));
        let w = word(
            "Variable `artcle` is not defined. Available variables: article, site, t",
            Language::En,
        );
        assert_eq!(
            w.message,
            "the variable `artcle` is not defined (available variables: article, site, t)"
        );
        assert_eq!(w.help.as_deref(), Some("did you mean `article`?"));
    }

    #[test]
    fn the_other_known_shapes_are_worded() {
        let fr = |m: &str| word(m, Language::Fr).message;
        assert_eq!(
            fr("Unknown filter `date_longue`"),
            "filtre inconnu « date_longue »"
        );
        assert_eq!(
            fr("Unknown template `partials/carte.html`"),
            "gabarit inconnu « partials/carte.html »"
        );
        assert_eq!(fr("Unknown tag"), "balise inconnue");
        assert_eq!(
            fr("Closing tag 'endfor' doesn't match opening tag 'if'"),
            "la balise de fin « endfor » ne correspond pas à la balise ouverte « if »"
        );
        assert_eq!(
            fr("Iteration not possible on type `string`"),
            "impossible de parcourir une valeur de type « string » avec {% for %} : il faut une liste"
        );
        assert_eq!(fr("Cannot divide by 0"), "Cannot divide by 0");
    }
}
