//! serde_yaml's messages in the writer's words.
//!
//! serde's messages are English and technical (`unknown field `titel`,
//! expected one of …`, `invalid type: string "x", expected a sequence`). The
//! shapes a front matter or a settings file meets are few: a misspelt key or
//! value, a value of the wrong shape, a key written twice or missing. Each
//! is reworded by its own function, with the fix (the closest key, the
//! shape wanted in a writer's words: `struct X` is « des clés indentées »);
//! anything else is libyaml's sentence kept as it is, which `syntax`
//! replaces when it knows the mistake. Where the error is shown is the
//! parent module's business: this one only chooses the words.

use super::closest;
use crate::diagnostics::Code;
use crate::language::Language;

/// A YAML error in the writer's words, before it is placed in the file.
pub(super) struct Described {
    /// The diagnostic's code (`yaml-unknown-key`…).
    pub code: Code,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The key or value the error is about, when the caret should cover it.
    pub key: Option<String>,
}

/// An unknown key, with the closest of the `expected` ones suggested.
pub(super) fn unknown_key(key: &str, expected: &[String], lang: Language) -> Described {
    let help = match closest(key, expected.iter().map(String::as_str)) {
        Some(best) => lang.pick(
            format!("vouliez-vous écrire « {best} » ?"),
            format!("did you mean `{best}`?"),
        ),
        None => lang.pick(
            format!("les clés possibles ici sont : {}", expected.join(", ")),
            format!("the keys allowed here are: {}", expected.join(", ")),
        ),
    };
    Described {
        code: Code::YamlUnknownKey,
        message: lang.pick(
            format!("clé inconnue « {key} »"),
            format!("unknown key `{key}`"),
        ),
        help: Some(help),
        key: Some(key.to_string()),
    }
}

/// serde_yaml's `detail` (without path nor positions) in the writer's
/// words: the known shapes reworded, any other as unreadable YAML.
pub(super) fn describe(detail: &str, lang: Language) -> Described {
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, expected) = named_and_expected(rest);
        return unknown_key(key, &expected, lang);
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, expected) = named_and_expected(rest);
        return unknown_value(value, &expected, lang);
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        return wrong_type(rest, lang);
    }
    if let Some(rest) = detail.strip_prefix("duplicate field `") {
        return duplicate_key(name(rest), lang);
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        return missing_key(name(rest), lang);
    }
    unreadable(detail, lang)
}

/// The name that starts `rest`, what follows serde's opening backquote up
/// to the closing one.
fn name(rest: &str) -> &str {
    rest.split('`').next().unwrap_or("")
}

/// The [`name`] that starts `rest` and the backquoted names after it, those
/// serde expected instead.
pub(super) fn named_and_expected(rest: &str) -> (&str, Vec<String>) {
    let name = name(rest);
    (name, backticked(rest.get(name.len() + 1..).unwrap_or("")))
}

/// A value none of the `expected` ones, with the closest suggested.
fn unknown_value(value: &str, expected: &[String], lang: Language) -> Described {
    let help = match closest(value, expected.iter().map(String::as_str)) {
        Some(best) => lang.pick(
            format!("vouliez-vous écrire « {best} » ?"),
            format!("did you mean `{best}`?"),
        ),
        None => lang.pick(
            format!("les valeurs possibles sont : {}", expected.join(", ")),
            format!("the allowed values are: {}", expected.join(", ")),
        ),
    };
    Described {
        code: Code::YamlUnknownValue,
        message: lang.pick(
            format!("valeur inconnue « {value} »"),
            format!("unknown value `{value}`"),
        ),
        help: Some(help),
        key: Some(value.to_string()),
    }
}

/// A value of the wrong shape; `rest` is serde's `found, expected wanted`.
fn wrong_type(rest: &str, lang: Language) -> Described {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
    Described {
        code: Code::YamlWrongType,
        message: lang.pick(
            format!(
                "valeur du mauvais type : il faut {} et non {}",
                kind_fr(expected),
                kind_fr(found)
            ),
            format!(
                "wrong type of value: found {found}, expected {}",
                kind_en(expected)
            ),
        ),
        help: Some(lang.pick(
            "vérifiez la forme de la valeur : un texte, une liste (lignes commençant par « - ») ou des clés indentées".to_string(),
            "check the shape of the value: a text, a list (lines starting with `- `) or indented keys".to_string(),
        )),
        key: None,
    }
}

/// A key written twice in its map.
fn duplicate_key(key: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlDuplicateKey,
        message: lang.pick(
            format!("la clé « {key} » est écrite deux fois"),
            format!("the key `{key}` is written twice"),
        ),
        help: Some(lang.pick(
            "gardez une seule ligne pour cette clé".to_string(),
            "keep a single line for this key".to_string(),
        )),
        key: Some(key.to_string()),
    }
}

/// A key the map must have.
fn missing_key(key: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlMissingKey,
        message: lang.pick(
            format!("la clé « {key} » manque"),
            format!("the key `{key}` is missing"),
        ),
        help: Some(lang.pick(
            format!("ajoutez « {key}: … » à cet endroit"),
            format!("add `{key}: …` here"),
        )),
        key: None,
    }
}

/// Any other error: libyaml's own words (a known syntax mistake replaces
/// them, see `syntax::explain`).
fn unreadable(detail: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlSyntax,
        message: lang.pick(
            format!("YAML illisible : {detail}"),
            format!("unreadable YAML: {detail}"),
        ),
        help: Some(lang.pick(
            "vérifiez l’indentation (des espaces, pas de tabulations) et mettez entre guillemets les textes qui contiennent « : » ou commencent par un caractère spécial".to_string(),
            "check the indentation (spaces, no tabs) and put quotes around texts that contain `: ` or start with a special character".to_string(),
        )),
        key: None,
    }
}

fn kind_fr(kind: &str) -> String {
    let kind = kind.trim();
    // The shapes of a `Shapes` value: `a text or a map`, `a map or a sequence`…
    if kind.contains(" or ") {
        let words: Vec<String> = kind.split(" or ").map(kind_fr).collect();
        return words.join(" ou ");
    }
    let base = kind.split(' ').next().unwrap_or(kind);
    let word = match base {
        "string" => "un texte",
        "a" if kind.contains("sequence") => "une liste",
        "a" if kind.contains("string") => "un texte",
        "a" if kind.contains("map") => "des clés indentées",
        "text" => "un texte",
        "a" if kind.contains("boolean") => "true ou false",
        "a" if kind.contains("text") => "un texte",
        "sequence" => "une liste",
        // serde names the Rust type (`struct RawTestimonialGroup`): a writer
        // only needs to know it is keys.
        "map" | "struct" => "des clés indentées",
        "integer" | "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "f32" | "f64" => {
            "un nombre"
        }
        "floating" => "un nombre",
        "boolean" => "true ou false",
        "unit" | "null" => "une valeur vide",
        _ => return kind.to_string(),
    };
    word.to_string()
}

/// `kind` as serde words it, without a Rust type's name: `struct X` is
/// indented keys to a writer.
fn kind_en(kind: &str) -> String {
    kind.split(" or ")
        .map(|k| match k.trim().split(' ').next() {
            Some("struct") => "indented keys",
            _ => k.trim(),
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_type_names_no_rust_type() {
        assert_eq!(kind_fr("struct RawTestimonialGroup"), "des clés indentées");
        assert_eq!(kind_en("struct RawTestimonialGroup"), "indented keys");
        assert_eq!(
            kind_en("a sequence or struct X"),
            "a sequence or indented keys"
        );
        assert_eq!(kind_fr("u32"), "un nombre");
    }
}
