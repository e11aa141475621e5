//! Articles that exist but could not be loaded (a broken front matter, an
//! unreadable file): known targets all the same.
//!
//! One broken article must not turn every link and `related:` entry that
//! points at it into an error of its own, in other writers' files: the
//! build fails anyway on the article's own errors, so nothing wrong is
//! published, and the links resolve once the article is fixed. So each
//! such article is registered with the `Resolver` where it would be (the
//! address its file name gives it in its section: its `slug:` cannot be
//! read), with the files of its bundle, and any `#anchor` to it is
//! accepted: its headings are unknown until it loads.

use std::collections::{HashMap, HashSet};

use super::links::Resolver;
use super::sections::Sections;
use super::urls::file_slug;
use crate::config::Config;
use crate::content::ContentPath;
use crate::content::discover::Discovered;

/// Registers each article of `unloaded` (content paths discovery found,
/// whose loading failed), its bundle's folder and files, in
/// `resolver.unloaded`.
pub(super) fn register(
    resolver: &mut Resolver,
    config: &Config,
    discovered: &Discovered,
    sections: &Sections,
    unloaded: &[ContentPath],
) {
    if unloaded.is_empty() {
        return;
    }
    let wanted: HashSet<&str> = unloaded.iter().map(ContentPath::as_str).collect();
    let mut bundles: HashMap<String, String> = HashMap::new();
    for origin in &discovered.articles {
        let path = ContentPath::of(&origin.path);
        if !wanted.contains(path.as_str()) {
            continue;
        }
        let section = sections.index.get(&origin.section).copied().unwrap_or(0);
        let folder = sections.list[section]
            .rel_url
            .child(&file_slug(&origin.stem));
        let url = config.url(folder.as_str());
        if let Some(bundle) = &origin.bundle {
            let bundle = ContentPath::of(bundle);
            bundles.insert(bundle.as_str().to_string(), url.clone());
            resolver.unloaded.insert(bundle, url.clone());
        }
        resolver.unloaded.insert(path, url);
    }
    // The files of their bundles, beside where their pages would be.
    for asset in &discovered.assets {
        let mut dir = asset.content_path.as_str();
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if let Some(url) = bundles.get(parent) {
                let inner = &asset.content_path.as_str()[parent.len() + 1..];
                resolver
                    .unloaded
                    .insert(asset.content_path.clone(), format!("{url}{inner}"));
                break;
            }
            dir = parent;
        }
    }
}
