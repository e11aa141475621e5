# English messages of src/search.rs

## The search index (src/search.rs)

search-index-failed = the search index could not be built: { $error }
search-index-failed-help = report the problem; meanwhile, set search: false in site.yaml
