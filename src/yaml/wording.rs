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
use crate::messages::t;

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
    /// For an unknown key, the known key it was likely meant to be.
    pub suggested: Option<String>,
}

/// An unknown key, with the closest of the `expected` ones suggested.
pub(super) fn unknown_key(key: &str, expected: &[String], lang: Language) -> Described {
    let best = closest(key, expected.iter().map(String::as_str));
    let help = match best {
        Some(best) => t!(lang, "yaml-did-you-mean", best = best),
        None => t!(lang, "yaml-allowed-keys", keys = expected.join(", ")),
    };
    Described {
        code: Code::YamlUnknownKey,
        message: t!(lang, "yaml-unknown-key", key = key),
        help: Some(help),
        key: Some(key.to_string()),
        suggested: best.map(str::to_string),
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
        Some(best) => t!(lang, "yaml-did-you-mean", best = best),
        None => t!(lang, "yaml-allowed-values", values = expected.join(", ")),
    };
    Described {
        code: Code::YamlUnknownValue,
        message: t!(lang, "yaml-unknown-value", value = value),
        help: Some(help),
        key: Some(value.to_string()),
        suggested: None,
    }
}

/// A value of the wrong shape; `rest` is serde's `found, expected wanted`.
fn wrong_type(rest: &str, lang: Language) -> Described {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
    // What was found is in serde's words, which are English: an English
    // message shows them as they are (only a Rust type's name, in what was
    // expected, is reworded), any other language names the kind.
    let found = match lang {
        Language::En => found.to_string(),
        Language::Fr => kind(found, lang),
    };
    Described {
        code: Code::YamlWrongType,
        message: t!(
            lang,
            "yaml-wrong-type",
            found = found,
            expected = kind(expected, lang)
        ),
        help: Some(t!(lang, "yaml-wrong-type-help")),
        key: None,
        suggested: None,
    }
}

/// A key written twice in its map.
fn duplicate_key(key: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlDuplicateKey,
        message: t!(lang, "yaml-duplicate-key", key = key),
        help: Some(t!(lang, "yaml-duplicate-key-help")),
        key: Some(key.to_string()),
        suggested: None,
    }
}

/// A key the map must have.
fn missing_key(key: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlMissingKey,
        message: t!(lang, "yaml-missing-key", key = key),
        help: Some(t!(lang, "yaml-missing-key-help", key = key)),
        key: None,
        suggested: None,
    }
}

/// Any other error: libyaml's own words (a known syntax mistake replaces
/// them, see `syntax::explain`).
fn unreadable(detail: &str, lang: Language) -> Described {
    Described {
        code: Code::YamlSyntax,
        message: t!(lang, "yaml-unreadable", detail = detail),
        help: Some(t!(lang, "yaml-unreadable-help")),
        key: None,
        suggested: None,
    }
}

/// serde's name of a kind of value (`a sequence`, `struct X`, `string
/// "x"`, `a text or a map`) in the writer's words: each kind it names is
/// sorted into a [`shape`] that the catalog words, and several are joined
/// by the catalog's « or ».
fn kind(kind: &str, lang: Language) -> String {
    let kind = kind.trim();
    // The shapes of a `Shapes` value: `a text or a map`, `a map or a sequence`…
    if kind.contains(" or ") {
        let mut words = kind.split(" or ").map(|k| self::kind(k, lang));
        let first = words.next().unwrap_or_default();
        return words.fold(first, |first, second| {
            t!(lang, "yaml-kind-or", first = first, second = second)
        });
    }
    t!(lang, "yaml-kind", shape = shape(kind), serde = kind)
}

/// The shape of one kind of value serde names (trimmed, without « or »),
/// as a keyword of the catalog's `yaml-kind`; `other` when it is none the
/// catalog words.
fn shape(kind: &str) -> &'static str {
    let base = kind.split(' ').next().unwrap_or(kind);
    match base {
        "string" => "text",
        "a" if kind.contains("sequence") => "sequence",
        "a" if kind.contains("string") => "text",
        "a" if kind.contains("map") => "map",
        "text" => "text",
        "a" if kind.contains("boolean") => "boolean",
        "a" if kind.contains("text") => "text",
        "sequence" => "sequence",
        "map" => "map",
        // serde names the Rust type (`struct RawTestimonialGroup`): a writer
        // only needs to know it is keys.
        "struct" => "struct",
        "integer" | "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "f32" | "f64" => {
            "number"
        }
        "floating" => "number",
        "boolean" => "boolean",
        "unit" | "null" => "empty",
        _ => "other",
    }
}

