# English messages of src/content/

## A shortcode line that does not parse, or blocks that do not pair (src/content/shortcodes/errors.rs)

content-shortcode-expected-name = malformed shortcode: a shortcode name is expected
content-shortcode-expected-name-help = write the name right after the braces, for example {"{{"} quote(id="sens") {"}}"}; to write literal braces, put them in a code span: `{"{{"} … {"}}"}`
content-shortcode-invalid-name = malformed shortcode: character not allowed in a shortcode name
content-shortcode-invalid-name-help = a name uses lowercase letters without accents, digits, `_` and `-`, and starts with a letter or `_`; to write literal braces, put them in a code span: `{"{{"} … {"}}"}`
content-shortcode-expected-open-paren = malformed shortcode: an opening parenthesis is expected
content-shortcode-expected-open-paren-help = parentheses are required, even empty: {"{{"} interview() {"}}"}; to write literal braces, put them in a code span: `{"{{"} … {"}}"}`
content-shortcode-expected-argument-name = malformed shortcode: an argument name is expected
content-shortcode-invalid-argument-name = malformed shortcode: character not allowed in an argument name
content-shortcode-invalid-argument-name-help = an argument name uses lowercase letters without accents, digits, `_` and `-`, and starts with a letter or `_`
content-shortcode-positional-argument = malformed shortcode: argument without a name
content-shortcode-positional-argument-help = name every argument, for example id="volontaires" rather than "volontaires"
content-shortcode-expected-equals = malformed shortcode: an `=` is expected after the argument name
content-shortcode-expected-value = malformed shortcode: a value is expected after `=`
content-shortcode-expected-value-help = give a value: a text in quotes ("…"), a number, true or false
content-shortcode-unquoted-text = malformed shortcode: the text `{ $text }` must be in quotes
content-shortcode-unquoted-text-help = put it in quotes: { $arg }="{ $quoted }"
content-shortcode-unclosed-quote = malformed shortcode: quote never closed
content-shortcode-unclosed-quote-help = close the text with the same quote, on the same line; for a quote inside the text, write \"
content-shortcode-typographic-quote = malformed shortcode: typographic quote instead of a straight one
content-shortcode-typographic-quote-help = put texts between straight quotes "…" (a word processor may have replaced them with typographic ones)
content-shortcode-number-out-of-range = malformed shortcode: number too large
content-shortcode-number-out-of-range-help = if it is a text, put it in quotes
content-shortcode-expected-comma = malformed shortcode: a comma is expected between two arguments
content-shortcode-arguments-help = arguments are written name=value, separated by commas: {"{{"} interview(questions="2-3") {"}}"}
content-shortcode-expected-close-paren = malformed shortcode: a closing parenthesis is expected
content-shortcode-expected-close-paren-help = close the argument list with `)`, for example {"{{"} quote(id="sens") {"}}"}
content-shortcode-expected-close = malformed shortcode: `{ $delimiter }` is expected to close the shortcode
content-shortcode-expected-close-help = a shortcode opened with `{"{{"}` closes with `{"}}"}`, for example {"{{"} quote(id="sens") {"}}"}
content-shortcode-expected-block-close-help = a block tag opened with `{"{%"}` closes with `%{"}"}`, for example {"{%"} aside(title="Good to know") %{"}"}
content-shortcode-end-with-arguments = malformed shortcode: `{"{%"} end %{"}"}` takes no parentheses
content-shortcode-end-with-arguments-help = write just {"{%"} end %{"}"}
content-shortcode-trailing-text = malformed shortcode: text after the end of the shortcode
content-shortcode-trailing-text-help = a shortcode must be alone on its line: move this text to another line
content-shortcode-duplicate-argument = the argument `{ $name }` is given twice
content-shortcode-duplicate-argument-help = keep a single `{ $name }=…` in this shortcode
content-shortcode-unterminated = the block `{ $name }` is never closed
content-shortcode-unterminated-help = add a line `{"{%"} end %{"}"}` after the content of the block `{ $name }` (a `{"{%"} end %{"}"}` line inside a code block does not count)
content-shortcode-unexpected-end = `{"{%"} end %{"}"}` without an open block
content-shortcode-unexpected-end-help = remove this line, or open the block before it, for example `{"{%"} aside(title="Good to know") %{"}"}`
content-shortcode-nested = block `{ $name }` opened inside the block `{ $outer }`
content-shortcode-nested-help = blocks do not nest: close `{ $outer }` with `{"{%"} end %{"}"}` before opening `{ $name }`

