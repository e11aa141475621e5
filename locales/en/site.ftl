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
