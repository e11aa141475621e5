//! Operating-system errors in the site's language.
//!
//! A file that cannot be read or written, a port already taken: the system
//! describes these in English (`Permission denied (os error 13)`), and the
//! text lands in the middle of a French message a writer or a CI owner has
//! to act on. The kinds people actually meet are said here in French, with
//! the system's error number kept for whoever looks further; in English,
//! and for any other kind, the system's own words stay.

use std::io;

use crate::language::Language;

/// `e` as it is shown inside a message in `lang`.
pub fn reason(e: &io::Error, lang: Language) -> String {
    if lang == Language::En {
        return e.to_string();
    }
    let words = match e.kind() {
        io::ErrorKind::NotFound => "le fichier ou le dossier n’existe pas",
        io::ErrorKind::PermissionDenied => "accès refusé (droits insuffisants)",
        io::ErrorKind::AlreadyExists => "un fichier de ce nom existe déjà",
        io::ErrorKind::StorageFull => "le disque est plein",
        io::ErrorKind::QuotaExceeded => "le quota de disque est atteint",
        io::ErrorKind::ReadOnlyFilesystem => "le disque est en lecture seule",
        io::ErrorKind::IsADirectory => "c’est un dossier, pas un fichier",
        io::ErrorKind::NotADirectory => "un élément du chemin est un fichier, pas un dossier",
        io::ErrorKind::DirectoryNotEmpty => "le dossier n’est pas vide",
        io::ErrorKind::InvalidFilename => "le nom du fichier n’est pas valide",
        io::ErrorKind::AddrInUse => "l’adresse est déjà utilisée par un autre programme",
        io::ErrorKind::AddrNotAvailable => "cette adresse n’existe pas sur cette machine",
        io::ErrorKind::InvalidData => "le contenu n’est pas du texte UTF-8",
        _ => return e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => format!("{words} (erreur système {code})"),
        None => words.to_string(),
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
