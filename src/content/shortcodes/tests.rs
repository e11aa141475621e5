//! The parser's behaviour, through [`parse`]: forms, what is code, errors
//! and their recovery, messages, and robustness on odd inputs. The tests
//! hold the invariants of the module documentation (segments cover the body
//! in order, spans on character boundaries) on every body they parse.

use super::lines::split_lines;
use super::scanner::Scanner;
use super::*;
use crate::diagnostics::Code;
use crate::language::Language;

#[test]
fn a_body_without_shortcode_skips_the_scan_with_the_same_result() {
    for body in [
        "",
        "Un paragraphe.\n",
        "Des { accolades } et un % seul, `{ code }`.\n\n```\n{ x }\n```\n",
        "Fin sur une accolade {",
    ] {
        assert!(!has_tag_opener(body), "{body:?}");
        let lines = split_lines(body);
        let scanned = Scanner {
            body,
            lines: &lines,
            tags: Vec::new(),
        }
        .run();
        assert!(scanned.is_empty(), "{body:?}");
        let (segments, errors) = parse(body);
        assert!(errors.is_empty());
        match segments.as_slice() {
            [] => assert!(body.is_empty()),
            [Segment::Markdown(r)] => assert_eq!(*r, 0..body.len()),
            other => panic!("{other:?}"),
        }
    }
    for body in ["{{ chiffre() }}\n", "a {% b", "x{{"] {
        assert!(has_tag_opener(body), "{body:?}");
    }
}

// -- helpers ------------------------------------------------------------

/// Parses and checks the invariants every result must keep: segments
/// cover the body in order without overlap or empty Markdown, every span
/// is inside the body on character boundaries.
fn check(body: &str) -> (Vec<Segment>, Vec<ShortcodeError>) {
    let (segments, errors) = parse(body);
    let slice_ok = |r: &Range<usize>| r.start <= r.end && body.get(r.clone()).is_some();
    let mut pos = 0;
    let mut previous_markdown = false;
    for segment in &segments {
        let range = match segment {
            Segment::Markdown(range) => {
                assert!(
                    !previous_markdown,
                    "two Markdown segments in a row: {body:?}"
                );
                assert!(!range.is_empty(), "empty Markdown segment: {body:?}");
                previous_markdown = true;
                range.clone()
            }
            Segment::Shortcode(sc) => {
                previous_markdown = false;
                for r in [&sc.name_span, &sc.span] {
                    assert!(slice_ok(r));
                }
                assert_eq!(&body[sc.name_span.clone()], sc.name);
                assert!(sc.span.start < sc.name_span.start && sc.name_span.end < sc.span.end);
                for arg in &sc.args {
                    assert!(slice_ok(&arg.name_span) && slice_ok(&arg.value_span));
                    assert_eq!(&body[arg.name_span.clone()], arg.name);
                    assert!(sc.span.start < arg.name_span.start);
                    assert!(arg.value_span.end < sc.span.end);
                }
                if let Some(inner) = &sc.body {
                    assert!(slice_ok(inner));
                    assert!(sc.span.start < inner.start && inner.end < sc.span.end);
                    assert!(body[sc.span.start..inner.start].ends_with('\n'));
                    assert!(body[inner.end..sc.span.end].trim_start().starts_with("{%"));
                    assert!(body[sc.span.clone()].ends_with("%}"));
                } else {
                    assert!(body[sc.span.clone()].ends_with("}}"));
                }
                assert!(body[sc.span.clone()].starts_with('{'));
                sc.span.clone()
            }
        };
        assert_eq!(range.start, pos, "segments not contiguous: {body:?}");
        assert!(slice_ok(&range));
        pos = range.end;
    }
    assert_eq!(pos, body.len(), "segments do not reach the end: {body:?}");
    for error in &errors {
        assert!(
            slice_ok(&error.span),
            "bad error span {error:?} in {body:?}"
        );
        for lang in [Language::Fr, Language::En] {
            assert!(!error.message(lang).is_empty());
            assert!(!error.help(lang).is_empty());
        }
        assert!(error.code().as_str().starts_with("shortcode-"));
    }
    (segments, errors)
}

fn shortcodes(segments: &[Segment]) -> Vec<&Shortcode> {
    segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Shortcode(sc) => Some(sc),
            Segment::Markdown(_) => None,
        })
        .collect()
}

/// Parses a body that must have no error; returns its shortcodes.
fn ok(body: &str) -> Vec<Shortcode> {
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![], "unexpected errors in {body:?}");
    shortcodes(&segments).into_iter().cloned().collect()
}

/// The names of the shortcodes of an error-free body.
fn names(body: &str) -> Vec<String> {
    ok(body).into_iter().map(|sc| sc.name).collect()
}

/// Segments as readable strings: `md:<text>` or `sc:<shortcode text>`.
fn describe(body: &str, segments: &[Segment]) -> Vec<String> {
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Markdown(r) => format!("md:{}", &body[r.clone()]),
            Segment::Shortcode(sc) => format!("sc:{}", &body[sc.span.clone()]),
        })
        .collect()
}

/// The only error of a body: (sliced span, code, French message).
fn only_error(body: &str) -> (String, Code, String) {
    let (_, errors) = check(body);
    assert_eq!(
        errors.len(),
        1,
        "expected one error in {body:?}: {errors:?}"
    );
    let error = &errors[0];
    (
        body[error.span.clone()].to_string(),
        error.code(),
        error.message(Language::Fr),
    )
}