## A shortcode checked against the front matter (src/content/shortcodes/blocks.rs)

content-shortcode-no-interview = the front matter has no `interview:` to place here
content-shortcode-no-interview-help = add `interview:` with its questions to the front matter, or remove this line
content-shortcode-questions-out-of-range = questions `{ $text }` do not exist: { $count ->
        [1] the interview has only one
       *[other] the interview has { $count }
    }
content-shortcode-questions-out-of-range-help = { $count ->
        [1] write questions="1", or remove questions=… to show the whole interview
       *[other] pick numbers between 1 and { $count }, for example "1-{ $count }" or "{ $count }"
    }
content-shortcode-not-a-question-range = `{ $text }` is not a range of questions
content-shortcode-not-a-question-range-help = write a number ("2"), a range ("2-3") or an open range ("4-")
content-shortcode-did-you-mean = did you mean `{ $best }`?
content-shortcode-unknown-id = there is no { $key ->
        [testimonials] testimony group
        [principles] principle list
       *[quotes] quote
    } `{ $id }` in the front matter ({ $key })
content-shortcode-unknown-id-no-key-help = add `{ $key }:` to the article's front matter
content-shortcode-possible-ids = the possible ids are: { $ids }
content-shortcode-missing-id-no-key = the front matter has no `{ $key }:` to place here
content-shortcode-missing-id-no-key-help = add `{ $key }:` to the front matter, or remove this line
content-shortcode-missing-id = { $key ->
        [quotes] there are several quotes: say which one to place with id="…"
        [testimonials] there are several groups of testimonials: say which one to place with id="…"
        [principles] there are several lists of principles: say which one to place with id="…"
       *[other] there are several `{ $key }`: say which one to place with id="…"
    }
content-shortcode-missing-id-help = for example {"{{"} { $name }(id="{ $id }") {"}}"}
content-shortcode-unknown = unknown shortcode `{ $name }`
content-shortcode-possible-shortcodes = the available shortcodes are: { $names }
content-shortcode-unknown-argument = unknown argument `{ $argument }` for { $name }
content-shortcode-accepted-arguments = this shortcode takes: { $arguments }

## What serde cannot check in an article's header (src/content/front_matter/checks.rs)

content-front-matter-empty-title = the title is empty
content-front-matter-empty-title-help = write the title after `title: `
content-front-matter-missing-key = the required key `{ $key }` is missing from the front matter
content-front-matter-missing-key-help = add a line `{ $key }: { $key ->
        [date] 2026-03-01
       *[other] …
    }` between the two `---` lines
content-front-matter-image-alt = the image has no alternative text (alt)
content-front-matter-image-alt-help = add `alt:` with what the image shows, for people who cannot see it; `alt: ""` only for a purely decorative image
content-front-matter-download-title = the document to download `{ $file }` has no title
content-front-matter-download-title-help = add `title:` under `file:`, saying what the document is: the `Download …` link tells readers, for example title: the remote work guide
content-front-matter-interview-by = who answers this question is not said: the interview has several guests
content-front-matter-interview-by-help = add `by:` under the question, with one of the people of `with:` ({ $people })
# $here, $above: the part of each id that differs, with its code points (é (U+00E9)).
content-front-matter-id-clash = the id `{ $id }` is already written above, looking the same but with its accent encoded differently: { $here } here, { $above } above
content-front-matter-id-clash-help = keep one of the two ids, typed again on the keyboard (an accent encoded as two characters often comes from a copy and paste), or give each one a name of its own
content-front-matter-bad-slug = `{ $slug }` cannot be used as an address
content-front-matter-bad-slug-help = use letters, digits and dashes, for example `my-article`

