//! Patched for Gazette (PATCHES.md, change 10): a page read without
//! lol_html when its markup leaves nothing to interpret.
//!
//! lol_html is a streaming rewriter: for every element it runs a selector
//! machine over the page's selectors, allocates the element's node behind
//! an `Rc<RefCell>`, boxes an end tag handler, and decodes every text chunk
//! again. On the pages Gazette indexes (its own output, trimmed) that was
//! most of reading a page. A *regular* document is one where a tokenizer
//! that knows nothing of HTML's error recovery reads exactly what lol_html
//! reads: every element closed by its own end tag in order, quoted or
//! plain attributes, no carriage return, no `<![CDATA[`, no processing
//! instruction, no element whose content the HTML parser treats specially
//! beyond `<script>`, `<style>` and `<title>`, and SVG only of shapes.
//! Such a document is read here, driving the very functions that
//! lol_html's handlers call (`parser::open_element`…), in the same order,
//! on the same text; anything else returns `None` and the caller parses
//! with lol_html as before. The options must be the ones this reading
//! knows: the root selector `html`, exclusions that are tag names or one
//! class.
//!
//! The tests compare the two readings on pagefind's own parser examples
//! and on documents made to fall on each side of every rule.

use super::parser::{
    add_text, close_element, close_void_element, finish, html_element, open_element,
    exclude, script_or_link, DomParserData, DomParserResult, DomParsingNode,
    REMOVE_SELECTORS,
};
use crate::SearchOptions;

/// An exclusion selector this reading can match.
enum Exclusion<'a> {
    Tag(&'a str),
    Class(&'a str),
}

impl Exclusion<'_> {
    fn of(selector: &str) -> Option<Exclusion<'_>> {
        let selector = selector.trim();
        let name_like = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !s.as_bytes()[0].is_ascii_digit()
        };
        if let Some(class) = selector.strip_prefix('.') {
            name_like(class).then_some(Exclusion::Class(class))
        } else {
            (name_like(selector) && !selector.bytes().any(|b| b.is_ascii_uppercase()))
                .then_some(Exclusion::Tag(selector))
        }
    }

    fn matches(&self, tag: &str, attributes: &[(&str, &str)]) -> bool {
        match self {
            Exclusion::Tag(name) => *name == tag,
            Exclusion::Class(class) => attribute(attributes, "class")
                .map(|classes| classes.split_ascii_whitespace().any(|c| c == *class))
                .unwrap_or(false),
        }
    }
}

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "title"];

/// Elements the HTML parser reads in ways this reading does not follow.
const SPECIAL: &[&str] = &[
    "basefont", "bgsound", "frame", "frameset", "image", "keygen", "param", "template",
    "noscript", "noembed", "noframes", "iframe", "textarea", "xmp", "plaintext", "math",
];

/// The elements of SVG read here: shapes, which hold no text the HTML
/// parser would read otherwise.
const SVG_SHAPES: &[&str] = &[
    "path", "g", "circle", "rect", "line", "polyline", "polygon", "ellipse", "use", "defs",
    "symbol",
];

/// The value of the first attribute called `name` (ASCII case folded), as
/// written.
fn attribute<'a>(attributes: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
}

/// An open element: its tag name, its node, whether it is SVG.
struct Open<'a> {
    tag: &'a str,
    node: DomParsingNode,
    svg: bool,
}

/// The page read as lol_html reads it, or `None` when it is not regular
/// or the options are not ones this reading knows.
pub(super) fn read(html: &str, options: &SearchOptions) -> Option<DomParserResult> {
    if options.root_selector != "html" {
        return None;
    }
    let exclusions = options
        .exclude_selectors
        .iter()
        .map(|s| s.as_str())
        .chain(REMOVE_SELECTORS.iter().copied())
        .map(Exclusion::of)
        .collect::<Option<Vec<_>>>()?;
    if html.bytes().any(|b| b == b'\r' || b == 0) {
        return None;
    }
    Reader {
        html,
        at: 0,
        options,
        exclusions,
        data: DomParserData::default(),
        root: DomParsingNode::default(),
        open: Vec::new(),
        anchor_counter: 0,
        seen_html: false,
    }
    .read()
}

struct Reader<'a> {
    html: &'a str,
    at: usize,
    options: &'a SearchOptions,
    exclusions: Vec<Exclusion<'a>>,
    data: DomParserData,
    /// The node everything is handed up to, outside every element.
    root: DomParsingNode,
    /// The elements open, outermost (`<html>`) first.
    open: Vec<Open<'a>>,
    anchor_counter: usize,
    seen_html: bool,
}

