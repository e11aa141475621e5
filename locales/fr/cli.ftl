# French messages of src/cli.rs

## What the commands print at the end (src/cli.rs)

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
cli-check-summary = vérification : { $errors } { $errors ->
        [0] erreur
        [1] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [0] avertissement
        [1] avertissement
       *[other] avertissements
    } ({ $pages } pages rendues, rien n’a été écrit)
cli-draft-created = brouillon créé : { $path }
