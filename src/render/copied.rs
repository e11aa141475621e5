//! The files a build copies rather than renders: the theme's and the site's
//! static files and the content's files, listed with their source paths
//! (read when written, never held in memory), except the pages'
//! stylesheets and script, published under their hashed names with the
//! bytes the theme read to hash them (`fingerprint`: the main stylesheet
//! has the code colours appended). Watch mode lists them alone when only a
//! static file changed.

use crate::render::theme::Theme;
use crate::render::{Content, Files};
use crate::site::Site;

/// The files copied rather than rendered: the theme's and the site's static
/// files, then the content's files. Watch mode calls it alone when only a
/// static file changed.
pub fn add(files: &mut Files, site: &Site, theme: &Theme) {
    for (path, src) in &theme.static_files {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
    for hashed in theme.assets.values() {
        files.insert(hashed.path.clone(), Content::Bytes(hashed.bytes.clone()));
    }
    for (path, src) in &site.assets {
        files.insert(path.clone(), Content::Copy(src.clone()));
    }
}
