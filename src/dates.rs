//! Dates written the house way, and front-matter dates read back.
//!
//! This module owns two things: how a date is *shown* (`long` and `short`,
//! French or English) and how a date typed by a writer in a front matter is
//! *read* (`parse`), with errors a non-developer can act on.
//!
//! It is shaped around [`jiff::civil::Date`] because a newsroom date is a day
//! on the calendar, not an instant: a piece published "le 1er mars" must read
//! "1er mars" whatever the reader's time zone. The instant is still returned
//! by [`parse`] (for sorting and feeds), but the civil date is the one written
//! by the writer, never recomputed from the instant.
//!
//! Month names and the long and short forms are spelled out in the message
//! catalog (`locales/<lang>/dates.ftl`) instead of going through a locale
//! library: two languages, twelve names each, and the house rules (`1er`,
//! lower-case French months, no leading zero in the long form) are simpler to
//! state than to configure. Formatting a date through the catalog costs a few
//! tenths of a microsecond more than a constant table, a few milliseconds on
//! a 2,000-article site's tens of thousands of dates.
//!
//! Error messages are written for writers, not developers: they quote what
//! was typed, say what is wrong in plain words, and [`DateError::help`] says
//! what to type instead, with a corrected date when one can be guessed. French
//! messages use plain spaces before `:` and inside guillemets, as every other
//! catalog's terminal messages do. Numbers a message shows
//! zero-padded (`02`, `0987`) are padded here, before the catalog sees them.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

use crate::language::Language;
use crate::messages::t;

/// The name of a month (1 to 12), from the catalog: lower case in French
/// (`mars`), capitalised in English (`March`). Returns an empty string for a
/// number outside 1..=12.
pub fn month_name(month: i8, lang: Language) -> String {
    match month {
        1 => t!(lang, "dates-month-1"),
        2 => t!(lang, "dates-month-2"),
        3 => t!(lang, "dates-month-3"),
        4 => t!(lang, "dates-month-4"),
        5 => t!(lang, "dates-month-5"),
        6 => t!(lang, "dates-month-6"),
        7 => t!(lang, "dates-month-7"),
        8 => t!(lang, "dates-month-8"),
        9 => t!(lang, "dates-month-9"),
        10 => t!(lang, "dates-month-10"),
        11 => t!(lang, "dates-month-11"),
        12 => t!(lang, "dates-month-12"),
        _ => String::new(),
    }
}

/// `17 juillet 2018`, `1er mars 2024` (French: `1er` for the first day,
/// lower-case month names); `July 17, 2018` in English.
///
/// The spaces are ordinary spaces: run the result through the typography
/// module if it must not break across lines.
pub fn long(date: Date, lang: Language) -> String {
    t!(
        lang,
        "dates-long",
        day = date.day(),
        month = month_name(date.month(), lang),
        year = date.year().to_string()
    )
}

/// `17/07/2018` in French, `07/17/2018` in English.
pub fn short(date: Date, lang: Language) -> String {
    let (day, month, year) = (date.day(), date.month(), date.year());
    t!(
        lang,
        "dates-short",
        day = format!("{day:02}"),
        month = format!("{month:02}"),
        year = format!("{year:04}")
    )
}

