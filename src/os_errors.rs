//! Operating-system errors in the site's language.
//!
//! A file that cannot be read or written, a port already taken: the system
//! describes these in English (`Permission denied (os error 13)`), and the
//! text lands in the middle of a French message a writer or a CI owner has
//! to act on. The kinds people actually meet are said in French (the
//! catalog's `os-errors-…` messages), with the system's error number kept
//! for whoever looks further; in English, and for any other kind, the
//! system's own words stay.

use std::io;

use crate::language::Language;
use crate::messages::t;

/// `e` as it is shown inside a message in `lang`.
pub fn reason(e: &io::Error, lang: Language) -> String {
    // The system's words are English already, with their error number.
    if lang == Language::En {
        return e.to_string();
    }
    let words = match e.kind() {
        io::ErrorKind::NotFound => t!(lang, "os-errors-not-found"),
        io::ErrorKind::PermissionDenied => t!(lang, "os-errors-permission-denied"),
        io::ErrorKind::AlreadyExists => t!(lang, "os-errors-already-exists"),
        io::ErrorKind::StorageFull => t!(lang, "os-errors-storage-full"),
        io::ErrorKind::QuotaExceeded => t!(lang, "os-errors-quota-exceeded"),
        io::ErrorKind::ReadOnlyFilesystem => t!(lang, "os-errors-read-only-filesystem"),
        io::ErrorKind::IsADirectory => t!(lang, "os-errors-is-a-directory"),
        io::ErrorKind::NotADirectory => t!(lang, "os-errors-not-a-directory"),
        io::ErrorKind::DirectoryNotEmpty => t!(lang, "os-errors-directory-not-empty"),
        io::ErrorKind::InvalidFilename => t!(lang, "os-errors-invalid-filename"),
        io::ErrorKind::AddrInUse => t!(lang, "os-errors-addr-in-use"),
        io::ErrorKind::AddrNotAvailable => t!(lang, "os-errors-addr-not-available"),
        io::ErrorKind::InvalidData => t!(lang, "os-errors-invalid-data"),
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => t!(lang, "os-errors-numbered", words = words, code = code),
        None => words,
    }
}

/// [`reason`] for an error of any type: an I/O error in it or among its
/// causes is worded, any other error keeps its own text.
pub fn reason_of(e: &(dyn std::error::Error + 'static), lang: Language) -> String {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if let Some(io) = c.downcast_ref::<io::Error>() {
            return reason(io, lang);
        }
        cause = c.source();
    }
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_errors_are_said_in_french_with_their_number() {
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(
            reason(&denied, Language::Fr),
            "accès refusé (droits insuffisants) (erreur système 13)"
        );
        assert_eq!(
            reason(&denied, Language::En),
            "Permission denied (os error 13)"
        );
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(
            reason(&full, Language::Fr),
            "le disque est plein (erreur système 28)"
        );
        let missing = io::Error::new(io::ErrorKind::NotFound, "x");
        assert_eq!(
            reason(&missing, Language::Fr),
            "le fichier ou le dossier n’existe pas"
        );
        let other = io::Error::other("something odd");
        assert_eq!(reason(&other, Language::Fr), "something odd");
        let boxed: Box<dyn std::error::Error> = Box::new(io::Error::from_raw_os_error(98));
        assert_eq!(
            reason_of(boxed.as_ref(), Language::Fr),
            "l’adresse est déjà utilisée par un autre programme (erreur système 98)"
        );
    }
}
