//! The site's language: French (the default) or English.
//!
//! One small `Copy` value threaded through loading and rendering, so every
//! message (from the catalogs of `crate::messages`), date and typographic
//! rule can pick its variant without global state.

use serde::{Deserialize, Serialize};

/// A language Gazette writes its UI strings, dates, typography and messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// French: the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 code, as written on `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// Picks the French or English variant of a piece of language data that
    /// is not a message: a typographic rule (which quotation marks), a
    /// generated page's folder (`recherche/`), which of day and month a
    /// typed date gives first. Text a person reads is a message of the
    /// catalogs (`crate::messages`), never a `pick`.
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Language::Fr => fr,
            Language::En => en,
        }
    }
}
