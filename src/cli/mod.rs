//! The command line: one clap `Args` struct per command, each with `run()`
//! returning the exit code. Printing happens here and nowhere deeper.
//!
//! The structs' doc comments are for developers: what a person reads (the
//! help, the parser's errors) is in the user's language ([`locale`]), from
//! the catalog ([`help`], [`usage_error`]); [`main`] puts them together.

pub mod completions;
pub mod help;
pub mod locale;
pub mod man;
pub mod site_language;
pub mod usage_error;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::build::{self, BuildOptions};
use crate::diagnostics::display_path;
use crate::language::Language;
use crate::messages::t;
use crate::outcome::Outcome;

/// Gazette: a static site generator for internal newsrooms.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about)]
pub struct Cli {
    /// The site's folder (where site.yaml is).
    #[arg(long, global = true, default_value = ".", display_order = 999)]
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
    /// Check the whole site (errors, links, accessibility) without writing anything.
    Check(CheckArgs),
    /// Create a new site in DIR (empty or absent): settings, theme, example articles.
    Init(InitArgs),
    /// Start a new article from the theme's archetype (a draft dated today).
    New(NewArgs),
    /// Preview the site: build it in memory, serve it on 127.0.0.1:1111,
    /// rebuild what each saved change touches and reload the open tabs.
    Serve(ServeArgs),
    /// Write in the browser: the preview with the studio (`serve --edit`),
    /// opened in the browser.
    Edit(EditArgs),
    /// Print when the built site will next change by itself (an embargo
    /// lifting, an article expiring), as an RFC 3339 UTC time; nothing if never.
    NextChange,
    /// Print the completion script of a shell.
    Completions(completions::CompletionsArgs),
    /// Print the manual page of Gazette or of one of its commands.
    Man(man::ManArgs),
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
    /// Keep running: rebuild output/ on every change of the sources.
    #[arg(long)]
    pub watch: bool,
    /// Publish into a non-empty folder Gazette did not make, keeping what
    /// it holds (Gazette never deletes files it did not write).
    #[arg(long)]
    pub take_over: bool,
    /// With --take-over: empty the folder first, deleting everything in it
    /// that Gazette did not write.
    #[arg(long, requires = "take_over")]
    pub clean: bool,
    /// Write every address between the site's pages relative to the page
    /// (`relative_urls: true`), so that the output opens from disk.
    #[arg(long)]
    pub relative_urls: bool,
}

/// `gazette serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Base URL of the preview (default: the server's own address).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Include embargoed articles (future dates).
    #[arg(long)]
    pub future: bool,
    /// Open the preview in the browser once it listens.
    #[arg(long)]
    pub open: bool,
    /// Serve the studio too, at /__gazette/studio/ (loopback only).
    #[arg(long)]
    pub edit: bool,
}

/// `gazette edit`: `serve --edit --open`.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The address to listen on (a loopback address).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
}

impl EditArgs {
    fn run(self, root: PathBuf) -> i32 {
        ServeArgs {
            bind: self.bind,
            port: self.port,
            base_url: None,
            drafts: true,
            future: true,
            open: true,
            edit: true,
        }
        .run(root)
    }
}

impl ServeArgs {
    fn run(self, root: PathBuf) -> i32 {
        let opts = crate::serve::ServeOptions {
            build: BuildOptions {
                root,
                output: None,
                base_url: self.base_url,
                // The preview serves over HTTP: root-relative addresses work.
                relative_urls: Some(false),
                // The studio previews drafts and embargoed articles with
                // their files: the preview shows them too.
                drafts: self.drafts || self.edit,
                future: self.future || self.edit,
                policy: Default::default(),
            },
            bind: self.bind,
            port: self.port,
            open: self.open,
            extension: None,
        };
        let opts = if self.edit {
            let studio = crate::studio::Studio::new(&opts.build.root);
            crate::serve::ServeOptions {
                extension: Some(std::sync::Arc::new(studio)),
                ..opts
            }
        } else {
            opts
        };
        crate::serve::serve(opts, crate::serve::stop_on_ctrl_c())
    }
}

/// `gazette check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value = "human")]
    pub format: crate::check::format::Format,
    /// Fail (exit status 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Include embargoed articles (future dates).
    #[arg(long)]
    pub future: bool,
}

/// `gazette init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder of the new site (created if absent; must be empty).
    pub dir: PathBuf,
    /// Also write the publishing pipeline of this CI service.
    #[arg(long, value_enum)]
    pub ci: Option<crate::init::Ci>,
}

