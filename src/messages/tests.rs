//! The catalogs are complete and agree with the code: every message exists
//! in every language with the same variables, every `t!` call names a
//! message that exists and passes exactly what it uses, and no message is
//! left without a caller.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message id → the variables its text uses, for one language.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_of_inline(expression: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                variables_of_inline(argument, out);
            }
            for argument in &arguments.named {
                variables_of_inline(&argument.value, out);
            }
        }
        _ => {}
    }
}

fn variables_of(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => variables_of_inline(inline, out),
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for variant in variants {
                variables_of_pattern(&variant.value, out);
            }
        }
    }
}

fn variables_of_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of(expression, out);
        }
    }
}

/// Parses `lang`'s catalog, failing on a syntax error, a duplicate id or a
/// message without a value.
fn messages(lang: Language) -> Messages {
    let mut out = Messages::new();
    for (area, text) in files(lang) {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("locales/{}/{area}.ftl: {errors:?}", lang.code()),
        };
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let id = message.id.name.to_string();
                    let pattern = message.value.as_ref().unwrap_or_else(|| {
                        panic!("locales/{}/{area}.ftl: « {id} » has no text", lang.code())
                    });
                    let mut variables = BTreeSet::new();
                    variables_of_pattern(pattern, &mut variables);
                    let twice = out.insert(id.clone(), variables).is_some();
                    assert!(!twice, "« {id} » is defined twice in {}", lang.code());
                }
                ast::Entry::Junk { content } => {
                    panic!(
                        "locales/{}/{area}.ftl: cannot read {content:?}",
                        lang.code()
                    )
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn each_language_has_exactly_the_listed_files() {
    for lang in [Language::Fr, Language::En] {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang.code());
        let on_disk: BTreeSet<String> = std::fs::read_dir(&folder)
            .expect("locales folder")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let listed: BTreeSet<String> = files(lang)
            .iter()
            .map(|(area, _)| format!("{area}.ftl"))
            .collect();
        assert_eq!(
            on_disk,
            listed,
            "locales/{} and messages::catalog! differ",
            lang.code()
        );
    }
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let french = messages(Language::Fr);
    let english = messages(Language::En);
    let only_french: Vec<_> = french
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    let only_english: Vec<_> = english
        .keys()
        .filter(|id| !french.contains_key(*id))
        .collect();
    assert!(only_french.is_empty(), "only in French: {only_french:?}");
    assert!(only_english.is_empty(), "only in English: {only_english:?}");
    for (id, variables) in &french {
        assert_eq!(
            variables, &english[id],
            "« {id} » uses different variables in French and English"
        );
    }
}

#[test]
fn every_message_formats_without_error() {
    for lang in [Language::Fr, Language::En] {
        let bundle = bundle(lang);
        for (id, variables) in messages(lang) {
            let mut args = Args::new();
            for name in &variables {
                args.set(name.as_str(), Value::from(2));
            }
            let message = bundle.get_message(&id).expect("message");
            let mut errors = Vec::new();
            let text =
                bundle.format_pattern(message.value().expect("text"), Some(&args), &mut errors);
            assert!(errors.is_empty(), "{} « {id} »: {errors:?}", lang.code());
            assert!(!text.trim().is_empty(), "{} « {id} » is empty", lang.code());
        }
    }
}

/// One `t!` call found in the code: where, which message, which variables.
struct Call {
    place: String,
    id: String,
    names: BTreeSet<String>,
}

/// The text of `source` from `start` (just after an opening parenthesis) to
/// its closing one, skipping string literals.
fn arguments(source: &str, start: usize) -> Option<&str> {
    let bytes = source.as_bytes();
    let mut depth = 1usize;
    let mut at = start;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&source[start..at]);
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// Splits macro arguments at their top-level commas.
fn split_top_level(arguments: &str) -> Vec<&str> {
    let bytes = arguments.as_bytes();
    let (mut parts, mut depth, mut from, mut at) = (Vec::new(), 0i32, 0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(arguments[from..at].trim());
                from = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    parts.push(arguments[from..].trim());
    parts.retain(|part| !part.is_empty());
    parts
}

/// Every `t!` call in `src/`, outside this module.
fn calls() -> Vec<Call> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.starts_with(root.join("messages")) {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("read source");
        let bytes = source.as_bytes();
        for (at, _) in source.match_indices("t!(") {
            let word_before =
                at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            if word_before {
                continue;
            }
            let line = source[..at].lines().count().max(1);
            let place = format!(
                "{}:{line}",
                path.strip_prefix(&root).unwrap_or(path).display()
            );
            let text =
                arguments(&source, at + 3).unwrap_or_else(|| panic!("{place}: unclosed t!("));
            let parts = split_top_level(text);
            let id = parts
                .get(1)
                .and_then(|id| id.strip_prefix('"')?.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{place}: t! needs a literal message id"));
            let names = parts[2..]
                .iter()
                .map(|part| {
                    let (name, _) = part
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{place}: « {part} » is not `name = value`"));
                    name.trim().to_string()
                })
                .collect();
            out.push(Call {
                place,
                id: id.to_string(),
                names,
            });
        }
    }
    out
}

#[test]
fn every_call_names_a_message_and_passes_what_it_uses() {
    let french = messages(Language::Fr);
    let english = messages(Language::En);
    let mut problems = Vec::new();
    for call in calls() {
        let Some(variables) = french.get(&call.id) else {
            problems.push(format!("{}: no message « {} »", call.place, call.id));
            continue;
        };
        let english = english.get(&call.id).cloned().unwrap_or_default();
        let used: BTreeSet<String> = variables.union(&english).cloned().collect();
        if used != call.names {
            problems.push(format!(
                "{}: « {} » uses {used:?} but the call passes {:?}",
                call.place, call.id, call.names
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_has_a_caller() {
    let called: BTreeSet<String> = calls().into_iter().map(|call| call.id).collect();
    let unused: Vec<String> = messages(Language::Fr)
        .into_keys()
        .filter(|id| !called.contains(id))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn a_message_the_catalog_lacks_shows_its_id() {
    assert_eq!(
        format(Language::Fr, "no-such-message", &Args::new()),
        "no-such-message"
    );
}
