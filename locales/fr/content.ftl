# French messages of src/content/

## A shortcode line that does not parse, or blocks that do not pair (src/content/shortcodes/errors.rs)

content-shortcode-expected-name = shortcode mal formé : un nom de shortcode est attendu
content-shortcode-expected-name-help = écrivez le nom juste après l’accolade, par exemple {"{{"} quote(id="sens") {"}}"} ; pour écrire des accolades telles quelles, mettez-les dans du code : `{"{{"} … {"}}"}`
content-shortcode-invalid-name = shortcode mal formé : caractère interdit dans un nom de shortcode
content-shortcode-invalid-name-help = un nom s’écrit en minuscules sans accents, chiffres, « _ » et « - », et commence par une lettre ou « _ » ; pour écrire des accolades telles quelles, mettez-les dans du code : `{"{{"} … {"}}"}`
content-shortcode-expected-open-paren = shortcode mal formé : une parenthèse ouvrante est attendue
content-shortcode-expected-open-paren-help = les parenthèses sont obligatoires, même vides : {"{{"} interview() {"}}"} ; pour écrire des accolades telles quelles, mettez-les dans du code : `{"{{"} … {"}}"}`
content-shortcode-expected-argument-name = shortcode mal formé : un nom d’argument est attendu
content-shortcode-invalid-argument-name = shortcode mal formé : caractère interdit dans un nom d’argument
content-shortcode-invalid-argument-name-help = un nom d’argument s’écrit en minuscules sans accents, chiffres, « _ » et « - », et commence par une lettre ou « _ »
content-shortcode-positional-argument = shortcode mal formé : argument sans nom
content-shortcode-positional-argument-help = nommez chaque argument, par exemple id="volontaires" plutôt que "volontaires"
content-shortcode-expected-equals = shortcode mal formé : un signe « = » est attendu après le nom de l’argument
content-shortcode-expected-value = shortcode mal formé : une valeur est attendue après « = »
content-shortcode-expected-value-help = donnez une valeur : un texte entre guillemets ("…"), un nombre, true ou false
content-shortcode-unquoted-text = shortcode mal formé : le texte « { $text } » doit être entre guillemets
content-shortcode-unquoted-text-help = mettez-le entre guillemets : { $arg }="{ $quoted }"
content-shortcode-unclosed-quote = shortcode mal formé : guillemet jamais refermé
content-shortcode-unclosed-quote-help = refermez le texte par le même guillemet, sur la même ligne ; pour un guillemet dans le texte, écrivez \"
content-shortcode-typographic-quote = shortcode mal formé : guillemet typographique au lieu d’un guillemet droit
content-shortcode-typographic-quote-help = entourez les textes de guillemets droits "…" (le traitement de texte a pu les remplacer par des guillemets typographiques)
content-shortcode-number-out-of-range = shortcode mal formé : nombre trop grand
content-shortcode-number-out-of-range-help = s’il s’agit d’un texte, mettez-le entre guillemets
content-shortcode-expected-comma = shortcode mal formé : une virgule est attendue entre deux arguments
content-shortcode-arguments-help = les arguments s’écrivent nom=valeur, séparés par des virgules : {"{{"} interview(questions="2-3") {"}}"}
content-shortcode-expected-close-paren = shortcode mal formé : une parenthèse fermante est attendue
content-shortcode-expected-close-paren-help = fermez la liste des arguments par « ) », par exemple {"{{"} quote(id="sens") {"}}"}
content-shortcode-expected-close = shortcode mal formé : « { $delimiter } » est attendu pour fermer le shortcode
content-shortcode-expected-close-help = un shortcode ouvert par « {"{{"} » se ferme par « {"}}"} », par exemple {"{{"} quote(id="sens") {"}}"}
content-shortcode-expected-block-close-help = une balise de bloc ouverte par « {"{%"} » se ferme par « %{"}"} », par exemple {"{%"} aside(title="À savoir") %{"}"}
content-shortcode-end-with-arguments = shortcode mal formé : « {"{%"} end %{"}"} » ne prend pas de parenthèses
content-shortcode-end-with-arguments-help = écrivez simplement {"{%"} end %{"}"}
content-shortcode-trailing-text = shortcode mal formé : texte après la fin du shortcode
content-shortcode-trailing-text-help = un shortcode doit être seul sur sa ligne : passez ce texte à la ligne
content-shortcode-duplicate-argument = l’argument « { $name } » est donné deux fois
content-shortcode-duplicate-argument-help = gardez un seul « { $name }=… » dans ce shortcode
content-shortcode-unterminated = le bloc « { $name } » n’est jamais fermé
content-shortcode-unterminated-help = ajoutez une ligne « {"{%"} end %{"}"} » après le contenu du bloc « { $name } » (une ligne « {"{%"} end %{"}"} » dans un bloc de code ne compte pas)
content-shortcode-unexpected-end = « {"{%"} end %{"}"} » sans bloc ouvert
content-shortcode-unexpected-end-help = supprimez cette ligne, ou ouvrez le bloc avant, par exemple « {"{%"} aside(title="À savoir") %{"}"} »
content-shortcode-nested = bloc « { $name } » ouvert à l’intérieur du bloc « { $outer } »
content-shortcode-nested-help = les blocs ne s’imbriquent pas : fermez « { $outer } » par « {"{%"} end %{"}"} » avant d’ouvrir « { $name } »