fn malformed(body: &str) -> (String, Malformed) {
    let (_, errors) = check(body);
    assert_eq!(
        errors.len(),
        1,
        "expected one error in {body:?}: {errors:?}"
    );
    match &errors[0].kind {
        ShortcodeErrorKind::Malformed(why) => {
            (body[errors[0].span.clone()].to_string(), why.clone())
        }
        other => panic!("not malformed: {other:?}"),
    }
}

fn text(value: &str) -> ArgValue {
    ArgValue::Str(value.to_string())
}

// -- forms ----------------------------------------------------------------

#[test]
fn empty_body_has_no_segment() {
    assert_eq!(parse(""), (vec![], vec![]));
}

#[test]
fn body_without_shortcodes_is_one_markdown_segment() {
    let body = "# Titre\n\nUn paragraphe { avec } des accolades.\n";
    assert_eq!(
        parse(body),
        (vec![Segment::Markdown(0..body.len())], vec![])
    );
}

#[test]
fn inline_forms() {
    let body = "Intro.\n\n{{ interview() }}\n{{ interview(questions=\"2-3\") }}\n\
                {{ testimonials(id=\"volontaires\") }}\n{{ quote(id=\"sens\") }}\n";
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![]);
    assert_eq!(
        describe(body, &segments),
        [
            "md:Intro.\n\n",
            "sc:{{ interview() }}",
            "md:\n",
            "sc:{{ interview(questions=\"2-3\") }}",
            "md:\n",
            "sc:{{ testimonials(id=\"volontaires\") }}",
            "md:\n",
            "sc:{{ quote(id=\"sens\") }}",
            "md:\n",
        ]
    );
    let all = shortcodes(&segments);
    assert_eq!(
        *all[0],
        Shortcode {
            name: "interview".to_string(),
            name_span: 11..20,
            args: vec![],
            span: 8..25,
            body: None,
        }
    );
    let questions = all[1].arg("questions").unwrap();
    assert_eq!(questions.value, text("2-3"));
    assert_eq!(&body[questions.name_span.clone()], "questions");
    assert_eq!(&body[questions.value_span.clone()], "\"2-3\"");
    assert_eq!(all[1].arg("id"), None);
    assert!(!all[1].is_block());
    assert_eq!(all[2].name, "testimonials");
    assert_eq!(all[2].arg("id").unwrap().value, text("volontaires"));
    assert_eq!(all[3].name, "quote");
    assert_eq!(all[3].arg("id").unwrap().value, text("sens"));
}

#[test]
fn block_form() {
    let body = "Avant.\n{% aside(title=\"À savoir\") %}\nA boxed note with **Markdown** inside,\n\
                over several lines.\n{% end %}\nAprès.";
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![]);
    assert_eq!(
        describe(body, &segments),
        [
            "md:Avant.\n",
            "sc:{% aside(title=\"À savoir\") %}\nA boxed note with **Markdown** inside,\n\
             over several lines.\n{% end %}",
            "md:\nAprès.",
        ]
    );
    let aside = shortcodes(&segments)[0];
    assert!(aside.is_block());
    assert_eq!(aside.name, "aside");
    assert_eq!(&body[aside.name_span.clone()], "aside");
    assert_eq!(
        &body[aside.body.clone().unwrap()],
        "A boxed note with **Markdown** inside,\nover several lines.\n"
    );
    let title = aside.arg("title").unwrap();
    assert_eq!(title.value, text("À savoir"));
    assert_eq!(&body[title.value_span.clone()], "\"À savoir\"");
}

#[test]
fn block_with_empty_body_and_indented_end() {
    let body = "{% aside() %}\n  {% end %}  \n";
    let all = ok(body);
    assert_eq!(all[0].span, 0..25);
    assert_eq!(all[0].body, Some(14..14));
    let (segments, _) = check(body);
    assert_eq!(
        describe(body, &segments),
        ["sc:{% aside() %}\n  {% end %}", "md:  \n"]
    );
}

#[test]
fn arguments_of_every_type() {
    let body = "{{ x( s = \"a \\\"b\\\" \\\\ c\\d\" , t='l\\'été \"ok\"', i=-42, big=9223372036854775807, \
                f=2.5, e=1e3, neg=-0.25, yes=true, no=false, ) }}";
    let all = ok(body);
    let args: Vec<(&str, &ArgValue, &str)> = all[0]
        .args
        .iter()
        .map(|a| (a.name.as_str(), &a.value, &body[a.value_span.clone()]))
        .collect();
    assert_eq!(
        args,
        [
            ("s", &text("a \"b\" \\ c\\d"), "\"a \\\"b\\\" \\\\ c\\d\""),
            ("t", &text("l'été \"ok\""), "'l\\'été \"ok\"'"),
            ("i", &ArgValue::Int(-42), "-42"),
            ("big", &ArgValue::Int(i64::MAX), "9223372036854775807"),
            ("f", &ArgValue::Float(2.5), "2.5"),
            ("e", &ArgValue::Float(1000.0), "1e3"),
            ("neg", &ArgValue::Float(-0.25), "-0.25"),
            ("yes", &ArgValue::Bool(true), "true"),
            ("no", &ArgValue::Bool(false), "false"),
        ]
    );
}

