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
                lang.pick(
                    format!("« {name} » n’est pas un nom de schéma d’adresse"),
                    format!("`{name}` is not the name of an address scheme"),
                ),
                lang.pick(
                    "écrivez le nom seul, sans « : » ni « // » : une lettre, puis des lettres, des chiffres, « + », « - » ou « . », par exemple extra_url_schemes: [sip, webcal]",
                    "write the name alone, without `:` or `//`: a letter, then letters, digits, `+`, `-` or `.`, for example extra_url_schemes: [sip, webcal]",
                ),
            ),
            Err(BadExtra::Dangerous) => (
                lang.pick(
                    format!("le schéma « {name} » ne peut pas être autorisé : il exécute du code ou ouvre des fichiers de l’ordinateur du lecteur"),
                    format!("the scheme `{name}` cannot be allowed: it runs code or opens files of the reader's computer"),
                ),
                lang.pick(
                    "retirez-le de extra_url_schemes ; un document à publier se met dans static/ ou dans content/, et se lie par son chemin",
                    "remove it from extra_url_schemes; a document to publish goes in static/ or content/, linked by its path",
                ),
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