/// serde's path to a value (`interview.questions[1].by`) as a writer
/// counts: keys as written, quoted together, and a list's entry by its
/// number from 1 and what it is (`question 2`, not `questions[1]`), the
/// list's own key left out when that word says it.
pub(super) fn path(serde_path: &str, lang: Language) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    let top = serde_path.split(['.', '[']).next().unwrap_or("");
    for segment in serde_path.split('.') {
        let mut pieces = segment.split('[');
        let key = pieces.next().unwrap_or("");
        if !key.is_empty() {
            keys.push(key);
        }
        for index in pieces {
            let Ok(index) = index.trim_end_matches(']').parse::<usize>() else {
                continue;
            };
            let list = keys.last().copied().unwrap_or("");
            let entry = entry_kind(top, list, keys.len());
            if entry != "other" && LIST_KEYS.contains(&list) {
                keys.pop();
            }
            if !keys.is_empty() {
                let joined = keys.join(".");
                parts.push(t!(lang, "yaml-path-keys", keys = joined));
                keys.clear();
            }
            let number = index + 1;
            parts.push(t!(lang, "yaml-path-entry", entry = entry, number = number));
        }
    }
    if !keys.is_empty() {
        let joined = keys.join(".");
        parts.push(t!(lang, "yaml-path-keys", keys = joined));
    }
    parts.join(", ")
}

/// The keys of lists whose entries have a word of their own, which says
/// the key: `questions[1]` is « question 2 ».
const LIST_KEYS: &[&str] = &[
    "questions",
    "items",
    "testimonials",
    "principles",
    "downloads",
    "menu",
];

/// What an entry of the list `list` is, as a keyword of the catalog's
/// `yaml-path-entry`: the list's key, the path's first key (`items` are
/// testimonies under `testimonials`, principles under `principles`) and
/// how deep the list is (`principles.engagements[1]`, a list written
/// without its keys).
fn entry_kind(top: &str, list: &str, depth: usize) -> &'static str {
    match (top, list) {
        (_, "questions") => "question",
        (_, "downloads") => "download",
        ("menu", "menu") => "menu",
        ("testimonials", "items" | "testimonials") => "testimony",
        ("testimonials", _) if depth == 2 => "testimony",
        ("principles", "items" | "principles") => "principle",
        ("principles", _) if depth == 2 => "principle",
        _ => "other",
    }
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
        let (fr, en) = (Language::Fr, Language::En);
        assert_eq!(kind("struct RawTestimonialGroup", fr), "des clés indentées");
        assert_eq!(kind("struct RawTestimonialGroup", en), "indented keys");
        assert_eq!(
            kind("a sequence or struct X", en),
            "a sequence or indented keys"
        );
        assert_eq!(
            kind("a sequence or struct X", fr),
            "une liste ou des clés indentées"
        );
        assert_eq!(kind("u32", fr), "un nombre");
        assert_eq!(kind("a map", en), "a map");
        assert_eq!(kind("char", fr), "char");
    }

    #[test]
    fn paths_count_entries_from_one_by_what_they_are() {
        let (fr, en) = (Language::Fr, Language::En);
        assert_eq!(path("interview.with", fr), "« interview.with »");
        assert_eq!(
            path("interview.questions[1].by", fr),
            "« interview », question 2, « by »"
        );
        assert_eq!(
            path("interview.questions[1]", en),
            "`interview`, question 2"
        );
        assert_eq!(path("testimonials[2]", fr), "témoignage 3");
        assert_eq!(
            path("principles.engagements.items[1].text", fr),
            "« principles.engagements », principe 2, « text »"
        );
        assert_eq!(
            path("principles.engagements[0]", en),
            "`principles.engagements`, principle 1"
        );
        assert_eq!(path("people[0]", en), "`people`, item 1");
        assert_eq!(path("menu[3].url", fr), "entrée 4 du menu, « url »");
    }
}
