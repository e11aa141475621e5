# French messages of src/cli/

## What the commands print at the end (src/cli/mod.rs)

cli-build-failed = échec : { $errors } { $errors ->
        [0] erreur
        [1] erreur
       *[other] erreurs
    } ; le dossier de sortie n’a pas été modifié
# $secs is written with its decimal separator; $kept counts the files of
# other origin that the output folder keeps.
cli-build-summary = { $pages } pages en { $secs } s dans { $output } ({ $written } fichiers écrits, { $removed } supprimés{ $kept ->
        [0] {""}
        [1] , 1 fichier d’autre origine conservé
       *[other] , { $kept } fichiers d’autre origine conservés
    })
# After the summary, when the build cache let pages be kept as published.
cli-build-pages-cached = pages : { $reused } sur { $total } { $reused ->
        [1] reprise
       *[other] reprises
    } telles que publiées (.gazette-cache/pages/)
# After the summary, when the build cache held parts of the search index.
cli-build-search-cached = index de recherche : { $reused ->
        [1] 1 partie
       *[other] { $reused } parties
    } sur { $total } { $reused ->
        [1] reprise
       *[other] reprises
    } du cache (.gazette-cache/search/)
cli-check-summary = vérification : { $errors } { $errors ->
        [0] erreur
        [1] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [0] avertissement
        [1] avertissement
       *[other] avertissements
    } ({ $pages } { $pages ->
        [0] page rendue
        [1] page rendue
       *[other] pages rendues
    }, rien n’a été écrit)
cli-draft-created = brouillon créé : { $path }
cli-site-created = site créé dans { $dir } ({ $files } fichiers) ; pour le construire : cd { $dir } && gazette build
cli-pipeline-written = chaîne de publication écrite dans { $file } : elle installe cette version de Gazette, vérifie, construit et publie le site à chaque envoi (voir docs/publishing.md de Gazette)

## The help of the command line (src/cli/help.rs), in the user's language

cli-about = Gazette fabrique le site intranet d’une rédaction à partir des articles écrits dans content/ (entretiens, témoignages, principes, typographie française).
cli-about-build = Construire tout le site dans le dossier output/
cli-about-check = Vérifier tout le site (erreurs, liens, accessibilité) sans rien écrire
cli-about-init = Créer un nouveau site dans DOSSIER (vide ou absent) : réglages, thème, articles d’exemple
cli-about-new = Commencer un nouvel article à partir d’un modèle du thème (un brouillon daté d’aujourd’hui)
cli-about-serve = Prévisualiser le site : le construire en mémoire, le servir sur 127.0.0.1:1111, reconstruire ce que touche chaque modification enregistrée et recharger les onglets ouverts
cli-about-edit = Rédiger dans le navigateur : l’aperçu du site avec le studio (gazette serve --edit), brouillons compris, ouvert dans le navigateur web ; pour cet ordinateur seulement
cli-option-edit = Servir aussi le studio, la page de rédaction, à /__gazette/studio/ (sur cet ordinateur seulement : refusé avec une adresse --bind qui n’est pas locale) ; l’aperçu montre alors aussi les brouillons et les articles sous embargo
cli-option-edit-bind = L’adresse sur laquelle écouter, locale à cet ordinateur ; par défaut, 127.0.0.1
cli-about-next-change = Afficher quand le site construit changera de lui-même (fin d’un embargo, article qui expire), en heure UTC au format RFC 3339 ; rien s’il ne doit plus changer
cli-about-help = Afficher cette aide, ou celle d’une commande
cli-flag-help = Afficher l’aide
cli-flag-version = Afficher la version
cli-option-root = Le dossier du site (celui de site.yaml) ; par défaut, le dossier courant
cli-option-drafts = Inclure les brouillons
cli-option-future = Inclure les articles sous embargo (datés dans le futur)
cli-option-output = Le dossier où écrire le site, à la place de output/
cli-option-build-base-url = L’adresse de base de cette construction (pour un déploiement de prévisualisation)
cli-option-watch = Continuer : reconstruire output/ à chaque modification des sources
cli-option-take-over = Publier dans un dossier non vide que Gazette n’a pas créé, en gardant ce qu’il contient (Gazette ne supprime jamais un fichier qu’il n’a pas écrit)
cli-option-clean = Avec --take-over : vider d’abord le dossier, en supprimant tout ce que Gazette n’y a pas écrit
cli-option-relative-urls = Écrire les adresses entre les pages du site relativement à chaque page (relative_urls: true), pour que output/index.html s’ouvre depuis le disque ou un partage réseau
cli-option-format = La forme des diagnostics : human (pour une personne, par défaut), json (un objet JSON par ligne), github (annotations de GitHub Actions) ou gitlab (rapport Code Quality de GitLab, un tableau JSON)
cli-option-deny-warnings = Échouer (code de sortie 1) aussi sur les avertissements
cli-option-kind = Le genre d’article : article (par défaut), interview (un entretien), testimonials (des témoignages) ou principles (une liste de principes)
cli-option-bind = L’adresse sur laquelle écouter ; par défaut, 127.0.0.1
cli-option-port = Le port ; par défaut, 1111 (0 en choisit un libre)
cli-option-serve-base-url = L’adresse de base de l’aperçu ; par défaut, l’adresse du serveur
cli-argument-init-dir = Le dossier du nouveau site (créé s’il n’existe pas ; il doit être vide)
cli-option-ci = Écrire aussi la chaîne de publication du site pour ce service d’intégration continue : gitlab (.gitlab-ci.yml, GitLab Pages) ou github (.github/workflows/site.yml, GitHub Pages) ; sans cette option, aucune chaîne n’est écrite
cli-argument-new-path = L’emplacement de l’article sous content/, sans « .md » (par exemple actualites/mon-article)
cli-argument-help-command = La commande dont afficher l’aide
cli-about-completions = Afficher le script de complétion d’un shell, pour que la touche Tab complète les commandes et les options de Gazette
cli-about-man = Afficher la page de manuel de Gazette, ou celle d’une de ses commandes (au format roff, pour man)
cli-argument-completions-shell = Le shell : bash, zsh, fish ou powershell
cli-argument-man-command = La commande dont afficher la page de manuel (build, check, init, new, serve, edit, next-change, completions ou man) ; par défaut, la page de Gazette
cli-option-open = Ouvrir l’aperçu dans le navigateur web dès qu’il est prêt
cli-value-folder = DOSSIER
cli-value-path = CHEMIN
cli-value-kind = GENRE
cli-value-url = ADRESSE
cli-value-address = ADRESSE
cli-value-port = PORT
cli-value-format = FORME
cli-value-service = SERVICE
cli-value-command = COMMANDE
cli-value-shell = SHELL
# The headings of the help; clap writes the colon after them.
cli-heading-usage = Utilisation :
cli-heading-commands = Commandes{" "}
cli-heading-arguments = Arguments{" "}
cli-heading-options = Options{" "}