/// Parses a front-matter date: `YYYY-MM-DD`, or an RFC 3339 date-time
/// (`2024-03-01T09:30:00+01:00`, `2024-03-01T08:30:00Z`).
///
/// Returns the instant and the civil date *as written* (the `YYYY-MM-DD`
/// part, not the UTC date of the instant: `2024-03-01T00:30:00+01:00` gives
/// 1 March even though it is still 29 February in UTC).
///
/// A plain date has no time zone, and Europe/Paris is not available without
/// time zone data, so its instant is **midnight UTC** on that day (01:00 or
/// 02:00 in Paris). Use the civil date for display; the instant is only good
/// for ordering. (The one date past jiff's range, 9999-12-31, gets
/// `Timestamp::MAX`.)
///
/// Surrounding whitespace is ignored. The time part is read by jiff, which
/// also accepts a space or a lower-case `t` as separator and a few RFC 9557
/// extensions.
pub fn parse(text: &str) -> Result<(Timestamp, Date), DateError> {
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    let fail = |at: usize, kind: DateErrorKind| DateError {
        column_offset: lead + at,
        kind,
        input: trimmed.to_string(),
    };

    if trimmed.is_empty() {
        return Err(fail(0, DateErrorKind::Empty));
    }

    let (year, month, day) = match split_ymd(trimmed.as_bytes()) {
        Ok(parts) => parts,
        Err(at) => return Err(fail(at, DateErrorKind::Shape)),
    };
    let date = civil_date(year, month, day).map_err(|kind| {
        let at = match kind {
            DateErrorKind::NoSuchMonth { .. } => 5,
            _ => 8,
        };
        fail(at, kind)
    })?;

    let rest = trimmed.get(10..).unwrap_or("");
    if rest.is_empty() {
        // Only 9999-12-31 is out of jiff's timestamp range: clamp it, the
        // instant is only used for ordering.
        let instant = TimeZone::UTC
            .to_timestamp(date.to_datetime(Time::midnight()))
            .unwrap_or(Timestamp::MAX);
        return Ok((instant, date));
    }
    if !rest.starts_with(['T', 't', ' ']) {
        return Err(fail(10, DateErrorKind::Shape));
    }
    match trimmed.parse::<Timestamp>() {
        Ok(instant) => Ok((instant, date)),
        Err(_) if lacks_offset(rest.get(1..).unwrap_or("")) => {
            Err(fail(11, DateErrorKind::MissingOffset))
        }
        Err(_) => Err(fail(11, DateErrorKind::BadTime)),
    }
}

/// Checks the `YYYY-MM-DD` shape at the start of `bytes` and returns its
/// numbers, or the byte offset of the first character that does not fit.
fn split_ymd(bytes: &[u8]) -> Result<(i16, i8, i8), usize> {
    for index in 0..10 {
        let fits = match bytes.get(index) {
            None => false,
            Some(&b) if index == 4 || index == 7 => b == b'-',
            Some(b) => b.is_ascii_digit(),
        };
        if !fits {
            return Err(index);
        }
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0i16, |acc, b| acc * 10 + i16::from(b - b'0'))
    };
    // At most 9999 and 99: the conversions cannot fail, but stay total.
    let year = number(0..4);
    let month = i8::try_from(number(5..7)).map_err(|_| 5usize)?;
    let day = i8::try_from(number(8..10)).map_err(|_| 8usize)?;
    Ok((year, month, day))
}

/// Builds the date, or says which part of it does not exist.
fn civil_date(year: i16, month: i8, day: i8) -> Result<Date, DateErrorKind> {
    if !(1..=12).contains(&month) {
        return Err(DateErrorKind::NoSuchMonth { month });
    }
    let days_in_month = Date::new(year, month, 1)
        .map(Date::days_in_month)
        .unwrap_or(31);
    Date::new(year, month, day).map_err(|_| DateErrorKind::NoSuchDay {
        year,
        month,
        day,
        days_in_month,
    })
}

/// Whether the text after the date-time separator looks like a clock time
/// with no UTC offset (`Z`, `+01:00`, `-05:00`) after it.
fn lacks_offset(time: &str) -> bool {
    time.starts_with(|c: char| c.is_ascii_digit())
        && !time.contains(['Z', 'z', '+', '-', '\u{2212}'])
}

/// A front-matter date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// Byte offset in the text given to [`parse`] where it goes wrong (best
    /// effort; 0 when it cannot be pinned down).
    pub column_offset: usize,
    /// What is wrong.
    pub kind: DateErrorKind,
    /// The text as given, without surrounding whitespace: messages quote it.
    pub input: String,
}

