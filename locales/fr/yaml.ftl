# French messages of src/yaml/

## YAML that cannot be read at all (src/yaml/syntax.rs)

yaml-colon-in-text = ce texte contient « : » : il doit être écrit entre guillemets
yaml-indented-under-value = cette ligne est plus indentée que la clé au-dessus, qui a déjà une valeur
yaml-indented-under-value-help = alignez-la sur la clé au-dessus ; pour en faire une sous-clé, ne laissez rien après « : » sur la ligne de la clé au-dessus
yaml-list-item-on-key-line = un élément de liste (« - ») ne peut pas suivre sa clé sur la même ligne
yaml-list-item-on-key-line-help = passez à la ligne après « { $key }: » et écrivez chaque élément sur sa propre ligne, en retrait : « - … »
yaml-unclosed-quote = ce guillemet n’est jamais fermé
yaml-unclosed-quote-help = fermez-le à la fin du texte ; entre apostrophes, une apostrophe du texte se double ('L''été'), ou mettez le texte entre guillemets droits ("L'été")
yaml-unclosed-bracket = ce crochet « [ » n’est jamais fermé
yaml-unclosed-bracket-help = fermez la liste par « ] » sur la même ligne ; un élément qui contient une virgule ou « : » s’écrit entre guillemets
yaml-unclosed-brace = cette accolade « {"{"} » n’est jamais fermée
yaml-unclosed-brace-help = un texte qui commence par « {"{"} » s’écrit entre guillemets
yaml-tab-indent = une tabulation sert de retrait à cette ligne
yaml-tab-indent-help = remplacez-la par des espaces : YAML n’accepte que des espaces en début de ligne
yaml-write-key-value = écrivez : { $key }: { $value }
yaml-leading-sign-help = mettez le texte entre guillemets droits ("…")
yaml-leading-sign = un texte qui commence par « { $sign } » doit être écrit entre guillemets
yaml-malformed-flow-item = un élément de cette liste entre crochets est vide ou mal écrit
yaml-malformed-flow-item-help = séparez les éléments par une seule virgule ; un élément qui contient « : », « [ » ou « {"{"} » s’écrit entre guillemets
yaml-text-after-block-indicator = après « | » ou « > », le texte commence à la ligne suivante
yaml-text-after-block-indicator-help = passez à la ligne après « | » et écrivez le texte dessous, en retrait
yaml-text-after-closing-quote = du texte suit le guillemet fermant
yaml-text-after-closing-quote-help = mettez tout le texte entre les guillemets ; entre apostrophes, une apostrophe du texte se double ('L''été'), ou mettez le texte entre guillemets droits ("L'été")
yaml-misaligned-line = cette ligne n’est alignée sur aucune ligne au-dessus
yaml-misaligned-line-help = donnez-lui exactement le même retrait (le même nombre d’espaces) que les lignes de même niveau
yaml-missing-colon = il manque « : » après la clé
yaml-unknown-escape = une barre oblique inversée « \ » dans un texte entre guillemets droits commence un code inconnu
yaml-unknown-escape-help = mettez le texte entre apostrophes ('C:\Dossier') ou doublez la barre (\\)
yaml-control-character = un caractère de contrôle invisible s’est glissé dans le texte
yaml-control-character-help = effacez et retapez les caractères autour de la position indiquée (ce caractère vient souvent d’un copier-coller)

## serde_yaml's messages in the writer's words (src/yaml/wording.rs)

yaml-unknown-key = clé inconnue « { $key } »
yaml-did-you-mean = vouliez-vous écrire « { $best } » ?
yaml-allowed-keys = les clés possibles ici sont : { $keys }
yaml-unknown-value = valeur inconnue « { $value } »
yaml-allowed-values = les valeurs possibles sont : { $values }
yaml-wrong-type = valeur du mauvais type : il faut { $expected } et non { $found }
yaml-wrong-type-help = vérifiez la forme de la valeur : un texte, une liste (lignes commençant par « - ») ou des clés indentées

## A value of the wrong shape, and its fix (src/yaml/shapes.rs)

# $value: the writer's text made a list ([mobilité, métiers]); $first: its first item.
yaml-list-help = écrivez la liste entre crochets : « { $key }: { $value } », ou une ligne « - { $first } » par élément sous « { $key }: »
yaml-map-in-list-help = écrivez la liste entre crochets, même pour un seul élément : « { $key }: { $value } »
# $value: true for oui (yes, vrai, 1), false otherwise.
yaml-boolean-help = écrivez true (oui) ou false (non), sans guillemets : « { $key }: { $value } »
yaml-list-of-maps-help = « { $key } » est une liste : mettez « - » devant la première clé de chaque élément, en retrait sous « { $key }: »
yaml-duplicate-key = la clé « { $key } » est écrite deux fois
yaml-duplicate-key-help = gardez une seule ligne pour cette clé
yaml-missing-key = la clé « { $key } » manque
yaml-missing-key-help = ajoutez « { $key }: … » à cet endroit
yaml-unreadable = YAML illisible : { $detail }
yaml-unreadable-help = vérifiez l’indentation (des espaces, pas de tabulations) et mettez entre guillemets les textes qui contiennent « : » ou commencent par un caractère spécial
# A kind of value serde names, by its shape: `struct` is a Rust type's
# name (`struct RawTestimonialGroup`), `other` a kind worded nowhere here,
# shown in serde's words ($serde).
yaml-kind = { $shape ->
        [text] un texte
        [sequence] une liste
        [map] des clés indentées
        [struct] des clés indentées
        [number] un nombre
        [boolean] true ou false
        [empty] une valeur vide
       *[other] { $serde }
    }
# Two kinds a value may have (`a text or a map`).
yaml-kind-or = { $first } ou { $second }

## Where a YAML error is (src/yaml/mod.rs)

yaml-too-deep = les valeurs sont imbriquées sur plus de { $limit } niveaux
yaml-too-deep-help = écrivez une valeur moins imbriquée : fermez les crochets « [ » et les accolades « {"{"} » plus tôt, ou retirez des niveaux de retrait
# $path: yaml-path-keys and yaml-path-entry, joined by commas.
yaml-in-path = { $message } (dans { $path })
# Keys of a path, as written (interview.with).
yaml-path-keys = « { $keys } »
# An entry of a list, counted from 1.
yaml-path-entry = { $entry ->
        [question] question { $number }
        [testimony] témoignage { $number }
        [principle] principe { $number }
        [download] document { $number }
        [menu] entrée { $number } du menu
       *[other] élément { $number }
    }
