//! How the site names its sources: [`ContentPath`], a file's or a
//! folder's path relative to `content/`, `/`-separated.
//!
//! Links (`../rapports/bilan.md`), `related:` entries and the build's maps
//! (pages, files, left-out articles, the preview's caches) all name an
//! article by this path: it is an article's id. It is a type of its own,
//! made only from a source path, a relative link or a `related:` entry,
//! so that a string that merely looks like a path (an output folder, an
//! address) cannot be looked up as one, and so that every way of writing
//! one file normalises to one id. It lives in `content`, the lowest layer
//! that names sources: discovery makes the assets' paths, `site` the rest.

use crate::sources::to_slash;

/// What links, `related:` and the build's maps name an article, a section
/// or a file by: its path relative to `content/`, `/`-separated
/// (`actualites/x.md`, `actualites/_index.md`, a bundle's `actualites/x`).
/// An article's id. Made from a source path, a link or a `related:` entry,
/// here only, so that two spellings of one file cannot become two ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentPath(String);

impl ContentPath {
    /// `content/actualites/x.md` (relative to the site) → `actualites/x.md`.
    pub fn of(path: &std::path::Path) -> Self {
        let s = to_slash(path);
        ContentPath(s.strip_prefix("content/").map(str::to_string).unwrap_or(s))
    }

    /// What a relative link from the folder `base_dir` names (`../x.md`
    /// from `actualites` → `x.md`, a folder without its final slash);
    /// `None` when it climbs out of `content/`.
    pub fn linked(base_dir: &str, relative: &str) -> Option<Self> {
        let mut parts: Vec<&str> = if base_dir.is_empty() {
            Vec::new()
        } else {
            base_dir.split('/').collect()
        };
        for segment in relative.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s),
            }
        }
        Some(ContentPath(parts.join("/")))
    }

    /// What a `related:` entry names: a path from `content/`, with or
    /// without a leading `./` or `/`.
    pub fn related(entry: &str) -> Self {
        ContentPath(
            entry
                .trim_start_matches("./")
                .trim_start_matches('/')
                .to_string(),
        )
    }

    /// A section's folder (`actualites`), or its `_index.md`
    /// (`actualites/_index.md`, `_index.md` for home).
    pub fn section(dir: &str, index_file: bool) -> Self {
        match (dir.is_empty(), index_file) {
            (true, _) => ContentPath("_index.md".to_string()),
            (false, true) => ContentPath(format!("{dir}/_index.md")),
            (false, false) => ContentPath(dir.to_string()),
        }
    }

    /// The file `name` in the folder this path names (`x` → `x/index.md`).
    pub fn inside(&self, name: &str) -> Self {
        ContentPath(format!("{}/{name}", self.0.trim_end_matches('/')))
    }

    /// The path as written in links and messages.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ContentPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for ContentPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_spelling_of_one_file_is_one_id() {
        let file = ContentPath::of(Path::new("content/actualites/bilan.md"));
        assert_eq!(file.as_str(), "actualites/bilan.md");
        assert_eq!(ContentPath::related("./actualites/bilan.md"), file);
        assert_eq!(ContentPath::related("/actualites/bilan.md"), file);
        assert_eq!(
            ContentPath::linked("rapports", "../actualites/./bilan.md"),
            Some(file)
        );
        assert_eq!(ContentPath::linked("", "../bilan.md"), None);
        let bundle = ContentPath::linked("actualites", "forum/").expect("inside content");
        assert_eq!(
            bundle.inside("index.md").as_str(),
            "actualites/forum/index.md"
        );
        assert_eq!(ContentPath::section("", true).as_str(), "_index.md");
        assert_eq!(
            ContentPath::section("actualites", true).as_str(),
            "actualites/_index.md"
        );
        assert_eq!(
            ContentPath::section("actualites", false).as_str(),
            "actualites"
        );
    }
}
