# English messages of src/render/

## Tera's error messages (src/render/tera_messages.rs)

render-tera-unknown-field = the field `{ $name }` does not exist
render-tera-unknown-field-listed = the field `{ $name }` does not exist (available fields: { $available })
render-tera-unknown-variable = the variable `{ $name }` is not defined
render-tera-unknown-variable-listed = the variable `{ $name }` is not defined (available variables: { $available })
render-tera-variable-without-value = the variable `{ $name }` exists but has no value
render-tera-unknown = { $kind ->
        [filter] unknown filter
        [function] unknown function
        [test] unknown test
       *[template] unknown template
    } `{ $name }`
render-tera-unknown-tag = unknown tag
render-tera-unknown-tag-help = check the tag's name, and that every {"{% block %}"}, {"{% for %}"} or {"{% if %}"} has its end tag ({"{% endblock %}"}, {"{% endfor %}"}, {"{% endif %}"})
render-tera-end-tag-mismatch = the end tag `{ $closing }` does not match the open tag `{ $opening }`
render-tera-loop-over-non-list = cannot loop over a value of type `{ $kind }` with {"{% for %}"}: it takes a list
render-tera-block-not-in-parent = the block `{ $name }` is not defined in any parent template
render-tera-did-you-mean = did you mean `{ $best }`?

## The theme and its templates (src/render/theme.rs)

render-theme-missing-template = the theme has no `{ $name }` template
render-theme-missing-template-help = copy this template from the gazette theme
render-theme-strings-help = the theme must have the file i18n/{ $lang }.yaml, its texts in the site's language: copy it from the gazette theme
render-template-unknown = the theme has no template `{ $name }`
render-template-did-you-mean = did you mean `{ $best }`?
render-template-known = the theme's templates are: { $known }; or add templates/{ $name } to the site
render-template-error = template error: { $message }
render-template-error-help = fix the template; the syntax is Tera 2's (https://keats.github.io/tera/)
render-template-not-found = template error: the theme has no template `{ $name }`
render-template-not-found-help = correct the name, or add templates/{ $name } to the site

## Pages the site's readers see

# The 404 page's title (src/render/not_found.rs).
render-not-found-title = Page not found
# The search page's title, unless the theme has a search_title string (src/render/search_page.rs).
render-search-title = Search the site
# A listing's <title> after its first page (src/render/pager.rs).
render-listing-title = { $title } – page { $number }
# The accessibility statement's page (src/render/accessibility.rs, src/render/context.rs).
render-accessibility-title = Accessibility statement
render-accessibility-label = Accessibility: { $status }
# The meta description of pages that are not articles (src/render/descriptions.rs):
# the home page without a site description, a section without a description of its own,
# a taxonomy's index, a term's listing ($kind as in site-taxonomy-title, $name the term),
# the search page, the 404 page and the accessibility statement ($status as in site.yaml).
render-description-home = The latest articles, newest first.
render-description-section = { $section }: every article of this section, newest first.
render-description-taxonomy = { $kind ->
        [category] Every category of articles, each with its number of articles.
        [series] Every series of articles, each with its number of articles.
        [tags] Every tag of the articles, each with its number of articles.
        [organisations] Every organisation the articles are about, each with its number of articles.
        [authors] Every author of the articles, each with their number of articles.
       *[people] Everyone who speaks in the articles, each with their number of articles.
    }
render-description-term = { $kind ->
        [category] Articles in the category “{ $name }”, newest first.
        [series] Articles of the series “{ $name }”, newest first.
        [tags] Articles tagged “{ $name }”, newest first.
        [organisations] { $name }: articles about this organisation, newest first.
        [authors] Articles by { $name }, newest first.
       *[people] Articles in which { $name } speaks, newest first.
    }
render-description-search = Search every article of the site for a word, a name or a subject.
render-description-not-found = The page you asked for does not exist or has moved.
render-description-accessibility = How far the site complies with the RGAA ({ $status }), what is not accessible and how to get the information otherwise.
# A download's size, the number already written with its decimal separator (src/render/article.rs).
render-size = { $number }{"\u00A0"}{ $unit ->
        [megabytes] MB
        [kilobytes] kB
       *[bytes] bytes
    }
# The page left at an article's former address (src/render/alias.rs); the
# French-style no-break space before the colon is what English pages have
# always had.
render-alias-title = This page has moved
render-alias-moved-to = This page has moved{"\u00A0"}: { $link }
