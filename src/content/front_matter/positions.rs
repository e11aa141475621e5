//! Where a key, a value or a list entry of the front matter is in the file.
//!
//! serde gives values, not places, so a check that finds a wrong value looks
//! its key up again in the YAML text. A key the lookup cannot find (written
//! in a flow list, say) is reported at the opening fence: a position in the
//! file is always given, if not always the closest one. The entries of a
//! list are found one after another by the text each was read from, so two
//! equal entries get their own places.

use std::ops::Range;

use super::fences::{Split, opening_fence};
use crate::diagnostics::SourceText;
use crate::yaml;

/// The byte range in the file of a key of the front matter (the opening
/// fence when the key is not found).
pub fn locate(source: &SourceText, split: &Split, path: &[&str]) -> Range<usize> {
    let yaml_text = &source.text[split.yaml.clone()];
    match yaml::locate_key(yaml_text, path) {
        Some(r) => split.yaml.start + r.start..split.yaml.start + r.end,
        None => opening_fence(source),
    }
}

/// One file's front matter, to place what its checks find.
#[derive(Clone, Copy)]
pub(super) struct Places<'a> {
    /// The file.
    pub source: &'a SourceText,
    /// Its header and body.
    pub split: &'a Split,
}

impl Places<'_> {
    /// The YAML text of the header.
    pub fn yaml(&self) -> &str {
        &self.source.text[self.split.yaml.clone()]
    }

    /// Whether the top-level `key` is written, at the start of a line: a
    /// key with nothing after it (`title:`) has no value for serde, as if
    /// it were not there, and is said to be empty rather than missing.
    pub fn top_level_written(&self, key: &str) -> bool {
        self.yaml().lines().any(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start_matches(' ').starts_with(':'))
        })
    }

    /// Where a key is ([`locate`]).
    pub fn key(&self, path: &[&str]) -> Range<usize> {
        locate(self.source, self.split, path)
    }

    /// Where the value of a top-level key is (its key when the value cannot
    /// be found).
    pub fn value(&self, key: &str) -> Range<usize> {
        yaml::locate_value(self.yaml(), &[key])
            .map(|r| {
                let start = self.split.yaml.start + r.start;
                start..start + r.len()
            })
            .unwrap_or_else(|| self.key(&[key]))
    }

    /// Where each entry of the list under `key` is, by the value each was
    /// read from: its first line, searched for after the previous entry;
    /// the key itself when a value is not written as read (escapes in
    /// quotes).
    pub fn entries(&self, key: &[&str], values: Vec<&str>) -> Vec<Range<usize>> {
        let start = self.key(key);
        let yaml = self.split.yaml.clone();
        let mut from = start.end.max(yaml.start).min(yaml.end);
        values
            .into_iter()
            .map(|value| {
                let first_line = value.trim().lines().next().unwrap_or("");
                match self.source.text[from..yaml.end]
                    .find(first_line)
                    .filter(|_| !first_line.is_empty())
                {
                    Some(i) => {
                        from += i + first_line.len();
                        from - first_line.len()..from
                    }
                    None => start.clone(),
                }
            })
            .collect()
    }
}
