//! The addresses a Markdown file writes, rewritten when an article moves
//! into a bundle (`sec/x.md` → `sec/x/index.md`), every other byte kept.
//!
//! Only what resolves as a path is touched, found where the build finds
//! it: the body's links, images and reference definitions by
//! pulldown-cmark with their offsets (so nothing in code, fenced or
//! inline, is rewritten), and in the front matter the values that name
//! files (`src:` of `image`, `file:` of `downloads`, every `photo:`,
//! relative to the article's folder), the Markdown links inside header
//! values (a summary, an answer) and the entries of `related:` (relative
//! to `content/`). A destination is rewritten when it names the
//! moved article, or when the file it is written in moved to another
//! folder (its relative paths then start from there). A value the scan
//! cannot take apart exactly (an escape in quotes, a block scalar) is
//! left as written: the build then names it if it no longer resolves.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use crate::content::ContentPath;
use crate::content::front_matter;
use crate::content::markdown::is_internal;
use crate::diagnostics::SourceText;
use crate::language::Language;
use crate::site::links::{percent_decode, relative_from};

/// The article that moves, by content path (`sec/x.md` → `sec/x/index.md`).
pub(super) struct Move<'a> {
    /// Where it was.
    pub from: &'a str,
    /// Where it is now.
    pub to: &'a str,
}

/// What a written path is relative to.
#[derive(Clone, Copy)]
enum Base {
    /// The folder of the file it is written in (links, images, files).
    Folder,
    /// `content/` (`related:`).
    Content,
}

/// `text` (a file that was in the folder `old_dir` and is now in
/// `new_dir`, content-relative) with its addresses rewritten for `moved`.
pub(super) fn rewrite(text: &str, old_dir: &str, new_dir: &str, moved: &Move) -> String {
    let source = SourceText::new("", text);
    let (yaml, body) = match front_matter::split(&source, Language::En) {
        Ok(split) => (split.yaml, split.body),
        Err(_) => (0..0, 0..text.len()),
    };
    let mut found = header_paths(&text[yaml.clone()], yaml.start);
    found.extend(body_paths(&text[body.clone()], body.start));
    let mut edits: Vec<(Range<usize>, String)> = found
        .into_iter()
        .filter_map(|(range, base)| {
            let new = new_dest(&text[range.clone()], base, old_dir, new_dir, moved)?;
            Some((range, new))
        })
        .collect();
    edits.sort_by_key(|(range, _)| range.start);
    edits.dedup_by_key(|(range, _)| range.start);
    apply(text, &edits)
}

/// `text` with each range replaced (ranges sorted, not overlapping; an
/// overlapping one is skipped).
fn apply(text: &str, edits: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 16 * edits.len());
    let mut at = 0;
    for (range, new) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(new);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The destination `dest` rewritten for `moved`, from a file moved from
/// `old_dir` to `new_dir`; `None` when it stays as written (another site,
/// a site path, an anchor, a path leaving `content/`, a path unchanged).
fn new_dest(dest: &str, base: Base, old_dir: &str, new_dir: &str, moved: &Move) -> Option<String> {
    if dest.is_empty() || dest.starts_with(['/', '#', '?']) || !is_internal(dest) {
        return None;
    }
    let cut = dest.find(['#', '?']).unwrap_or(dest.len());
    let (path, suffix) = dest.split_at(cut);
    match base {
        Base::Content => {
            let target = ContentPath::related(path);
            (percent_decode(target.as_str()) == moved.from).then(|| format!("{}{suffix}", moved.to))
        }
        Base::Folder => {
            let target = ContentPath::linked(old_dir, path)?;
            let is_moved = percent_decode(target.as_str()) == moved.from;
            if !is_moved && old_dir == new_dir {
                return None;
            }
            let target = if is_moved { moved.to } else { target.as_str() };
            let mut out = relative_from(new_dir, target);
            if path.ends_with('/') && !out.ends_with('/') {
                out.push('/');
            }
            Some(out + suffix)
        }
    }
}

/// Where the body (starting at `offset` in the file) writes a link's, an
/// image's or a reference definition's destination.
fn body_paths(body: &str, offset: usize) -> Vec<(Range<usize>, Base)> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let parser = Parser::new_ext(body, options).into_offset_iter();
    let mut out: Vec<(Range<usize>, Base)> = parser
        .reference_definitions()
        .iter()
        .filter_map(|(_, def)| {
            let at = body[def.span.clone()].find(def.dest.as_ref())?;
            let start = def.span.start + at;
            Some((start..start + def.dest.len(), Base::Folder))
        })
        .collect();
    for (event, range) in parser {
        let (Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            ..
        })
        | Event::Start(Tag::Image {
            link_type: LinkType::Inline,
            dest_url,
            ..
        })) = event
        else {
            continue;
        };
        if let Some(at) = inline_dest(&body[range.clone()], &dest_url) {
            let start = range.start + at;
            out.push((start..start + dest_url.len(), Base::Folder));
        }
    }
    out.into_iter()
        .map(|(r, base)| (r.start + offset..r.end + offset, base))
        .collect()
}

/// Where an inline link's source (`[text](dest "title")`) writes `dest`:
/// after the last `](` that it follows (spaces and a `<` allowed between);
/// `None` when it is written otherwise (with escapes).
fn inline_dest(source: &str, dest: &str) -> Option<usize> {
    if dest.is_empty() {
        return None;
    }
    source
        .match_indices("](")
        .filter_map(|(i, _)| {
            let rest = &source[i + 2..];
            let lead = rest.len() - rest.trim_start().len();
            let rest = &rest[lead..];
            let lead = lead + usize::from(rest.starts_with('<'));
            source[i + 2 + lead..]
                .starts_with(dest)
                .then_some(i + 2 + lead)
        })
        .last()
}

