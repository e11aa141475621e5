//! Content files: where each file of `content/` that is not an article is
//! published, and the address links to it resolve to.
//!
//! A file inside an article's bundle (`actualites/forum/plan.pdf` beside
//! `actualites/forum/index.md`) is published beside the article's page,
//! under the article's address, so that a relative link from the article
//! works the same in an editor's preview and on the site. A file in a
//! bundle left out of this build is not published. Any other file keeps its
//! name in its section's folder. Placement must be done: the articles'
//! folders are what bundle files follow.

use std::collections::HashMap;
use std::path::PathBuf;

use super::links::Resolver;
use super::sections::Sections;
use super::urls::content_rel;
use super::{Article, Section};
use crate::config::Config;
use crate::content::discover::{AssetSource, Discovered};

/// The content files to copy, `(output path, source path)`, each also
/// registered in `resolver.files` with its URL.
pub(super) fn place(
    config: &Config,
    discovered: &Discovered,
    articles: &[Article],
    sections: &Sections,
    resolver: &mut Resolver,
) -> Vec<(String, PathBuf)> {
    let mut assets: Vec<(String, PathBuf)> = Vec::new();
    let bundle_owner: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.loaded.origin.bundle.as_ref().map(|b| (content_rel(b), i)))
        .collect();
    for asset in &discovered.assets {
        if let Some(out) = asset_output(
            asset,
            &bundle_owner,
            articles,
            &sections.list,
            &sections.index,
            resolver,
        ) {
            resolver
                .files
                .insert(asset.content_path.clone(), config.url(&out));
            assets.push((out, asset.path.clone()));
        }
    }
    assets
}

/// Where `asset` is published, or `None` when it is in a bundle left out or
/// in a section that is not in this build.
fn asset_output(
    asset: &AssetSource,
    bundle_owner: &HashMap<String, usize>,
    articles: &[Article],
    sections: &[Section],
    section_index: &HashMap<String, usize>,
    resolver: &Resolver,
) -> Option<String> {
    // In a bundle: beside the article's page.
    let mut dir = asset.content_path.as_str();
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let Some(&i) = bundle_owner.get(parent) {
            let inner = &asset.content_path.as_str()[parent.len() + 1..];
            return Some(format!("{}{}", articles[i].rel_url, inner));
        }
        if resolver.excluded.contains_key(parent) {
            return None;
        }
        dir = parent;
    }
    let (parent, name) = asset
        .content_path
        .as_str()
        .rsplit_once('/')
        .unwrap_or(("", asset.content_path.as_str()));
    let section = section_index.get(parent).copied()?;
    Some(format!("{}{}", sections.get(section)?.rel_url, name))
}
