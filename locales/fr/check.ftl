# French messages of src/check/

## Links to the site's own addresses (src/check/article.rs)

check-link-unknown-path = le lien « { $dest } » ne mène à aucune page ni aucun fichier du site
check-link-unknown-path-help = vérifiez l’adresse ; vers un autre article, un lien vers son fichier (../rubrique/article.md) suit ses changements d’adresse
check-link-unknown-anchor = l’ancre « #{ $anchor } » n’existe pas dans la page « { $path } »
check-link-unknown-anchor-help = vérifiez l’intertitre visé, ou retirez « #… » du lien

## Accessibility and writing (src/check/article.rs)

check-image-alt = l’image n’a pas de texte de remplacement
check-image-alt-help = décrivez ce que l’image apporte entre les crochets : ![Deux agents à l’accueil](photo.jpg)
check-img-no-alt = la balise <img> n’a pas d’attribut alt
check-img-no-alt-help = ajoutez alt="…" avec ce que l’image apporte, ou alt="" role="presentation" pour une image purement décorative
check-img-empty-alt = la balise <img> a un texte de remplacement vide
check-img-empty-alt-help = décrivez l’image dans alt="…" ; si elle est purement décorative, dites-le avec role="presentation"
check-link-no-text = le lien n’a pas d’intitulé
check-link-vague = l’intitulé du lien « { $text } » ne dit pas où il mène
check-link-vague-help = écrivez un intitulé qui se comprend hors du texte : [le guide du télétravail](guide.pdf) plutôt que [cliquez ici](guide.pdf)
check-code-unknown-language = langage de code inconnu « { $language } » : le bloc n’est pas coloré
check-code-unknown-language-help = corrigez le nom (yaml, json, html, css, js, python, sh, sql, rust…) ou écrivez « text » pour du texte brut
check-table-header = le tableau n’a pas de cellule d’en-tête
check-table-header-help = donnez un titre à chaque colonne dans la première ligne du tableau (en HTML : des cellules <th>)
check-quote-almost-repeats = la citation « { $id } » reprend presque, mais pas exactement, une phrase de l’article : elle sera lue comme une autre citation
check-quote-almost-repeats-help = si elle doit reprendre l’article, recopiez-en le texte à l’identique : « { $passage } » ; sinon, reformulez-la pour qu’elle ne ressemble plus à ce passage
check-foreign-term = « { $term } » est dans une autre langue : sans indication de langue, un lecteur d’écran le lira avec la voix française
check-foreign-term-help = marquez sa langue : <span lang="en">{ $term }</span> (en pour l’anglais, de pour l’allemand…), ou écrivez son équivalent français ; la liste des termes vérifiés est la clé foreign_terms de site.yaml (foreign_terms: [] pour ne plus en vérifier aucun)

## Skipped heading levels (src/check/article.rs)

# Among the body's headings, right after the article's title.
check-heading-skip-after-title = le titre « { $text } » est de niveau { $level } mais suit le titre de l’article (niveau 1) : un niveau est sauté
# Among the body's headings.
check-heading-skip = le titre « { $text } » est de niveau { $level } mais suit un titre de niveau { $previous } : un niveau est sauté
# In the page as published (theme, blocks and body together).
check-heading-skip-in-page = dans la page publiée, le titre « { $text } » est de niveau { $level } mais suit un titre de niveau { $previous } : un niveau est sauté
check-heading-skip-theme-help = ce titre vient d’un bloc ou du gabarit ; les intertitres du texte commencent à « ## » (niveau 2), puis « ### » ; ici, il faudrait un niveau { $expected }
check-heading-skip-page-help = dans la page, un bloc ou le gabarit place avant ce titre un titre de niveau { $previous } : écrivez ici « { $hashes } », ou déplacez le titre
check-heading-skip-body-help = le titre de l’article est le niveau 1 : les intertitres commencent à « ## », et ne descendent que d’un niveau à la fois ; écrivez ici « { $hashes } »

## Interview questions placed in the body (src/check/article.rs)

check-interview-question-twice = la question { $number } de l’interview est placée une deuxième fois
check-interview-question-twice-help = chaque question ne se place qu’une fois : corrigez les numéros, par exemple questions="1-2" puis questions="3-"
check-interview-question-unplaced = la question { $number } de l’interview n’est placée nulle part : elle ne sera pas publiée
check-interview-question-unplaced-help = placez-la dans le texte avec {"{{"} interview(questions="{ $number }") {"}}"}, ou retirez-la de l’en-tête (« { $question } »)

## People and organisations no one names (src/check/registry.rs)

check-person-unused = la personne « { $id } » n’apparaît dans aucun article
check-person-unused-help = citez-la avec « by: { $id } » ou « with: { $id } » dans un article, ou retirez-la du fichier
check-organisation-unused = l’organisme « { $id } » n’apparaît dans aucun article ni aucune personne
check-organisation-unused-help = citez-le dans « organisations: » d’un article ou « organisation: { $id } » d’une personne, ou retirez-le du fichier

## The label of `check --format json` (src/check/format.rs): its "severity"
## stays the stable English code.

check-json-label-error = erreur
check-json-label-warning = avertissement
