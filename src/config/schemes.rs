//! `extra_url_schemes`: the address schemes a site allows beyond the
//! built-in ones (`sip`, `webcal`…).
//!
//! What a scheme is and which ones are never allowed (they run code or open
//! the reader's files) is `url_schemes`' business; this module reads the
//! list, says at each refused entry why, and gives the policy every other
//! check of addresses (the menu, the accessibility contact, every link of
//! every article) then uses.

use super::places::Places;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::language::Language;
use crate::messages::t;
use crate::url_schemes::{self, BadExtra, UrlPolicy};
use crate::yaml::Text;

/// Reads `extra_url_schemes`: each name must be a scheme, and not one that
/// runs code or opens local files.
pub(super) fn extra_url_schemes(
    places: Places,
    written: Option<Vec<Text>>,
    lang: Language,
    errors: &mut Diagnostics,
) -> UrlPolicy {
    let written = written.unwrap_or_default();
    let spans = places.entries("extra_url_schemes", written.iter().map(Text::as_str));
    let mut extra = Vec::new();
    for (name, span) in written.iter().zip(spans) {
        let name = name.as_str();
        let (message, help) = match url_schemes::check_extra(name) {
            Ok(scheme) => {
                extra.push(scheme);
                continue;
            }
            Err(BadExtra::NotAName) => (
                t!(lang, "config-bad-url-scheme-name", name = name),
                t!(lang, "config-bad-url-scheme-name-help"),
            ),
            Err(BadExtra::Dangerous) => (
                t!(lang, "config-dangerous-url-scheme", name = name),
                t!(lang, "config-dangerous-url-scheme-help"),
            ),
        };
        errors.push(
            Diagnostic::error(Code::ConfigBadUrlScheme, message)
                .at(places.source, span)
                .with_help(help),
        );
    }
    UrlPolicy::with_extra(extra)
}
