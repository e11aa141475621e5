# French messages of src/render/

## Tera's error messages (src/render/tera_messages.rs)

render-tera-unknown-field = le champ « { $name } » n’existe pas
render-tera-unknown-field-listed = le champ « { $name } » n’existe pas (champs disponibles : { $available })
render-tera-unknown-variable = la variable « { $name } » n’est pas définie
render-tera-unknown-variable-listed = la variable « { $name } » n’est pas définie (variables disponibles : { $available })
render-tera-variable-without-value = la variable « { $name } » existe mais n’a pas de valeur
render-tera-unknown = { $kind ->
        [filter] filtre inconnu
        [function] fonction inconnue
        [test] test inconnu
       *[template] gabarit inconnu
    } « { $name } »
render-tera-unknown-tag = balise inconnue
render-tera-unknown-tag-help = vérifiez le nom de la balise et que chaque {"{% block %}"}, {"{% for %}"} ou {"{% if %}"} a sa balise de fin ({"{% endblock %}"}, {"{% endfor %}"}, {"{% endif %}"})
render-tera-end-tag-mismatch = la balise de fin « { $closing } » ne correspond pas à la balise ouverte « { $opening } »
render-tera-loop-over-non-list = impossible de parcourir une valeur de type « { $kind } » avec {"{% for %}"} : il faut une liste
render-tera-block-not-in-parent = le bloc « { $name } » n’existe dans aucun gabarit parent
render-tera-did-you-mean = vouliez-vous écrire « { $best } » ?

## The theme and its templates (src/render/theme.rs)

render-theme-missing-template = le thème n’a pas de gabarit « { $name } »
render-theme-missing-template-help = copiez ce gabarit depuis le thème gazette
render-theme-strings-help = le thème doit fournir le fichier i18n/{ $lang }.yaml, ses textes dans la langue du site : copiez-le depuis le thème gazette
render-template-unknown = le thème n’a pas de gabarit « { $name } »
render-template-did-you-mean = vouliez-vous écrire « { $best } » ?
render-template-known = les gabarits du thème sont : { $known } ; ou ajoutez templates/{ $name } au site
render-template-error = erreur de gabarit : { $message }
render-template-error-help = corrigez le gabarit ; la syntaxe est celle de Tera 2 (https://keats.github.io/tera/)
render-template-not-found = erreur de gabarit : le thème n’a pas de gabarit « { $name } »
render-template-not-found-help = corrigez le nom, ou ajoutez templates/{ $name } au site

## Pages the site's readers see

# The 404 page's title (src/render/not_found.rs).
render-not-found-title = Page introuvable
# The search page's title, unless the theme has a search_title string (src/render/search_page.rs).
render-search-title = Rechercher dans le site
# A listing's <title> after its first page (src/render/pager.rs).
render-listing-title = { $title } – page { $number }
# The accessibility statement's page (src/render/accessibility.rs, src/render/context.rs).
render-accessibility-title = Déclaration d’accessibilité
render-accessibility-label = Accessibilité{"\u00A0"}: { $status }
# The meta description of pages that are not articles (src/render/descriptions.rs):
# the home page without a site description, a section without a description of its own,
# a taxonomy's index, a term's listing ($kind as in site-taxonomy-title, $name the term),
# the search page, the 404 page and the accessibility statement ($status as in site.yaml).
render-description-home = Les derniers articles publiés, du plus récent au plus ancien.
render-description-section = { $section }{"\u00A0"}: tous les articles de la rubrique, du plus récent au plus ancien.
render-description-taxonomy = { $kind ->
        [category] Toutes les catégories d’articles, chacune avec le nombre de ses articles.
        [series] Toutes les rubriques d’articles, chacune avec le nombre de ses articles.
        [tags] Tous les mots-clés des articles, chacun avec le nombre de ses articles.
        [organisations] Tous les organismes dont parlent les articles, chacun avec le nombre de ses articles.
        [authors] Tous les auteurs des articles, chacun avec le nombre de ses articles.
       *[people] Toutes les personnes qui s’expriment dans les articles, chacune avec le nombre de ses articles.
    }
render-description-term = { $kind ->
        [category] Les articles de la catégorie «{"\u00A0"}{ $name }{"\u00A0"}», du plus récent au plus ancien.
        [series] Les articles de la rubrique «{"\u00A0"}{ $name }{"\u00A0"}», du plus récent au plus ancien.
        [tags] Les articles du mot-clé «{"\u00A0"}{ $name }{"\u00A0"}», du plus récent au plus ancien.
        [organisations] { $name }{"\u00A0"}: les articles qui parlent de cet organisme, du plus récent au plus ancien.
        [authors] Les articles signés par { $name }, du plus récent au plus ancien.
       *[people] Les articles où s’exprime { $name }, du plus récent au plus ancien.
    }
render-description-search = Cherchez un mot, un nom ou un sujet dans tous les articles du site.
render-description-not-found = La page demandée n’existe pas ou a changé d’adresse.
render-description-accessibility = L’état de conformité du site au RGAA ({ $status }), ce qui n’est pas accessible et comment obtenir l’information autrement.
# A download's size, the number already written with its decimal separator (src/render/article.rs).
render-size = { $number }{"\u00A0"}{ $unit ->
        [megabytes] Mo
        [kilobytes] ko
       *[bytes] octets
    }
# The page left at an article's former address (src/render/alias.rs); $link is the link to the article.
render-alias-title = Cette page a déménagé
render-alias-moved-to = Cette page a déménagé{"\u00A0"}: { $link }
