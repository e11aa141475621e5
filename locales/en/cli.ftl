# English messages of src/cli.rs

## What the commands print at the end (src/cli.rs)

cli-build-failed = failed: { $errors } { $errors ->
        [0] error
        [1] error
       *[other] errors
    }; the output folder was not changed
# $secs is written with its decimal separator; $kept counts the files of
# other origin that the output folder keeps.
cli-build-summary = { $pages } pages in { $secs } s into { $output } ({ $written } files written, { $removed } removed{ $kept ->
        [0] {""}
        [1] , 1 file of other origin kept
       *[other] , { $kept } files of other origin kept
    })
cli-check-summary = check: { $errors } { $errors ->
        [0] error
        [1] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [0] warning
        [1] warning
       *[other] warnings
    } ({ $pages } pages rendered, nothing written)
cli-draft-created = draft created: { $path }
