//! The command line: one clap `Args` struct per command, each with `run()`
//! returning the exit code. Printing happens here and nowhere deeper.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildOptions, Outcome};
use crate::diagnostics::display_path;
use crate::language::Language;

/// Gazette: a static site generator for internal newsrooms.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about)]
pub struct Cli {
    /// The site's folder (where site.yaml is).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the whole site into output/.
    Build(BuildArgs),
    /// Start a new article from the theme's archetype (a draft dated today).
    New(NewArgs),
    /// Print when the built site will next change by itself (an embargo
    /// lifting, an article expiring), as an RFC 3339 UTC time; nothing if never.
    NextChange,
}

/// The kinds of article `gazette new` can start.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// A plain article.
    Article,
    /// A question-and-answer interview.
    Interview,
    /// A page of testimonies.
    Testimonials,
    /// A list of principles.
    Principles,
}

/// `gazette new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Where, under content/, without `.md` (e.g. actualites/mon-article).
    pub path: String,
    /// Which archetype to start from.
    #[arg(long, value_enum, default_value = "article")]
    pub kind: Kind,
}

/// `gazette build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Where to write the site.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Base URL for this build (preview deployments).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Include embargoed articles (future dates).
    #[arg(long)]
    pub future: bool,
}

impl Cli {
    /// Runs the command; returns the exit code.
    pub fn run(self) -> i32 {
        match self.command {
            Command::Build(args) => args.run(self.root),
            Command::New(args) => args.run(self.root),
            Command::NextChange => next_change(self.root),
        }
    }
}

impl BuildArgs {
    fn run(self, root: PathBuf) -> i32 {
        let opts = BuildOptions {
            root,
            output: self.output,
            base_url: self.base_url,
            drafts: self.drafts,
            future: self.future,
        };
        let (diagnostics, summary, outcome) = build::build(&opts);
        let lang = crate::config::load(&opts.root, &Default::default())
            .map(|c| c.language)
            .unwrap_or_default();
        let mut err = std::io::stderr().lock();
        if !diagnostics.is_empty() {
            let _ = writeln!(err, "{}", diagnostics.render());
        }
        match (&summary, outcome) {
            (Some(s), Outcome::Success) => {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{}", summary_line(s, lang));
            }
            _ => {
                let errors = diagnostics.error_count();
                let _ = writeln!(
                    err,
                    "{}",
                    lang.pick(
                        format!(
                            "échec : {errors} erreur{} ; le dossier de sortie n’a pas été modifié",
                            if errors > 1 { "s" } else { "" }
                        ),
                        format!(
                            "failed: {errors} error{}; the output folder was not changed",
                            if errors > 1 { "s" } else { "" }
                        ),
                    )
                );
            }
        }
        let _ = std::io::stdout().is_terminal();
        outcome.code()
    }
}

/// `45 pages écrites en 0,12 s dans output/`.
pub fn summary_line(s: &build::Summary, lang: Language) -> String {
    let secs = format!("{:.2}", s.seconds);
    match lang {
        Language::Fr => format!(
            "{} pages en {} s dans {} ({} fichiers écrits, {} supprimés)",
            s.pages,
            secs.replace('.', ","),
            display_path(&s.output),
            s.written,
            s.removed
        ),
        Language::En => format!(
            "{} pages in {} s into {} ({} files written, {} removed)",
            s.pages,
            secs,
            display_path(&s.output),
            s.written,
            s.removed
        ),
    }
}

impl NewArgs {
    fn run(self, root: PathBuf) -> i32 {
        let config = match crate::config::load(&root, &Default::default()) {
            Ok(c) => c,
            Err(d) => {
                eprintln!("{}", d.render());
                return Outcome::Usage.code();
            }
        };
        let kind = match self.kind {
            Kind::Article => "article",
            Kind::Interview => "interview",
            Kind::Testimonials => "testimonials",
            Kind::Principles => "principles",
        };
        let today = build::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        match crate::archetype::create(&config, &self.path, kind, today) {
            Ok(path) => {
                println!(
                    "{}",
                    config.language.pick(
                        format!("brouillon créé : {}", display_path(&path)),
                        format!("draft created: {}", display_path(&path)),
                    )
                );
                Outcome::Success.code()
            }
            Err(d) => {
                eprintln!("{}", d.render());
                Outcome::Usage.code()
            }
        }
    }
}

fn next_change(root: PathBuf) -> i32 {
    let opts = BuildOptions {
        root,
        output: None,
        base_url: None,
        drafts: false,
        future: false,
    };
    let result = build::build_in_memory(&opts);
    if result.usage_error {
        eprintln!("{}", result.diagnostics.render());
        return Outcome::Usage.code();
    }
    if result.diagnostics.has_errors() {
        eprintln!("{}", result.diagnostics.render());
        return Outcome::SiteErrors.code();
    }
    if let Some(at) = result.site.as_ref().and_then(crate::site::next_change) {
        println!("{at}");
    }
    Outcome::Success.code()
}