/// Parses `args` (the program's name first) and runs the command they
/// name; returns the exit code. `lang` is the user's language
/// ([`locale::user_language`]), for the help and the parser's errors.
pub fn main(args: Vec<OsString>, lang: Language) -> i32 {
    match parse(&args, lang) {
        Ok(cli) => cli.run(lang),
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                // clap rendered the localized command's help.
                let _ = error.print();
                error.exit_code()
            }
            _ => {
                let command = usage_error::command_path(&Cli::command(), &args);
                eprintln!("{}", usage_error::message(&error, lang, &command));
                error.exit_code()
            }
        },
    }
}

/// The command `args` name, or clap's error (a request for the help or the
/// version included: clap treats them as errors that are printed).
fn parse(args: &[OsString], lang: Language) -> Result<Cli, clap::Error> {
    let mut command = help::localized(Cli::command(), lang);
    let matches = command.try_get_matches_from_mut(args)?;
    if let Some(("help", sub)) = matches.subcommand() {
        // `gazette help new` is `gazette new --help`.
        let mut again: Vec<OsString> = args.iter().take(1).cloned().collect();
        again.extend(sub.get_one::<String>("command").map(OsString::from));
        again.push(OsString::from("--help"));
        let error = match help::localized(Cli::command(), lang).try_get_matches_from(again) {
            Err(error) => error,
            Ok(_) => clap::Error::new(ErrorKind::DisplayHelp),
        };
        return Err(error);
    }
    Cli::from_arg_matches(&matches)
}

impl Cli {
    /// Runs the command; returns the exit code. `lang` is the user's
    /// language, in which the commands about the command line itself
    /// (`completions`, `man`) speak; the others speak the site's.
    pub fn run(self, lang: Language) -> i32 {
        match self.command {
            Command::Build(args) => args.run(self.root),
            Command::Check(args) => args.run(self.root),
            Command::Init(args) => args.run(),
            Command::New(args) => args.run(self.root),
            Command::Serve(args) => args.run(self.root),
            Command::Edit(args) => args.run(self.root),
            Command::NextChange => next_change(self.root),
            Command::Completions(args) => args.run(lang),
            Command::Man(args) => args.run(lang),
        }
    }
}

impl BuildArgs {
    fn run(self, root: PathBuf) -> i32 {
        let opts = BuildOptions {
            root,
            output: self.output,
            base_url: self.base_url,
            relative_urls: self.relative_urls.then_some(true),
            drafts: self.drafts,
            future: self.future,
            policy: crate::output::Policy {
                take_over: self.take_over,
                clean: self.clean,
            },
        };
        if self.watch {
            return crate::serve::build_watch(opts, crate::serve::stop_on_ctrl_c());
        }
        let lang = site_language::site_language(&opts.root);
        let (diagnostics, summary, outcome) = match crate::progress::Bar::on_terminal(lang) {
            Some(bar) => {
                let result = build::build_with(&opts, &bar);
                bar.finish();
                result
            }
            None => build::build_with(&opts, &crate::progress::Notices(lang)),
        };
        let mut err = std::io::stderr().lock();
        if !diagnostics.is_empty() {
            let _ = writeln!(err, "{}", diagnostics.render(lang));
        }
        match (&summary, outcome) {
            (Some(s), Outcome::Success) => {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{}", summary_line(s, lang));
                if s.pages_reused > 0 {
                    let total = s.pages_reused + s.pages_rendered;
                    let reused = s.pages_reused;
                    let line = t!(
                        lang,
                        "cli-build-pages-cached",
                        reused = reused,
                        total = total
                    );
                    let _ = writeln!(out, "{line}");
                }
                if s.search_parts_reused > 0 {
                    let total = s.search_parts_reused + s.search_parts_made;
                    let reused = s.search_parts_reused;
                    let line = t!(
                        lang,
                        "cli-build-search-cached",
                        reused = reused,
                        total = total
                    );
                    let _ = writeln!(out, "{line}");
                }
            }
            _ => {
                let errors = diagnostics.error_count();
                let _ = writeln!(err, "{}", t!(lang, "cli-build-failed", errors = errors));
            }
        }
        outcome.code()
    }
}