## The command line's own errors (src/cli/usage_error.rs), in the user's language

# $problem and $help are the two messages below.
cli-usage-error =
    erreur : { $problem }
    {" "}= aide : { $help }
cli-error-unknown-option = l’option « { $option } » n’existe pas pour { $command }
cli-error-extra-argument = « { $argument } » est de trop : { $command } n’attend pas cet argument
cli-error-unknown-command = la commande « { $name } » n’existe pas
cli-error-missing-command = il manque la commande à lancer
cli-error-missing-value = l’option « { $option } » attend une valeur, qui manque
cli-error-invalid-value = « { $value } » n’est pas une valeur possible pour « { $option } »
cli-error-unreadable-value = « { $value } » ne convient pas pour « { $option } »
cli-error-missing-argument = { $command } attend { $argument }, qui manque
cli-error-missing-option = les options données ne vont pas sans « { $option } », qui manque
cli-error-twice = l’option « { $option } » est donnée plusieurs fois
cli-error-no-value-expected = l’option « { $option } » ne prend pas de valeur (« { $value } » est de trop)
cli-error-not-utf8 = un argument n’est pas du texte UTF-8 valable
cli-error-not-understood = la ligne de commande de { $command } n’a pas pu être comprise
cli-help-options = « { $command } --help » décrit ce que la commande accepte
cli-help-closest-option = vouliez-vous dire « { $suggestion } » ? « { $command } --help » décrit ce que la commande accepte
cli-help-commands = « gazette --help » liste les commandes
cli-help-closest-command = vouliez-vous dire « { $suggestion } » ? « gazette --help » liste les commandes
# $values: the possible values, separated by commas.
cli-help-closest-value = vouliez-vous dire « { $suggestion } » ? Les valeurs possibles sont : { $values }
cli-help-values = les valeurs possibles sont : { $values }
cli-help-port = il faut un numéro de port, un nombre entier de 0 à 65535 (0 en choisit un libre)
cli-help-bind = il faut une adresse IP, par exemple 127.0.0.1 (cet ordinateur seul) ou 0.0.0.0 (tout le réseau)
cli-help-new-path = indiquez où créer l’article sous content/, sans « .md » : gazette new actualites/mon-article
cli-help-init-dir = indiquez le dossier du nouveau site : gazette init mon-site
cli-help-not-utf8 = renommez le fichier ou le dossier avec des caractères ordinaires, ou écrivez l’argument autrement

## The version and the manual page (src/cli/help.rs, src/cli/man.rs)

cli-version = { $version } ({ $commit ->
    [unknown] commit inconnu
   *[other] commit { $commit }
})
# The section headings of the manual page, in capitals as man pages write them.
cli-man-name = NOM
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-commands = COMMANDES
cli-man-version = VERSION