/// What is wrong with a front-matter date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateErrorKind {
    /// Nothing was written.
    Empty,
    /// The text is not shaped like `YYYY-MM-DD` (or a date-time starting so).
    Shape,
    /// The month is outside 01..=12.
    NoSuchMonth {
        /// The month as written.
        month: i8,
    },
    /// The day does not exist in that month (`2024-02-30`, `2023-04-31`,
    /// day `00`).
    NoSuchDay {
        /// The year as written.
        year: i16,
        /// The month as written (valid).
        month: i8,
        /// The day as written.
        day: i8,
        /// How many days that month has that year.
        days_in_month: i8,
    },
    /// A clock time follows the date but no UTC offset (`Z`, `+01:00`).
    MissingOffset,
    /// The date is fine but the time after it cannot be read.
    BadTime,
}

impl DateError {
    /// A sentence saying what is wrong, for a writer.
    ///
    /// « la date 2024-02-30 n’existe pas : février 2024 a 29 jours » /
    /// "the date 2024-02-30 does not exist: February 2024 has 29 days".
    pub fn message(&self, lang: Language) -> String {
        let quoted = quote(&self.input, lang);
        let date = self.input.get(..10).unwrap_or(&self.input);
        match self.kind {
            DateErrorKind::Empty => t!(lang, "dates-empty"),
            DateErrorKind::Shape => t!(lang, "dates-shape", quoted = quoted),
            DateErrorKind::NoSuchMonth { month } => t!(
                lang,
                "dates-no-such-month",
                date = date,
                month = format!("{month:02}")
            ),
            DateErrorKind::NoSuchDay { day: 0, .. } => t!(lang, "dates-no-day-zero", date = date),
            DateErrorKind::NoSuchDay {
                year,
                month,
                days_in_month,
                ..
            } => t!(
                lang,
                "dates-no-such-day",
                date = date,
                month = month_name(month, lang),
                year = year.to_string(),
                days_in_month = days_in_month
            ),
            DateErrorKind::MissingOffset => t!(lang, "dates-missing-offset", quoted = quoted),
            DateErrorKind::BadTime => t!(lang, "dates-bad-time", quoted = quoted),
        }
    }

    /// How to fix it, for a writer: « écrivez la date sous la forme
    /// AAAA-MM-JJ, par exemple 2024-03-01 ». Proposes a corrected date when
    /// one can be guessed (`17/07/2018` → `2018-07-17`, month and day
    /// swapped, missing leading zeros).
    pub fn help(&self, lang: Language) -> String {
        let date = self.input.get(..10).unwrap_or(&self.input);
        match self.kind {
            DateErrorKind::Empty | DateErrorKind::Shape => shape_help(&self.input, lang),
            DateErrorKind::NoSuchMonth { month } => month_help(date, month, lang),
            DateErrorKind::NoSuchDay {
                year,
                month,
                days_in_month,
                ..
            } => {
                let name = month_name(month, lang);
                t!(
                    lang,
                    "dates-no-such-day-help",
                    month = name,
                    year = year.to_string(),
                    days_in_month = days_in_month
                )
            }
            DateErrorKind::MissingOffset => {
                let time = self.input.get(11..).unwrap_or("09:30:00");
                t!(lang, "dates-missing-offset-help", date = date, time = time)
            }
            DateErrorKind::BadTime => t!(lang, "dates-bad-time-help", date = date),
        }
    }
}

/// The help for a date not written AAAA-MM-JJ: the date guessed from it,
/// or the form with an example.
fn shape_help(input: &str, lang: Language) -> String {
    match guess(input, lang) {
        Some(fixed) => t!(lang, "dates-shape-help-guessed", fixed = fixed.to_string()),
        None => t!(lang, "dates-shape-help"),
    }
}