#[test]
fn names_and_spacing() {
    assert_eq!(names("{{interview()}}"), ["interview"]);
    assert_eq!(names("{{ interview( ) }}"), ["interview"]);
    assert_eq!(names("{{\tmy-block_2 (\tk_1-x = 1\t) }}"), ["my-block_2"]);
    assert_eq!(names("{{ _x() }}"), ["_x"]);
    assert_eq!(names("{%aside()%}\nx\n{%end%}"), ["aside"]);
    assert_eq!(names("{% aside ( ) %}\nx\n{%   end   %}\n"), ["aside"]);
    // `end…` is an ordinary name when it is longer than `end`.
    assert_eq!(names("{% endnote() %}\nx\n{% end %}"), ["endnote"]);
}

#[test]
fn indentation_up_to_three_spaces_and_trailing_spaces() {
    let body = "   {{ quote(id=\"a\") }}   \nTexte\n {% aside() %}\t\nx\n  {% end %} \n";
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![]);
    assert_eq!(
        describe(body, &segments),
        [
            "md:   ",
            "sc:{{ quote(id=\"a\") }}",
            "md:   \nTexte\n ",
            "sc:{% aside() %}\t\nx\n  {% end %}",
            "md: \n",
        ]
    );
}

#[test]
fn four_spaces_or_a_tab_is_not_a_shortcode() {
    // Indented code at the start and after a blank line.
    assert_eq!(names("    {{ quote() }}\n"), Vec::<String>::new());
    assert_eq!(names("Texte\n\n    {{ quote() }}\n\n{{ a() }}\n"), ["a"]);
    assert_eq!(names("\t{{ quote() }}\n"), Vec::<String>::new());
    assert_eq!(names("  \t{{ quote() }}\n"), Vec::<String>::new());
    // A paragraph continuation indented by 4 is text as well.
    assert_eq!(names("Texte\n    {{ quote() }}\n"), Vec::<String>::new());
    // Indented code goes on over blank lines and stops at a line
    // indented less.
    assert_eq!(
        names("{{ a() }}\n\n    {{ b() }}\n\n\tc\n{{ c() }}\n"),
        ["a", "c"]
    );
}

#[test]
fn crlf_line_ends() {
    let body = "Intro\r\n{{ quote(id=\"sens\") }}\r\n{% aside(title=\"À savoir\") %}\r\n\
                Corps\r\n\r\n{% end %}\r\nFin\r\n";
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![]);
    assert_eq!(
        describe(body, &segments),
        [
            "md:Intro\r\n",
            "sc:{{ quote(id=\"sens\") }}",
            "md:\r\n",
            "sc:{% aside(title=\"À savoir\") %}\r\nCorps\r\n\r\n{% end %}",
            "md:\r\nFin\r\n",
        ]
    );
    let aside = shortcodes(&segments)[1];
    assert_eq!(&body[aside.body.clone().unwrap()], "Corps\r\n\r\n");
}

#[test]
fn crlf_in_code_and_errors() {
    let body = "```\r\n{{ a() }}\r\n```\r\n{{ b(x=1) }}\r\n{{ c(id=y) }}\r\n{% d() %}\r\n";
    let (segments, errors) = check(body);
    assert_eq!(
        shortcodes(&segments)
            .iter()
            .map(|sc| sc.name.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
    assert_eq!(spans, ["y", "{% d() %}"]);
}

#[test]
fn multibyte_text_and_arguments() {
    let body = "Été 2024 : « Œuvres » 🎉\n\
                {{ quote(titre=\"Ça va ? 🎉 « oui »\", id='çà') }}\n\
                Fin — 😀\n";
    let all = ok(body);
    let quote = &all[0];
    assert_eq!(
        &body[quote.span.clone()],
        "{{ quote(titre=\"Ça va ? 🎉 « oui »\", id='çà') }}"
    );
    assert_eq!(&body[quote.name_span.clone()], "quote");
    let titre = quote.arg("titre").unwrap();
    assert_eq!(titre.value, text("Ça va ? 🎉 « oui »"));
    assert_eq!(&body[titre.value_span.clone()], "\"Ça va ? 🎉 « oui »\"");
    let id = quote.arg("id").unwrap();
    assert_eq!(&body[id.name_span.clone()], "id");
    assert_eq!(&body[id.value_span.clone()], "'çà'");
    assert_eq!(id.value, text("çà"));
}

// -- code is text ------------------------------------------------------------

#[test]
fn fenced_code_blocks_are_text() {
    let body = "Avant\n```md\n{{ quote(id=\"sens\") }}\n{% aside() %}\n```\n\
                ~~~~\n{{ quote() }}\n~~~\n```\nstill code\n~~~~~\n\
                {{ quote(id=\"après\") }}\n";
    let all = ok(body);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].arg("id").unwrap().value, text("après"));
}

#[test]
fn fence_rules() {
    // Up to 3 spaces of indentation, closing fence at least as long.
    assert_eq!(names("   ```\n{{ a() }}\n  ````  \n{{ b() }}\n"), ["b"]);
    assert_eq!(
        names("````\n{{ a() }}\n```\n{{ b() }}\n````\n{{ c() }}"),
        ["c"]
    );
    // A closing fence with text after it does not close.
    assert_eq!(
        names("```\n{{ a() }}\n``` x\n{{ b() }}\n```\n{{ c() }}"),
        ["c"]
    );
    // Four spaces: indented code, not a fence.
    assert_eq!(names("\n    ```\n{{ y() }}\n"), ["y"]);
    // Two characters are not a fence.
    assert_eq!(names("``\n{{ y() }}\n"), ["y"]);
    // A backtick fence cannot have a backtick in its info string.
    assert_eq!(names("``` a`b\n{{ y() }}\n"), ["y"]);
    // A tilde fence can.
    assert_eq!(names("~~~ a`b\n{{ y() }}\n"), Vec::<String>::new());
    // A fence interrupts a paragraph.
    assert_eq!(names("Texte\n```\n{{ y() }}\n```\n"), Vec::<String>::new());
}

