# French messages of src/studio/: the writing page in the browser

## The studio's page and its API (src/studio/mod.rs, web.rs)

studio-refused-host = Le studio ne répond qu’à cet ordinateur : ouvrez-le à l’adresse http://127.0.0.1 (ou localhost) que Gazette a affichée au démarrage.
studio-refused-token = Cette demande ne vient pas de la page du studio ouverte par Gazette : rechargez la page du studio, puis recommencez.
studio-busy = Le studio est momentanément indisponible : rechargez la page.
studio-unknown-call = Le studio ne connaît pas cette demande : rechargez la page (Gazette a peut-être été mis à jour).
studio-edit-link = Modifier cet article

## « Publier »: a commit and a push with git (src/studio/publish.rs)

# $commit: the commit's short hash; $remote: the remote's name (origin); $branch: the branch there.
studio-publish-pushed = Article publié : commit { $commit }, envoyé sur { $remote }/{ $branch }.
studio-publish-no-remote = Article enregistré dans git (commit { $commit }), mais il n’a pas été envoyé : la branche actuelle n’a pas de dépôt distant. Demandez à la personne qui gère le dépôt du site de le configurer (git push -u).
# $reason: git's own words, in English.
studio-publish-push-failed = Article enregistré dans git (commit { $commit }), mais l’envoi vers { $remote } a échoué : { $reason }. Vérifiez votre connexion, puis relancez l’envoi ; si l’échec persiste, montrez ce message à la personne qui gère le dépôt du site.
studio-publish-push-rejected = Article enregistré dans git (commit { $commit }), mais { $remote } a refusé l’envoi : quelqu’un d’autre a publié entre-temps ({ $reason }). Montrez ce message à la personne qui gère le dépôt du site : elle récupérera ces publications (git pull), puis vous relancerez l’envoi.
studio-publish-push-timed-out = Article enregistré dans git (commit { $commit }), mais l’envoi vers { $remote } n’a pas abouti en { $seconds } secondes et a été interrompu. Vérifiez votre connexion, puis relancez l’envoi ; si l’échec persiste, montrez ce message à la personne qui gère le dépôt du site.
studio-publish-no-git = Le programme git est introuvable sur cet ordinateur : l’article ne peut pas être publié d’ici. Il reste enregistré dans les fichiers du site. Demandez à votre service informatique d’installer git (https://git-scm.com), puis relancez Gazette.
studio-publish-not-a-repository = Ce site n’est pas un dépôt git : l’article ne peut pas être publié d’ici. Il reste enregistré dans les fichiers du site. Pour publier depuis le studio, demandez à la personne qui gère le site d’en faire un dépôt git (git init, ou git clone du dépôt de l’équipe), puis relancez Gazette.
studio-publish-nothing-to-commit = Rien à publier : l’article et ses fichiers n’ont pas changé depuis leur dernière publication.
studio-publish-has-errors = Publication impossible : l’article enregistré a des erreurs (voir « Problèmes à corriger ») ; publié, il empêcherait la construction du site. Corrigez-les, enregistrez, puis publiez.
studio-publish-no-author = Publication impossible : aucun nom d’auteur. Indiquez votre nom dans le champ « Votre nom » de la publication.
studio-publish-no-message = Publication impossible : le message de publication est vide. Décrivez votre modification en une phrase.
# $path: a file given to publish, as given.
studio-publish-path-outside-site = Publication impossible : le fichier { $path } n’est pas dans le dossier du site.
# $step: the git command that failed (add, commit…); $reason: git's own words, in English.
studio-publish-git-failed = Publication impossible : la commande git { $step } a échoué ({ $reason }). Rien n’a été enregistré dans git ; montrez ce message à la personne qui gère le dépôt du site.
studio-publish-git-timed-out = Publication impossible : la commande git { $step } n’a pas abouti en { $seconds } secondes et a été interrompue. Rien n’a été enregistré dans git ; montrez ce message à la personne qui gère le dépôt du site.

## Files: saving, new articles, images (src/studio/files.rs)

studio-files-bad-path = « { $path } » n’est pas le chemin d’un article sous content/ : choisissez un fichier .md du dossier content/, sans « .. »
studio-files-outside = « { $path } » passe par un lien symbolique qui sort du dossier du site : le studio ne l’ouvre pas ; remplacez le lien par le fichier lui-même
studio-files-missing = { $path } n’existe pas (ou n’est pas un fichier ordinaire) : il a peut-être été renommé ou supprimé ; rouvrez la liste des articles
studio-files-not-text = { $path } n’est pas un texte UTF-8 : enregistrez-le en UTF-8 dans votre éditeur avant de l’ouvrir ici
studio-files-conflict = { $path } a changé sur le disque depuis que vous l’avez ouvert : rien n’a été écrit ; rechargez-le pour voir l’autre version, ou choisissez d’écrire la vôtre par-dessus
studio-files-conflict-deleted = { $path } a été supprimé depuis que vous l’avez ouvert : rien n’a été écrit ; choisissez de le recréer avec votre texte, ou abandonnez vos modifications
studio-files-no-section = la rubrique « { $section } » n’est pas un dossier de content/ : choisissez une rubrique existante
studio-files-empty-slug = le titre n’a ni lettre ni chiffre pour nommer le fichier : écrivez un titre, ou un nom de fichier (slug)
studio-files-bundle-exists = le dossier { $path } existe déjà : l’article ne peut pas y être déplacé pour recevoir l’image ; renommez ou déplacez ce dossier, puis réessayez
studio-files-image-type = « { $name } » n’est pas une image que le site publie : choisissez un fichier { $types }
studio-files-not-an-image = « { $name } » n’est pas une image de ce type (son contenu ne correspond pas à son nom) : exportez-la à nouveau depuis votre logiciel d’images
studio-files-document-type = « { $name } » n’est pas un document que le studio copie : choisissez un fichier { $types }
studio-files-not-a-document = « { $name } » n’est pas un document de ce type (son contenu ne correspond pas à son nom) : enregistrez-le à nouveau depuis votre logiciel
studio-files-no-free-name = aucun nom libre pour { $path } : renommez le fichier avant de l’ajouter
studio-files-io = { $path } : { $reason }
