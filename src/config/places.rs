//! Where a setting is written in `site.yaml`, for the messages about it.
//!
//! serde gives values, not places, so a check that finds a wrong value looks
//! it up again in the text, in a block or in a map written on one line
//! (`accessibility: {status: …, rate: 82}`). A value the lookup cannot find
//! (a default) is reported at the start of the settings: a position in the
//! file is always given. The entries of a list are found one after another
//! by the text each was read from.

use std::ops::Range;

use crate::diagnostics::SourceText;
use crate::yaml;

/// `site.yaml` as read, to place what its checks find.
#[derive(Clone, Copy)]
pub(super) struct Places<'a> {
    /// The file.
    pub source: &'a SourceText,
    /// Where the YAML starts (after any byte-order mark).
    pub offset: usize,
}

impl Places<'_> {
    /// The YAML text.
    fn yaml(&self) -> &str {
        &self.source.text[self.offset..]
    }

    /// The start of the settings: where a problem without a key is said.
    pub fn start(&self) -> Range<usize> {
        self.offset..self.offset + 1
    }

    /// Where the value at `path` is written, if it is.
    pub fn written(&self, path: &[&str]) -> Option<Range<usize>> {
        yaml::locate_value(self.yaml(), path).map(|r| r.start + self.offset..r.end + self.offset)
    }

    /// Where the value at `path` is, or the start of the settings.
    pub fn value(&self, path: &[&str]) -> Range<usize> {
        self.written(path).unwrap_or_else(|| self.start())
    }

    /// Where each of `values` (the entries of the list under `key`, in
    /// order) is written: the first line of each value, found one after
    /// another from the key on; the key itself when a value is not written
    /// as read (escapes in quotes).
    pub fn entries<'v>(
        &self,
        key: &str,
        values: impl Iterator<Item = &'v str>,
    ) -> Vec<Range<usize>> {
        let yaml = self.yaml();
        let key = yaml::locate_key(yaml, &[key]).unwrap_or(0..1);
        let mut at = key.end.min(yaml.len());
        values
            .map(|value| {
                let first_line = value.trim().lines().next().unwrap_or("");
                let span = match yaml
                    .get(at..)
                    .and_then(|rest| rest.find(first_line))
                    .filter(|_| !first_line.is_empty())
                {
                    Some(i) => {
                        at += i + first_line.len();
                        at - first_line.len()..at
                    }
                    None => key.clone(),
                };
                span.start + self.offset..span.end + self.offset
            })
            .collect()
    }
}
