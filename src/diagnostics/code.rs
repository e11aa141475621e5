//! Every diagnostic's code, as one enum.
//!
//! A code is the stable name of a kind of problem (`yaml-unknown-key`): it is
//! what `check --format json` and `--format github` print, what
//! `docs/diagnostics.md` documents, and what a CI script may match on. As an
//! enum, a typo in a code is a compile error, and the tests below hold the
//! list and the documentation together: every code is documented, in
//! `docs/diagnostics.md` and in the writers' French page
//! `docs/fr/diagnostics.md`, every documented code exists, and every code is
//! made somewhere outside this file (a code nothing reports would document a
//! message no writer can get). Codes compare and sort by their text, so the
//! order of reported problems does not depend on the order of this list.

use std::fmt;

/// The code of a diagnostic; its text is [`Code::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// `config-unreadable`
    ConfigUnreadable,
    /// `config-missing-title`
    ConfigMissingTitle,
    /// `config-bad-base-url`
    ConfigBadBaseUrl,
    /// `config-empty-base-url`
    ConfigEmptyBaseUrl,
    /// `config-no-base-url`
    ConfigNoBaseUrl,
    /// `config-missing-theme`
    ConfigMissingTheme,
    /// `config-bad-paginate-by`
    ConfigBadPaginateBy,
    /// `config-bad-share-image`
    ConfigBadShareImage,
    /// `config-bad-accessibility-status`
    ConfigBadAccessibilityStatus,
    /// `config-bad-accessibility-rate`
    ConfigBadAccessibilityRate,
    /// `config-accessibility-missing`
    ConfigAccessibilityMissing,
    /// `config-accessibility-rate-status`
    ConfigAccessibilityRateStatus,
    /// `config-bad-date`
    ConfigBadDate,
    /// `config-bad-taxonomy-folder`
    ConfigBadTaxonomyFolder,
    /// `config-duplicate-taxonomy-folder`
    ConfigDuplicateTaxonomyFolder,
    /// `config-bad-url-scheme`
    ConfigBadUrlScheme,
    /// `config-bad-image-widths`
    ConfigBadImageWidths,
    /// `config-bad-image-quality`
    ConfigBadImageQuality,
    /// `yaml-unknown-key`
    YamlUnknownKey,
    /// `yaml-unknown-value`
    YamlUnknownValue,
    /// `yaml-wrong-type`
    YamlWrongType,
    /// `yaml-missing-key`
    YamlMissingKey,
    /// `yaml-duplicate-key`
    YamlDuplicateKey,
    /// `yaml-syntax`
    YamlSyntax,
    /// `yaml-too-deep`
    YamlTooDeep,
    /// `content-missing`
    ContentMissing,
    /// `file-not-utf8`
    FileNotUtf8,
    /// `file-unreadable`
    FileUnreadable,
    /// `folder-unreadable`
    FolderUnreadable,
    /// `file-not-regular`
    FileNotRegular,
    /// `symlink-outside-site`
    SymlinkOutsideSite,
    /// `symlink-loop`
    SymlinkLoop,
    /// `symlink-broken`
    SymlinkBroken,
    /// `file-name-not-utf8`
    FileNameNotUtf8,
    /// `content-active-file`
    ContentActiveFile,
    /// `front-matter-missing`
    FrontMatterMissing,
    /// `front-matter-unclosed`
    FrontMatterUnclosed,
    /// `front-matter-missing-key`
    FrontMatterMissingKey,
    /// `front-matter-empty-title`
    FrontMatterEmptyTitle,
    /// `front-matter-bad-date`
    FrontMatterBadDate,
    /// `front-matter-image-alt`
    FrontMatterImageAlt,
    /// `front-matter-download-title`
    FrontMatterDownloadTitle,
    /// `front-matter-interview-by`
    FrontMatterInterviewBy,
    /// `front-matter-bad-slug`
    FrontMatterBadSlug,
    /// `front-matter-bad-paginate-by`
    FrontMatterBadPaginateBy,
    /// `shortcode-malformed`
    ShortcodeMalformed,
    /// `shortcode-duplicate-argument`
    ShortcodeDuplicateArgument,
    /// `shortcode-unterminated`
    ShortcodeUnterminated,
    /// `shortcode-unexpected-end`
    ShortcodeUnexpectedEnd,
    /// `shortcode-nested`
    ShortcodeNested,
    /// `shortcode-unknown`
    ShortcodeUnknown,
    /// `shortcode-unknown-argument`
    ShortcodeUnknownArgument,
    /// `shortcode-unknown-id`
    ShortcodeUnknownId,
    /// `shortcode-missing-id`
    ShortcodeMissingId,
    /// `shortcode-no-interview`
    ShortcodeNoInterview,
    /// `shortcode-question-range`
    ShortcodeQuestionRange,
    /// `link-broken`
    LinkBroken,
    /// `link-missing-anchor`
    LinkMissingAnchor,
    /// `link-outside-content`
    LinkOutsideContent,
    /// `link-to-unpublished`
    LinkToUnpublished,
    /// `related-missing`
    RelatedMissing,
    /// `related-unpublished`
    RelatedUnpublished,
    /// `url-scheme-refused`
    UrlSchemeRefused,
    /// `person-unknown`
    PersonUnknown,
    /// `registry-file-missing`
    RegistryFileMissing,
    /// `image-unsupported`
    ImageUnsupported,
    /// `image-corrupt`
    ImageCorrupt,
    /// `image-too-large`
    ImageTooLarge,
    /// `image-oversized` (warning, `check`)
    ImageOversized,
    /// `image-too-small` (warning, `check`)
    ImageTooSmall,
    /// `image-bad-focus`
    ImageBadFocus,
    /// `url-collision`
    UrlCollision,
    /// `url-reserved`
    UrlReserved,
    /// `alias-invalid`
    AliasInvalid,
    /// `alias-collision`
    AliasCollision,
    /// `output-path-collision`
    OutputPathCollision,
    /// `output-path-file-folder`
    OutputPathFileFolder,
    /// `output-folder-reserved`
    OutputFolderReserved,
    /// `output-path-too-long`
    OutputPathTooLong,
    /// `output-path-invalid`
    OutputPathInvalid,
    /// `template-missing`
    TemplateMissing,
    /// `template-error`
    TemplateError,
    /// `template-unknown`
    TemplateUnknown,
    /// `template-unreadable`
    TemplateUnreadable,
    /// `theme-strings-unreadable`
    ThemeStringsUnreadable,
    /// `output-unsafe`
    OutputUnsafe,
    /// `output-not-owned`
    OutputNotOwned,
    /// `output-not-a-folder`
    OutputNotAFolder,
    /// `output-mount-point`
    OutputMountPoint,
    /// `output-foreign-file`
    OutputForeignFile,
    /// `output-write`
    OutputWrite,
    /// `search-index`
    SearchIndex,
    /// `search-cache-ignored`
    SearchCacheIgnored,
    /// `page-cache-ignored`
    PageCacheIgnored,
    /// `body-cache-ignored`
    BodyCacheIgnored,
    /// `serve-bind`
    ServeBind,
    /// `init-not-empty`
    InitNotEmpty,
    /// `init-not-a-folder`
    InitNotAFolder,
    /// `init-write`
    InitWrite,
    /// `new-bad-path`
    NewBadPath,
    /// `new-exists`
    NewExists,
    /// `new-no-archetype`
    NewNoArchetype,
    /// `new-write`
    NewWrite,
    /// `a11y-image-alt`
    A11yImageAlt,
    /// `a11y-heading-skip`
    A11yHeadingSkip,
    /// `link-unknown-path`
    LinkUnknownPath,
    /// `a11y-vague-link`
    A11yVagueLink,
    /// `a11y-table-header`
    A11yTableHeader,
    /// `a11y-foreign-term`
    A11yForeignTerm,
    /// `quote-almost-repeats`
    QuoteAlmostRepeats,
    /// `code-unknown-language`
    CodeUnknownLanguage,
    /// `interview-question-twice`
    InterviewQuestionTwice,
    /// `interview-question-unplaced`
    InterviewQuestionUnplaced,
    /// `registry-unused`
    RegistryUnused,
}

