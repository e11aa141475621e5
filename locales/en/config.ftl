# English messages of src/config/

## site.yaml missing or unreadable (src/config/file.rs)

config-no-site-file = no { $file } file in the folder { $folder }
config-unreadable = cannot read { $path }: { $reason }
config-unreadable-help = run gazette in the site's folder, or pass --root DIR; `gazette init DIR` creates a new site

## The title, the theme, the page size (src/config/resolve.rs)

config-missing-title = the site has no title
config-missing-title-help = add a line `title: The site's name`
config-missing-theme = the theme `{ $theme }` is not in themes/
config-missing-theme-help = copy the theme into themes/ or fix its name
# $written: the value as written (-1, 0, 2.5, twelve).
config-bad-paginate-by = `paginate_by` must be a whole number of at least 1, not `{ $written }`
config-bad-paginate-by-help = write the number of articles per listing page, for example paginate_by: 12
# share_image (src/config/share_image.rs): $src as written, $path without its leading /.
config-share-image-not-found = the share image `{ $src }` is not in static/
config-share-image-not-found-help = put the image in the site's static/ folder (static/{ $path }), or correct the path
config-share-image-format = the share image `{ $src }` is not a PNG, JPEG, GIF or WebP image
config-share-image-format-help = link previews (Teams, Outlook) show only these formats: save the image as PNG or JPEG, for example images/share.png

## The site's address (src/config/base_url.rs)

config-bad-base-url = `{ $address }` is not a complete web address
config-bad-base-url-help = write the whole address, for example https://intranet.example.org/rh/
config-empty-base-url = --base-url was given an empty value: no address to publish at
config-empty-base-url-help = `--base-url "$CI_PAGES_URL"` passes an empty value when the CI variable (CI_PAGES_URL or another) is empty or unset: set that variable, or drop --base-url to take base_url from site.yaml
config-no-base-url = site.yaml gives no base_url: feeds, the sitemap and share links will point to http://localhost/
config-no-base-url-help = add the address the site will be published at, for example `base_url: https://intranet.example.org/rh/`, or pass --base-url

## Extra URL schemes (src/config/schemes.rs)

config-bad-url-scheme-name = `{ $name }` is not the name of an address scheme
config-bad-url-scheme-name-help = write the name alone, without `:` or `//`: a letter, then letters, digits, `+`, `-` or `.`, for example extra_url_schemes: [sip, webcal]
config-dangerous-url-scheme = the scheme `{ $name }` cannot be allowed: it runs code or opens files of the reader's computer
config-dangerous-url-scheme-help = remove it from extra_url_schemes; a document to publish goes in static/ or content/, linked by its path

## The accessibility statement's facts (src/config/accessibility.rs)

# $message: what is wrong with the date, from the dates catalog; $key: the
# date's key (audit_date, established, updated).
config-bad-audit-date = { $message } (in `accessibility.{ $key }`)
config-audit-date-not-plain = `{ $date }` is not a date written as YYYY-MM-DD
config-audit-date-not-plain-help = write the date alone, without a time, as YYYY-MM-DD
config-bad-accessibility-status = `{ $status }` is not an RGAA compliance status
config-accessibility-status-did-you-mean = did you mean `{ $best }`?
config-accessibility-status-one-of = write one of: { $statuses }
config-bad-accessibility-rate = a rate of { $rate }% is impossible
config-bad-accessibility-rate-help = write the percentage of criteria met, from 0 to 100, without `%`: rate: 82
# $key: the missing key of the audit, as written in site.yaml.
config-accessibility-missing = a `{ $status }` statement rests on an audit, but `accessibility.{ $key }` is not given
config-accessibility-missing-help = { $key ->
    [audited_by] add under `accessibility:` who carried out the audit: audited_by: Accessibility team of the national office
    [audit_date] add under `accessibility:` the date of the audit, as YYYY-MM-DD: audit_date: 2026-03-01
    [rate] add under `accessibility:` the percentage of criteria met, without `%`: rate: 82
    [audited_pages] add under `accessibility:` the list of the pages checked: audited_pages: [Home, Search]
    [environment] add under `accessibility:` the list of the browsers and assistive technologies of the tests: environment: [NVDA 2024.4 with Firefox 128]
   *[tools] add under `accessibility:` the list of the tools used for the evaluation: tools: [Colour Contrast Analyser]
  }, or write `status: not compliant` until an audit has been carried out
config-accessibility-rate-status = a rate of { $rate }% does not match the status `{ $status }`
config-accessibility-rate-status-help = { $minimum ->
    [100] a `{ $status }` site meets every RGAA criterion (rate: 100)
   *[other] a `{ $status }` site meets at least { $minimum }% of the RGAA criteria
  }: correct the rate or write the status that matches it

## Taxonomy folders (src/config/taxonomies.rs)

config-bad-taxonomy-folder = `{ $name }` cannot be a URL folder
config-bad-taxonomy-folder-help = write for example `{ $safe }` (lower case, digits and dashes)
config-duplicate-taxonomy-folder = the folder `{ $name }` is already used by `{ $previous }`
config-duplicate-taxonomy-folder-help = give each taxonomy a folder of its own

## Photos (src/config/images.rs)

config-bad-image-widths = `images.widths` must be a list of widths in pixels, whole numbers from { $min } to { $max }, not `{ $written }`
config-bad-image-widths-help = write the widths without a unit, for example widths: [480, 800, 1200, 1600], or remove the key to keep the default widths (480, 800, 1200 and 1600)
config-bad-image-quality = `images.quality` must be a whole number from 1 to 100, not `{ $written }`
config-bad-image-quality-help = write the quality of published photos, for example quality: 80 (higher: sharper and heavier)