## A shortcode checked against the front matter (src/content/shortcodes/blocks.rs)

content-shortcode-no-interview = l’en-tête n’a pas d’« interview: » à placer ici
content-shortcode-no-interview-help = ajoutez « interview: » avec ses questions dans l’en-tête, ou retirez cette ligne
content-shortcode-questions-out-of-range = les questions « { $text } » n’existent pas : { $count ->
        [1] l’interview n’en a qu’une
       *[other] l’interview en a { $count }
    }
content-shortcode-questions-out-of-range-help = { $count ->
        [1] écrivez questions="1", ou retirez questions=… pour montrer l’interview entière
       *[other] choisissez des numéros entre 1 et { $count }, par exemple "1-{ $count }" ou "{ $count }"
    }
content-shortcode-not-a-question-range = « { $text } » n’est pas une suite de questions
content-shortcode-not-a-question-range-help = écrivez un numéro ("2"), une suite ("2-3") ou une suite ouverte ("4-")
content-shortcode-did-you-mean = vouliez-vous écrire « { $best } » ?
content-shortcode-unknown-id = { $key ->
        [testimonials] le groupe de témoignages
        [principles] la liste de principes
       *[quotes] la citation
    } « { $id } » n’existe pas dans l’en-tête ({ $key })
content-shortcode-unknown-id-no-key-help = ajoutez « { $key }: » dans l’en-tête de l’article
content-shortcode-possible-ids = les identifiants possibles sont : { $ids }
content-shortcode-missing-id-no-key = l’en-tête n’a pas de « { $key }: » à placer ici
content-shortcode-missing-id-no-key-help = ajoutez « { $key }: » dans l’en-tête, ou retirez cette ligne
content-shortcode-missing-id = { $key ->
        [quotes] il y a plusieurs citations : dites laquelle placer avec id="…"
        [testimonials] il y a plusieurs groupes de témoignages : dites lequel placer avec id="…"
        [principles] il y a plusieurs listes de principes : dites laquelle placer avec id="…"
       *[other] il y a plusieurs « { $key } » : dites lequel placer avec id="…"
    }
content-shortcode-missing-id-help = par exemple {"{{"} { $name }(id="{ $id }") {"}}"}
content-shortcode-unknown = shortcode inconnu « { $name } »
content-shortcode-possible-shortcodes = les shortcodes possibles sont : { $names }
content-shortcode-unknown-argument = argument inconnu « { $argument } » pour { $name }
content-shortcode-accepted-arguments = ce shortcode accepte : { $arguments }

## What serde cannot check in an article's header (src/content/front_matter/checks.rs)

content-front-matter-empty-title = le titre est vide
content-front-matter-empty-title-help = écrivez le titre après « title: »
content-front-matter-missing-key = la clé obligatoire « { $key } » manque dans l’en-tête
content-front-matter-missing-key-help = ajoutez une ligne « { $key }: { $key ->
        [date] 2026-03-01
       *[other] …
    } » entre les deux lignes « --- »
content-front-matter-image-alt = l’image n’a pas de texte de remplacement (alt)
content-front-matter-image-alt-help = ajoutez « alt: » avec ce que montre l’image, pour les personnes qui ne la voient pas ; « alt: "" » seulement pour une image purement décorative
content-front-matter-download-title = le document à télécharger « { $file } » n’a pas de titre
content-front-matter-download-title-help = ajoutez « title: » sous « file: », avec ce qu’est le document : le lien « Télécharger … » le dit aux lecteurs, par exemple title: le guide du télétravail
content-front-matter-interview-by = on ne sait pas qui répond à cette question : l’entretien a plusieurs invités
content-front-matter-interview-by-help = ajoutez « by: » sous la question, avec l’une des personnes de « with: » ({ $people })
# $here, $above: the part of each id that differs, with its code points (é (U+00E9)).
content-front-matter-id-clash = l’identifiant « { $id } » est déjà écrit au-dessus, avec le même aspect mais un autre codage de l’accent : { $here } ici, { $above } au-dessus
content-front-matter-id-clash-help = gardez un seul des deux identifiants, retapé au clavier (un accent codé en deux caractères vient souvent d’un copier-coller), ou donnez à chacun un nom à lui
content-front-matter-bad-slug = « { $slug } » ne peut pas servir d’adresse
content-front-matter-bad-slug-help = utilisez des lettres, des chiffres et des tirets, par exemple « mon-article »

