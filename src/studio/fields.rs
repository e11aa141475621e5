//! Which field of the form a diagnostic concerns: from its line in the
//! article's text to a path of keys and list positions
//! (`["interview", "questions", 1, "a"]`), or `["body"]` below the front
//! matter.
//!
//! The studio shows each diagnostic beside its field, with the text the
//! command line prints. Diagnostics carry a line and column in the file
//! (the studio wrote that file from the form), so the field is found by
//! reading the front matter's block structure down to that line: each
//! line's indentation closes the keys and list items it is not inside, a
//! `- ` opens the next item of its list, and the lines of a `|` or `>`
//! text belong to its key. A flow value (`{name: Karim, photo: k.jpg}`)
//! counts as its key's: the form's control for it is found from there.
//! The browser then takes the deepest field of the path it shows.

use serde_json::Value;

/// One step of a path: a key, or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// What the walk knows of an open key or item.
#[derive(Debug)]
struct Open {
    /// Its column (a key's first character, an item's dash).
    column: usize,
    step: Step,
    /// A key whose value is on the next lines (a map or a list).
    block: bool,
    /// The next item's position, for a key holding a list.
    next_item: usize,
}

/// The path of the field that line `line` (1-based) of `text` belongs to:
/// `["body"]` after the front matter, empty on the fences or outside.
pub fn path_at(text: &str, line: usize) -> Vec<Value> {
    let lines: Vec<&str> = text.lines().collect();
    let start = usize::from(
        lines
            .first()
            .map(|l| l.trim_start_matches('\u{feff}').trim_end())
            == Some("---"),
    );
    if start == 0 {
        return vec![Value::from("body")];
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map_or(lines.len(), |i| i + 1);
    if line > end + 1 {
        return vec![Value::from("body")];
    }
    if line <= 1 || line == end + 1 {
        return Vec::new();
    }
    walk(&lines[1..line])
        .into_iter()
        .map(|s| match s {
            Step::Key(k) => Value::from(k),
            Step::Index(i) => Value::from(i),
        })
        .collect()
}

/// The open keys and items after reading `lines` (the front matter down
/// to the line asked about).
fn walk(lines: &[&str]) -> Vec<Step> {
    let mut stack: Vec<Open> = Vec::new();
    // The column of the key whose `|` or `>` text the next lines may be.
    let mut text_of: Option<usize> = None;
    for raw in lines {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start();
        let column = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(key_column) = text_of {
            if column > key_column {
                continue;
            }
            text_of = None;
        }
        if trimmed.starts_with('#') {
            continue;
        }
        text_of = read_line(&mut stack, trimmed, column);
    }
    stack.into_iter().map(|o| o.step).collect()
}

/// Reads one line at `column` into `stack`; returns the key's column when
/// the line starts a `|` or `>` text.
fn read_line(stack: &mut Vec<Open>, mut rest: &str, mut column: usize) -> Option<usize> {
    if rest == "-" || rest.starts_with("- ") {
        // An item: siblings and deeper entries close; a key holding the
        // list at the same column stays open.
        while let Some(top) = stack.last() {
            let holds_list = top.column == column && top.block && matches!(top.step, Step::Key(_));
            if top.column < column || holds_list {
                break;
            }
            stack.pop();
        }
        let index = stack.last_mut().map_or(0, |parent| {
            parent.next_item += 1;
            parent.next_item - 1
        });
        stack.push(Open {
            column,
            step: Step::Index(index),
            block: false,
            next_item: 0,
        });
        let after = rest.get(1..).unwrap_or("");
        let inner = after.trim_start();
        column += 1 + after.len() - inner.len();
        rest = inner;
        if rest.is_empty() || !is_key(rest) {
            return None;
        }
    } else {
        while stack.last().is_some_and(|top| top.column >= column) {
            stack.pop();
        }
    }
    let (key, value) = key_value(rest)?;
    let value = value.trim();
    let scalar_text = value.starts_with('|') || value.starts_with('>');
    stack.push(Open {
        column,
        step: Step::Key(key),
        block: value.is_empty() || value.starts_with('#'),
        next_item: 0,
    });
    scalar_text.then_some(column)
}

/// Whether `rest` starts with a plain `key:`.
fn is_key(rest: &str) -> bool {
    key_value(rest).is_some()
}

/// A line's key and what follows its colon, for `key: value` and `key:`.
fn key_value(rest: &str) -> Option<(String, &str)> {
    if rest.starts_with(['{', '[', '"', '\'']) {
        return None;
    }
    let colon = rest
        .char_indices()
        .find(|&(i, c)| c == ':' && rest[i + 1..].chars().next().is_none_or(|n| n == ' '))?
        .0;
    let key = rest[..colon].trim();
    (!key.is_empty() && !key.contains(" #")).then(|| (key.to_string(), &rest[colon + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ARTICLE: &str = "---
title: Un titre
date: 2026-13-45
tags: [a, b]
interview:
  with: vc
  questions:
    - q: Première ?
      a: |
        Réponse sur
        deux lignes.
    - q: Seconde ?
      a: Courte.
      by: {name: Karim B., photo: k.jpg}
testimonials:
- text: Bien.
  by: vc
principles:
  engagements:
    items:
      - Un
      # un commentaire
      - title: Deux
        text: Le texte.
---

Le corps.
";

    fn at(line: usize) -> Value {
        Value::from(path_at(ARTICLE, line))
    }

    #[test]
    fn a_line_of_the_header_is_its_key_and_list_position() {
        assert_eq!(at(1), json!([]));
        assert_eq!(at(2), json!(["title"]));
        assert_eq!(at(3), json!(["date"]));
        assert_eq!(at(4), json!(["tags"]));
        assert_eq!(at(6), json!(["interview", "with"]));
        assert_eq!(at(8), json!(["interview", "questions", 0, "q"]));
        // The lines of a `|` text are its key's.
        assert_eq!(at(10), json!(["interview", "questions", 0, "a"]));
        assert_eq!(at(11), json!(["interview", "questions", 0, "a"]));
        assert_eq!(at(12), json!(["interview", "questions", 1, "q"]));
        assert_eq!(at(14), json!(["interview", "questions", 1, "by"]));
        // A list at its key's own column.
        assert_eq!(at(16), json!(["testimonials", 0, "text"]));
        assert_eq!(at(17), json!(["testimonials", 0, "by"]));
        assert_eq!(at(21), json!(["principles", "engagements", "items", 0]));
        assert_eq!(
            at(24),
            json!(["principles", "engagements", "items", 1, "text"])
        );
    }

    #[test]
    fn the_fences_are_no_field_and_below_them_is_the_body() {
        assert_eq!(at(25), json!([]));
        assert_eq!(at(27), json!(["body"]));
        assert_eq!(Value::from(path_at("Sans en-tête\n", 1)), json!(["body"]));
    }
}