#[test]
fn unclosed_fence_runs_to_the_end() {
    let body = "{{ a() }}\n```\n{{ quote() }}\n{% end %}\n{{ cassé\n";
    assert_eq!(names(body), ["a"]);
}

#[test]
fn fence_in_a_list_item() {
    assert_eq!(names("- ```\n  {{ x() }}\n  ```\n{{ y() }}\n"), ["y"]);
    assert_eq!(names("1. ~~~\n   {{ x() }}\n   ~~~\n{{ y() }}\n"), ["y"]);
    // A line indented less than the item's content ends the item, and so
    // the fence.
    assert_eq!(names("- ```\n  {{ x() }}\n{{ y() }}\n"), ["y"]);
    // Blank lines do not.
    assert_eq!(names("- ```\n\n  {{ x() }}\n  ```\n"), Vec::<String>::new());
}

#[test]
fn end_tag_inside_a_fence_of_a_block_body_is_text() {
    let body = "{% aside() %}\n```\n{% end %}\n```\n{% end %}\n";
    let all = ok(body);
    assert_eq!(&body[all[0].body.clone().unwrap()], "```\n{% end %}\n```\n");
}

#[test]
fn multi_line_code_spans_are_text() {
    // Opened on an earlier line of the paragraph, closed after.
    assert_eq!(
        names("Le code `début\n{{ quote() }}\nfin` continue.\n"),
        Vec::<String>::new()
    );
    // A run of 2 closes only with a run of exactly 2.
    assert_eq!(
        names("Deux ``a ` b\n{{ quote() }}\nc```d``\n"),
        Vec::<String>::new()
    );
    // On a single line.
    assert_eq!(
        names("Écrivez `{{ quote() }}` pour citer.\n"),
        Vec::<String>::new()
    );
    // A `{% end %}` inside a code span does not close the block.
    let body = "{% aside() %}\nvoir `a\n{% end %}\nb`\n{% end %}\n";
    assert_eq!(
        &body[ok(body)[0].body.clone().unwrap()],
        "voir `a\n{% end %}\nb`\n"
    );
}

#[test]
fn unmatched_backticks_do_not_hide_shortcodes() {
    // A backtick with no closer is literal.
    assert_eq!(names("Un accent grave ` seul\n{{ quote() }}\n"), ["quote"]);
    // A span closed on its own line.
    assert_eq!(names("a `b` c\n{{ quote() }}\n"), ["quote"]);
    // A run of 2 with only single backticks after it.
    assert_eq!(names("Deux ``a\n{{ quote() }}\nc`\n"), ["quote"]);
    // A span cannot cross a blank line.
    assert_eq!(names("a `b\n\n{{ quote() }}\nc`\n"), ["quote"]);
    // A span cannot cross a heading.
    assert_eq!(names("# Titre `\n{{ quote() }}\nsuite `\n"), ["quote"]);
    // An escaped backtick opens nothing.
    assert_eq!(names("a \\`b\n{{ quote() }}\nc`\n"), ["quote"]);
    // But an escaped backslash does not escape the backtick.
    assert_eq!(names("a \\\\`b\n{{ quote() }}\nc`\n"), Vec::<String>::new());
    // Backticks on a shortcode line open nothing.
    assert_eq!(
        names("{{ quote(id=\"`\") }}\n{{ quote(id=\"x\") }}\nfin `\n"),
        ["quote", "quote"]
    );
}

#[test]
fn html_comments_and_raw_html_are_text() {
    assert_eq!(
        names("<!--\n{{ quote() }}\n-->\n{{ quote(id=\"x\") }}\n"),
        ["quote"]
    );
    assert_eq!(names("<!-- une ligne -->\n{{ a() }}\n"), ["a"]);
    assert_eq!(
        names("<PRE class=\"x\">\n{{ a() }}\n</pre>\n{{ b() }}\n"),
        ["b"]
    );
    assert_eq!(names("Texte\n<!--\n{{ a() }}\n-->\n{{ b() }}\n"), ["b"]);
}

#[test]
fn other_blocks_are_not_shortcodes() {
    assert_eq!(
        names("> {{ quote() }}\n- {{ quote() }}\nTexte {{ quote() }}\n# {{ quote() }}\n"),
        Vec::<String>::new()
    );
    // A setext underline belongs to its heading.
    assert_eq!(names("Titre\n===\n{{ a() }}\n---\n{{ b() }}"), ["a", "b"]);
}

// -- blocks ---------------------------------------------------------------

#[test]
fn shortcodes_inside_a_block_body_are_not_parsed() {
    let body = "{% aside() %}\n{{ quote(id=\"sens\") }}\n{{ cassé\n{% end %}\n";
    let all = ok(body);
    assert_eq!(all.len(), 1);
    assert_eq!(
        &body[all[0].body.clone().unwrap()],
        "{{ quote(id=\"sens\") }}\n{{ cassé\n"
    );
}

#[test]
fn consecutive_blocks() {
    let body = "{% a() %}\nx\n{% end %}\n{% b(n=1) %}\ny\n{% end %}";
    let (segments, errors) = check(body);
    assert_eq!(errors, vec![]);
    assert_eq!(
        describe(body, &segments),
        [
            "sc:{% a() %}\nx\n{% end %}",
            "md:\n",
            "sc:{% b(n=1) %}\ny\n{% end %}"
        ]
    );
}

