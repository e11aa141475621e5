# French messages of src/site/

## Links between articles and files (src/site/links.rs)

link-broken = { $kind ->
        [image] l’image
        [download] le fichier à télécharger
       *[link] la cible du lien
    } « { $dest } » est introuvable (content/{ $key })
link-broken-help = vérifiez le nom du fichier et le chemin, relatif au dossier de l’article
link-did-you-mean = vouliez-vous écrire « { $written } » ?
link-outside-content = le lien « { $dest } » sort du dossier content/
link-outside-content-help = un lien relatif part du dossier de l’article ; retirez un « ../ »
link-to-unpublished = le lien « { $dest } » mène à { $why ->
        [draft] un brouillon
        [embargoed] un article sous embargo
       *[expired] un article expiré
    }, absent du site publié
link-to-unpublished-help = retirez le lien, ou publiez l’article visé d’abord
link-anchor-did-you-mean = vouliez-vous écrire « #{ $best } » ?
link-anchor-no-headings = la page visée n’a pas d’intertitre : retirez « #… » du lien
link-anchor-possible = les ancres possibles sont : { $anchors }
link-missing-anchor = l’ancre « #{ $anchor } » n’existe pas dans « { $dest } »
link-missing-anchor-here = l’ancre « #{ $anchor } » n’existe pas sur cette page

## Output paths: what cannot be written, who writes a file, how to fix its path (src/site/paths/report.rs)

site-path-segment-too-long = « { $segment } » est trop long pour un nom de fichier : { $bytes } octets, au plus { $max }
site-path-too-long = l’adresse /{ $path } est trop longue : { $bytes } octets, au plus { $max }
site-path-invalid-name = « { $segment } » ne peut pas servir de nom de fichier dans /{ $path } : { $reason ->
        [dots] « . » et « .. » désignent des dossiers
        [control] il contient un caractère de contrôle
        [backslash] il contient « \ »
        [windows] il contient « { $character } », que Windows refuse
        [device] c’est un nom que Windows réserve à ses périphériques
        [trailing] il finit par un point ou une espace, que Windows retire
       *[too-long] il est trop long
    }
site-path-collision = deux sources écriraient le même fichier /{ $path } : { $who } et { $whom }
site-path-case-collision-help = /{ $other } et /{ $path } ne diffèrent que par les majuscules, et Windows comme macOS en font un seul fichier ; { $fix }
site-path-file-and-folder = /{ $file } serait à la fois un fichier, pour { $file_owner }, et un dossier, pour { $folder_owner } (/{ $inside })
site-path-in-reserved = le dossier /{ $folder } est réservé { $reserved ->
        [pagination] à la pagination de { $owner }
        [theme] aux fichiers du thème
       *[owner] à { $owner }
    } : { $who } ne peut pas y écrire /{ $path }
site-path-reserved-twice = le dossier /{ $folder } est réservé { $reserved ->
        [pagination] à la pagination de { $owner }
        [theme] aux fichiers du thème
       *[owner] à { $owner }
    } : { $who } ne peut pas s’en servir

site-path-owner-home = la page d’accueil
site-path-owner-section = la rubrique content/{ $dir }/
site-path-owner-term = la page « { $name } » ({ $title })
site-path-owner-feed = le flux Atom de { $listing }
site-path-owner-article = l’article { $path }
site-path-owner-alias = l’ancienne adresse « { $alias } » de { $path }
site-path-owner-taxonomy = la liste « { $title } »
site-path-owner-file = le fichier { $path }
site-path-owner-variant = les variantes de la photo { $path }
site-path-owner-generated = { $page ->
        [not-found] la page « introuvable » (404.html)
        [sitemap] le plan du site (sitemap.xml)
        [robots] le fichier robots.txt de Gazette
        [search] la page de recherche
        [search-index] l’index de recherche
       *[accessibility] la déclaration d’accessibilité
    }

