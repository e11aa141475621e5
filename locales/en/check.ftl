# English messages of src/check/

## Links to the site's own addresses (src/check/article.rs)

check-link-unknown-path = the link `{ $dest }` leads to no page or file of the site
check-link-unknown-path-help = check the address; to another article, a link to its file (../section/article.md) follows its changes of address
check-link-unknown-anchor = the anchor `#{ $anchor }` does not exist on the page `{ $path }`
check-link-unknown-anchor-help = check the heading it points to, or remove `#…` from the link

## Accessibility and writing (src/check/article.rs)

check-image-alt = the image has no alternative text
check-image-alt-help = say what the image brings between the brackets: ![Two agents at the front desk](photo.jpg)
check-img-no-alt = the <img> tag has no alt attribute
check-img-no-alt-help = add alt="…" with what the image brings, or alt="" role="presentation" for a purely decorative image
check-img-empty-alt = the <img> tag has an empty alternative text
check-img-empty-alt-help = describe the image in alt="…"; if it is purely decorative, say so with role="presentation"
check-link-no-text = the link has no text
check-link-vague = the link text “{ $text }” does not say where it leads
check-link-vague-help = write a text that makes sense on its own: [the remote work guide](guide.pdf) rather than [click here](guide.pdf)
check-code-unknown-language = unknown code language `{ $language }`: the block is not highlighted
check-code-unknown-language-help = fix the name (yaml, json, html, css, js, python, sh, sql, rust…) or write `text` for plain text
check-table-header = the table has no header cell
check-table-header-help = give each column a title in the table's first row (in HTML: <th> cells)
check-quote-almost-repeats = the pull quote “{ $id }” almost, but not exactly, repeats a sentence of the article: it will be read as another quotation
check-quote-almost-repeats-help = if it should repeat the article, copy its text exactly: “{ $passage }”; otherwise reword it so it no longer resembles that passage
check-foreign-term = “{ $term }” is in another language: unmarked, a screen reader will read it with the site's voice
check-foreign-term-help = mark its language with its code (fr, de, es…): <span lang="fr">{ $term }</span>, or use a word of the site's language; the terms checked are the foreign_terms key of site.yaml (foreign_terms: [] to check none)

## Skipped heading levels (src/check/article.rs)

# Among the body's headings, right after the article's title.
check-heading-skip-after-title = the heading “{ $text }” is level { $level } but follows the article's title (level 1): a level is skipped
# Among the body's headings.
check-heading-skip = the heading “{ $text }” is level { $level } but follows a level { $previous } heading: a level is skipped
# In the page as published (theme, blocks and body together).
check-heading-skip-in-page = in the published page, the heading “{ $text }” is level { $level } but follows a level { $previous } heading: a level is skipped
check-heading-skip-theme-help = this heading comes from a block or the template; the body's headings start at `##` (level 2), then `###`; here, level { $expected } is expected
check-heading-skip-page-help = in the page, a block or the template puts a level { $previous } heading before this one: write `{ $hashes }` here, or move the heading
check-heading-skip-body-help = the article's title is level 1: headings start at `##` and go down one level at a time; write `{ $hashes }` here

## Interview questions placed in the body (src/check/article.rs)

check-interview-question-twice = interview question { $number } is placed a second time
check-interview-question-twice-help = each question is placed once: fix the numbers, for example questions="1-2" then questions="3-"
check-interview-question-unplaced = interview question { $number } is placed nowhere: it will not be published
check-interview-question-unplaced-help = place it in the body with {"{{"} interview(questions="{ $number }") {"}}"}, or remove it from the front matter (“{ $question }”)

## People and organisations no one names (src/check/registry.rs)

check-person-unused = the person `{ $id }` appears in no article
check-person-unused-help = name them with `by: { $id }` or `with: { $id }` in an article, or remove them from the file
check-organisation-unused = the organisation `{ $id }` appears in no article and no person
check-organisation-unused-help = name it under an article's `organisations:` or a person's `organisation: { $id }`, or remove it from the file

## The label of `check --format json` (src/check/format.rs): its "severity"
## stays the stable English code.

check-json-label-error = error
check-json-label-warning = warning