// -- errors ---------------------------------------------------------------

#[test]
fn malformed_names() {
    assert_eq!(
        malformed("{{ }}"),
        ("}".to_string(), Malformed::ExpectedName)
    );
    assert_eq!(
        malformed("{% -x() %}"),
        ("-".to_string(), Malformed::ExpectedName)
    );
    assert_eq!(
        malformed("{{ Quote() }}"),
        ("Q".to_string(), Malformed::InvalidName)
    );
    assert_eq!(
        malformed("{{ 2x() }}"),
        ("2".to_string(), Malformed::InvalidName)
    );
    assert_eq!(
        malformed("{{ citation_é() }}"),
        ("é".to_string(), Malformed::InvalidName)
    );
    assert_eq!(
        malformed("{{ Bonjour }}"),
        ("B".to_string(), Malformed::InvalidName)
    );
    assert_eq!(
        malformed("{{ interview }}"),
        ("}".to_string(), Malformed::ExpectedOpenParen)
    );
    assert_eq!(
        malformed("{% aside %}\nx\n{% end %}"),
        ("%".to_string(), Malformed::ExpectedOpenParen)
    );
    assert_eq!(malformed("{{ quote.x() }}").1, Malformed::ExpectedOpenParen);
}

#[test]
fn missing_things_at_the_end_of_the_line() {
    // An empty span just after the last non-blank character.
    let body = "Texte\n{{   \nSuite";
    let (_, errors) = check(body);
    assert_eq!(
        errors,
        [ShortcodeError {
            span: 8..8,
            kind: ShortcodeErrorKind::Malformed(Malformed::ExpectedName),
        }]
    );
    let body = "{{ quote(id=\"sens\"  \r\n";
    let (_, errors) = check(body);
    assert_eq!(errors[0].span, 18..18);
    assert_eq!(
        errors[0].kind,
        ShortcodeErrorKind::Malformed(Malformed::ExpectedCloseParen)
    );
    let (_, errors) = check("{{ quote()");
    assert_eq!(errors[0].span, 10..10);
    assert_eq!(
        errors[0].kind,
        ShortcodeErrorKind::Malformed(Malformed::ExpectedClose { delimiter: "}}" })
    );
}

#[test]
fn malformed_arguments() {
    let cases: Vec<(&str, &str, Malformed)> = vec![
        ("{{ quote(,) }}", ",", Malformed::ExpectedArgumentName),
        (
            "{{ quote(id=\"x\",,) }}",
            ",",
            Malformed::ExpectedArgumentName,
        ),
        ("{{ quote(Id=\"x\") }}", "I", Malformed::InvalidArgumentName),
        (
            "{{ quote(légende=\"x\") }}",
            "é",
            Malformed::InvalidArgumentName,
        ),
        ("{{ quote(\"sens\") }}", "\"", Malformed::PositionalArgument),
        ("{{ quote(3) }}", "3", Malformed::PositionalArgument),
        ("{{ quote(id: \"sens\") }}", ":", Malformed::ExpectedEquals),
        ("{{ quote(id) }}", ")", Malformed::ExpectedEquals),
        ("{{ quote(id=) }}", ")", Malformed::ExpectedValue),
        ("{{ quote(id= , x=1) }}", ",", Malformed::ExpectedValue),
        ("{{ quote(id=}}", "}", Malformed::ExpectedValue),
        ("{{ quote(id=“sens”) }}", "“", Malformed::TypographicQuote),
        ("{{ quote(id=« sens ») }}", "«", Malformed::TypographicQuote),
        (
            "{{ x(n=99999999999999999999) }}",
            "99999999999999999999",
            Malformed::NumberOutOfRange,
        ),
        ("{{ x(n=1e999) }}", "1e999", Malformed::NumberOutOfRange),
        ("{{ x(a=1 b=2) }}", "b", Malformed::ExpectedComma),
        ("{{ x(a=\"1\"\"2\") }}", "\"", Malformed::ExpectedComma),
        (
            "{{ quote(id=\"sens\" }}",
            "}",
            Malformed::ExpectedCloseParen,
        ),
        (
            "{% aside(title=\"x\" %}\nx\n{% end %}",
            "%",
            Malformed::ExpectedCloseParen,
        ),
        ("{{ quote( }}", "}", Malformed::ExpectedCloseParen),
        (
            "{{ quote(id=\"x\"; y=1) }}",
            ";",
            Malformed::ExpectedCloseParen,
        ),
    ];
    for (body, span, why) in cases {
        assert_eq!(malformed(body), (span.to_string(), why), "{body}");
    }
}

#[test]
fn unquoted_text_value() {
    let body = "{{ testimonials(id=volontaires) }}";
    let (_, errors) = check(body);
    assert_eq!(&body[errors[0].span.clone()], "volontaires");
    assert_eq!(
        errors[0].kind,
        ShortcodeErrorKind::Malformed(Malformed::UnquotedText {
            arg: "id".to_string(),
            text: "volontaires".to_string(),
        })
    );
    assert_eq!(
        errors[0].message(Language::Fr),
        "shortcode mal formé : le texte « volontaires » doit être entre guillemets"
    );
    assert_eq!(
        errors[0].help(Language::Fr),
        "mettez-le entre guillemets : id=\"volontaires\""
    );
    assert_eq!(
        errors[0].help(Language::En),
        "put it in quotes: id=\"volontaires\""
    );
    // Anything that is not a number or a boolean is text.
    for (body, token) in [
        ("{{ x(v=1.5.3) }}", "1.5.3"),
        ("{{ x(v=True) }}", "True"),
        ("{{ x(v=.5) }}", ".5"),
        ("{{ x(v=5.) }}", "5."),
        ("{{ x(v=+1) }}", "+1"),
        ("{{ x(v=inf) }}", "inf"),
        ("{{ x(v=50%) }}", "50%"),
        ("{{ x(v=àé) }}", "àé"),
    ] {
        let (span, why) = malformed(body);
        assert_eq!(span, token, "{body}");
        assert!(matches!(why, Malformed::UnquotedText { .. }), "{body}");
    }
}

