//! `accessibility`: the facts of the site's accessibility statement, which
//! French public bodies must publish (RGAA), on every site.
//!
//! The statement follows the official model of the RGAA (« modèle de
//! déclaration d’accessibilité »): each of its sections is a key under
//! `accessibility:`, typed here. A site that says nothing still has a
//! statement, the one the law asks of a site never audited: « non
//! conforme », no audit, its entity the site's title. The two other
//! statuses rest on an audit, so each fact of the audit the model prints
//! (who, when, the rate, the pages, the test environment, the tools) is
//! required for them, with an error at the status that asks for it; the
//! rate must agree with the status (100 for « totalement », 50 or more for
//! « partiellement »).
//!
//! The statement's wording is the law's, so the status must be one of the
//! RGAA's three (an English site may also write them in English), with the
//! closest one suggested; dates are plain dates, said in the words
//! front-matter dates use; the rate is a percentage; addresses (contact,
//! multi-year scheme, action plan) are those the site's scheme policy
//! allows.

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

/// The compliance statuses of the RGAA, as a statement writes them: fully,
/// partially, not compliant.
const STATUSES_FR: [&str; 3] = [
    "totalement conforme",
    "partiellement conforme",
    "non conforme",
];

/// The same statuses in English, accepted on an English site.
const STATUSES_EN: [&str; 3] = ["fully compliant", "partially compliant", "not compliant"];

/// The RGAA version a statement refers to unless `rgaa_version` says.
const RGAA_VERSION: &str = "4.1";

/// The accessibility statement's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accessibility {
    /// The organisation that publishes the site (the site's title unless
    /// `entity` is set).
    pub entity: String,
    /// `totalement conforme`, `partiellement conforme` or `non conforme`
    /// (or their English words on an English site), as written.
    pub status: String,
    /// The version of the RGAA the site was audited against.
    pub rgaa_version: String,
    /// Who carried out the audit.
    pub audited_by: Option<String>,
    /// Date of the audit.
    pub audit_date: Option<String>,
    /// Share of criteria met, in percent.
    pub rate: Option<f64>,
    /// Browsers and assistive technologies of the tests.
    pub environment: Vec<String>,
    /// Tools used to evaluate accessibility.
    pub tools: Vec<String>,
    /// Pages checked by the audit.
    pub audited_pages: Vec<String>,
    /// Non-conformities found.
    pub non_compliant: Vec<String>,
    /// Exemptions for disproportionate burden.
    pub disproportionate_burden: Vec<String>,
    /// Content out of the law's scope.
    pub out_of_scope: Vec<String>,
    /// Date the statement was established (the audit's unless set).
    pub established: Option<String>,
    /// Date it was last updated.
    pub updated: Option<String>,
    /// Address of the multi-year accessibility scheme.
    pub scheme: Option<String>,
    /// Address of this year's action plan.
    pub action_plan: Option<String>,
    /// Who to contact.
    pub contact: Option<String>,
}

impl Accessibility {
    /// The statement of a site that says nothing: never audited.
    pub fn unaudited(entity: &str, lang: Language) -> Accessibility {
        Accessibility {
            entity: entity.to_string(),
            status: default_status(lang).to_string(),
            rgaa_version: RGAA_VERSION.to_string(),
            audited_by: None,
            audit_date: None,
            rate: None,
            environment: Vec::new(),
            tools: Vec::new(),
            audited_pages: Vec::new(),
            non_compliant: Vec::new(),
            disproportionate_burden: Vec::new(),
            out_of_scope: Vec::new(),
            established: None,
            updated: None,
            scheme: None,
            action_plan: None,
            contact: None,
        }
    }
}

/// « non conforme », in the site's language.
fn default_status(lang: Language) -> &'static str {
    lang.pick(STATUSES_FR[2], STATUSES_EN[2])
}

/// The statement's facts, each checked; the unaudited statement when
/// site.yaml has no `accessibility:`.
pub(super) fn resolve(
    places: Places,
    written: Option<RawAccessibility>,
    title: &str,
    urls: &UrlPolicy,
    lang: Language,
    errors: &mut Diagnostics,
) -> Accessibility {
    let Some(written) = written else {
        return Accessibility::unaudited(title, lang);
    };
    for (key, date) in [
        ("audit_date", &written.audit_date),
        ("established", &written.established),
        ("updated", &written.updated),
    ] {
        if let Some(date) = date {
            check_date(places, key, date, lang, errors);
        }
    }
    let status = written
        .status
        .as_ref()
        .map_or(default_status(lang), |s| s.0.trim())
        .to_string();
    let status = status.as_str();
    let rank = check_status(places, status, lang, errors);
    if let Some(rate) = written.rate {
        check_rate(places, rate, lang, errors);
    }
    if let Some(rank) = rank {
        check_audit(places, &written, rank, status, lang, errors);
    }
    for (key, address) in [
        ("contact", &written.contact),
        ("scheme", &written.scheme),
        ("action_plan", &written.action_plan),
    ] {
        if let Some(address) = address {
            check_address(places, key, address, urls, lang, errors);
        }
    }
    facts(written, status, title)
}

