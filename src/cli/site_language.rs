//! The site's language for what a command says about the site (its
//! diagnostics' labels, the final summary line), even when `site.yaml`
//! cannot be fully read.
//!
//! A wrong `paginate_by` must not turn an English site's messages French:
//! the settings' own errors are already worded from a lenient look at the
//! file (`config::peek_language`), so the labels and the summary around
//! them take the same look. French when the file cannot be read at all or
//! does not say `language: en` plainly at its top level.

use std::path::Path;

use crate::config;
use crate::language::Language;

/// The language of the site under `root`: its settings' when they load,
/// else what a `language:` line of its `site.yaml` says, else French.
pub fn site_language(root: &Path) -> Language {
    match config::load(root, &Default::default()) {
        Ok(c) => c.language,
        Err(_) => crate::sources::read_alone(root, Path::new(config::FILE_NAME))
            .map(|bytes| config::peek_language(&String::from_utf8_lossy(&bytes)))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_of(site_yaml: Option<&str>) -> Language {
        let dir = tempfile::tempdir().expect("a temporary folder");
        if let Some(text) = site_yaml {
            std::fs::write(dir.path().join("site.yaml"), text).expect("site.yaml written");
        }
        site_language(dir.path())
    }

    #[test]
    fn an_english_site_with_wrong_settings_is_english() {
        let text = "title: News\nbase_url: https://x.example/\nlanguage: en\npaginate_by: 2.5\n";
        assert_eq!(language_of(Some(text)), Language::En);
    }

    #[test]
    fn french_when_it_cannot_be_told() {
        assert_eq!(language_of(None), Language::Fr);
        assert_eq!(language_of(Some("title: [\n")), Language::Fr);
        // Only a top-level key says it.
        assert_eq!(
            language_of(Some("title: x\nextra:\n  language: en\npaginate_by: x\n")),
            Language::Fr
        );
    }
}
