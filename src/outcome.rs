//! How a run ended, and the one place that turns it into the process's
//! exit status: 0 when it did what was asked (warnings allowed), 1 when the
//! site has errors (a writer's to fix), 2 when the run could not start as
//! asked (usage, settings, a refused folder or port: whoever runs it fixes
//! that). Every command returns an [`Outcome`]; `main` exits with its code.

/// How a run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Built (warnings allowed).
    Success,
    /// The site has errors.
    SiteErrors,
    /// Bad usage or unreadable settings.
    Usage,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> i32 {
        match self {
            Outcome::Success => 0,
            Outcome::SiteErrors => 1,
            Outcome::Usage => 2,
        }
    }
}
