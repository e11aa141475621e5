# French messages of src/init/

## gazette init (src/init/mod.rs)

init-not-empty = le dossier { $path } n’est pas vide : gazette init ne crée un site que dans un dossier vide ou absent, pour ne rien écraser
init-choose-another-name = choisissez un autre nom, par exemple : gazette init mon-site
init-not-a-folder = { $path } existe et n’est pas un dossier
init-write = écriture impossible de { $path } : { $reason }
init-write-help = vérifiez les droits sur le dossier et la place libre sur le disque
