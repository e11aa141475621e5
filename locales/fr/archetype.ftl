# French messages of src/archetype.rs

## gazette new (src/archetype.rs)

archetype-exists = { $target } existe déjà : rien n’a été écrit
archetype-exists-help = choisissez un autre nom
archetype-write = écriture impossible : { $reason }
archetype-bad-path = « { $path } » n’est pas un chemin d’article sous content/
archetype-bad-path-help = écrivez par exemple : gazette new actualites/mon-article
archetype-no-archetype = le thème n’a pas de modèle « { $file } »