/// The typed facts of a checked `accessibility:`.
fn facts(written: RawAccessibility, status: &str, title: &str) -> Accessibility {
    let text = |t: Option<Text>| t.map(|t| t.0);
    let list = |l: Option<Vec<Text>>| l.unwrap_or_default().into_iter().map(|t| t.0).collect();
    let audit_date = text(written.audit_date);
    Accessibility {
        entity: text(written.entity).unwrap_or_else(|| title.to_string()),
        status: status.to_string(),
        rgaa_version: text(written.rgaa_version).unwrap_or_else(|| RGAA_VERSION.into()),
        audited_by: text(written.audited_by),
        established: text(written.established).or_else(|| audit_date.clone()),
        audit_date,
        rate: written.rate,
        environment: list(written.environment),
        tools: list(written.tools),
        audited_pages: list(written.audited_pages),
        non_compliant: list(written.non_compliant),
        disproportionate_burden: list(written.disproportionate_burden),
        out_of_scope: list(written.out_of_scope),
        updated: text(written.updated),
        scheme: text(written.scheme),
        action_plan: text(written.action_plan),
        contact: text(written.contact),
    }
}

/// An address the site's scheme policy allows.
fn check_address(
    places: Places,
    key: &str,
    address: &Text,
    urls: &UrlPolicy,
    lang: Language,
    errors: &mut Diagnostics,
) {
    if let Err(refused) = urls.check(address.as_str()) {
        errors.push(
            urls.refusal(&refused, lang)
                .at(places.source, places.value(&["accessibility", key])),
        );
    }
}

/// A date of the statement is a plain date (`AAAA-MM-JJ`).
fn check_date(places: Places, key: &str, date: &Text, lang: Language, errors: &mut Diagnostics) {
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
            t!(lang, "config-bad-audit-date", message = message, key = key),
        )
        .at(places.source, places.value(&["accessibility", key]))
        .with_help(help),
    );
}

/// The status is one of the RGAA's, in French (or English on an English
/// site). Its rank: 0 fully, 1 partially, 2 not compliant; `None` when it
/// is none of them.
fn check_status(
    places: Places,
    status: &str,
    lang: Language,
    errors: &mut Diagnostics,
) -> Option<usize> {
    let statuses: Vec<&str> = match lang {
        Language::Fr => STATUSES_FR.to_vec(),
        Language::En => STATUSES_FR.iter().chain(&STATUSES_EN).copied().collect(),
    };
    if let Some(i) = statuses.iter().position(|s| *s == status) {
        return Some(i % 3);
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
    None
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

/// A status that rests on an audit (`rank` 0 or 1) has each fact of the
/// audit the model prints, and a rate that agrees with it.
fn check_audit(
    places: Places,
    written: &RawAccessibility,
    rank: usize,
    status: &str,
    lang: Language,
    errors: &mut Diagnostics,
) {
    if rank == 2 {
        return;
    }
    let missing = [
        ("audited_by", written.audited_by.is_none()),
        ("audit_date", written.audit_date.is_none()),
        ("rate", written.rate.is_none()),
        ("audited_pages", is_empty(&written.audited_pages)),
        ("environment", is_empty(&written.environment)),
        ("tools", is_empty(&written.tools)),
    ];
    let at = places.value(&["accessibility", "status"]);
    for (key, _) in missing.iter().filter(|(_, missing)| *missing) {
        errors.push(
            Diagnostic::error(
                Code::ConfigAccessibilityMissing,
                t!(
                    lang,
                    "config-accessibility-missing",
                    status = status,
                    key = *key
                ),
            )
            .at(places.source, at.clone())
            .with_help(t!(lang, "config-accessibility-missing-help", key = *key)),
        );
    }
    let Some(rate) = written.rate.filter(|r| (0.0..=100.0).contains(r)) else {
        return;
    };
    let agrees = if rank == 0 {
        rate >= 100.0
    } else {
        rate >= 50.0
    };
    if !agrees {
        errors.push(
            Diagnostic::error(
                Code::ConfigAccessibilityRateStatus,
                t!(
                    lang,
                    "config-accessibility-rate-status",
                    status = status,
                    rate = rate.to_string()
                ),
            )
            .at(places.source, places.value(&["accessibility", "rate"]))
            .with_help(t!(
                lang,
                "config-accessibility-rate-status-help",
                status = status,
                minimum = if rank == 0 { 100 } else { 50 }
            )),
        );
    }
}

/// A list that is absent or has no entry.
fn is_empty(list: &Option<Vec<Text>>) -> bool {
    list.as_ref().is_none_or(|l| l.is_empty())
}
