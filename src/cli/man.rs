//! `gazette man [COMMAND]`: prints a manual page in roff, gazette(1) or one
//! command's (gazette-build(1), …), as git does for its commands.
//!
//! A command of the binary rather than a build step: the page is generated
//! by clap_mangen from the very `Command` the help is rendered from
//! ([`help::localized`]), whose texts come from the catalogs at run time, in
//! the user's language. A build script cannot run the crate's own command
//! definitions, and a page written at build time would be in one language
//! only. Packagers run `gazette man > gazette.1` after building; a user runs
//! `gazette man | man -l -`.
//!
//! clap_mangen writes its section headings in English (`.SH NAME`); they
//! are replaced by the catalog's, the rest of the page being already the
//! help's texts. The help's own headings are taken off the command first,
//! or clap_mangen would use them as sections. Characters outside ASCII (é,
//! ’, no-break spaces) are written as roff escapes (`\[u00E9]`), so the page
//! reads the same in troff without `preconv` as in `man`.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, help};
use crate::language::Language;
use crate::messages::t;
use crate::outcome::Outcome;

/// The commands that have a page of their own (a test keeps the list equal
/// to the command line's).
pub const COMMANDS: [&str; 9] = [
    "build",
    "check",
    "init",
    "new",
    "serve",
    "edit",
    "next-change",
    "completions",
    "man",
];

/// `gazette man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The command whose page to print; Gazette's own page without one.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(COMMANDS))]
    pub command: Option<String>,
}

impl ManArgs {
    /// Prints the page on standard output.
    pub fn run(self, lang: Language) -> i32 {
        let mut out = std::io::stdout().lock();
        match write(self.command.as_deref(), lang, &mut out).and_then(|()| out.flush()) {
            Ok(()) => Outcome::Success.code(),
            // Standard output closed early (`gazette man | head`): nothing to say.
            Err(_) => Outcome::Success.code(),
        }
    }
}

/// Writes the page of `command` (one of [`COMMANDS`]), or of `gazette`
/// itself, in `lang`.
pub fn write(command: Option<&str>, lang: Language, out: &mut dyn Write) -> std::io::Result<()> {
    let mut whole = help::localized(Cli::command(), lang);
    // Gives each command its full name (`gazette-build`, `gazette build`).
    whole.build();
    let page = match command.and_then(|name| whole.find_subcommand(name)) {
        Some(sub) => sub.clone(),
        // `gazette help` is `--help` again, with no page of its own.
        None => whole.mut_subcommand("help", |help| help.hide(true)),
    };
    // The help's headings (« Options », « Commandes ») would become the
    // page's sections as they are: clap_mangen's own, translated below,
    // follow the man page conventions.
    let page = page
        .subcommand_help_heading(None)
        .mut_args(|arg| arg.help_heading(None));
    let mut roff = Vec::new();
    clap_mangen::Man::new(page).render(&mut roff)?;
    let roff = String::from_utf8_lossy(&roff);
    for line in roff.lines() {
        writeln!(out, "{}", ascii(&localized_heading(line, lang)))?;
    }
    Ok(())
}

/// `text` with every character outside ASCII as a roff escape (`\[u2019]`).
fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// A section heading line of clap_mangen in `lang`; any other line as is.
fn localized_heading(line: &str, lang: Language) -> String {
    let heading = match line {
        ".SH NAME" => t!(lang, "cli-man-name"),
        ".SH SYNOPSIS" => t!(lang, "cli-man-synopsis"),
        ".SH DESCRIPTION" => t!(lang, "cli-man-description"),
        ".SH OPTIONS" => t!(lang, "cli-man-options"),
        ".SH SUBCOMMANDS" => t!(lang, "cli-man-commands"),
        ".SH VERSION" => t!(lang, "cli-man-version"),
        _ => return line.to_string(),
    };
    format!(".SH {heading}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(command: Option<&str>, lang: Language) -> String {
        let mut out = Vec::new();
        write(command, lang, &mut out).expect("rendered");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_command_has_a_page() {
        let mut command = help::localized(Cli::command(), Language::En);
        command.build();
        let names: Vec<&str> = command
            .get_subcommands()
            .map(|c| c.get_name())
            .filter(|name| *name != "help")
            .collect();
        assert_eq!(names, COMMANDS);
    }

    #[test]
    fn a_command_page_has_its_name_and_options_in_the_user_language() {
        let fr = page(Some("build"), Language::Fr);
        assert!(fr.contains(".TH gazette-build 1"), "{fr}");
        assert!(fr.contains(".SH NOM"), "{fr}");
        assert!(fr.contains("Inclure les brouillons"), "{fr}");
        assert!(!fr.contains(".SH NAME"), "{fr}");
        assert!(fr.contains("L\\[u2019]adresse de base"), "{fr}");
        assert!(fr.is_ascii(), "{fr}");
        let en = page(Some("build"), Language::En);
        assert!(
            en.contains(".SH NAME") && en.contains("Include drafts"),
            "{en}"
        );
    }

    #[test]
    fn the_main_page_lists_the_commands() {
        let en = page(None, Language::En);
        assert!(en.contains(".TH gazette 1"), "{en}");
        assert!(en.contains(".SH COMMANDS"), "{en}");
        for name in COMMANDS {
            let page = format!("gazette\\-{}(1)", name.replace('-', "\\-"));
            assert!(en.contains(&page), "{page} in:\n{en}");
        }
        assert!(!en.contains("gazette\\-help(1)"), "{en}");
    }
}