impl<'a> Reader<'a> {
    fn read(mut self) -> Option<DomParserResult> {
        let bytes = self.html.as_bytes();
        while self.at < bytes.len() {
            let lt = bytes[self.at..]
                .iter()
                .position(|&b| b == b'<')
                .map_or(bytes.len(), |p| self.at + p);
            if lt > self.at {
                self.text(self.at, lt);
            }
            self.at = lt;
            if lt == bytes.len() {
                break;
            }
            match bytes.get(lt + 1) {
                Some(b'!') => self.markup_declaration()?,
                Some(b'/') => self.end_tag()?,
                Some(b) if b.is_ascii_alphabetic() => self.start_tag()?,
                _ => return None,
            }
        }
        if !self.open.is_empty() || !self.seen_html {
            return None;
        }
        Some(finish(self.data, &self.root))
    }

    /// Text from `from` to `to`: into the current node inside `<html>`,
    /// nowhere outside it, as lol_html's text handler on the root selector.
    fn text(&mut self, from: usize, to: usize) {
        if let Some(open) = self.open.last_mut() {
            add_text(&mut self.data, &mut open.node, &self.html[from..to]);
        }
    }

    /// `<!--…-->` or `<!DOCTYPE…>` (before `<html>`); anything else is not
    /// regular.
    fn markup_declaration(&mut self) -> Option<()> {
        let rest = &self.html[self.at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            if comment.starts_with('>') || comment.starts_with("->") {
                return None;
            }
            let end = comment.find("-->")?;
            self.at += 4 + end + 3;
            Some(())
        } else if rest.len() >= 9
            && rest.as_bytes()[..9].eq_ignore_ascii_case(b"<!doctype")
            && !self.seen_html
        {
            let end = rest.find('>')?;
            self.at += end + 1;
            Some(())
        } else {
            None
        }
    }

    fn end_tag(&mut self) -> Option<()> {
        let rest = &self.html[self.at + 2..];
        let name_len = rest
            .bytes()
            .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let after = rest[name_len..].trim_start_matches([' ', '\t', '\n', '\x0c']);
        if name.is_empty() || !after.starts_with('>') {
            return None;
        }
        self.at = self.html.len() - after.len() + 1;
        self.close(name)
    }

    /// The end of the innermost open element, which must be `name`.
    fn close(&mut self, name: &str) -> Option<()> {
        if self.open.last()?.tag != name {
            return None;
        }
        let mut closed = self.open.pop().expect("an element is open");
        let parent = match self.open.last_mut() {
            Some(open) => &mut open.node,
            None => &mut self.root,
        };
        close_element(&mut self.data, &mut closed.node, closed.tag, name, parent);
        Some(())
    }