## The two `---` lines around the header (src/content/front_matter/fences.rs)

content-front-matter-missing = the file does not start with `---`: the front matter (title, date…) is missing
content-front-matter-missing-help = start the file with a line `---`, then `title: …` and `date: YYYY-MM-DD`, then another line `---`
content-front-matter-unclosed = the front matter starts with `---` but never ends
content-front-matter-unclosed-help = add a line `---` after the front matter's last key

## A section's header (src/content/front_matter/section.rs)

# $written: the value as written (-1, 0, 2.5, twelve).
content-section-bad-paginate-by = `paginate_by` must be a whole number of at least 1, not `{ $written }`
content-section-bad-paginate-by-help = write the number of articles per page of the listing, for example `paginate_by: 12`; without `paginate_by`, site.yaml's is used
content-section-front-matter-missing = the file does not start with `---`: the section's header is missing
content-section-front-matter-missing-help = start the file with a line `---`, then `title: …` (the section's name), then another line `---`; an empty _index.md file will do too

## A header value of the wrong shape, and its fix (src/content/front_matter/shapes.rs)

# $name: the name written in `with:`, $id: an id made from it.
content-shape-with = `with` takes the id of a person described under `people:` in the article's header or in content/_people.yaml, not the person itself: add `people: {"{"}{ $id }: {"{"}name: { $name }{"}}"}` and write `with: { $id }`
content-shape-by = `by` names one person: their id (`by: vc`) or the person itself (`by: {"{"}name: Karim B., role: Case worker{"}"}`)
# $value: the names written, as the map `people` is.
content-shape-people = `people` describes each person under an id, which `with:` and `by:` use: `people: { $value }`
content-shape-image = `image` takes the file and what it shows: `image: {"{"}src: { $src }, alt: what the image shows{"}"}`
content-shape-source = `source` takes the publication's title, and if needed its page and address: `source: {"{"}title: { $title }, page: …{"}"}`
content-shape-quotes = each quote has an id, which places it with {"{{"} quote(id="…") {"}}"}: `quotes: {"{"}quote: {"{"}text: { $text }{"}}"}`
content-shape-testimonials = each testimony is a text under `text:`, in a list: `testimonials: [{"{"}text: { $text }{"}"}]`
content-shape-questions = each question has its question under `q:` and its answer under `a:`, in a list: `questions: [{"{"}q: { $question }, a: …{"}"}]`
content-shape-interview = `interview` takes indented keys: `with:` (the id of the person interviewed) and `questions:` (the list of questions, each with `q:` and `a:`)
# $value: the files written, as the list `downloads` is.
content-shape-downloads = each document has its file and its title, in a list: `downloads: { $value }`

## Walking content/ (src/content/discover.rs)

content-active-file = .{ $ext } files are not published from content/: they may hold scripts that would run in readers' browsers
content-active-file-help = export the image as PNG or the document as PDF; if this file must be published as it is, ask whoever maintains the site to vet it and put it in static/
content-missing = the content/ folder is missing
content-missing-help = create a content/ folder beside site.yaml and write your articles in it

## Footnotes, for screen readers and as the notes' heading (src/content/markdown/footnotes.rs)

content-footnote-reference = Note { $number }
content-footnotes-heading = Notes
content-footnote-back = Back to the text, note reference { $number }

## A task list's boxes, for screen readers (src/content/markdown/transform.rs)

content-task-done = done
content-task-to-do = to do

## The name of a table's scroll region, from its column headers (src/content/markdown/tables.rs)

content-table-name = Table: { $columns }
