//! A value of the wrong shape, and its fix shown in the right one.
//!
//! serde says which shapes it expected and which it found; a writer needs
//! the line rewritten. What a value becomes depends on what it is for,
//! which only the reader of the file knows (a front matter's `with:` takes
//! ids of people, `image:` a file and its text): so the caller passes its
//! [`Hints`], and what is true of any list is done here, built from what
//! the writer wrote (`tags: a, b` → `tags: [a, b]`; one map where a list of
//! them is wanted → that map in brackets).

use crate::language::Language;
use crate::messages::t;

/// A value of the wrong shape, as the writer wrote it.
#[derive(Debug, Clone, Copy)]
pub struct WrongShape<'a> {
    /// serde's path to the value (`interview.with`, `downloads[0]`).
    pub path: &'a str,
    /// The value's own key: the path's last key (`with`).
    pub key: &'a str,
    /// The value as written on its line, comment left out (`{name: Camille
    /// Bertin}`); the first line of a value written under its key.
    pub written: &'a str,
    /// Whether a list was one of the shapes expected.
    pub wants_list: bool,
    /// Whether `true` or `false` was expected.
    pub wants_bool: bool,
    /// Whether what was found is a map (`{…}` or indented keys).
    pub found_map: bool,
    /// Whether what was found is a list.
    pub found_list: bool,
}

/// How the reader of a file words the fix of a value of the wrong shape;
/// `None` leaves it to the fixes true of any list.
pub type Hints = fn(&WrongShape, Language) -> Option<String>;

/// No hints: the fixes true of any list only.
pub fn no_hints(_: &WrongShape, _: Language) -> Option<String> {
    None
}

impl<'a> WrongShape<'a> {
    /// The wrong shape serde's `detail` (`invalid type: …, expected …`)
    /// describes at `path`, for the value that starts `rest`.
    pub(super) fn read(path: &'a str, detail: &str, rest: &'a str) -> Self {
        let (found, expected) = detail
            .strip_prefix("invalid type: ")
            .unwrap_or(detail)
            .split_once(", expected ")
            .unwrap_or((detail, ""));
        let key = path
            .rsplit('.')
            .next()
            .unwrap_or(path)
            .split('[')
            .next()
            .unwrap_or("");
        WrongShape {
            path,
            key,
            written: written_value(rest),
            wants_list: expected.contains("sequence"),
            wants_bool: expected.contains("bool"),
            found_map: found.starts_with("map") || found.starts_with("a map"),
            found_list: found.starts_with("sequence") || found.starts_with("a sequence"),
        }
    }

    /// The texts a one-line value lists, split at its commas (`mobilité,
    /// métiers` → `mobilité, métiers` as two), or `written` whole when it
    /// is a quoted text.
    pub fn items(&self) -> Vec<&'a str> {
        self.written
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The value written from the start of `rest` to the end of its line,
/// without a trailing comment.
pub(super) fn written_value(rest: &str) -> &str {
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let line = match line.find(" #") {
        Some(i) if !line.starts_with(['"', '\'']) => &line[..i],
        _ => line,
    };
    line.trim_end()
}

/// The fixes true of any value: a text where a list is wanted is that list
/// in brackets (one item per comma), a one-line map is itself in brackets;
/// `oui` where a yes-or-no is wanted is `true`.
pub(super) fn generic_fix(shape: &WrongShape, lang: Language) -> Option<String> {
    if shape.wants_bool && !shape.key.is_empty() {
        let written = shape.written.trim_matches(['"', '\'']).to_lowercase();
        let yes = ["oui", "yes", "vrai", "true", "o", "y", "1"].contains(&written.as_str());
        let value = if yes { "true" } else { "false" };
        return Some(t!(
            lang,
            "yaml-boolean-help",
            key = shape.key,
            value = value
        ));
    }
    if !shape.wants_list || shape.found_list || shape.key.is_empty() {
        return None;
    }
    let key = shape.key;
    if shape.found_map {
        if !shape.written.starts_with('{') {
            return Some(t!(lang, "yaml-list-of-maps-help", key = key));
        }
        let value = format!("[{}]", shape.written);
        return Some(t!(lang, "yaml-map-in-list-help", key = key, value = value));
    }
    let items = shape.items();
    if items.is_empty() {
        return None;
    }
    let value = format!("[{}]", items.join(", "));
    let first = items[0];
    Some(t!(
        lang,
        "yaml-list-help",
        key = key,
        value = value,
        first = first
    ))
}
