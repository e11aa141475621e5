//! `accessibility`: the facts of the site's accessibility statement, which
//! French public bodies must publish (RGAA).
//!
//! The statement's wording is the law's, so the status must be one of the
//! RGAA's three (an English site may also write them in English), with the
//! closest one suggested; the audit date is a plain date, said in the
//! words front-matter dates use; the rate is a percentage; the contact is an
//! address the site's scheme policy allows.

use crate::diagnostics::Code;
use jiff::civil::Date;
use serde::Serialize;

use super::file::RawAccessibility;
use super::places::Places;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::language::Language;
use crate::messages::t;
use crate::url_schemes::UrlPolicy;
use crate::yaml::{self, Text};

/// The compliance statuses of the RGAA, as a statement writes them.
const STATUSES_FR: [&str; 3] = [
    "totalement conforme",
    "partiellement conforme",
    "non conforme",
];

/// The accessibility statement's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accessibility {
    /// `totalement conforme`, `partiellement conforme` or `non conforme`.
    pub status: String,
    /// Date of the audit.
    pub audit_date: Option<String>,
    /// Share of criteria met, in percent.
    pub rate: Option<f64>,
    /// Who to contact.
    pub contact: Option<String>,
}

/// The statement's facts, each checked.
pub(super) fn resolve(
    places: Places,
    written: RawAccessibility,
    urls: &UrlPolicy,
    lang: Language,
    errors: &mut Diagnostics,
) -> Accessibility {
    if let Some(date) = &written.audit_date {
        audit_date(places, date, lang, errors);
    }
    let status = written.status.0.trim();
    check_status(places, status, lang, errors);
    if let Some(rate) = written.rate {
        check_rate(places, rate, lang, errors);
    }
    if let Some(contact) = &written.contact
        && let Err(refused) = urls.check(contact.as_str())
    {
        errors.push(
            urls.refusal(&refused, lang)
                .at(places.source, places.value(&["accessibility", "contact"])),
        );
    }
    Accessibility {
        status: status.to_string(),
        audit_date: written.audit_date.map(|t| t.0),
        rate: written.rate,
        contact: written.contact.map(|t| t.0),
    }
}

/// The audit date is a plain date (`AAAA-MM-JJ`).
fn audit_date(places: Places, date: &Text, lang: Language, errors: &mut Diagnostics) {
    if date.0.parse::<Date>().is_ok() {
        return;
    }
    // The writer's wording of the problem, as for front-matter dates.
    let (message, help) = match crate::dates::parse(&date.0) {
        Err(err) => (err.message(lang), err.help(lang)),
        Ok(_) => (
            t!(lang, "config-audit-date-not-plain", date = &date.0),
            t!(lang, "config-audit-date-not-plain-help"),
        ),
    };
    errors.push(
        Diagnostic::error(
            Code::ConfigBadDate,
            t!(lang, "config-bad-audit-date", message = message),
        )
        .at(
            places.source,
            places.value(&["accessibility", "audit_date"]),
        )
        .with_help(help),
    );
}

/// The status is one of the RGAA's, in French (or English on an English
/// site).
fn check_status(places: Places, status: &str, lang: Language, errors: &mut Diagnostics) {
    let statuses: &[&str] = match lang {
        Language::Fr => &STATUSES_FR,
        Language::En => &[
            STATUSES_FR[0],
            STATUSES_FR[1],
            STATUSES_FR[2],
            "fully compliant",
            "partially compliant",
            "not compliant",
        ],
    };
    if statuses.contains(&status) {
        return;
    }
    let help = match yaml::closest(status, statuses.iter().copied()) {
        Some(best) => t!(
            lang,
            "config-accessibility-status-did-you-mean",
            best = best
        ),
        None => t!(
            lang,
            "config-accessibility-status-one-of",
            statuses = statuses.join(", ")
        ),
    };
    errors.push(
        Diagnostic::error(
            Code::ConfigBadAccessibilityStatus,
            t!(lang, "config-bad-accessibility-status", status = status),
        )
        .at(places.source, places.value(&["accessibility", "status"]))
        .with_help(help),
    );
}

/// The rate is a percentage.
fn check_rate(places: Places, rate: f64, lang: Language, errors: &mut Diagnostics) {
    if (0.0..=100.0).contains(&rate) {
        return;
    }
    errors.push(
        Diagnostic::error(
            Code::ConfigBadAccessibilityRate,
            // As Rust writes it (`120.5`, `-3`), not as a number for the
            // catalog to format.
            t!(
                lang,
                "config-bad-accessibility-rate",
                rate = rate.to_string()
            ),
        )
        .at(places.source, places.value(&["accessibility", "rate"]))
        .with_help(t!(lang, "config-bad-accessibility-rate-help")),
    );
}
