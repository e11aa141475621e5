//! `serve --open`: the preview opened in the user's web browser once the
//! server listens, on the very address printed on the terminal.
//!
//! The browser is the one named by `BROWSER` when it is set (the Unix
//! convention that xdg-utils, git and Python's webbrowser follow: a
//! program, or a list of them separated like PATH, of which the first is
//! run with the address as its argument), else the system's default,
//! through the `open` crate (xdg-open or gio, macOS's `open`, Windows'
//! `start`). The browser is started without waiting for it; failing to
//! start it is a warning, since the address is on the terminal anyway.

use std::ffi::OsStr;
use std::io;
use std::process::{Command, Stdio};

use crate::language::Language;
use crate::messages::t;

/// Opens `url` in the browser; says on standard error why not if it cannot.
pub fn open(url: &str, lang: Language) {
    let started = match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => start(&browser, url),
        None => open::that_detached(url),
    };
    if let Err(e) = started {
        let reason = crate::os_errors::reason_of(&e, lang);
        eprintln!(
            "{}",
            t!(lang, "serve-cannot-open", reason = reason, url = url)
        );
    }
}

/// Starts the first program of `browser` (a PATH-like list) on `url`,
/// without waiting for it (a thread reaps it when it exits).
fn start(browser: &OsStr, url: &str) -> io::Result<()> {
    let program = std::env::split_paths(browser)
        .next()
        .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
    let mut child = Command::new(program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}