impl CheckArgs {
    fn run(self, root: PathBuf) -> i32 {
        let opts = BuildOptions {
            // The site's addresses are linted as the model makes them.
            relative_urls: Some(false),
            drafts: self.drafts,
            future: self.future,
            ..BuildOptions::of(root)
        };
        let lang = site_language::site_language(&opts.root);
        let report = match crate::progress::Bar::on_terminal(lang) {
            Some(bar) => {
                let report = crate::check::check(&opts, &bar);
                bar.finish();
                report
            }
            None => crate::check::check(&opts, &crate::progress::Quiet),
        };
        let code = report.outcome(self.deny_warnings).code();
        let sorted = report.diagnostics.sorted();
        // `report.language` is French when the settings failed to load.
        let lang = if report.usage_error {
            lang
        } else {
            report.language
        };
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        use crate::check::format::{self, Format};
        match self.format {
            Format::Human => {
                if !sorted.is_empty() {
                    let _ = writeln!(err, "{}", report.diagnostics.render(lang));
                }
            }
            Format::Json => {
                for d in &sorted {
                    let _ = writeln!(out, "{}", format::json(d, lang));
                }
            }
            Format::Github => {
                for d in &sorted {
                    let _ = writeln!(out, "{}", format::github(d, &opts.root));
                }
            }
            Format::Gitlab => {
                let _ = writeln!(out, "{}", format::gitlab(&sorted, &opts.root));
            }
        }
        let (errors, warnings) = (
            sorted.iter().filter(|d| d.is_error()).count(),
            sorted.iter().filter(|d| !d.is_error()).count(),
        );
        let line = t!(
            lang,
            "cli-check-summary",
            errors = errors,
            warnings = warnings,
            pages = report.pages
        );
        if code == 0 && self.format == Format::Human {
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(err, "{line}");
        }
        code
    }
}

impl InitArgs {
    fn run(self) -> i32 {
        let today = build::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        match crate::init::init(&self.dir, today, self.ci) {
            Ok(files) => {
                // Said in the new site's language, as everything about it.
                let lang = crate::config::load(&self.dir, &Default::default())
                    .map(|c| c.language)
                    .unwrap_or_default();
                let dir = display_path(&self.dir);
                let count = files.len();
                println!("{}", t!(lang, "cli-site-created", dir = dir, files = count));
                if let Some(ci) = self.ci {
                    let file = display_path(&self.dir.join(ci.pipeline().0));
                    println!("{}", t!(lang, "cli-pipeline-written", file = file));
                }
                Outcome::Success.code()
            }
            Err(e) => {
                eprint!("{}", e.diagnostic().render(Language::Fr));
                Outcome::Usage.code()
            }
        }
    }
}

/// `45 pages écrites en 0,12 s dans output/`.
pub fn summary_line(s: &build::Summary, lang: Language) -> String {
    let secs = format!("{:.2}", s.seconds);
    // The decimal separator is a typographic rule, not a message.
    let secs = match lang {
        Language::Fr => secs.replace('.', ","),
        Language::En => secs,
    };
    t!(
        lang,
        "cli-build-summary",
        pages = s.pages,
        secs = secs,
        output = display_path(&s.output),
        written = s.written,
        removed = s.removed,
        kept = s.kept
    )
}

impl NewArgs {
    fn run(self, root: PathBuf) -> i32 {
        let config = match crate::config::load(&root, &Default::default()) {
            Ok(c) => c,
            Err(d) => {
                eprintln!("{}", d.render(site_language::site_language(&root)));
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
                    t!(
                        config.language,
                        "cli-draft-created",
                        path = display_path(&path)
                    )
                );
                Outcome::Success.code()
            }
            Err(d) => {
                eprintln!("{}", d.render(config.language));
                Outcome::Usage.code()
            }
        }
    }
}

fn next_change(root: PathBuf) -> i32 {
    let opts = BuildOptions::of(root);
    // The model is all it needs: no page is rendered.
    let mut pipeline = crate::pipeline::Pipeline::new(opts);
    let prepared = pipeline.prepare(&crate::progress::Quiet, crate::site::Retention::RenderOnly);
    if prepared.usage_error {
        eprintln!("{}", prepared.diagnostics.render(prepared.config.language));
        return Outcome::Usage.code();
    }
    if prepared.diagnostics.has_errors() {
        eprintln!("{}", prepared.diagnostics.render(prepared.config.language));
        return Outcome::SiteErrors.code();
    }
    if let Some(at) = prepared.site.as_ref().and_then(crate::site::next_change) {
        println!("{at}");
    }
    Outcome::Success.code()
}
