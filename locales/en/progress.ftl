# English messages of src/progress.rs

## Progress and notices (src/progress.rs)

progress-waiting = another build is writing into { $output }: waiting for it to finish…
progress-stage-load = Reading articles
progress-stage-photos = Photos
progress-stage-render = Rendering pages
progress-stage-search = Search index
progress-stage-write = Writing