impl Code {
    /// Every code, in the order of `docs/diagnostics.md`.
    pub const ALL: &[Code] = &[
        Code::ConfigUnreadable,
        Code::ConfigMissingTitle,
        Code::ConfigBadBaseUrl,
        Code::ConfigEmptyBaseUrl,
        Code::ConfigNoBaseUrl,
        Code::ConfigMissingTheme,
        Code::ConfigBadPaginateBy,
        Code::ConfigBadShareImage,
        Code::ConfigBadAccessibilityStatus,
        Code::ConfigBadAccessibilityRate,
        Code::ConfigAccessibilityMissing,
        Code::ConfigAccessibilityRateStatus,
        Code::ConfigBadDate,
        Code::ConfigBadTaxonomyFolder,
        Code::ConfigDuplicateTaxonomyFolder,
        Code::ConfigBadUrlScheme,
        Code::ConfigBadImageWidths,
        Code::ConfigBadImageQuality,
        Code::YamlUnknownKey,
        Code::YamlUnknownValue,
        Code::YamlWrongType,
        Code::YamlMissingKey,
        Code::YamlDuplicateKey,
        Code::YamlSyntax,
        Code::YamlTooDeep,
        Code::ContentMissing,
        Code::FileNotUtf8,
        Code::FileUnreadable,
        Code::FolderUnreadable,
        Code::FileNotRegular,
        Code::SymlinkOutsideSite,
        Code::SymlinkLoop,
        Code::SymlinkBroken,
        Code::FileNameNotUtf8,
        Code::ContentActiveFile,
        Code::FrontMatterMissing,
        Code::FrontMatterUnclosed,
        Code::FrontMatterMissingKey,
        Code::FrontMatterEmptyTitle,
        Code::FrontMatterBadDate,
        Code::FrontMatterImageAlt,
        Code::FrontMatterDownloadTitle,
        Code::FrontMatterInterviewBy,
        Code::FrontMatterBadSlug,
        Code::FrontMatterBadPaginateBy,
        Code::ShortcodeMalformed,
        Code::ShortcodeDuplicateArgument,
        Code::ShortcodeUnterminated,
        Code::ShortcodeUnexpectedEnd,
        Code::ShortcodeNested,
        Code::ShortcodeUnknown,
        Code::ShortcodeUnknownArgument,
        Code::ShortcodeUnknownId,
        Code::ShortcodeMissingId,
        Code::ShortcodeNoInterview,
        Code::ShortcodeQuestionRange,
        Code::LinkBroken,
        Code::LinkMissingAnchor,
        Code::LinkOutsideContent,
        Code::LinkToUnpublished,
        Code::RelatedMissing,
        Code::RelatedUnpublished,
        Code::UrlSchemeRefused,
        Code::PersonUnknown,
        Code::RegistryFileMissing,
        Code::ImageUnsupported,
        Code::ImageCorrupt,
        Code::ImageTooLarge,
        Code::ImageOversized,
        Code::ImageTooSmall,
        Code::ImageBadFocus,
        Code::UrlCollision,
        Code::UrlReserved,
        Code::AliasInvalid,
        Code::AliasCollision,
        Code::OutputPathCollision,
        Code::OutputPathFileFolder,
        Code::OutputFolderReserved,
        Code::OutputPathTooLong,
        Code::OutputPathInvalid,
        Code::TemplateMissing,
        Code::TemplateError,
        Code::TemplateUnknown,
        Code::TemplateUnreadable,
        Code::ThemeStringsUnreadable,
        Code::OutputUnsafe,
        Code::OutputNotOwned,
        Code::OutputNotAFolder,
        Code::OutputMountPoint,
        Code::OutputForeignFile,
        Code::OutputWrite,
        Code::SearchIndex,
        Code::SearchCacheIgnored,
        Code::PageCacheIgnored,
        Code::BodyCacheIgnored,
        Code::ServeBind,
        Code::InitNotEmpty,
        Code::InitNotAFolder,
        Code::InitWrite,
        Code::NewBadPath,
        Code::NewExists,
        Code::NewNoArchetype,
        Code::NewWrite,
        Code::A11yImageAlt,
        Code::A11yHeadingSkip,
        Code::LinkUnknownPath,
        Code::A11yVagueLink,
        Code::A11yTableHeader,
        Code::A11yForeignTerm,
        Code::QuoteAlmostRepeats,
        Code::CodeUnknownLanguage,
        Code::InterviewQuestionTwice,
        Code::InterviewQuestionUnplaced,
        Code::RegistryUnused,
    ];

