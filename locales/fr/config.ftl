# French messages of src/config/

## site.yaml missing or unreadable (src/config/file.rs)

config-no-site-file = aucun fichier { $file } dans le dossier { $folder }
config-unreadable = lecture impossible de { $path } : { $reason }
config-unreadable-help = lancez gazette dans le dossier du site (celui de site.yaml), ou indiquez-le avec --root DOSSIER ; « gazette init DOSSIER » crée un nouveau site

## The title, the theme, the page size (src/config/resolve.rs)

config-missing-title = le titre du site manque
config-missing-title-help = ajoutez une ligne « title: Le nom du site »
config-missing-theme = le thème « { $theme } » est introuvable dans themes/
config-missing-theme-help = copiez le thème dans themes/ ou corrigez son nom
# $written: the value as written (-1, 0, 2.5, douze).
config-bad-paginate-by = « paginate_by » doit être un nombre entier d’au moins 1, et non « { $written } »
config-bad-paginate-by-help = écrivez le nombre d’articles par page de liste, par exemple paginate_by: 12
# share_image (src/config/share_image.rs): $src as written, $path without its leading /.
config-share-image-not-found = l’image de partage « { $src } » est introuvable dans static/
config-share-image-not-found-help = placez l’image dans le dossier static/ du site (static/{ $path }), ou corrigez le chemin
config-share-image-format = l’image de partage « { $src } » n’est pas une image PNG, JPEG, GIF ou WebP
config-share-image-format-help = les aperçus de liens (Teams, Outlook) n’affichent que ces formats : enregistrez l’image en PNG ou en JPEG, par exemple images/partage.png

## The site's address (src/config/base_url.rs)

config-bad-base-url = « { $address } » n’est pas une adresse web complète
config-bad-base-url-help = écrivez l’adresse complète, par exemple https://intranet.example.org/rh/
config-empty-base-url = l’option --base-url a reçu une valeur vide : aucune adresse de publication
config-empty-base-url-help = « --base-url "$CI_PAGES_URL" » reçoit une valeur vide quand la variable de la chaîne d’intégration (CI_PAGES_URL ou une autre) est vide ou absente : définissez cette variable, ou retirez --base-url pour prendre le base_url de site.yaml
config-no-base-url = site.yaml ne donne pas de base_url : les flux, le plan du site et les liens de partage pointeront vers http://localhost/
config-no-base-url-help = ajoutez l’adresse où le site sera publié, par exemple « base_url: https://intranet.example.org/rh/ », ou passez --base-url

## Extra URL schemes (src/config/schemes.rs)

config-bad-url-scheme-name = « { $name } » n’est pas un nom de schéma d’adresse
config-bad-url-scheme-name-help = écrivez le nom seul, sans « : » ni « // » : une lettre, puis des lettres, des chiffres, « + », « - » ou « . », par exemple extra_url_schemes: [sip, webcal]
config-dangerous-url-scheme = le schéma « { $name } » ne peut pas être autorisé : il exécute du code ou ouvre des fichiers de l’ordinateur du lecteur
config-dangerous-url-scheme-help = retirez-le de extra_url_schemes ; un document à publier se met dans static/ ou dans content/, et se lie par son chemin

## The accessibility statement's facts (src/config/accessibility.rs)

# $message: what is wrong with the date, from the dates catalog; $key: the
# date's key (audit_date, established, updated).
config-bad-audit-date = { $message } (dans « accessibility.{ $key } »)
config-audit-date-not-plain = « { $date } » n’est pas une date écrite sous la forme AAAA-MM-JJ
config-audit-date-not-plain-help = écrivez la date seule, sans heure, sous la forme AAAA-MM-JJ
config-bad-accessibility-status = « { $status } » n’est pas un état de conformité du RGAA
config-accessibility-status-did-you-mean = vouliez-vous écrire « { $best } » ?
config-accessibility-status-one-of = écrivez l’un de : { $statuses }
config-bad-accessibility-rate = un taux de { $rate } % est impossible
config-bad-accessibility-rate-help = écrivez le pourcentage de critères respectés, de 0 à 100, sans « % » : rate: 82
# $key: the missing key of the audit, as written in site.yaml.
config-accessibility-missing = une déclaration « { $status } » repose sur un audit, mais « accessibility.{ $key } » n’est pas renseigné
config-accessibility-missing-help = { $key ->
    [audited_by] ajoutez sous « accessibility: » qui a réalisé l’audit : audited_by: Service accessibilité de la Caisse nationale
    [audit_date] ajoutez sous « accessibility: » la date de l’audit, sous la forme AAAA-MM-JJ : audit_date: 2026-03-01
    [rate] ajoutez sous « accessibility: » le pourcentage de critères respectés, sans « % » : rate: 82
    [audited_pages] ajoutez sous « accessibility: » la liste des pages vérifiées : audited_pages: [Accueil, Recherche]
    [environment] ajoutez sous « accessibility: » la liste des navigateurs et technologies d’assistance des tests : environment: [NVDA 2024.4 et Firefox 128]
   *[tools] ajoutez sous « accessibility: » la liste des outils utilisés pour l’évaluation : tools: [Colour Contrast Analyser]
  }, ou écrivez « status: non conforme » tant qu’aucun audit n’a été réalisé
config-accessibility-rate-status = un taux de { $rate } % ne correspond pas à l’état « { $status } »
config-accessibility-rate-status-help = { $minimum ->
    [100] un site « { $status } » respecte tous les critères du RGAA (rate: 100)
   *[other] un site « { $status } » respecte au moins { $minimum } % des critères du RGAA
  } : corrigez le taux ou écrivez l’état qui lui correspond

## Taxonomy folders (src/config/taxonomies.rs)

config-bad-taxonomy-folder = « { $name } » ne peut pas servir de dossier d’URL
config-bad-taxonomy-folder-help = écrivez par exemple « { $safe } » (minuscules, chiffres et tirets)
config-duplicate-taxonomy-folder = le dossier « { $name } » sert déjà à « { $previous } »
config-duplicate-taxonomy-folder-help = donnez à chaque taxonomie un dossier à elle

## Photos (src/config/images.rs)

config-bad-image-widths = « images.widths » doit être une liste de largeurs en pixels, des nombres entiers de { $min } à { $max }, et non « { $written } »
config-bad-image-widths-help = écrivez les largeurs sans unité, par exemple widths: [480, 800, 1200, 1600], ou retirez la clé pour garder les largeurs par défaut (480, 800, 1200 et 1600)
config-bad-image-quality = « images.quality » doit être un nombre entier de 1 à 100, et non « { $written } »
config-bad-image-quality-help = écrivez la qualité des photos publiées, par exemple quality: 80 (plus haut : plus nettes et plus lourdes)
