//! Tera's error messages in the site's language.
//!
//! A theme is often adapted by the same communication team that writes the
//! articles, so a template error is read by someone who may not read
//! English. Tera writes its messages in English (`Field `rubrique` is not
//! defined. Available fields: …`); the shapes a theme editor meets most (an
//! unknown field, variable, filter, function, test, template or tag, a
//! closing tag that does not match, a loop over something that is not a
//! list, a block missing from the parent) are reworded here, with the
//! closest known name suggested for a typo. Any other message passes
//! through as Tera wrote it.

use crate::language::Language;

/// A Tera message as the site shows it: the message, and a hint when one
/// fits better than the general one.
pub struct Worded {
    /// What is wrong.
    pub message: String,
    /// A specific hint (`did you mean …`), if any.
    pub help: Option<String>,
}

/// Words `message` (one of Tera's) in `lang`.
#[allow(
    clippy::too_many_lines,
    reason = "a table: one arm per kind of Tera error, each with its French and English wording"
)]
pub fn word(message: &str, lang: Language) -> Worded {
    let plain = |message: String| Worded {
        message,
        help: None,
    };
    if let Some((name, available)) = undefined(message, "Field `", " Available fields: ") {
        return with_suggestion(
            lang.pick(
                format!("le champ « {name} » n’existe pas"),
                format!("the field `{name}` does not exist"),
            ),
            name,
            available,
            lang.pick("champs disponibles", "available fields"),
            lang,
        );
    }
    if let Some((name, available)) = undefined(message, "Variable `", " Available variables: ") {
        return with_suggestion(
            lang.pick(
                format!("la variable « {name} » n’est pas définie"),
                format!("the variable `{name}` is not defined"),
            ),
            name,
            available,
            lang.pick("variables disponibles", "available variables"),
            lang,
        );
    }
    if let Some(name) = between(message, "Variable `", "` exists but its value is undefined") {
        return plain(lang.pick(
            format!("la variable « {name} » existe mais n’a pas de valeur"),
            format!("the variable `{name}` exists but has no value"),
        ));
    }
    for (prefix, fr, en) in [
        ("Unknown filter `", "filtre inconnu", "unknown filter"),
        (
            "Unknown function `",
            "fonction inconnue",
            "unknown function",
        ),
        ("Unknown test `", "test inconnu", "unknown test"),
        ("Unknown template `", "gabarit inconnu", "unknown template"),
    ] {
        if let Some(name) = between(message, prefix, "`") {
            return plain(lang.pick(format!("{fr} « {name} »"), format!("{en} `{name}`")));
        }
    }
    if message == "Unknown tag" {
        return Worded {
            message: lang
                .pick("balise inconnue", "unknown tag")
                .to_string(),
            help: Some(lang.pick(
                "vérifiez le nom de la balise et que chaque {% block %}, {% for %} ou {% if %} a sa balise de fin ({% endblock %}, {% endfor %}, {% endif %})".to_string(),
                "check the tag's name, and that every {% block %}, {% for %} or {% if %} has its end tag ({% endblock %}, {% endfor %}, {% endif %})".to_string(),
            )),
        };
    }
    if let Some(rest) = message.strip_prefix("Closing tag '")
        && let Some((closing, rest)) = rest.split_once("' doesn't match opening tag '")
        && let Some(opening) = rest.strip_suffix('\'')
    {
        return plain(lang.pick(
            format!(
                "la balise de fin « {closing} » ne correspond pas à la balise ouverte « {opening} »"
            ),
            format!("the end tag `{closing}` does not match the open tag `{opening}`"),
        ));
    }
    if let Some(kind) = between(message, "Iteration not possible on type `", "`") {
        return plain(lang.pick(
            format!("impossible de parcourir une valeur de type « {kind} » avec {{% for %}} : il faut une liste"),
            format!("cannot loop over a value of type `{kind}` with {{% for %}}: it takes a list"),
        ));
    }
    if let Some(name) = between(
        message,
        "Block `",
        "` is not defined in any parent template",
    ) {
        return plain(lang.pick(
            format!("le bloc « {name} » n’existe dans aucun gabarit parent"),
            format!("the block `{name}` is not defined in any parent template"),
        ));
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

fn with_suggestion(
    message: String,
    name: &str,
    available: Vec<&str>,
    label: &str,
    lang: Language,
) -> Worded {
    let help = crate::yaml::closest(name, available.iter().copied()).map(|best| {
        lang.pick(
            format!("vouliez-vous écrire « {best} » ?"),
            format!("did you mean `{best}`?"),
        )
    });
    let message = if available.is_empty() {
        message
    } else {
        let list = available.join(", ");
        lang.pick(
            format!("{message} ({label} : {list})"),
            format!("{message} ({label}: {list})"),
        )
    };
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
