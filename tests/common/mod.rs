//! What the test binaries that drive a real browser share: where Debian's
//! Chromium and the oracles' playwright-core are, checked before use.

use std::path::{Path, PathBuf};

/// Chromium's executable and playwright-core's folder; panics with the way
/// to install them when either is missing.
pub fn browser() -> (PathBuf, PathBuf) {
    let chromium = Path::new("/usr/bin/chromium").to_path_buf();
    let home = std::env::var_os("ORACLES_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/oracles"));
    let playwright = home.join("node/node_modules/playwright-core");
    assert!(
        chromium.is_file() && playwright.is_dir(),
        "this test needs Debian's Chromium at {} and playwright-core in {}: run ../shared/oracles/install.sh (CI does, before the tests)",
        chromium.display(),
        playwright.display()
    );
    (chromium, playwright)
}