    fn start_tag(&mut self) -> Option<()> {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut at = self.at + 1;
        let name_start = at;
        while at < bytes.len()
            && (bytes[at].is_ascii_lowercase() || bytes[at].is_ascii_digit() || bytes[at] == b'-')
        {
            at += 1;
        }
        let tag = &html[name_start..at];
        let mut attributes: Vec<(&str, &str)> = Vec::new();
        let self_closing;
        loop {
            let spaced = at;
            while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\x0c') {
                at += 1;
            }
            match bytes.get(at)? {
                b'>' => {
                    self_closing = false;
                    at += 1;
                    break;
                }
                b'/' if bytes.get(at + 1) == Some(&b'>') => {
                    self_closing = true;
                    at += 2;
                    break;
                }
                _ if at == spaced => return None,
                _ => {}
            }
            let name_start = at;
            while at < bytes.len()
                && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\x0c' | b'/' | b'>' | b'=')
            {
                if matches!(bytes[at], b'"' | b'\'' | b'<') {
                    return None;
                }
                at += 1;
            }
            let name = &html[name_start..at];
            if name.is_empty() {
                return None;
            }
            let mut after_name = at;
            while after_name < bytes.len()
                && matches!(bytes[after_name], b' ' | b'\t' | b'\n' | b'\x0c')
            {
                after_name += 1;
            }
            if bytes.get(after_name) != Some(&b'=') {
                attributes.push((name, ""));
                continue;
            }
            at = after_name + 1;
            while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\x0c') {
                at += 1;
            }
            let value = match bytes.get(at)? {
                quote @ (b'"' | b'\'') => {
                    let end = at + 1 + bytes[at + 1..].iter().position(|b| b == quote)?;
                    let value = &html[at + 1..end];
                    at = end + 1;
                    value
                }
                b'>' => return None,
                _ => {
                    let start = at;
                    while at < bytes.len()
                        && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\x0c' | b'>')
                    {
                        if matches!(bytes[at], b'"' | b'\'' | b'<' | b'=' | b'`') {
                            return None;
                        }
                        at += 1;
                    }
                    &html[start..at]
                }
            };
            attributes.push((name, value));
        }
        self.at = at;
        self.element(tag, &attributes, self_closing)
    }

    /// An element's start tag, as lol_html's handlers take it, in their
    /// order: `html`, the root selector's, the exclusions', `script, link`.
    fn element(&mut self, tag: &'a str, attributes: &[(&str, &str)], self_closing: bool) -> Option<()> {
        let in_svg = self.open.last().is_some_and(|open| open.svg);
        let svg = in_svg || tag == "svg";
        let void = if svg {
            if in_svg && !SVG_SHAPES.contains(&tag) {
                return None;
            }
            self_closing
        } else {
            if SPECIAL.contains(&tag) || self_closing && !VOID.contains(&tag) {
                return None;
            }
            VOID.contains(&tag)
        };
        if tag == "html" {
            if self.seen_html || !self.open.is_empty() {
                return None;
            }
            self.seen_html = true;
            html_element(&mut self.data, attribute(attributes, "lang").map(str::to_owned));
        } else if self.open.is_empty() {
            return None;
        }

        let value = |name: &str| attribute(attributes, name).map(str::to_owned);
        let parent = match self.open.last_mut() {
            Some(open) => &mut open.node,
            None => &mut self.root,
        };
        let node = open_element(
            &mut self.data,
            parent,
            &mut self.anchor_counter,
            tag,
            &value,
            self.options,
        );
        let excluded =
            tag != "html" && self.exclusions.iter().any(|e| e.matches(tag, attributes));
        if void {
            close_void_element(&mut self.data, &node, tag, &value);
            if excluded {
                // lol_html's exclusion handler runs after the node of a
                // void element is done: it marks the current node, the
                // parent.
                exclude(parent);
            }
        } else {
            let mut node = node;
            if excluded {
                exclude(&mut node);
            }
            self.open.push(Open { tag, node, svg });
        }
        if tag == "script" || tag == "link" {
            script_or_link(&mut self.data, tag, &value);
        }
        if !void && RAW_TEXT.contains(&tag) && !svg {
            self.raw_text(tag)?;
        }
        Some(())
    }

    /// The content of a `<script>`, `<style>` or `<title>` up to its end
    /// tag, written `</tag>`, as text; then the end tag.
    fn raw_text(&mut self, tag: &str) -> Option<()> {
        let rest = &self.html[self.at..];
        let end = rest.find("</")?;
        let content = &rest[..end];
        let closing = &rest[end + 2..];
        if !closing.starts_with(tag)
            || !closing[tag.len()..].starts_with('>')
            || content.contains("<!--")
        {
            return None;
        }
        if !content.is_empty() {
            self.text(self.at, self.at + end);
        }
        self.at += end + 2 + tag.len() + 1;
        self.close(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fossick::parser::DomParser;

    fn options(exclusions: &[&str]) -> SearchOptions {
        use clap::CommandFactory;
        let mut args = vec!["pagefind", "--source", "not_important"];
        for exclusion in exclusions {
            args.push("--exclude-selectors");
            args.push(exclusion);
        }
        let config_args = vec![twelf::Layer::Clap(
            crate::PagefindInboundConfig::command().get_matches_from(args),
        )];
        SearchOptions::load(crate::PagefindInboundConfig::with_layers(&config_args).unwrap())
            .unwrap()
    }

    fn by_lol_html(html: &str, options: &SearchOptions) -> DomParserResult {
        let mut parser = DomParser::new(options);
        parser.write(html.as_bytes()).unwrap();
        parser.wrap()
    }

    /// Read both ways: `Some` with lol_html's reading when the document
    /// is regular (and then both readings agree), `None` when it is not.
    fn compare(html: &str, exclusions: &[&str]) -> Option<DomParserResult> {
        let options = options(exclusions);
        let regular = read(html, &options)?;
        let reference = by_lol_html(html, &options);
        assert_eq!(regular, reference, "read differently: {html}");
        Some(reference)
    }

    /// What Gazette leaves out of its pages' text (`search::NOT_TEXT`).
    const GAZETTE: &[&str] = &[".table-wrap", ".footnote-ref", ".footnote-back"];

    #[test]
    fn gazette_pages_are_regular_and_read_as_lol_html_reads_them() {
        // Whole pages of Gazette's example site (head, header with its
        // icons and search form, article with blocks, table and notes,
        // footer), as its default theme writes them.
        for page in [
            include_str!("regular_pages/accord-teletravail-signe.html"),
            include_str!("regular_pages/bilan-social-2025.html"),
            include_str!("regular_pages/binome-mentorat.html"),
        ] {
            let read = compare(page, GAZETTE).expect("a Gazette page is regular");
            assert!(read.has_custom_body && read.digest.len() > 1000);
        }
    }

    #[test]
    fn regular_documents_read_as_lol_html_reads_them() {
        let documents = [
            // pagefind's own parser examples
            "<p>Weight one</p><p data-pagefind-weight='2'>Weight two</p>",
            "<p>Sentence one</p><br id='break' /><p id='pid'>Sentence two</p>",
            "<section id='usage' data-pagefind-title='Installation &amp; Usage'><h2>Installation and usage</h2></section>",
            "<p>Sentences should have periods</p><p>Unless one exists.</p><div>Or it ends with punctuation:</div><article>Except for 'quotes'</article>",
            "<p>Inline tags like <span>span</span> and <b>bold</b> shouldn't have periods</p><p>And should n<i>o</i>t add any space.</p>",
            "<p>Elements like:</p><form>Should <b>not</b> be indexed</form><p>forms</p><div> As well as <div data-pagefind-ignore=''>Manually ignored <p>Elements</p></div>*crickets*</div>",
            "<h1>Hello World</h1><img src='/cat.png?width=400&amp;format=webp' alt='Cat &amp; dog'>",
            "<img data-pagefind-meta='cat[src], cat-alt[alt]' src='/cat.png' alt='cat pic'><h1 class='why?' data-pagefind-meta='headline, classname[class]'>Hello World</h1><div data-pagefind-meta='self[data-pagefind-meta], type:post'></div>",
            // exclusions: an element, and a void one, which lol_html's
            // handler order makes ignore its parent
            "<p>Kept <span class='ad'>dropped</span> kept</p>",
            "<p>Dropped with <input class='ad'> its parent</p><p>Kept</p>",
            "<div data-pagefind-ignore='all'><nav>n</nav><h2 id='x' data-pagefind-meta='m'>gone</h2></div><p>after</p>",
            "<div data-pagefind-ignore='index' data-pagefind-filter='f:v'>ignored</div>",
            "<div data-pagefind-ignore='sometimes'>invalid</div>",
            // anchors, inline and nested
            "<h2 id='a b'>Title <em id='c'>inner <b>deep</b></em></h2><p id='d'>para <a href='#' id='e'>link</a></p>",
            // filters, sort keys, metadata, attributes indexed
            "<span data-pagefind-filter='author'>Ann</span><span data-pagefind-filter='tag:x, tag:y'></span><span data-pagefind-sort='date:2024'></span><p data-pagefind-default-meta='image:/a.png'>x</p><img alt='An alt' data-pagefind-index-attrs='alt, title' title='T'>",
            // SVG shapes, self-closing and not
            "<p>icon <svg viewBox='0 0 24 24' aria-hidden=true><g><path d='M0 0'/></g><circle r=2></circle></svg> text</p>",
            // attribute forms
            "<p class = \"a\" hidden data-x=plain data-y='&quot;' id=\"first\" id=\"second\">v</p>",
            // several bodies, text around them
            "<p>out</p><div data-pagefind-body>one</div><p>out</p><div data-pagefind-body>two</div>",
            // comments, entities, white space
            "<p>a<!-- c --> b &amp; c&nbsp;d\n\t e</p><!---->",
        ];
        for body in documents {
            let html = format!("<!DOCTYPE html>\n<html lang=\"fr\"><head><title>A &amp; B</title><meta charset=\"utf-8\"><script>var a = 1 < 2;</script><style>p > b {{}}</style><link rel=stylesheet href=/_pagefind/x.css></head>\n<body>{body}</body>\n</html>\n");
            compare(&html, &[".ad"]).unwrap_or_else(|| panic!("regular: {html}"));
        }
    }

    #[test]
    fn made_up_documents_never_panic_and_read_alike_when_regular() {
        // Random trees of elements (attributes of every kind Gazette's
        // reading looks at), text with entities and multibyte characters,
        // void elements, comments, raw text, SVG; one time in four a stray
        // piece of markup somewhere. The reading never panics, and whenever
        // it takes a document as regular, it reads it as lol_html does.
        const ELEMENTS: &[&str] = &[
            "p", "div", "span", "h1", "h2", "h3", "li", "ul", "a", "em", "b", "nav", "form",
            "section", "article", "td", "label", "footer", "table", "tr",
        ];
        const ATTRIBUTES: &[&str] = &[
            "", " id=\"x y\"", " id=z", " class=\"ad\"", " class='a ad b'",
            " data-pagefind-body", " data-pagefind-ignore", " data-pagefind-ignore=\"all\"",
            " data-pagefind-weight=\"3\"", " data-pagefind-meta=\"m\"",
            " data-pagefind-meta=\"k:v, h[id]\"", " data-pagefind-filter=\"f\"",
            " data-pagefind-sort=\"s:1\"", " data-pagefind-index-attrs=\"title\" title=\"T\"",
            " data-pagefind-title=\"Un titre\"", " hidden", " data-x = 'é'",
        ];
        const TEXTS: &[&str] = &[
            "mot", " ", "\n", "Café, été.", "€ &amp; &lt;", "&nbsp;", "Fin ?", "a\tb", "'q'",
        ];
        const OTHERS: &[&str] = &[
            "<br>", "<img src=/i.png alt='Une image'>", "<input class=ad>", "<!-- note -->",
            "<svg viewBox='0 0 2 2'><path d='M0 0'/><g></g></svg>", "<hr/>",
        ];
        const STRAY: &[&str] = &["<", "</p>", "<P>", "<!é", "<div/>", "<a b=\"1\"c>", "\r", "<textarea>"];
        let options = options(&[".ad"]);
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        fn tree(html: &mut String, depth: usize, next: &mut dyn FnMut(usize) -> usize) {
            for _ in 0..next(4) {
                match next(4) {
                    0 if depth < 5 => {
                        let tag = ELEMENTS[next(ELEMENTS.len())];
                        html.push_str(&format!("<{tag}{}>", ATTRIBUTES[next(ATTRIBUTES.len())]));
                        tree(html, depth + 1, next);
                        html.push_str(&format!("</{tag}>"));
                    }
                    1 => html.push_str(OTHERS[next(OTHERS.len())]),
                    _ => html.push_str(TEXTS[next(TEXTS.len())]),
                }
            }
        }
        let mut regular = 0;
        for _ in 0..5_000 {
            let mut html = String::from("<!doctype html>\n<html lang=\"fr\"><head><title>T &amp; t</title><script>if (a < b) {}</script></head>");
            html.push_str("<body>");
            tree(&mut html, 0, &mut next);
            html.push_str("</body></html>\n");
            if next(4) == 0 {
                let at = next(html.len());
                if html.is_char_boundary(at) {
                    html.insert_str(at, STRAY[next(STRAY.len())]);
                }
            }
            if let Some(read) = read(&html, &options) {
                regular += 1;
                assert_eq!(read, by_lol_html(&html, &options), "read differently: {html:?}");
            }
        }
        assert!(regular > 3_000, "{regular} regular documents");
    }

    #[test]
    fn other_documents_are_left_to_lol_html() {
        let options = options(GAZETTE);
        let irregular = [
            // unclosed or misnested elements, stray end tags
            "<html><body><p>open</body></html>",
            "<html><body><b><i>x</b></i></body></html>",
            "<html><body></p></body></html>",
            "<html><body><div/></body></html>",
            // what the HTML parser reads its own way
            "<html><body><DIV>x</DIV></body></html>",
            "<html><body><p>a\r\nb</p></body></html>",
            "<html><body><![CDATA[x]]></body></html>",
            "<html><body><template><p>x</p></template></body></html>",
            "<html><body><textarea><p>x</textarea></body></html>",
            "<html><body><noscript><p>x</p></noscript></body></html>",
            "<html><body><svg><title>t</title></svg></body></html>",
            "<html><body><svg><p>x</p></svg></body></html>",
            "<html><head><script>document.write('</div>')</script></head></html>",
            "<html><head><script><!-- x --></script></head></html>",
            "<html><body><p>1 < 2</p></body></html>",
            "<html><body><p a=\"1\"b=\"2\">x</p></body></html>",
            "<html><body><p a=b\"c>x</p></body></html>",
            "<html><body><p><!-->x</p></body></html>",
            "<?xml version=\"1.0\"?><html></html>",
            "<!éééé><html></html>",
            // no html element, or content outside it
            "<body><p>x</p></body>",
            "<p>x</p><html></html>",
            "<html></html><p>x</p>",
            "<html></html><html></html>",
            "<html><body><p>unfinished",
        ];
        for html in irregular {
            assert!(read(html, &options).is_none(), "not regular: {html}");
        }
        // options this reading does not know
        let html = "<html><body><p class='a b'>x</p></body></html>";
        assert!(read(html, &options).is_some());
        assert!(read(html, &self::options(&["p > b"])).is_none());
        assert!(read(html, &self::options(&["[data-x]"])).is_none());
    }
}