## The two `---` lines around the header (src/content/front_matter/fences.rs)

content-front-matter-missing = le fichier ne commence pas par « --- » : l’en-tête (titre, date…) manque
content-front-matter-missing-help = commencez le fichier par une ligne « --- », puis « title: … » et « date: AAAA-MM-JJ », puis une autre ligne « --- »
content-front-matter-unclosed = l’en-tête commence par « --- » mais ne se termine jamais
content-front-matter-unclosed-help = ajoutez une ligne « --- » après la dernière clé de l’en-tête

## A section's header (src/content/front_matter/section.rs)

# $written: the value as written (-1, 0, 2.5, douze).
content-section-bad-paginate-by = « paginate_by » doit être un nombre entier d’au moins 1, et non « { $written } »
content-section-bad-paginate-by-help = écrivez le nombre d’articles par page de la liste, par exemple « paginate_by: 12 » ; sans « paginate_by », c’est celui de site.yaml
content-section-front-matter-missing = le fichier ne commence pas par « --- » : l’en-tête de la rubrique manque
content-section-front-matter-missing-help = commencez le fichier par une ligne « --- », puis « title: … » (le nom de la rubrique), puis une autre ligne « --- » ; un fichier _index.md vide convient aussi

## A header value of the wrong shape, and its fix (src/content/front_matter/shapes.rs)

# $name: the name written in `with:`, $id: an id made from it.
content-shape-with = « with » attend l’identifiant d’une personne décrite sous « people: » dans l’en-tête de l’article ou dans content/_people.yaml, pas la personne elle-même : ajoutez « people: {"{"}{ $id }: {"{"}name: { $name }{"}}"} » et écrivez « with: { $id } »
content-shape-by = « by » nomme une seule personne : son identifiant (« by: vc ») ou la personne elle-même (« by: {"{"}name: Karim B., role: Gestionnaire{"}"} »)
# $value: the names written, as the map `people` is.
content-shape-people = « people » décrit chaque personne sous un identifiant, que « with: » et « by: » reprennent : « people: { $value } »
content-shape-image = « image » prend le fichier et ce qu’il montre : « image: {"{"}src: { $src }, alt: ce que montre l’image{"}"} »
content-shape-source = « source » prend le titre de la publication, et si besoin sa page et son adresse : « source: {"{"}title: { $title }, page: …{"}"} »
content-shape-quotes = chaque citation a un identifiant, qui la place avec {"{{"} quote(id="…") {"}}"} : « quotes: {"{"}citation: {"{"}text: { $text }{"}}"} »
content-shape-testimonials = chaque témoignage est un texte sous « text: », dans une liste : « testimonials: [{"{"}text: { $text }{"}"}] »
content-shape-questions = chaque question a sa question sous « q: » et sa réponse sous « a: », dans une liste : « questions: [{"{"}q: { $question }, a: …{"}"}] »
content-shape-interview = « interview » prend des clés indentées : « with: » (l’identifiant de la personne interviewée) et « questions: » (la liste des questions, chacune avec « q: » et « a: »)
# $value: the files written, as the list `downloads` is.
content-shape-downloads = chaque document a son fichier et son titre, dans une liste : « downloads: { $value } »

## Walking content/ (src/content/discover.rs)

content-active-file = les fichiers .{ $ext } ne sont pas publiés depuis content/ : ils peuvent contenir des scripts qui s’exécuteraient chez les lecteurs
content-active-file-help = exportez l’image en PNG ou le document en PDF ; si ce fichier doit être publié tel quel, demandez à la personne qui gère le site de le vérifier et de le placer dans static/
content-missing = le dossier content/ est introuvable
content-missing-help = créez un dossier content/ à côté de site.yaml et écrivez-y vos articles

## Footnotes, for screen readers and as the notes' heading (src/content/markdown/footnotes.rs)

content-footnote-reference = Note { $number }
content-footnotes-heading = Notes
content-footnote-back = Retour au texte, appel de note { $number }

## A task list's boxes, for screen readers (src/content/markdown/transform.rs)

content-task-done = fait
content-task-to-do = à faire

## The name of a table's scroll region, from its column headers (src/content/markdown/tables.rs)

content-table-name = Tableau : { $columns }