#[test]
fn unclosed_quote_points_at_the_quote() {
    let body = "Déjà\n{{ quote(id=\"sens) }}\n";
    let (_, errors) = check(body);
    assert_eq!(errors[0].span, 19..20);
    assert_eq!(&body[errors[0].span.clone()], "\"");
    assert_eq!(
        errors[0].message(Language::Fr),
        "shortcode mal formé : guillemet jamais refermé"
    );
    // An escaped quote does not close.
    assert_eq!(
        malformed("{{ q(a='l\\') }}"),
        ("'".to_string(), Malformed::UnclosedQuote)
    );
    assert_eq!(
        malformed("{{ q(a=\"x\\\\\" b) }}").1,
        Malformed::ExpectedComma
    );
}

#[test]
fn malformed_closing() {
    assert_eq!(
        malformed("{{ quote() %}"),
        (
            "%}".to_string(),
            Malformed::ExpectedClose { delimiter: "}}" }
        )
    );
    assert_eq!(
        malformed("{% aside() }}\nx\n{% end %}"),
        (
            "}}".to_string(),
            Malformed::ExpectedClose { delimiter: "%}" }
        )
    );
    assert_eq!(
        malformed("{{ quote() } }"),
        (
            "}".to_string(),
            Malformed::ExpectedClose { delimiter: "}}" }
        )
    );
    assert_eq!(
        malformed("{{ quote() }} et la suite  "),
        ("et la suite".to_string(), Malformed::TrailingText)
    );
    assert_eq!(
        malformed("{{ quote() }}}"),
        ("}".to_string(), Malformed::TrailingText)
    );
}

#[test]
fn malformed_end_tag_still_ends_the_block() {
    // The whole block stays Markdown, with one error.
    let body = "{% aside() %}\nx\n{% end() %}\n{{ quote() }}\n";
    let (segments, errors) = check(body);
    assert_eq!(
        errors,
        [ShortcodeError {
            span: 22..23,
            kind: ShortcodeErrorKind::Malformed(Malformed::EndWithArguments),
        }]
    );
    assert_eq!(&body[22..23], "(");
    assert_eq!(
        errors[0].message(Language::Fr),
        "shortcode mal formé : « {% end %} » ne prend pas de parenthèses"
    );
    assert_eq!(
        describe(body, &segments),
        [
            "md:{% aside() %}\nx\n{% end() %}\n",
            "sc:{{ quote() }}",
            "md:\n"
        ]
    );
    let body = "{% aside() %}\nx\n{% end\n";
    let (_, errors) = check(body);
    assert_eq!(
        errors,
        [ShortcodeError {
            span: 22..22,
            kind: ShortcodeErrorKind::Malformed(Malformed::ExpectedClose { delimiter: "%}" }),
        }]
    );
    assert_eq!(
        malformed("{% end x %}"),
        (
            "x".to_string(),
            Malformed::ExpectedClose { delimiter: "%}" }
        )
    );
    // Alone, a malformed end tag is one error, not two.
    assert_eq!(
        malformed("Texte\n{%end(x)%}"),
        ("(".to_string(), Malformed::EndWithArguments)
    );
}

#[test]
fn malformed_opening_tag_still_takes_its_end() {
    let body = "{% aside(title=x) %}\nCorps\n{% end %}\n{{ quote() }}\n";
    let (segments, errors) = check(body);
    let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
    assert_eq!(spans, ["x"]);
    assert_eq!(
        describe(body, &segments),
        [
            "md:{% aside(title=x) %}\nCorps\n{% end %}\n",
            "sc:{{ quote() }}",
            "md:\n"
        ]
    );
    // Without an end, it is one error too, and what follows is parsed.
    let body = "{% aside( %}\n{{ q() }}";
    let (segments, errors) = check(body);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        describe(body, &segments),
        ["md:{% aside( %}\n", "sc:{{ q() }}"]
    );
    // A malformed opening tag inside a body is a line of that body.
    let body = "{% a() %}\n{% B() %}\n{% end %}";
    let (segments, errors) = check(body);
    let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
    assert_eq!(spans, ["B"]);
    let a = shortcodes(&segments)[0];
    assert_eq!(&body[a.body.clone().unwrap()], "{% B() %}\n");
}

#[test]
fn duplicate_argument() {
    let body = "{{ interview(questions=\"1\", questions=\"2\") }}";
    let (segments, errors) = check(body);
    assert_eq!(shortcodes(&segments).len(), 0);
    assert_eq!(
        errors,
        [ShortcodeError {
            span: 28..37,
            kind: ShortcodeErrorKind::DuplicateArgument {
                name: "questions".to_string()
            },
        }]
    );
    assert_eq!(&body[28..37], "questions");
    assert_eq!(errors[0].code(), Code::ShortcodeDuplicateArgument);
    assert_eq!(
        errors[0].message(Language::Fr),
        "l’argument « questions » est donné deux fois"
    );
    assert_eq!(
        errors[0].message(Language::En),
        "the argument `questions` is given twice"
    );
}

