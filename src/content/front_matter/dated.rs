//! The dates of the front matter (`date`, `updated`, `expires`): the
//! calendar date the writer wrote and the instant it stands for.
//!
//! Both are kept because they answer different questions: pages show the
//! date as written, whatever the build machine's time zone, while embargo,
//! expiry and ordering compare instants. How a date may be written and what
//! is wrong with one that cannot be read is `crate::dates`' business; this
//! module puts its words on the value in the file.

use crate::diagnostics::Code;
use jiff::Timestamp;
use jiff::civil::Date;

use super::positions::Places;
use crate::dates;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::yaml::Text;

/// A date as written and as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dated {
    /// The instant (a plain date is midnight UTC).
    pub at: Timestamp,
    /// The calendar date as written.
    pub date: Date,
}

/// Reads the date of the top-level `key`, or says at its value why it
/// cannot be read.
pub(super) fn read(
    places: Places,
    key: &str,
    value: Text,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> Option<Dated> {
    match dates::parse(value.as_str().trim()) {
        Ok((at, date)) => Some(Dated { at, date }),
        Err(err) => {
            errors.push(
                Diagnostic::error(Code::FrontMatterBadDate, err.message(lang))
                    .at(places.source, places.value(key))
                    .with_help(err.help(lang)),
            );
            None
        }
    }
}
