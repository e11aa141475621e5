//! What every stage of the pipeline gives back: [`Staged`].
//!
//! A stage never stops at the first problem, and some problems leave
//! nothing to go on (settings that do not parse, a theme that does not
//! load, a site whose articles all failed). So every stage returns the
//! same shape, whatever it makes: the value when it made one, and every
//! problem it found, errors and warnings, in the order found. A driver
//! moves the problems into its report with [`Staged::report`] and goes on
//! with the value, or stops where there is none; it never has to learn a
//! stage's own mix of `Result`, tuples and side lists.

use super::{Diagnostic, Diagnostics};

/// A stage's value, when its problems leave one, and its problems.
#[derive(Debug)]
#[must_use = "a stage's problems must reach the report"]
pub struct Staged<T> {
    /// What the stage made; `None` when its errors leave nothing to go on.
    pub value: Option<T>,
    /// What it found, in the order found.
    pub found: Vec<Diagnostic>,
}

impl<T> Staged<T> {
    /// A value and the problems found making it.
    pub fn new(value: Option<T>, found: Vec<Diagnostic>) -> Self {
        Staged { value, found }
    }

    /// A value made without a problem.
    pub fn done(value: T) -> Self {
        Staged::new(Some(value), Vec::new())
    }

    /// No value: `found` says why.
    pub fn failed(found: Vec<Diagnostic>) -> Self {
        Staged::new(None, found)
    }

    /// Moves the problems into `report`; the value, if any.
    pub fn report(self, report: &mut Diagnostics) -> Option<T> {
        report.extend(self.found);
        self.value
    }

    /// The value changed by `f`, the same problems.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Staged<U> {
        Staged::new(self.value.map(f), self.found)
    }

    /// The value and the problems, apart.
    pub fn into_parts(self) -> (Option<T>, Vec<Diagnostic>) {
        (self.value, self.found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn the_problems_reach_the_report_and_the_value_goes_on() {
        let mut report = Diagnostics::new();
        let warning = Diagnostic::warning(Code::ConfigUnreadable, "clé inconnue");
        let staged = Staged::new(Some(2), vec![warning]).map(|n| n * 10);
        assert_eq!(staged.report(&mut report), Some(20));
        assert_eq!((report.warning_count(), report.has_errors()), (1, false));
        let error = Diagnostic::error(Code::ConfigUnreadable, "illisible");
        let failed: Staged<u8> = Staged::failed(vec![error]);
        assert_eq!(failed.report(&mut report), None);
        assert!(report.has_errors());
    }
}
