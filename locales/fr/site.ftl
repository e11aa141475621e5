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
