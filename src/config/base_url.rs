//! `base_url`: the address the site is published at, from `--base-url` or
//! the file.
//!
//! Every absolute URL (feeds, the sitemap, share links) starts with it, and
//! every site path with its path part (`/rh/`), so it is parsed once here
//! into both. Without one the site still builds, for local previews, at
//! `http://localhost/`, with a warning: a published site whose feeds point
//! to localhost is a mistake nobody sees until a reader clicks.

use super::Overrides;
use super::places::Places;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::Text;

/// The site's address, resolved.
pub(super) struct Address {
    /// Absolute, with a trailing slash.
    pub base_url: String,
    /// Its path part (`/` or `/rh/`).
    pub root_path: String,
    /// Whether it was given (else it is the local default).
    pub given: bool,
    /// The warning when no address was given.
    pub warnings: Vec<Diagnostic>,
}

/// The address from `--base-url`, else the file, else a local one (with a
/// warning); one that cannot be parsed is an error, at the key when it was
/// written in the file.
pub(super) fn resolve(
    places: Places,
    overrides: &Overrides,
    written: Option<Text>,
    lang: Language,
    errors: &mut Diagnostics,
) -> Address {
    if let Some(flag) = &overrides.base_url
        && flag.trim().is_empty()
    {
        errors.push(empty_flag(lang));
        return Address {
            base_url: "http://localhost/".to_string(),
            root_path: "/".to_string(),
            given: true,
            warnings: Vec::new(),
        };
    }
    let given = overrides.base_url.is_some() || written.is_some();
    let base_text = overrides
        .base_url
        .clone()
        .or(written.map(|t| t.0))
        .unwrap_or_else(|| "http://localhost/".to_string());
    let (base_url, root_path) = match parse_base_url(&base_text) {
        Some(parsed) => parsed,
        None => {
            let d = Diagnostic::error(
                Code::ConfigBadBaseUrl,
                t!(lang, "config-bad-base-url", address = &base_text),
            )
            .with_help(t!(lang, "config-bad-base-url-help"));
            errors.push(if overrides.base_url.is_some() {
                d
            } else {
                d.at(places.source, places.value(&["base_url"]))
            });
            ("http://localhost/".to_string(), "/".to_string())
        }
    };
    Address {
        base_url,
        root_path,
        given,
        warnings: if given {
            Vec::new()
        } else {
            vec![no_base_url(lang).at(places.source, places.start())]
        },
    }
}

/// `https://host/rh` → (`https://host/rh/`, `/rh/`).
pub fn parse_base_url(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let scheme_len = text.len() - rest.len();
    let host_end = rest.find('/').unwrap_or(rest.len());
    let host = &rest[..host_end];
    if host.is_empty() || host.contains([' ', '?', '#']) {
        return None;
    }
    let mut path = rest[host_end..].to_string();
    if path.contains(['?', '#', ' ']) || path.split('/').any(|s| s == "..") {
        return None;
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    Some((format!("{}{}{}", &text[..scheme_len], host, path), path))
}

/// The error of `--base-url ""`: what `--base-url "$CI_PAGES_URL"` gives
/// when the CI variable is empty or unset, so the help names that cause
/// rather than calling an empty text an incomplete address.
fn empty_flag(lang: Language) -> Diagnostic {
    Diagnostic::error(Code::ConfigEmptyBaseUrl, t!(lang, "config-empty-base-url"))
        .with_help(t!(lang, "config-empty-base-url-help"))
}

/// The warning of a build whose `site.yaml` gives no `base_url`: feeds,
/// the sitemap and share links would carry `http://localhost/`.
fn no_base_url(lang: Language) -> Diagnostic {
    Diagnostic::warning(Code::ConfigNoBaseUrl, t!(lang, "config-no-base-url"))
        .with_help(t!(lang, "config-no-base-url-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_paths() {
        assert_eq!(
            parse_base_url("https://intranet.example.org/rh"),
            Some((
                "https://intranet.example.org/rh/".to_string(),
                "/rh/".to_string()
            ))
        );
        assert_eq!(
            parse_base_url("http://localhost:1111"),
            Some(("http://localhost:1111/".to_string(), "/".to_string()))
        );
        assert_eq!(parse_base_url("intranet/rh"), None);
        assert_eq!(parse_base_url("https://x/../y"), None);
    }
}
