# French messages of src/search.rs

## The search index (src/search.rs)

search-index-failed = l’index de recherche n’a pas pu être construit : { $error }
search-index-failed-help = signalez le problème ; en attendant, mettez search: false dans site.yaml
