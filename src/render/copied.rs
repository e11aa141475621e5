//! The files a build copies rather than renders: the theme's and the site's
//! static files and the content's files, listed with their source paths
//! (read when written, never held in memory), except the pages'
//! stylesheets and script, published under their hashed names with the
//! bytes the theme read to hash them (`fingerprint`: the main stylesheet
//! has the code colours appended). Watch mode lists them alone when only a
//! static file changed. With `relative_urls` the stylesheets are read and
//! their `url()` made relative.

use std::path::Path;

use crate::render::theme::Theme;
use crate::render::{Content, Files};
use crate::site::Site;

/// The files copied rather than rendered: the theme's and the site's static
/// files, then the content's files. Watch mode calls it alone when only a
/// static file changed.
pub fn add(files: &mut Files, site: &Site, theme: &Theme, root: &Path) {
    for (path, src) in &theme.static_files {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    for hashed in theme.assets.values() {
        files.insert(hashed.path.clone(), Content::Bytes(hashed.bytes.clone()));
    }
    for (path, src) in &site.assets {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    if site.config.relative_urls {
        relative_stylesheets(files, &site.config.root_path, root);
    }
}

/// With `relative_urls`, every stylesheet's `url()` relative to it (see
/// `relative`): the stylesheets are then written from memory, not copied.
fn relative_stylesheets(files: &mut Files, root_path: &str, root: &Path) {
    for (path, content) in files.iter_mut() {
        if !path.ends_with(".css") {
            continue;
        }
        let bytes = match content {
            Content::Copy(src) => match crate::sources::read(root, src) {
                Ok(bytes) => bytes,
                Err(_) => continue, // the copy reports it when written
            },
            Content::Bytes(bytes) => std::mem::take(bytes),
        };
        *content = Content::Bytes(super::relative::css(&bytes, path, root_path));
    }
}