/// Where the YAML header (starting at `offset` in the file) writes a file
/// path: `src:`, `file:` and `photo:` values, `related:` entries, and the
/// Markdown links of its values. The lines of a block scalar (`answer: |`)
/// are text: only their Markdown links are paths.
fn header_paths(yaml: &str, offset: usize) -> Vec<(Range<usize>, Base)> {
    let mut out = Vec::new();
    let mut related_indent: Option<usize> = None;
    let mut block_indent: Option<usize> = None;
    let mut at = offset;
    for line in yaml.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let trimmed = content.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let links = inline_links(content, start).into_iter();
        out.extend(links.map(|r| (r, Base::Folder)));
        match block_indent {
            Some(key_indent) if indent > key_indent => continue,
            _ => block_indent = opens_block_scalar(trimmed).then_some(indent),
        }
        if let Some(key_indent) = related_indent {
            if let Some(entry) = trimmed.strip_prefix('-').filter(|_| indent >= key_indent) {
                let lead = content.len() - entry.len();
                out.extend(scalar(entry, start + lead, false).map(|r| (r, Base::Content)));
                continue;
            }
            related_indent = None;
        }
        if let Some(rest) = trimmed.strip_prefix("related:") {
            let lead = start + content.len() - rest.len();
            related_indent = related(rest, lead, indent, &mut out);
            continue;
        }
        for key in ["src:", "file:", "photo:"] {
            let values = keyed(content, key, start).into_iter();
            out.extend(values.map(|r| (r, Base::Folder)));
        }
    }
    out
}

/// Whether a header line ends with the opener of a block scalar (`|`,
/// `>-`, `|2`…), whose text follows on the more indented lines.
fn opens_block_scalar(line: &str) -> bool {
    let value = line.split(" #").next().unwrap_or(line).trim_end();
    let value =
        value.trim_end_matches(['-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    let Some(before) = value.strip_suffix(['|', '>']) else {
        return false;
    };
    before.is_empty() || before.ends_with(": ") || before.ends_with("- ")
}

/// The destinations of the Markdown links written inside a header value
/// (`summary: Voir [le bilan](bilan.md).`, an answer of an interview),
/// which the build resolves from the article's folder as the body's: the
/// text after each `](` up to `)`, a space or a quote; one with an escape
/// is left as written.
fn inline_links(line: &str, offset: usize) -> Vec<Range<usize>> {
    line.match_indices("](")
        .filter_map(|(i, _)| {
            let start = i + 2 + usize::from(line[i + 2..].starts_with('<'));
            let rest = &line[start..];
            let len = rest
                .find([')', '>', ' ', '"', '\'', '\t'])
                .unwrap_or(rest.len());
            let dest = &rest[..len];
            (!dest.is_empty() && !dest.contains('\\')).then(|| offset + start..offset + start + len)
        })
        .collect()
}

/// The entries of `related:` whose value `rest` starts at `offset`: a
/// flow list or one path, pushed on `out`; the key's indent when the list
/// follows on the next lines.
fn related(
    rest: &str,
    offset: usize,
    indent: usize,
    out: &mut Vec<(Range<usize>, Base)>,
) -> Option<usize> {
    let value = rest.trim_start();
    let lead = offset + rest.len() - value.len();
    if value.is_empty() || value.starts_with('#') {
        return Some(indent);
    }
    let Some(list) = value.strip_prefix('[') else {
        out.extend(scalar(value, lead, false).map(|r| (r, Base::Content)));
        return None;
    };
    let inner = list.split(']').next().unwrap_or("");
    let mut item_at = lead + 1;
    for item in inner.split(',') {
        out.extend(scalar(item, item_at, true).map(|r| (r, Base::Content)));
        item_at += item.len() + 1;
    }
    None
}

/// The values of `key` (`src:`) on the header line `line` (starting at
/// `offset`), in block form (`src: a.jpg`, `- file: b.pdf`) or in a flow
/// map (`{src: a.jpg, alt: …}`).
fn keyed(line: &str, key: &str, offset: usize) -> Vec<Range<usize>> {
    line.match_indices(key)
        .filter_map(|(i, _)| {
            let before = line[..i].trim_end();
            let in_flow = before.ends_with(['{', ',']);
            let starts_line = before.chars().all(|c| c == ' ' || c == '-');
            let after = &line[i + key.len()..];
            let separated = after.is_empty() || after.starts_with([' ', '\t']);
            ((in_flow || starts_line) && separated)
                .then(|| scalar(after, offset + i + key.len(), in_flow))
                .flatten()
        })
        .collect()
}

/// The range of the path in a YAML scalar written `text` (from `offset`):
/// inside its quotes, or plain up to a comment (and to `,` or `}` in a
/// flow collection). `None` for what is not one simple scalar: empty, a
/// block scalar, an anchor, an alias, a tag, a nested collection, or
/// escapes in double quotes.
fn scalar(text: &str, offset: usize, in_flow: bool) -> Option<Range<usize>> {
    let value = text.trim_start();
    let lead = offset + text.len() - value.len();
    let first = value.chars().next()?;
    if matches!(first, '|' | '>' | '&' | '*' | '!' | '{' | '[' | '#') {
        return None;
    }
    if first == '"' || first == '\'' {
        let inner = &value[1..];
        let end = inner.find(first)?;
        let inner = &inner[..end];
        if first == '"' && inner.contains('\\') {
            return None;
        }
        return Some(lead + 1..lead + 1 + inner.len());
    }
    let mut end = value.find(" #").unwrap_or(value.len());
    if in_flow {
        end = end.min(value.find([',', '}', ']']).unwrap_or(value.len()));
    }
    let plain = value[..end].trim_end();
    (!plain.is_empty()).then(|| lead..lead + plain.len())
}
