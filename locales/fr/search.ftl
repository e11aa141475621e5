# French messages of src/search.rs

## The search index (src/search.rs)

search-index-failed = l’index de recherche n’a pas pu être construit : { $error }
search-index-failed-help = signalez le problème ; en attendant, mettez search: false dans site.yaml

## The search index's build cache (src/search/cache.rs)

# $found is the version line the cache folder holds.
search-cache-other-version = le cache de l’index de recherche vient d’une autre version de Gazette ({ $found }) : il est ignoré et l’index est refait
search-cache-truncated = une entrée du cache de l’index de recherche est incomplète : elle est ignorée et cette partie de l’index est refaite
search-cache-altered = une entrée du cache de l’index de recherche n’est pas celle que Gazette a écrite : elle est ignorée et cette partie de l’index est refaite
search-cache-truncated-page = une page du cache de l’index de recherche est incomplète : elle est ignorée et la page est lue de nouveau
search-cache-altered-page = une page du cache de l’index de recherche n’est pas celle que Gazette a écrite : elle est ignorée et la page est lue de nouveau
search-cache-help = rien à faire : la construction a réécrit le cache ; le dossier .gazette-cache/ peut être supprimé à tout moment, il ne sert qu’à gagner du temps