#[test]
fn unterminated_block() {
    let body = "{% aside(title=\"À savoir\") %}\nTexte\n{{ quote(id=\"sens\") }}\n{{ cassé }}\n";
    let (segments, errors) = check(body);
    let found: Vec<(&str, Code)> = errors
        .iter()
        .map(|e| (&body[e.span.clone()], e.code()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "{% aside(title=\"À savoir\") %}",
                Code::ShortcodeUnterminated
            ),
            ("é", Code::ShortcodeMalformed),
        ]
    );
    assert_eq!(
        errors[0].message(Language::Fr),
        "le bloc « aside » n’est jamais fermé"
    );
    // The lines after the opening tag are parsed as if it were not there.
    assert_eq!(
        describe(body, &segments),
        [
            "md:{% aside(title=\"À savoir\") %}\nTexte\n",
            "sc:{{ quote(id=\"sens\") }}",
            "md:\n{{ cassé }}\n",
        ]
    );
}

#[test]
fn every_unterminated_block_is_reported_once() {
    let body = "{% a() %}\n{% b() %}\n{% c() %}\n";
    let (_, errors) = check(body);
    let found: Vec<(&str, Code)> = errors
        .iter()
        .map(|e| (&body[e.span.clone()], e.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("{% a() %}", Code::ShortcodeUnterminated),
            ("{% b() %}", Code::ShortcodeUnterminated),
            ("{% c() %}", Code::ShortcodeUnterminated),
        ]
    );
}

#[test]
fn unexpected_end() {
    assert_eq!(
        only_error("Texte\n{% end %}\n"),
        (
            "{% end %}".to_string(),
            Code::ShortcodeUnexpectedEnd,
            "« {% end %} » sans bloc ouvert".to_string()
        )
    );
}

#[test]
fn nested_block() {
    let body = "{% aside() %}\n{% aside(title=\"b\") %}\nx\n{% end %}\n{% end %}\n";
    let (segments, errors) = check(body);
    let found: Vec<(&str, Code, String)> = errors
        .iter()
        .map(|e| (&body[e.span.clone()], e.code(), e.message(Language::Fr)))
        .collect();
    assert_eq!(
        found,
        [
            (
                "{% aside(title=\"b\") %}",
                Code::ShortcodeNested,
                "bloc « aside » ouvert à l’intérieur du bloc « aside »".to_string()
            ),
            (
                "{% end %}",
                Code::ShortcodeUnexpectedEnd,
                "« {% end %} » sans bloc ouvert".to_string()
            ),
        ]
    );
    assert_eq!(errors[1].span, 49..58);
    let outer = shortcodes(&segments)[0];
    assert_eq!(
        &body[outer.body.clone().unwrap()],
        "{% aside(title=\"b\") %}\nx\n"
    );
}

#[test]
fn french_messages() {
    let cases = [
        (
            "{{ }}",
            "shortcode mal formé : un nom de shortcode est attendu",
        ),
        (
            "{{ Quote() }}",
            "shortcode mal formé : caractère interdit dans un nom de shortcode",
        ),
        (
            "{{ quote }}",
            "shortcode mal formé : une parenthèse ouvrante est attendue",
        ),
        (
            "{{ quote(,) }}",
            "shortcode mal formé : un nom d’argument est attendu",
        ),
        (
            "{{ quote(Id=1) }}",
            "shortcode mal formé : caractère interdit dans un nom d’argument",
        ),
        (
            "{{ quote(\"x\") }}",
            "shortcode mal formé : argument sans nom",
        ),
        (
            "{{ quote(id \"x\") }}",
            "shortcode mal formé : un signe « = » est attendu après le nom de l’argument",
        ),
        (
            "{{ quote(id=) }}",
            "shortcode mal formé : une valeur est attendue après « = »",
        ),
        (
            "{{ quote(id=“x”) }}",
            "shortcode mal formé : guillemet typographique au lieu d’un guillemet droit",
        ),
        (
            "{{ quote(n=1e400) }}",
            "shortcode mal formé : nombre trop grand",
        ),
        (
            "{{ quote(a=1 b=2) }}",
            "shortcode mal formé : une virgule est attendue entre deux arguments",
        ),
        (
            "{{ quote(id=\"sens\" }}",
            "shortcode mal formé : une parenthèse fermante est attendue",
        ),
        (
            "{{ quote() %}",
            "shortcode mal formé : « }} » est attendu pour fermer le shortcode",
        ),
        (
            "{{ quote() }} x",
            "shortcode mal formé : texte après la fin du shortcode",
        ),
    ];
    for (body, message) in cases {
        assert_eq!(only_error(body).2, message, "{body}");
    }
}

#[test]
fn english_messages_and_helps() {
    let (_, errors) = check("{{ quote(id=\"sens\" }}");
    assert_eq!(
        errors[0].message(Language::En),
        "malformed shortcode: a closing parenthesis is expected"
    );
    assert_eq!(
        errors[0].help(Language::Fr),
        "fermez la liste des arguments par « ) », par exemple {{ quote(id=\"sens\") }}"
    );
    // A line that is not meant as a shortcode at all: the help says how
    // to write literal braces.
    let (_, errors) = check("{{ Bonjour }}");
    assert!(errors[0].help(Language::Fr).ends_with(
        "pour écrire des accolades telles quelles, mettez-les dans du code : `{{ … }}`"
    ));
    assert!(
        errors[0]
            .help(Language::En)
            .ends_with("to write literal braces, put them in a code span: `{{ … }}`")
    );
    let (_, errors) = check("{% a() %}\n{% b() %}\n{% end %}");
    assert_eq!(
        errors[0].help(Language::Fr),
        "les blocs ne s’imbriquent pas : fermez « a » par « {% end %} » avant d’ouvrir « b »"
    );
    assert_eq!(
        errors[0].help(Language::En),
        "blocks do not nest: close `a` with `{% end %}` before opening `b`"
    );
}

