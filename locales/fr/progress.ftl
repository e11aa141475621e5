# French messages of src/progress.rs

## Progress and notices (src/progress.rs)

progress-waiting = un autre build écrit dans { $output } : attente de la fin de celui-ci…
progress-stage-load = Lecture des articles
progress-stage-photos = Photos
progress-stage-render = Rendu des pages
progress-stage-search = Index de recherche
progress-stage-write = Écriture