site-path-fix-alias-shorter = raccourcissez cette ancienne adresse, ou retirez-la
site-path-fix-alias = choisissez une autre ancienne adresse, ou retirez celle-ci
site-path-fix-slug-shorter = choisissez un « slug: » plus court
site-path-fix-slug = changez la valeur de « slug: »
site-path-fix-article-shorter = raccourcissez le nom du fichier, ou ajoutez un « slug: » plus court
site-path-fix-article = renommez le fichier, ou ajoutez « slug: un-autre-nom »
site-path-fix-section-shorter = raccourcissez le nom du dossier
site-path-fix-section = renommez le dossier
site-path-fix-term-shorter = écrivez ce nom plus court dans l’en-tête
site-path-fix-term = écrivez ce nom autrement dans l’en-tête
site-path-fix-taxonomy-shorter = choisissez un dossier plus court sous « taxonomies: » dans site.yaml
site-path-fix-taxonomy = choisissez un autre dossier sous « taxonomies: » dans site.yaml
site-path-fix-file-shorter = raccourcissez le nom du fichier
site-path-fix-file = renommez ou déplacez le fichier

## Old addresses of articles (src/site/paths.rs, src/site/aliases.rs)

site-alias-taken = l’ancienne adresse /{ $path } est déjà prise
site-alias-taken-page-help = c’est l’adresse de { $owner } : retirez-la de « aliases: », ou choisissez une autre ancienne adresse
site-alias-taken-alias-help = { $owner } a déjà cette ancienne adresse : gardez-la dans un seul des deux articles
site-alias-invalid = « { $alias } » ne peut pas servir d’ancienne adresse
site-alias-not-a-site-path-help = une ancienne adresse est un chemin de ce site : écrivez-la sans « https:// » ni nom de serveur, comme /anciennes-actus/mon-article/
site-alias-climbs-help = écrivez un chemin du site, comme /anciennes-actus/mon-article/, sans « .. »
site-alias-character-help = écrivez un chemin du site avec des « / », sans « \ » ni caractère invisible

## Articles' addresses (src/site/placement.rs)

site-url-reserved = l’adresse /{ $address } est déjà prise par une rubrique ou une pagination
site-url-reserved-help = donnez un autre nom au fichier, ou ajoutez « slug: un-autre-nom »
site-url-collision = cet article aurait la même adresse /{ $address } que { $other }
site-url-collision-help = ajoutez « slug: un-autre-nom » à l’un des deux

## A cover's focal point (src/site/focus.rs)

site-image-bad-focus = le point « { $focus } » n’est pas un point de l’image : deux pourcentages de 0 % à 100 % sont attendus, en largeur puis en hauteur
site-image-bad-focus-help = écrivez par exemple « focus: "50% 30%" » (au milieu en largeur, au tiers de la hauteur), ou retirez « focus: » pour garder le centre

## Files named by the registries (src/site/registry.rs)

site-registry-file-missing = le fichier « { $file } » n’existe pas dans le site
site-registry-file-did-you-mean = vouliez-vous écrire « /{ $best } » ?
site-registry-file-missing-help = placez le fichier dans static/{ $name }, ou corrigez le chemin

## Further reading (src/site/related.rs)

site-related-unpublished = « { $path } » n’est pas publié (brouillon, embargo ou expiré) : il n’apparaît pas dans « Pour aller plus loin »
site-related-unpublished-help = { $why ->
        [draft] pour l’y montrer, publiez-le : retirez « draft: true » de son en-tête (ou de celui de sa rubrique) ; sinon, retirez-le de « related: »
        [embargoed] il y apparaîtra de lui-même à sa date de publication ; pour ne plus le proposer, retirez-le de « related: »
       *[expired] pour l’y montrer, repoussez ou retirez son « expires: » ; sinon, retirez-le de « related: »
    }
site-related-missing = l’article « { $path } » est introuvable
site-related-missing-help = écrivez le chemin depuis content/, par exemple actualites/mon-article.md

## People named in articles (src/site/resolution/people.rs)

site-person-unknown = personne inconnue « { $id } »
site-person-did-you-mean = vouliez-vous écrire « { $best } » ?
site-person-unknown-help = ajoutez cette personne sous « people: » dans l’en-tête, ou dans content/_people.yaml

## Taxonomy index pages (src/site/taxonomy.rs)

site-taxonomy-title = { $kind ->
        [category] Catégories
        [series] Rubriques
        [tags] Mots-clés
        [organisations] Organismes
        [authors] Auteurs
       *[people] Personnes
    }
