//! Everything read from the writer's files: discovery, front matter,
//! shortcodes, Markdown, and loading one article from them.

pub mod article;
pub mod content_path;
pub mod discover;
pub mod echo;
pub mod front_matter;
pub mod highlight;
pub mod markdown;
pub mod sanitize;
pub mod schemes;
pub mod shortcodes;
pub mod slug;

pub use content_path::ContentPath;
