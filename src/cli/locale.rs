//! The language of the person at the terminal, for what the command line
//! itself says (its help and its parser's errors), as opposed to the site's
//! language (`site.yaml`), which decides every message about the site.
//!
//! POSIX decides which variable names the locale of messages: `LC_ALL`,
//! else `LC_MESSAGES`, else `LANG`, the first one set and non-empty.
//! Gazette speaks French when that value starts with `fr` (`fr_FR.UTF-8`,
//! `fr_CA`, `fr`), English otherwise (`C`, `POSIX`, `en_GB.UTF-8`, nothing).
//! The environment is passed in as a lookup function rather than read here,
//! so the rule is tested without touching the process's environment.

use std::ffi::OsString;

use crate::language::Language;

/// The variables that name the locale of messages, strongest first.
const VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The user's language, from the locale variables that `var` looks up
/// (`|name| std::env::var_os(name)` for the real environment).
pub fn user_language(var: impl Fn(&str) -> Option<OsString>) -> Language {
    let locale = VARIABLES
        .iter()
        .filter_map(|name| var(name))
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.to_string_lossy().starts_with("fr") => Language::Fr,
        _ => Language::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(pairs: &[(&str, &str)]) -> Language {
        user_language(|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn french_when_the_deciding_variable_starts_with_fr() {
        assert_eq!(language(&[("LANG", "fr_FR.UTF-8")]), Language::Fr);
        assert_eq!(language(&[("LANG", "fr")]), Language::Fr);
        assert_eq!(language(&[("LC_MESSAGES", "fr_CA.UTF-8")]), Language::Fr);
    }

    #[test]
    fn english_otherwise() {
        assert_eq!(language(&[]), Language::En);
        assert_eq!(language(&[("LANG", "C")]), Language::En);
        assert_eq!(language(&[("LANG", "en_GB.UTF-8")]), Language::En);
        assert_eq!(language(&[("LANG", "POSIX")]), Language::En);
    }

    #[test]
    fn the_first_variable_set_and_non_empty_decides() {
        assert_eq!(
            language(&[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "C")]),
            Language::Fr
        );
        assert_eq!(
            language(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")]),
            Language::En
        );
        assert_eq!(
            language(&[("LC_MESSAGES", "en_US"), ("LANG", "fr_FR.UTF-8")]),
            Language::En
        );
        assert_eq!(
            language(&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "fr_FR")]),
            Language::Fr
        );
    }
}
