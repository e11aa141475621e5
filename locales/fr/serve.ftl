# French messages of src/serve/

## The preview and build --watch in the terminal (src/serve/mod.rs)

# $kept: what stays in place after the failure.
serve-failed = échec : { $errors } { $errors ->
        [0] erreur
        [1] erreur
       *[other] erreurs
    } ; { $kept ->
        [error-pages] les pages afficheront les erreurs jusqu’à leur correction
        [last-good-pages] les dernières pages correctes restent servies
       *[output] le dossier de sortie n’a pas été modifié
    }
# $how: what the change asked to rebuild.
serve-rebuilt = reconstruit ({ $how ->
        [article] article
        [statics] fichiers statiques
        [templates] gabarits
       *[site] tout le site
    }) en { $ms } ms : { $files } { $files ->
        [0] fichier modifié
        [1] fichier modifié
       *[other] fichiers modifiés
    }
serve-preview-at = aperçu : { $url }  (Ctrl-C pour arrêter)
serve-cannot-watch-serving = surveillance des fichiers impossible ({ $error }) : le site est servi sans mise à jour
serve-stopped = aperçu arrêté
serve-cannot-listen = impossible d’écouter sur { $bind }:{ $port } : { $reason }
serve-cannot-listen-help = choisissez un autre port avec --port, ou --port 0 pour un port libre
serve-studio-at = studio : { $url }  (la page de rédaction ; elle ne répond qu’à cet ordinateur)
serve-edit-not-loopback = le studio ne s’ouvre que sur cet ordinateur : --edit refuse l’adresse { $bind }
serve-edit-not-loopback-help = retirez --bind (le studio écoute alors sur 127.0.0.1), ou lancez l’aperçu pour vos collègues sans --edit
serve-cannot-start = le serveur d’aperçu n’a pas pu démarrer : { $reason }
serve-cannot-open = impossible d’ouvrir le navigateur web ({ $reason }) : ouvrez-y vous-même { $url }
serve-first-build = { $pages } pages en { $ms } ms, servies depuis la mémoire (output/ n’est pas modifié)
serve-photos-ready = { $photos ->
        [one] 1 photo déclinée
       *[other] { $photos } photos déclinées
    } en variantes, pages mises à jour en { $ms } ms
serve-cannot-make-photos = les photos seront servies telles que déposées : leurs variantes ne peuvent pas être préparées en arrière-plan ({ $reason })
serve-errors-fixed = erreurs corrigées
serve-watching = surveillance des sources (Ctrl-C pour arrêter)
serve-cannot-watch = surveillance des fichiers impossible : { $reason }
serve-search-later = l’index de recherche sera mis à jour après { $seconds } s sans modification
serve-search-updated = index de recherche mis à jour en { $ms } ms ({ $written } { $written ->
        [0] fichier écrit
        [1] fichier écrit
       *[other] fichiers écrits
    })
serve-written = { $written } { $written ->
        [0] écrit
        [1] écrit
       *[other] écrits
    } en { $ms } ms dans { $output } ({ $removed } { $removed ->
        [0] supprimé
        [1] supprimé
       *[other] supprimés
    })

## Requests the preview refuses (src/serve/addresses.rs)

# In place of a missing Host header.
serve-no-host = (aucune)
# In place of a missing Origin header.
serve-no-origin = (aucune)
serve-wrong-host =
    421 : cet aperçu de Gazette ne répond pas à l’adresse « { $host } », qui n’est pas la sienne (sinon, une page d’un autre site pourrait lire l’aperçu, brouillons compris).
    Ouvrez l’aperçu à son adresse : { $preview }
    Pour l’ouvrir sous un autre nom, relancez gazette serve avec --base-url http://NOM:{ $port }/
serve-wrong-origin =
    403 : cet aperçu n’accepte les requêtes qui modifient quelque chose que depuis ses propres pages, et celle-ci vient de l’origine « { $origin } ».
    Envoyez-la depuis une page de l’aperçu : { $preview }

## The error overlay over the page (src/serve/overlay.rs)

serve-overlay-title = La page n’a pas pu être mise à jour
serve-overlay-explain = Un fichier du site contient une erreur : le message ci-dessous indique le fichier, la ligne et la correction à faire. Corrigez le fichier et enregistrez-le : cette page se mettra à jour d’elle-même. En fermant ce message, vous retrouvez la page telle qu’elle était avant l’erreur.
# When the site has never built: no page is behind the overlay.
serve-overlay-explain-no-page = Un fichier du site contient une erreur : le message ci-dessous indique le fichier, la ligne et la correction à faire. Le site s’affichera dès que l’erreur sera corrigée : corrigez le fichier et enregistrez-le, cette page se mettra à jour d’elle-même.
serve-overlay-close = Fermer
# The bare answers of the preview's server when no page of the site can answer.
serve-http-400 = requête mal formée
serve-http-403 = accès refusé : cette adresse est hors du site
serve-http-404 = page introuvable
serve-http-405 = méthode non autorisée : l’aperçu ne répond qu’aux lectures (GET, HEAD)
serve-http-413 = contenu trop volumineux
serve-http-500 = erreur interne de l’aperçu
