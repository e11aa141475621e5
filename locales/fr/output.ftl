# French messages of src/output/

## Output folders refused (src/output/guard.rs)

output-unsafe-in-sources = le dossier de sortie { $output } est dans les sources ({ $source })
output-unsafe-holds-the-site = le dossier de sortie { $output } contient le site lui-même ({ $site })
output-unsafe-system-root = le dossier de sortie { $output } est la racine du système
output-unsafe-home = le dossier de sortie { $output } est votre dossier personnel ({ $home })
output-unsafe-help = choisissez un dossier à part, vide ou absent, par exemple --output output

## Output folders Gazette does not own (src/output/manifest.rs)

output-not-owned = le dossier de sortie { $output } n’est pas vide et n’a pas été créé par Gazette (il contient { $sample })
output-not-owned-help = choisissez un dossier vide ou absent ; pour publier dans celui-ci en gardant ce qu’il contient, ajoutez --take-over ; pour le vider d’abord (tout ce qu’il contient sera supprimé), ajoutez --take-over --clean
output-not-a-folder = le dossier de sortie { $output } est un fichier, pas un dossier
output-not-a-folder-help = choisissez un autre chemin avec --output
output-mount-point = le dossier de sortie { $output } est un point de montage
output-mount-point-help = Gazette publie en remplaçant le dossier entier d’un coup, ce qu’un point de montage ne permet pas : publiez dans un sous-dossier, par exemple --output { $inside }

## Publishing (src/output/mod.rs)

output-foreign-files = des fichiers que Gazette n’a pas écrits occupent la place de fichiers du site dans { $output } : { $files }{ $truncated ->
        [yes] , …
       *[no] {""}
    }
output-foreign-files-help = Gazette ne supprime jamais ce qu’il n’a pas écrit : déplacez ou supprimez ces fichiers vous-même, ou publiez avec --take-over --clean pour vider le dossier d’abord
output-write-failed = publication impossible dans { $output } : { $reason } ({ $path })
output-write-failed-help = vérifiez les droits et la place sur le disque, y compris dans le dossier qui contient le dossier de sortie (Gazette y prépare le nouveau site)
# The build cache's record of published pages (.gazette-cache/pages/).
page-cache-other-version = le cache des pages vient d’une autre version de Gazette ({ $found }) : il est ignoré et toutes les pages sont refaites
page-cache-truncated = le cache des pages est incomplet : il est ignoré et toutes les pages sont refaites
page-cache-altered = le cache des pages n’est pas celui que Gazette a écrit : il est ignoré et toutes les pages sont refaites
page-cache-help = rien à faire : la construction a réécrit le cache ; le dossier .gazette-cache/ peut être supprimé à tout moment, il ne sert qu’à gagner du temps
# The build cache's rendered article bodies (.gazette-cache/bodies/).
body-cache-other-version = le cache des corps d’articles vient d’une autre version de Gazette ({ $found }) : il est ignoré et les articles sont relus
body-cache-damaged = { $count ->
        [1] une entrée du cache des corps d’articles est incomplète ou n’est pas celle que Gazette a écrite : elle est ignorée et l’article est relu
       *[other] { $count } entrées du cache des corps d’articles sont incomplètes ou ne sont pas celles que Gazette a écrites : elles sont ignorées et ces articles sont relus
    }
body-cache-front-matter-damaged = le fichier des en-têtes d’articles lus (front-matter) du cache est incomplet ou n’est pas celui que Gazette a écrit : il est ignoré et les en-têtes sont relus
body-cache-help = rien à faire : la construction a réécrit le cache ; le dossier .gazette-cache/ peut être supprimé à tout moment, il ne sert qu’à gagner du temps
