//! The entries of a YAML text as its lines show them: every key written at
//! the start of a line (after its indentation or a list's `- `) and every
//! `- ` item, each with the byte range its lines cover and the entry it is
//! nested in.
//!
//! `read` blanks the entry that holds a mistake so that the next reading
//! goes past it; the smaller that entry, the more of its neighbours are
//! still read. serde_yaml gives no tree of the text, and the value tree it
//! builds has no byte ranges, so the tree is read from the indentation, the
//! way a writer sees it. Only block structure counts: a flow map or list
//! (`{…}`, `[…]`) is part of the entry it is written in, and the lines of a
//! block text (`|`, `>`) are part of its key. A line it cannot read (a
//! continuation, a comment) belongs to the entry above, so a range always
//! ends where the next entry at its level or above starts.

use std::ops::Range;

/// One entry: a map key or a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// The key as written, or `-` for a list item.
    pub key: String,
    /// From the key (or the dash) to the next entry at its level or above.
    pub range: Range<usize>,
    /// The entry it is nested in; `None` at the top of the document.
    pub parent: Option<usize>,
    column: usize,
}

impl Entry {
    fn is_item(&self) -> bool {
        self.key == "-"
    }
}

/// Every entry of `yaml`, in the order written (a parent before its
/// children).
pub(super) fn entries(yaml: &str) -> Vec<Entry> {
    let mut all: Vec<Entry> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // The column of the entry whose block text the next lines may be.
    let mut block_text: Option<usize> = None;
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        if let Some(column) = block_text {
            if indent > column {
                continue;
            }
            block_text = None;
        }
        let mut column = indent;
        while let Some((key, next)) = entry_at(&content[column..], column) {
            let item = key == "-";
            while let Some(&top) = open.last() {
                let above = &all[top];
                let closes =
                    above.column > column || (above.column == column && (above.is_item() || !item));
                if !closes {
                    break;
                }
                all[top].range.end = start;
                open.pop();
            }
            all.push(Entry {
                key: key.to_string(),
                range: start + column..yaml.len(),
                parent: open.last().copied(),
                column,
            });
            open.push(all.len() - 1);
            match next {
                Next::Nested(at) => column = at,
                Next::Value(value) => {
                    if is_block_text(value) {
                        block_text = Some(column);
                    }
                    break;
                }
            }
        }
    }
    all
}

/// What follows an entry on its line.
enum Next<'a> {
    /// Another entry, at this column (`- key: …`, `- - …`).
    Nested(usize),
    /// A value, or nothing.
    Value(&'a str),
}

/// The entry written at the start of `rest` (which is at `column` of its
/// line), and what follows it.
fn entry_at(rest: &str, column: usize) -> Option<(&str, Next<'_>)> {
    if rest == "-" {
        return Some(("-", Next::Value("")));
    }
    if let Some(after) = rest.strip_prefix("- ") {
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let value = after.trim_start_matches(' ');
        let next = if value.is_empty() || value.starts_with('#') {
            Next::Value(value)
        } else {
            Next::Nested(column + 2 + spaces)
        };
        return Some(("-", next));
    }
    let colon = key_end(rest)?;
    let name = rest[..colon].trim_end();
    let value = rest[colon + 1..].trim();
    Some((name.trim_matches(['"', '\'']), Next::Value(value)))
}

/// Where the `:` that ends the key at the start of `rest` is, if `rest`
/// starts with a key.
fn key_end(rest: &str) -> Option<usize> {
    if rest.starts_with(['#', '[', '{', '&', '*', '!', '|', '>', '-', '%', '@', '`']) {
        return None;
    }
    let quoted = rest.starts_with(['"', '\'']);
    let from = if quoted {
        let quote = &rest[..1];
        1 + rest[1..].find(quote)? + 1
    } else {
        0
    };
    let colon = from + rest[from..].find(':')?;
    let after_ok = rest[colon + 1..].chars().next().is_none_or(|c| c == ' ');
    let name = &rest[..colon];
    (after_ok && !name.trim().is_empty() && (quoted || !name.contains(" #"))).then_some(colon)
}

/// Whether a key's value starts a block text (`|`, `>-`, `|2`…).
fn is_block_text(value: &str) -> bool {
    let value = value.split(" #").next().unwrap_or("").trim_end();
    value.starts_with(['|', '>'])
        && value[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '+' || c == '-')
}

/// The innermost entry whose range holds byte `at`.
pub(super) fn innermost(entries: &[Entry], at: usize) -> Option<usize> {
    entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.range.contains(&at))
        .max_by_key(|(_, e)| e.range.start)
        .map(|(i, _)| i)
}

/// Whether entry `inner` is `outer` or nested in it.
pub(super) fn within(entries: &[Entry], inner: usize, outer: usize) -> bool {
    let mut at = Some(inner);
    while let Some(i) = at {
        if i == outer {
            return true;
        }
        at = entries[i].parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(yaml: &str) -> Vec<(String, &str, Option<String>)> {
        let all = entries(yaml);
        all.iter()
            .map(|e| {
                (
                    e.key.clone(),
                    &yaml[e.range.clone()],
                    e.parent.map(|p| all[p].key.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn keys_and_items_nest_by_their_indentation() {
        let yaml = "a: 1\ni:\n  with: x\n  questions:\n  - q: Q\n    a: A\n  - q: R\n# c\nb: |\n  c: not a key\n";
        let e = shown(yaml);
        let s = |k: &str| Some(k.to_string());
        assert_eq!(
            e,
            [
                ("a".into(), "a: 1\n", None),
                (
                    "i".into(),
                    "i:\n  with: x\n  questions:\n  - q: Q\n    a: A\n  - q: R\n# c\n",
                    None
                ),
                ("with".into(), "with: x\n", s("i")),
                (
                    "questions".into(),
                    "questions:\n  - q: Q\n    a: A\n  - q: R\n# c\n",
                    s("i")
                ),
                ("-".into(), "- q: Q\n    a: A\n", s("questions")),
                ("q".into(), "q: Q\n", s("-")),
                ("a".into(), "a: A\n", s("-")),
                ("-".into(), "- q: R\n# c\n", s("questions")),
                ("q".into(), "q: R\n# c\n", s("-")),
                ("b".into(), "b: |\n  c: not a key\n", None),
            ]
        );
    }

    #[test]
    fn the_innermost_entry_holds_a_position() {
        let yaml = "i:\n  - q: Q\n    a: {x: 1}\n";
        let all = entries(yaml);
        let at = yaml.find("x:").unwrap();
        let inner = innermost(&all, at).unwrap();
        assert_eq!(all[inner].key, "a");
        assert!(within(&all, inner, 0) && !within(&all, 0, inner));
    }
}