    /// The code as documented and printed (`yaml-unknown-key`).
    #[allow(
        clippy::too_many_lines,
        reason = "a table: one arm per code, in the order of docs/diagnostics.md"
    )]
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ConfigUnreadable => "config-unreadable",
            Code::ConfigMissingTitle => "config-missing-title",
            Code::ConfigBadBaseUrl => "config-bad-base-url",
            Code::ConfigEmptyBaseUrl => "config-empty-base-url",
            Code::ConfigNoBaseUrl => "config-no-base-url",
            Code::ConfigMissingTheme => "config-missing-theme",
            Code::ConfigBadPaginateBy => "config-bad-paginate-by",
            Code::ConfigBadShareImage => "config-bad-share-image",
            Code::ConfigBadAccessibilityStatus => "config-bad-accessibility-status",
            Code::ConfigBadAccessibilityRate => "config-bad-accessibility-rate",
            Code::ConfigAccessibilityMissing => "config-accessibility-missing",
            Code::ConfigAccessibilityRateStatus => "config-accessibility-rate-status",
            Code::ConfigBadDate => "config-bad-date",
            Code::ConfigBadTaxonomyFolder => "config-bad-taxonomy-folder",
            Code::ConfigDuplicateTaxonomyFolder => "config-duplicate-taxonomy-folder",
            Code::ConfigBadUrlScheme => "config-bad-url-scheme",
            Code::ConfigBadImageWidths => "config-bad-image-widths",
            Code::ConfigBadImageQuality => "config-bad-image-quality",
            Code::YamlUnknownKey => "yaml-unknown-key",
            Code::YamlUnknownValue => "yaml-unknown-value",
            Code::YamlWrongType => "yaml-wrong-type",
            Code::YamlMissingKey => "yaml-missing-key",
            Code::YamlDuplicateKey => "yaml-duplicate-key",
            Code::YamlSyntax => "yaml-syntax",
            Code::YamlTooDeep => "yaml-too-deep",
            Code::ContentMissing => "content-missing",
            Code::FileNotUtf8 => "file-not-utf8",
            Code::FileUnreadable => "file-unreadable",
            Code::FolderUnreadable => "folder-unreadable",
            Code::FileNotRegular => "file-not-regular",
            Code::SymlinkOutsideSite => "symlink-outside-site",
            Code::SymlinkLoop => "symlink-loop",
            Code::SymlinkBroken => "symlink-broken",
            Code::FileNameNotUtf8 => "file-name-not-utf8",
            Code::ContentActiveFile => "content-active-file",
            Code::FrontMatterMissing => "front-matter-missing",
            Code::FrontMatterUnclosed => "front-matter-unclosed",
            Code::FrontMatterMissingKey => "front-matter-missing-key",
            Code::FrontMatterEmptyTitle => "front-matter-empty-title",
            Code::FrontMatterBadDate => "front-matter-bad-date",
            Code::FrontMatterImageAlt => "front-matter-image-alt",
            Code::FrontMatterDownloadTitle => "front-matter-download-title",
            Code::FrontMatterInterviewBy => "front-matter-interview-by",
            Code::FrontMatterBadSlug => "front-matter-bad-slug",
            Code::FrontMatterBadPaginateBy => "front-matter-bad-paginate-by",
            Code::ShortcodeMalformed => "shortcode-malformed",
            Code::ShortcodeDuplicateArgument => "shortcode-duplicate-argument",
            Code::ShortcodeUnterminated => "shortcode-unterminated",
            Code::ShortcodeUnexpectedEnd => "shortcode-unexpected-end",
            Code::ShortcodeNested => "shortcode-nested",
            Code::ShortcodeUnknown => "shortcode-unknown",
            Code::ShortcodeUnknownArgument => "shortcode-unknown-argument",
            Code::ShortcodeUnknownId => "shortcode-unknown-id",
            Code::ShortcodeMissingId => "shortcode-missing-id",
            Code::ShortcodeNoInterview => "shortcode-no-interview",
            Code::ShortcodeQuestionRange => "shortcode-question-range",
            Code::LinkBroken => "link-broken",
            Code::LinkMissingAnchor => "link-missing-anchor",
            Code::LinkOutsideContent => "link-outside-content",
            Code::LinkToUnpublished => "link-to-unpublished",
            Code::RelatedMissing => "related-missing",
            Code::RelatedUnpublished => "related-unpublished",
            Code::UrlSchemeRefused => "url-scheme-refused",
            Code::PersonUnknown => "person-unknown",
            Code::RegistryFileMissing => "registry-file-missing",
            Code::ImageUnsupported => "image-unsupported",
            Code::ImageCorrupt => "image-corrupt",
            Code::ImageTooLarge => "image-too-large",
            Code::ImageOversized => "image-oversized",
            Code::ImageTooSmall => "image-too-small",
            Code::ImageBadFocus => "image-bad-focus",
            Code::UrlCollision => "url-collision",
            Code::UrlReserved => "url-reserved",
            Code::AliasInvalid => "alias-invalid",
            Code::AliasCollision => "alias-collision",
            Code::OutputPathCollision => "output-path-collision",
            Code::OutputPathFileFolder => "output-path-file-folder",
            Code::OutputFolderReserved => "output-folder-reserved",
            Code::OutputPathTooLong => "output-path-too-long",
            Code::OutputPathInvalid => "output-path-invalid",
            Code::TemplateMissing => "template-missing",
            Code::TemplateError => "template-error",
            Code::TemplateUnknown => "template-unknown",
            Code::TemplateUnreadable => "template-unreadable",
            Code::ThemeStringsUnreadable => "theme-strings-unreadable",
            Code::OutputUnsafe => "output-unsafe",
            Code::OutputNotOwned => "output-not-owned",
            Code::OutputNotAFolder => "output-not-a-folder",
            Code::OutputMountPoint => "output-mount-point",
            Code::OutputForeignFile => "output-foreign-file",
            Code::OutputWrite => "output-write",
            Code::SearchIndex => "search-index",
            Code::SearchCacheIgnored => "search-cache-ignored",
            Code::PageCacheIgnored => "page-cache-ignored",
            Code::BodyCacheIgnored => "body-cache-ignored",
            Code::ServeBind => "serve-bind",
            Code::InitNotEmpty => "init-not-empty",
            Code::InitNotAFolder => "init-not-a-folder",
            Code::InitWrite => "init-write",
            Code::NewBadPath => "new-bad-path",
            Code::NewExists => "new-exists",
            Code::NewNoArchetype => "new-no-archetype",
            Code::NewWrite => "new-write",
            Code::A11yImageAlt => "a11y-image-alt",
            Code::A11yHeadingSkip => "a11y-heading-skip",
            Code::LinkUnknownPath => "link-unknown-path",
            Code::A11yVagueLink => "a11y-vague-link",
            Code::A11yTableHeader => "a11y-table-header",
            Code::A11yForeignTerm => "a11y-foreign-term",
            Code::QuoteAlmostRepeats => "quote-almost-repeats",
            Code::CodeUnknownLanguage => "code-unknown-language",
            Code::InterviewQuestionTwice => "interview-question-twice",
            Code::InterviewQuestionUnplaced => "interview-question-unplaced",
            Code::RegistryUnused => "registry-unused",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The codes a documentation page lists: one per heading `#### ` followed
    /// by the code between backquotes.
    fn documented(doc: &str) -> Vec<&str> {
        doc.lines()
            .filter_map(|l| l.strip_prefix("#### `"))
            .filter_map(|l| l.split('`').next())
            .collect()
    }

    /// Fails, naming `page`, unless `doc` lists exactly the codes of the enum.
    fn assert_documents_every_code(page: &str, doc: &str) {
        let documented = documented(doc);
        let ours: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let missing: Vec<&&str> = ours.iter().filter(|c| !documented.contains(c)).collect();
        let unknown: Vec<&&str> = documented.iter().filter(|c| !ours.contains(c)).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "codes not documented in {page}: {missing:?}; documented codes that do not exist: {unknown:?}"
        );
        let mut unique = documented.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            documented.len(),
            "a code is documented twice in {page}"
        );
    }

    #[test]
    fn the_documented_codes_are_exactly_the_enums() {
        assert_documents_every_code(
            "docs/diagnostics.md",
            include_str!("../../docs/diagnostics.md"),
        );
        let ours: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut unique = ours.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ours.len(), "a code is listed twice");
    }

    #[test]
    fn the_french_page_documents_every_code() {
        assert_documents_every_code(
            "docs/fr/diagnostics.md",
            include_str!("../../docs/fr/diagnostics.md"),
        );
    }

    /// Every `Code::Variant` that `text` names, outside comments and test
    /// modules (a file's tests follow its first `#[cfg(test)]`).
    fn named(text: &str) -> Vec<String> {
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut out = Vec::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("Code::") {
                let name: String = line[at + "Code::".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        }
        out
    }

    /// A code nothing makes is documented for a message no writer can get:
    /// every variant must be named by the code that reports it, outside this
    /// file and outside tests.
    #[test]
    fn every_code_is_made_somewhere() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut made = std::collections::HashSet::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("walk src");
            let path = entry.path();
            let is_test_file = path.file_name().is_some_and(|n| n == "tests.rs");
            if path.extension().is_none_or(|e| e != "rs")
                || is_test_file
                || path == src.join("diagnostics").join("code.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("read source");
            made.extend(named(&text));
        }
        let never: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| !made.contains(&format!("{c:?}")))
            .map(|c| c.as_str())
            .collect();
        assert!(
            never.is_empty(),
            "codes that no code outside src/diagnostics/code.rs and tests makes: {never:?}"
        );
    }
}