#[test]
fn errors_leave_lines_as_markdown_and_parsing_goes_on() {
    let body = "{{ a( }}\n{{ b() }}\n{{ c(x=y) }}\n";
    let (segments, errors) = check(body);
    assert_eq!(
        describe(body, &segments),
        ["md:{{ a( }}\n", "sc:{{ b() }}", "md:\n{{ c(x=y) }}\n"]
    );
    let spans: Vec<&str> = errors.iter().map(|e| &body[e.span.clone()]).collect();
    assert_eq!(spans, ["}", "y"]);
}

#[test]
fn errors_come_in_source_order() {
    let body = "{% end %}\n{% a() %}\n{% b() %}\n{% end() %}\n{% end %}\n{{ x }}\n";
    let (_, errors) = check(body);
    let found: Vec<(usize, Code)> = errors.iter().map(|e| (e.span.start, e.code())).collect();
    assert_eq!(
        found,
        [
            (0, Code::ShortcodeUnexpectedEnd),
            (20, Code::ShortcodeNested),
            (36, Code::ShortcodeMalformed),
            (42, Code::ShortcodeUnexpectedEnd),
            (57, Code::ShortcodeMalformed),
        ]
    );
}

#[test]
fn every_kind_has_a_code_message_and_help() {
    let kinds = [
        (
            ShortcodeErrorKind::Malformed(Malformed::ExpectedName),
            Code::ShortcodeMalformed,
        ),
        (
            ShortcodeErrorKind::DuplicateArgument {
                name: "a".to_string(),
            },
            Code::ShortcodeDuplicateArgument,
        ),
        (
            ShortcodeErrorKind::Unterminated {
                name: "a".to_string(),
            },
            Code::ShortcodeUnterminated,
        ),
        (
            ShortcodeErrorKind::UnexpectedEnd,
            Code::ShortcodeUnexpectedEnd,
        ),
        (
            ShortcodeErrorKind::Nested {
                name: "a".to_string(),
                outer: "b".to_string(),
            },
            Code::ShortcodeNested,
        ),
    ];
    for (kind, code) in kinds {
        let error = ShortcodeError { span: 0..0, kind };
        assert_eq!(error.code(), code);
        for lang in [Language::Fr, Language::En] {
            assert!(!error.message(lang).is_empty());
            assert!(!error.help(lang).is_empty());
        }
        assert_ne!(error.message(Language::Fr), error.message(Language::En));
    }
}

// -- robustness ---------------------------------------------------------

/// Every prefix (on a character boundary) of tricky bodies, and many
/// random mixes of odd fragments: nothing panics, invariants hold.
#[test]
#[allow(
    clippy::too_many_lines,
    reason = "a table of odd fragments, read top to bottom"
)]
fn odd_inputs_never_panic() {
    let samples = [
        "{% aside(title=\"À savoir\") %}\r\nCorps `x\r\n{{ q(a='l\\'é', b=-1.5e3) }}\r\n{% end %}\r\n",
        "- ```\n  {{ x() }}\n<!--\n{{ y(a=“b”) }}\n-->\n    {{ z() }}\n\t~~~~ `\n",
        "{{\u{0}}}\u{feff}{%\u{2028}end%}🎉{{ é(é=é) }}\r{{ a(b=\"\\",
    ];
    for sample in samples {
        for (end, _) in sample.char_indices().chain([(sample.len(), ' ')]) {
            check(&sample[..end]);
            check(&sample[end..]);
        }
    }
    let fragments = [
        "{{",
        "}}",
        "{%",
        "%}",
        "{% end %}",
        "{{ quote(id=\"sens\") }}",
        "{% aside() %}",
        "(",
        ")",
        "=",
        ",",
        "\"",
        "'",
        "\\",
        "`",
        "``",
        "```",
        "~~~",
        "    ",
        "\t",
        " ",
        "\n",
        "\r\n",
        "\r",
        "é",
        "🎉",
        "« »",
        "“",
        "a",
        "Z",
        "_",
        "-",
        "1",
        "-7",
        "2.5",
        "true",
        "#",
        "> ",
        "- ",
        "1. ",
        "<!--",
        "-->",
        "<pre>",
        "</pre>",
        "===",
        "---",
        "\u{a0}",
        "\u{0}",
        "end",
        "{",
        "}",
        "%",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        let count = (next() % 24) as usize;
        let mut body = String::new();
        for _ in 0..count {
            body.push_str(fragments[(next() % fragments.len() as u64) as usize]);
        }
        check(&body);
    }
    // Long inputs stay fast (no quadratic behaviour).
    let many_opens = "{% a() %}\n".repeat(20_000);
    assert_eq!(check(&many_opens).1.len(), 20_000);
    let many_runs: String = (1..400)
        .map(|n| format!("{}x\n{{{{ q() }}}}\n", "`".repeat(n)))
        .collect();
    check(&many_runs);
    let one_paragraph = "{{ q() }}\n".repeat(20_000);
    assert_eq!(ok(&one_paragraph).len(), 20_000);
}
