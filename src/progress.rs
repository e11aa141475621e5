//! Progress of a long run, on a terminal only.
//!
//! The pipeline reports through the small `Progress` trait: a stage begins
//! (with how many steps, when known), a step is done. Stages call it from
//! rayon's threads, so it is `Sync` and each call is one atomic add at most;
//! `Quiet` makes every call a no-op, which is what tests and `serve` get;
//! `Notices` shows only what must not stay silent (a build waiting for
//! another one), which is what a build off a terminal gets.
//!
//! `Bar` draws an indicatif bar on standard error, and only when both
//! standard output and standard error are terminals and `CI` is not set:
//! piped or logged output never contains a progress line. It stays hidden
//! for the first moment (`DELAY`), so a small site builds without a flicker,
//! and it is cleared at the end, so the summary line is the only trace.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::language::Language;
use crate::messages::t;

/// A stage of the pipeline worth showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the articles.
    Load,
    /// Publishing the photos in variants (one step per source photo).
    Photos,
    /// Rendering the pages.
    Render,
    /// Building the search index.
    Search,
    /// Writing the output folder.
    Write,
}

/// Told how far a run got. Called from many threads.
pub trait Progress: Sync {
    /// A stage begins, with its number of steps when known.
    fn stage(&self, _stage: Stage, _steps: Option<u64>) {}
    /// One step of the current stage is done.
    fn step(&self) {}
    /// Another build is writing into `output`: this one waits for it.
    fn waiting(&self, _output: &std::path::Path) {}
}

/// What a run that waits for another build says, on standard error.
fn waiting_notice(lang: Language, output: &std::path::Path) -> String {
    t!(
        lang,
        "progress-waiting",
        output = crate::diagnostics::display_path(output)
    )
}

/// Shows no progress, only the notices a run must not keep silent (waiting
/// for another build): what a build off a terminal gets.
#[derive(Debug, Clone, Copy)]
pub struct Notices(pub Language);

impl Progress for Notices {
    fn waiting(&self, output: &std::path::Path) {
        eprintln!("{}", waiting_notice(self.0, output));
    }
}

/// Shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Quiet;

impl Progress for Quiet {}

/// How long a run goes before its progress shows.
pub const DELAY: Duration = Duration::from_millis(400);

/// A progress bar on the terminal; see the module's documentation.
pub struct Bar {
    bar: ProgressBar,
    lang: Language,
    /// Set once the run is over, so a late timer does not show the bar.
    done: Arc<Mutex<bool>>,
}

impl Bar {
    /// A bar when the process runs on a terminal, else `None`.
    pub fn on_terminal(lang: Language) -> Option<Bar> {
        let terminal = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        if !terminal || std::env::var_os("CI").is_some() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let done = Arc::new(Mutex::new(false));
        let (later, flag) = (bar.clone(), done.clone());
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            // The lock is held while showing, so `finish` cannot run between.
            if let Ok(done) = flag.lock()
                && !*done
            {
                later.set_draw_target(ProgressDrawTarget::stderr());
                later.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Some(Bar { bar, lang, done })
    }

    /// Clears the bar: nothing of it stays on the screen.
    pub fn finish(&self) {
        if let Ok(mut done) = self.done.lock() {
            *done = true;
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

impl Progress for Bar {
    fn stage(&self, stage: Stage, steps: Option<u64>) {
        let label = match stage {
            Stage::Load => t!(self.lang, "progress-stage-load"),
            Stage::Photos => t!(self.lang, "progress-stage-photos"),
            Stage::Render => t!(self.lang, "progress-stage-render"),
            Stage::Search => t!(self.lang, "progress-stage-search"),
            Stage::Write => t!(self.lang, "progress-stage-write"),
        };
        let template = if steps.is_some() {
            "{spinner} {msg:<22} [{bar:30}] {pos}/{len}"
        } else {
            "{spinner} {msg:<22} {elapsed}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message(label);
        self.bar.set_position(0);
        match steps {
            Some(n) => self.bar.set_length(n),
            None => self.bar.unset_length(),
        }
    }

    fn step(&self) {
        self.bar.inc(1);
    }

    fn waiting(&self, output: &std::path::Path) {
        let line = waiting_notice(self.lang, output);
        self.bar.suspend(|| eprintln!("{line}"));
    }
}