/// The help for a `month` that does not exist in `date` (its first ten
/// bytes): the date with month and day swapped when that one exists.
fn month_help(date: &str, month: i8, lang: Language) -> String {
    let swapped = date
        .get(8..10)
        .and_then(|day| day.parse::<i8>().ok())
        .zip(date.get(..4).and_then(|y| y.parse::<i16>().ok()))
        .and_then(|(day, year)| Date::new(year, day, month).ok());
    match swapped {
        Some(fixed) => t!(lang, "dates-month-help-swapped", fixed = fixed.to_string()),
        None => t!(lang, "dates-month-help"),
    }
}

impl fmt::Display for DateError {
    /// The message in the default language (French).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::default()))
    }
}

impl std::error::Error for DateError {}

/// Quotes what the writer typed, cut short if it is long.
fn quote(input: &str, lang: Language) -> String {
    const MAX_CHARS: usize = 40;
    let mut shown: String = input.chars().take(MAX_CHARS).collect();
    if input.chars().nth(MAX_CHARS).is_some() {
        shown.push('…');
    }
    t!(lang, "dates-quoted", shown = shown)
}

/// Guesses the date a writer meant from a wrongly shaped one: `2024-3-1`
/// (missing zeros), `17/07/2018` or `17.07.2018` (day first in French, month
/// first in English). Only returns real dates.
fn guess(input: &str, lang: Language) -> Option<Date> {
    let parts: Vec<&str> = input.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let all_digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if all_digits(a, 4) && a.len() == 4 && all_digits(b, 2) && all_digits(c, 2) {
        return Date::new(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?).ok();
    }
    if all_digits(a, 2) && all_digits(b, 2) && all_digits(c, 4) && c.len() == 4 {
        let (day, month) = lang.pick((a, b), (b, a));
        return Date::new(c.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const FR: Language = Language::Fr;
    const EN: Language = Language::En;

    #[test]
    fn every_month_in_french() {
        let expected = [
            "17 janvier 2018",
            "17 février 2018",
            "17 mars 2018",
            "17 avril 2018",
            "17 mai 2018",
            "17 juin 2018",
            "17 juillet 2018",
            "17 août 2018",
            "17 septembre 2018",
            "17 octobre 2018",
            "17 novembre 2018",
            "17 décembre 2018",
        ];
        for (month, want) in (1..=12).zip(expected) {
            assert_eq!(long(date(2018, month, 17), FR), want);
        }
    }

    #[test]
    fn every_month_in_english() {
        let expected = [
            "January 17, 2018",
            "February 17, 2018",
            "March 17, 2018",
            "April 17, 2018",
            "May 17, 2018",
            "June 17, 2018",
            "July 17, 2018",
            "August 17, 2018",
            "September 17, 2018",
            "October 17, 2018",
            "November 17, 2018",
            "December 17, 2018",
        ];
        for (month, want) in (1..=12).zip(expected) {
            assert_eq!(long(date(2018, month, 17), EN), want);
        }
    }

    #[test]
    fn first_of_the_month_is_1er_in_french_only() {
        assert_eq!(long(date(2024, 3, 1), FR), "1er mars 2024");
        assert_eq!(long(date(2024, 1, 1), FR), "1er janvier 2024");
        assert_eq!(long(date(2024, 3, 1), EN), "March 1, 2024");
        // Only the first: the 2nd, 11th, 21st and 31st are plain numbers.
        assert_eq!(long(date(2024, 3, 2), FR), "2 mars 2024");
        assert_eq!(long(date(2024, 3, 11), FR), "11 mars 2024");
        assert_eq!(long(date(2024, 3, 21), FR), "21 mars 2024");
        assert_eq!(long(date(2024, 3, 31), FR), "31 mars 2024");
    }

    #[test]
    fn no_leading_zero_in_long_form() {
        assert_eq!(long(date(2024, 5, 5), FR), "5 mai 2024");
        assert_eq!(long(date(2024, 5, 5), EN), "May 5, 2024");
        assert_eq!(long(date(2024, 8, 9), FR), "9 août 2024");
    }

    #[test]
    fn short_forms() {
        assert_eq!(short(date(2018, 7, 17), FR), "17/07/2018");
        assert_eq!(short(date(2018, 7, 17), EN), "07/17/2018");
        assert_eq!(short(date(2024, 3, 1), FR), "01/03/2024");
        assert_eq!(short(date(2024, 3, 1), EN), "03/01/2024");
        assert_eq!(short(date(987, 3, 1), FR), "01/03/0987");
    }

    #[test]
    fn month_names_out_of_range_are_empty() {
        assert_eq!(month_name(0, FR), "");
        assert_eq!(month_name(13, EN), "");
        assert_eq!(month_name(-1, FR), "");
        assert_eq!(month_name(i8::MIN, FR), "");
        assert_eq!(month_name(12, FR), "décembre");
    }

    #[test]
    fn parses_a_plain_date_as_midnight_utc() {
        let (instant, civil) = parse("2024-03-01").unwrap();
        assert_eq!(civil, date(2024, 3, 1));
        assert_eq!(instant.to_string(), "2024-03-01T00:00:00Z");
    }

    #[test]
    fn parses_rfc3339_keeping_the_written_date() {
        let (instant, civil) = parse("2024-03-01T09:30:00+01:00").unwrap();
        assert_eq!(civil, date(2024, 3, 1));
        assert_eq!(instant.to_string(), "2024-03-01T08:30:00Z");

        let (instant, civil) = parse("2024-03-01T09:30:00Z").unwrap();
        assert_eq!(civil, date(2024, 3, 1));
        assert_eq!(instant.to_string(), "2024-03-01T09:30:00Z");

        // Just after midnight in Paris is still the day before in UTC: the
        // civil date is the one written.
        let (instant, civil) = parse("2024-03-01T00:30:00+01:00").unwrap();
        assert_eq!(civil, date(2024, 3, 1));
        assert_eq!(instant.to_string(), "2024-02-29T23:30:00Z");
    }

    #[test]
    fn surrounding_whitespace_is_ignored() {
        let (_, civil) = parse("  2024-03-01\n").unwrap();
        assert_eq!(civil, date(2024, 3, 1));
    }

    #[test]
    fn leap_days() {
        assert_eq!(parse("2024-02-29").unwrap().1, date(2024, 2, 29));
        assert_eq!(parse("2000-02-29").unwrap().1, date(2000, 2, 29));
        let error = parse("1900-02-29").unwrap_err();
        assert_eq!(
            error.message(EN),
            "the date 1900-02-29 does not exist: February 1900 has 28 days"
        );
    }

    #[test]
    fn empty_date() {
        for text in ["", "   ", "\n"] {
            let error = parse(text).unwrap_err();
            assert_eq!(error.kind, DateErrorKind::Empty);
            assert_eq!(error.message(FR), "la date est vide");
            assert_eq!(error.message(EN), "the date is empty");
            assert_eq!(
                error.help(FR),
                "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-01"
            );
            assert_eq!(
                error.help(EN),
                "write the date as YYYY-MM-DD, for example 2024-03-01"
            );
        }
    }

    #[test]
    fn wrong_shape() {
        let error = parse("hier").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::Shape);
        assert_eq!(error.column_offset, 0);
        assert_eq!(
            error.message(FR),
            "« hier » n’est pas une date écrite sous la forme AAAA-MM-JJ"
        );
        assert_eq!(
            error.message(EN),
            "“hier” is not a date written as YYYY-MM-DD"
        );
        assert_eq!(
            error.help(FR),
            "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-01"
        );
        assert_eq!(
            error.help(EN),
            "write the date as YYYY-MM-DD, for example 2024-03-01"
        );
    }

    #[test]
    fn wrong_shape_offsets() {
        assert_eq!(parse("2024/03/01").unwrap_err().column_offset, 4);
        assert_eq!(parse("2024-03").unwrap_err().column_offset, 7);
        assert_eq!(parse("  2024-3-01").unwrap_err().column_offset, 8);
        let error = parse("2024-03-01 et demi").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::BadTime);
        assert_eq!(error.column_offset, 11);
        let error = parse("2024-03-01abc").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::Shape);
        assert_eq!(error.column_offset, 10);
    }

    #[test]
    fn wrong_shape_with_a_guess() {
        let error = parse("17/07/2018").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::Shape);
        assert_eq!(
            error.help(FR),
            "écrivez la date sous la forme AAAA-MM-JJ (année, mois, jour) : ici, 2018-07-17"
        );
        // Month first in English: 17 is not a month, so no guess.
        assert_eq!(
            error.help(EN),
            "write the date as YYYY-MM-DD, for example 2024-03-01"
        );
        let error = parse("07/17/2018").unwrap_err();
        assert_eq!(
            error.help(EN),
            "write the date as YYYY-MM-DD (year, month, day): here, 2018-07-17"
        );
        let error = parse("2024-3-1").unwrap_err();
        assert_eq!(
            error.help(FR),
            "écrivez la date sous la forme AAAA-MM-JJ (année, mois, jour) : ici, 2024-03-01"
        );
    }

    #[test]
    fn impossible_day() {
        let error = parse("2024-02-30").unwrap_err();
        assert_eq!(
            error.kind,
            DateErrorKind::NoSuchDay {
                year: 2024,
                month: 2,
                day: 30,
                days_in_month: 29
            }
        );
        assert_eq!(error.column_offset, 8);
        assert_eq!(
            error.message(FR),
            "la date 2024-02-30 n’existe pas : février 2024 a 29 jours"
        );
        assert_eq!(
            error.message(EN),
            "the date 2024-02-30 does not exist: February 2024 has 29 days"
        );
        assert_eq!(
            error.help(FR),
            "vérifiez le jour : en février 2024, il va de 01 à 29"
        );
        assert_eq!(
            error.help(EN),
            "check the day: in February 2024, it goes from 01 to 29"
        );
    }

    #[test]
    fn impossible_day_in_a_date_time() {
        let error = parse("2023-04-31T10:00:00Z").unwrap_err();
        assert_eq!(
            error.message(FR),
            "la date 2023-04-31 n’existe pas : avril 2023 a 30 jours"
        );
    }

    #[test]
    fn day_zero() {
        let error = parse("2024-02-00").unwrap_err();
        assert_eq!(
            error.message(FR),
            "la date 2024-02-00 n’existe pas : il n’y a pas de jour 00, les jours commencent à 01"
        );
        assert_eq!(
            error.message(EN),
            "the date 2024-02-00 does not exist: there is no day 00, days start at 01"
        );
    }

    #[test]
    fn impossible_month() {
        let error = parse("2024-13-01").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::NoSuchMonth { month: 13 });
        assert_eq!(error.column_offset, 5);
        assert_eq!(
            error.message(FR),
            "la date 2024-13-01 n’existe pas : il n’y a pas de mois 13, les mois vont de 01 à 12"
        );
        assert_eq!(
            error.message(EN),
            "the date 2024-13-01 does not exist: there is no month 13, months go from 01 to 12"
        );
        // 13 could be a day and 01 a month: suggest swapping them.
        assert_eq!(
            error.help(FR),
            "le mois et le jour semblent inversés : la date s’écrit AAAA-MM-JJ \
             (année, mois, jour), essayez 2024-01-13"
        );
        assert_eq!(
            error.help(EN),
            "the month and the day look swapped: the date is written YYYY-MM-DD \
             (year, month, day), try 2024-01-13"
        );
    }

    #[test]
    fn impossible_month_without_a_swap() {
        let error = parse("2024-00-15").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::NoSuchMonth { month: 0 });
        assert_eq!(
            error.message(EN),
            "the date 2024-00-15 does not exist: there is no month 00, months go from 01 to 12"
        );
        assert_eq!(
            error.help(FR),
            "vérifiez le mois : la date s’écrit AAAA-MM-JJ (année, mois, jour), \
             avec un mois de 01 à 12"
        );
        assert_eq!(
            error.help(EN),
            "check the month: the date is written YYYY-MM-DD (year, month, day), \
             with a month from 01 to 12"
        );
    }

    #[test]
    fn missing_offset() {
        let error = parse("2024-03-01T09:30:00").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::MissingOffset);
        assert_eq!(error.column_offset, 11);
        assert_eq!(
            error.message(FR),
            "il manque le décalage horaire après l’heure dans « 2024-03-01T09:30:00 »"
        );
        assert_eq!(
            error.message(EN),
            "the time in “2024-03-01T09:30:00” lacks a time zone offset"
        );
        assert_eq!(
            error.help(FR),
            "ajoutez le décalage horaire après l’heure, par exemple 2024-03-01T09:30:00+01:00 \
             (heure d’hiver à Paris), +02:00 (heure d’été) ou Z (temps universel) ; \
             ou n’écrivez que la date : 2024-03-01"
        );
        assert_eq!(
            error.help(EN),
            "add the time zone offset after the time, for example 2024-03-01T09:30:00+01:00 \
             (Paris in winter), +02:00 (Paris in summer) or Z (UTC); or write the date only: \
             2024-03-01"
        );
    }

    #[test]
    fn bad_time() {
        let error = parse("2024-03-01T25:00:00Z").unwrap_err();
        assert_eq!(error.kind, DateErrorKind::BadTime);
        assert_eq!(error.column_offset, 11);
        assert_eq!(
            error.message(FR),
            "l’heure écrite après la date dans « 2024-03-01T25:00:00Z » n’est pas valable"
        );
        assert_eq!(
            error.message(EN),
            "the time after the date in “2024-03-01T25:00:00Z” is not valid"
        );
        assert_eq!(
            error.help(FR),
            "écrivez la date et l’heure sous la forme AAAA-MM-JJTHH:MM:SS+01:00, \
             par exemple 2024-03-01T09:30:00+01:00, ou seulement la date : 2024-03-01"
        );
        assert_eq!(
            error.help(EN),
            "write the date and time as YYYY-MM-DDTHH:MM:SS+01:00, \
             for example 2024-03-01T09:30:00+01:00, or the date only: 2024-03-01"
        );
    }

    #[test]
    fn long_input_is_cut_in_messages() {
        let text = "x".repeat(100);
        let message = parse(&text).unwrap_err().message(EN);
        assert_eq!(
            message,
            format!("“{}…” is not a date written as YYYY-MM-DD", "x".repeat(40))
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "é",
            "２０２４-０３-０１",
            "2024-03-0é",
            "2024-03-01T",
            "2024-03-01T\u{202f}",
            "2024-03-01 ",
            "2024-03-01Té",
            "9999-12-31T23:59:59Z",
            "0000-01-01",
            "0000-00-00",
            "9999-99-99",
            "2024-03-01T09:30:00+99:99",
            "--------------",
            "'",
            "\"",
            "1/2/3",
            "99/99/9999",
            "2024-03-01\u{0}",
        ];
        for text in odd {
            if let Err(error) = parse(text) {
                assert!(error.column_offset <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(error.column_offset), "{text:?}");
                for lang in [FR, EN] {
                    assert!(!error.message(lang).is_empty());
                    assert!(!error.help(lang).is_empty());
                }
                assert!(!error.to_string().is_empty());
            }
        }
    }

    #[test]
    fn year_zero_and_limits_are_accepted() {
        assert_eq!(parse("0000-01-01").unwrap().1, date(0, 1, 1));
        assert_eq!(parse("9999-12-31").unwrap().1, date(9999, 12, 31));
    }
}
