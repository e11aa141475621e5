# English messages of src/site/

## Links between articles and files (src/site/links.rs)

link-broken = { $kind ->
        [image] the image
        [download] the download
       *[link] the link target
    } `{ $dest }` does not exist (content/{ $key })
link-broken-help = check the file name and the path, relative to the article's folder
link-did-you-mean = did you mean `{ $written }`?
link-outside-content = the link `{ $dest }` leads out of the content/ folder
link-outside-content-help = a relative link starts from the article's folder; remove one `../`
link-to-unpublished = the link `{ $dest }` leads to { $why ->
        [draft] a draft
        [embargoed] an embargoed article
       *[expired] an expired article
    }, which the published site does not have
link-to-unpublished-help = remove the link, or publish the linked article first
link-anchor-did-you-mean = did you mean `#{ $best }`?
link-anchor-no-headings = the linked page has no headings: remove `#…` from the link
link-anchor-possible = the possible anchors are: { $anchors }
link-missing-anchor = the anchor `#{ $anchor }` does not exist in `{ $dest }`
link-missing-anchor-here = the anchor `#{ $anchor }` does not exist on this page

## Output paths: what cannot be written, who writes a file, how to fix its path (src/site/paths/report.rs)

site-path-segment-too-long = `{ $segment }` is too long for a file name: { $bytes } bytes, at most { $max }
site-path-too-long = the address /{ $path } is too long: { $bytes } bytes, at most { $max }
site-path-invalid-name = `{ $segment }` cannot be a file name in /{ $path }: { $reason ->
        [dots] `.` and `..` name folders
        [control] it holds a control character
        [backslash] it holds `\`
        [windows] it holds `{ $character }`, which Windows refuses
        [device] it is a name Windows keeps for its devices
        [trailing] it ends with a dot or a space, which Windows drops
       *[too-long] it is too long
    }
site-path-collision = two sources would write the same file /{ $path }: { $who } and { $whom }
site-path-case-collision-help = /{ $other } and /{ $path } differ only in letter case, which Windows and macOS make one file; { $fix }
site-path-file-and-folder = /{ $file } would be both a file, for { $file_owner }, and a folder, for { $folder_owner } (/{ $inside })
site-path-in-reserved = the folder /{ $folder } is reserved for { $reserved ->
        [pagination] the pagination of { $owner }
        [theme] the theme's files
       *[owner] { $owner }
    }: { $who } cannot write /{ $path } in it
site-path-reserved-twice = the folder /{ $folder } is reserved for { $reserved ->
        [pagination] the pagination of { $owner }
        [theme] the theme's files
       *[owner] { $owner }
    }: { $who } cannot use it

site-path-owner-home = the home page
site-path-owner-section = the section content/{ $dir }/
site-path-owner-term = the `{ $name }` page ({ $title })
site-path-owner-feed = the Atom feed of { $listing }
site-path-owner-article = the article { $path }
site-path-owner-alias = the old address `{ $alias }` of { $path }
site-path-owner-taxonomy = the `{ $title }` index
site-path-owner-file = the file { $path }
site-path-owner-variant = the variants of the photo { $path }
site-path-owner-generated = { $page ->
        [not-found] the not-found page (404.html)
        [sitemap] the sitemap (sitemap.xml)
        [robots] Gazette's robots.txt
        [search] the search page
        [search-index] the search index
       *[accessibility] the accessibility statement
    }

site-path-fix-alias-shorter = shorten this old address, or remove it
site-path-fix-alias = choose another old address, or remove this one
site-path-fix-slug-shorter = choose a shorter `slug:`
site-path-fix-slug = change the `slug:` value
site-path-fix-article-shorter = shorten the file name, or add a shorter `slug:`
site-path-fix-article = rename the file, or add `slug: another-name`
site-path-fix-section-shorter = shorten the folder's name
site-path-fix-section = rename the folder
site-path-fix-term-shorter = write this name shorter in the front matter
site-path-fix-term = write this name differently in the front matter
site-path-fix-taxonomy-shorter = choose a shorter folder under `taxonomies:` in site.yaml
site-path-fix-taxonomy = choose another folder under `taxonomies:` in site.yaml
site-path-fix-file-shorter = shorten the file's name
site-path-fix-file = rename or move the file

## Old addresses of articles (src/site/paths.rs, src/site/aliases.rs)

site-alias-taken = the old address /{ $path } is already taken
site-alias-taken-page-help = it is the address of { $owner }: remove it from `aliases:`, or choose another old address
site-alias-taken-alias-help = { $owner } already has this old address: keep it in only one of the two articles
site-alias-invalid = `{ $alias }` cannot be used as an old address
site-alias-not-a-site-path-help = an old address is a path of this site: write it without `https://` or a host name, such as /old-news/my-article/
site-alias-climbs-help = write a site path, such as /old-news/my-article/, without `..`
site-alias-character-help = write a site path with `/`, without `\` or invisible characters

## Articles' addresses (src/site/placement.rs)

site-url-reserved = the address /{ $address } is already used by a section or pagination
site-url-reserved-help = rename the file, or add `slug: another-name`
site-url-collision = this article would have the same address /{ $address } as { $other }
site-url-collision-help = add `slug: another-name` to one of them

## A cover's focal point (src/site/focus.rs)

site-image-bad-focus = the focus `{ $focus }` is not a point of the image: two percentages from 0% to 100% are expected, across then down
site-image-bad-focus-help = write for instance `focus: "50% 30%"` (the middle across, a third of the way down), or remove `focus:` to keep the centre

## Files named by the registries (src/site/registry.rs)

site-registry-file-missing = the file `{ $file }` is not in the site
site-registry-file-did-you-mean = did you mean `/{ $best }`?
site-registry-file-missing-help = put the file at static/{ $name }, or correct the path

## Further reading (src/site/related.rs)

site-related-unpublished = `{ $path }` is not published (draft, embargoed or expired): it is left out of further reading
site-related-unpublished-help = { $why ->
        [draft] to show it, publish it: remove `draft: true` from its front matter (or its section's); otherwise, remove it from `related:`
        [embargoed] it will appear there by itself on its publication date; to stop offering it, remove it from `related:`
       *[expired] to show it, push back or remove its `expires:`; otherwise, remove it from `related:`
    }
site-related-missing = the article `{ $path }` does not exist
site-related-missing-help = write the path from content/, for example news/my-article.md

## People named in articles (src/site/resolution/people.rs)

site-person-unknown = unknown person `{ $id }`
site-person-did-you-mean = did you mean `{ $best }`?
site-person-unknown-help = add this person under `people:` in the front matter, or to content/_people.yaml

## Taxonomy index pages (src/site/taxonomy.rs)

site-taxonomy-title = { $kind ->
        [category] Categories
        [series] Series
        [tags] Tags
        [organisations] Organisations
        [authors] Authors
       *[people] People
    }
