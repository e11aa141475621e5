# English messages of src/serve/

## The preview and build --watch in the terminal (src/serve/mod.rs)

# $kept: what stays in place after the failure.
serve-failed = failed: { $errors } { $errors ->
        [0] error
        [1] error
       *[other] errors
    }; { $kept ->
        [error-pages] pages will show the errors until they are fixed
        [last-good-pages] the last good pages are still served
       *[output] the output folder was not changed
    }
# $how: what the change asked to rebuild.
serve-rebuilt = rebuilt ({ $how ->
        [article] article
        [statics] static files
        [templates] templates
       *[site] whole site
    }) in { $ms } ms: { $files } { $files ->
        [0] file
        [1] file
       *[other] files
    } changed
serve-preview-at = preview: { $url }  (Ctrl-C to stop)
serve-cannot-watch-serving = cannot watch the files ({ $error }): the site is served without updates
serve-stopped = preview stopped
serve-cannot-listen = cannot listen on { $bind }:{ $port }: { $reason }
serve-cannot-listen-help = pick another port with --port, or --port 0 for a free one
serve-studio-at = studio: { $url }  (the writing page; it answers this computer only)
serve-edit-not-loopback = the studio opens on this computer only: --edit refuses the address { $bind }
serve-edit-not-loopback-help = remove --bind (the studio then listens on 127.0.0.1), or run the preview for colleagues without --edit
serve-cannot-start = the preview server could not start: { $reason }
serve-cannot-open = cannot open the web browser ({ $reason }): open { $url } in it yourself
serve-first-build = { $pages } pages in { $ms } ms, served from memory (output/ is not touched)
serve-photos-ready = { $photos ->
        [one] 1 photo
       *[other] { $photos } photos
    } made in variants, pages updated in { $ms } ms
serve-cannot-make-photos = photos will be served as uploaded: their variants cannot be made in the background ({ $reason })
serve-errors-fixed = errors fixed
serve-watching = watching the sources (Ctrl-C to stop)
serve-cannot-watch = cannot watch the files: { $reason }
serve-search-later = the search index will be updated after { $seconds } s without changes
serve-search-updated = search index updated in { $ms } ms ({ $written } files written)
serve-written = { $written } written in { $ms } ms into { $output } ({ $removed } removed)

## Requests the preview refuses (src/serve/addresses.rs)

# In place of a missing Host header.
serve-no-host = (none)
# In place of a missing Origin header.
serve-no-origin = (none)
serve-wrong-host =
    421: this Gazette preview does not answer to the address `{ $host }`, which is not its own (otherwise a page of another site could read the preview, drafts included).
    Open the preview at its address: { $preview }
    To open it under another name, restart gazette serve with --base-url http://NAME:{ $port }/
serve-wrong-origin =
    403: this preview accepts requests that change something only from its own pages, and this one comes from the origin `{ $origin }`.
    Send it from a page of the preview: { $preview }

## The error overlay over the page (src/serve/overlay.rs)

serve-overlay-title = The page could not be updated
serve-overlay-explain = A file of the site has a mistake: the message below names the file and the line, and says how to fix it. Fix the file and save it: this page will update by itself. Closing this message shows the page as it was before the mistake.
# When the site has never built: no page is behind the overlay.
serve-overlay-explain-no-page = A file of the site has a mistake: the message below names the file and the line, and says how to fix it. The site will show as soon as the mistake is fixed: fix the file and save it, and this page will update by itself.
serve-overlay-close = Close
# The bare answers of the preview's server when no page of the site can answer.
serve-http-400 = malformed request
serve-http-403 = forbidden: this address is outside the site
serve-http-404 = page not found
serve-http-405 = method not allowed: the preview answers reads only (GET, HEAD)
serve-http-413 = content too large
serve-http-500 = internal error of the preview
