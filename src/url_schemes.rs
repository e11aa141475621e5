//! The one allowlist of URL schemes: every address a writer types that
//! reaches a page or a feed (Markdown links and images, raw HTML under
//! `sanitize`, front-matter and registry addresses, the menu, the
//! accessibility contact) is checked here, so no path can publish a
//! `javascript:` link that another path refuses.
//!
//! Relative addresses and fragments are always allowed, then `http`,
//! `https`, `mailto` and `tel`, and the schemes `site.yaml` adds
//! (`extra_url_schemes`). The scheme is taken as a browser takes it: the
//! WHATWG URL parser of the `url` crate strips leading and trailing C0
//! controls and spaces, removes tabs and newlines anywhere and lowercases
//! the scheme, so `JaVaScRiPt:`, ` javascript:` and `java\tscript:` are all
//! `javascript`. Character references are decoded first as well
//! (`&#106;avascript:`, `javascript&colon;`): pulldown-cmark already
//! decodes them in Markdown, and a front-matter value might reach a
//! template that does not escape it.
//!
//! The module knows nothing of content, sites or themes: callers hand it a
//! written address and place the `Diagnostic` it words at the address's
//! position.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;

/// The schemes every site allows.
pub const BUILT_IN: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Schemes no setting can allow: they run code in the reader's browser or
/// open the reader's own files.
pub const NEVER: [&str; 6] = [
    "javascript",
    "vbscript",
    "livescript",
    "data",
    "file",
    "blob",
];

/// The schemes a site allows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlPolicy {
    /// Added by `extra_url_schemes`, lower case, none of [`NEVER`].
    extra: Vec<String>,
}

/// The policy of a site that adds no scheme.
pub static BUILT_IN_POLICY: UrlPolicy = UrlPolicy { extra: Vec::new() };

/// A refused address: its scheme, lower case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Refused {
    /// `javascript`, `data`…
    pub scheme: String,
}

/// Why a name under `extra_url_schemes` cannot be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadExtra {
    /// Not a scheme name (`si p`, `sip:`, `https://`).
    NotAName,
    /// One of [`NEVER`].
    Dangerous,
}

impl UrlPolicy {
    /// The built-in schemes plus `extra` (already checked by [`check_extra`]).
    pub fn with_extra(extra: Vec<String>) -> Self {
        UrlPolicy { extra }
    }

    /// Every allowed scheme: the built-in ones, then the site's.
    pub fn schemes(&self) -> impl Iterator<Item = &str> {
        BUILT_IN
            .iter()
            .copied()
            .chain(self.extra.iter().map(String::as_str))
    }

    /// Whether `written` may be published as an address: `Err` names the
    /// scheme refused. An address the URL parser rejects is allowed: a
    /// browser cannot follow it either.
    pub fn check(&self, written: &str) -> Result<(), Refused> {
        self.check_one(written)?;
        if written.contains('&') {
            self.check_one(&html_escape::decode_html_entities(written))?;
        }
        Ok(())
    }

    fn check_one(&self, written: &str) -> Result<(), Refused> {
        let Ok(url) = url::Url::parse(written) else {
            return Ok(());
        };
        let scheme = url.scheme();
        if self.schemes().any(|s| s == scheme) {
            Ok(())
        } else {
            Err(Refused {
                scheme: scheme.to_string(),
            })
        }
    }

    /// The error for a refused address, in the site's language, without its
    /// position: the caller places it.
    pub fn refusal(&self, refused: &Refused, lang: Language) -> Diagnostic {
        let scheme = &refused.scheme;
        let allowed = self.schemes().collect::<Vec<_>>().join(", ");
        let help = if NEVER.contains(&scheme.as_str()) {
            t!(lang, "url-schemes-never-help")
        } else {
            t!(lang, "url-schemes-refused-help", scheme = scheme)
        };
        Diagnostic::error(
            Code::UrlSchemeRefused,
            t!(
                lang,
                "url-schemes-refused",
                scheme = scheme,
                allowed = allowed
            ),
        )
        .with_help(help)
    }
}

/// Checks a name written under `extra_url_schemes`: a scheme name as RFC
/// 3986 defines it (a letter, then letters, digits, `+`, `-`, `.`), not one
/// of [`NEVER`]. Returns it in lower case.
pub fn check_extra(written: &str) -> Result<String, BadExtra> {
    let name = written.trim().to_ascii_lowercase();
    let mut chars = name.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c));
    if !well_formed {
        Err(BadExtra::NotAName)
    } else if NEVER.contains(&name.as_str()) {
        Err(BadExtra::Dangerous)
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(written: &str) -> Option<String> {
        BUILT_IN_POLICY.check(written).err().map(|r| r.scheme)
    }

    #[test]
    fn schemes_are_taken_as_a_browser_takes_them() {
        for written in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}\u{8}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java&#x09;script:alert(1)",
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
        ] {
            assert_eq!(
                refused(written).as_deref(),
                Some("javascript"),
                "{written:?}"
            );
        }
        assert_eq!(refused("vbscript:msgbox(1)").as_deref(), Some("vbscript"));
        assert_eq!(refused("data:text/html,<script>").as_deref(), Some("data"));
        assert_eq!(refused("file:///etc/passwd").as_deref(), Some("file"));
        for allowed in [
            "https://example.org/a?b=1&amp;c=2",
            "HTTP://example.org",
            "mailto:a@example.org",
            "tel:+33100000000",
            "../actualites/accord.md#chiffres",
            "/actualites/",
            "#top",
            "//cdn.example.org/x",
            "a b:c",
            "",
        ] {
            assert_eq!(refused(allowed), None, "{allowed:?}");
        }
    }

    #[test]
    fn a_site_adds_schemes_but_never_a_dangerous_one() {
        let policy = UrlPolicy::with_extra(vec!["sip".to_string()]);
        assert_eq!(policy.check("SIP:accueil@example.org"), Ok(()));
        assert_eq!(check_extra(" Webcal "), Ok("webcal".to_string()));
        assert_eq!(check_extra("JavaScript"), Err(BadExtra::Dangerous));
        assert_eq!(check_extra("sip:"), Err(BadExtra::NotAName));
        assert_eq!(check_extra("1sip"), Err(BadExtra::NotAName));
    }
}
