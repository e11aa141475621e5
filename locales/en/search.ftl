# English messages of src/search.rs

## The search index (src/search.rs)

search-index-failed = the search index could not be built: { $error }
search-index-failed-help = report the problem; meanwhile, set search: false in site.yaml

## The search index's build cache (src/search/cache.rs)

# $found is the version line the cache folder holds.
search-cache-other-version = the search index's cache comes from another version of Gazette ({ $found }): it is ignored and the index is built again
search-cache-truncated = an entry of the search index's cache is incomplete: it is ignored and that part of the index is built again
search-cache-altered = an entry of the search index's cache is not the one Gazette wrote: it is ignored and that part of the index is built again
search-cache-truncated-page = a page of the search index's cache is incomplete: it is ignored and the page is read again
search-cache-altered-page = a page of the search index's cache is not the one Gazette wrote: it is ignored and the page is read again
search-cache-help = nothing to do: the build rewrote the cache; the .gazette-cache/ folder can be deleted at any time, it only saves time
