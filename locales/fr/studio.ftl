# French messages of src/studio/

## Files: saving, new articles, images (src/studio/files.rs)

studio-files-bad-path = « { $path } » n’est pas le chemin d’un article sous content/ : choisissez un fichier .md du dossier content/, sans « .. »
studio-files-outside = « { $path } » passe par un lien symbolique qui sort du dossier du site : le studio ne l’ouvre pas ; remplacez le lien par le fichier lui-même
studio-files-missing = { $path } n’existe pas (ou n’est pas un fichier ordinaire) : il a peut-être été renommé ou supprimé ; rouvrez la liste des articles
studio-files-not-text = { $path } n’est pas un texte UTF-8 : enregistrez-le en UTF-8 dans votre éditeur avant de l’ouvrir ici
studio-files-conflict = { $path } a changé sur le disque depuis que vous l’avez ouvert : rien n’a été écrit ; rechargez-le pour voir l’autre version, ou choisissez d’écrire la vôtre par-dessus
studio-files-conflict-deleted = { $path } a été supprimé depuis que vous l’avez ouvert : rien n’a été écrit ; choisissez de le recréer avec votre texte, ou abandonnez vos modifications
studio-files-no-section = la rubrique « { $section } » n’est pas un dossier de content/ : choisissez une rubrique existante
studio-files-empty-slug = le titre n’a ni lettre ni chiffre pour nommer le fichier : écrivez un titre, ou un nom de fichier (slug)
studio-files-bundle-exists = le dossier { $path } existe déjà : l’article ne peut pas y être déplacé pour recevoir l’image ; renommez ou déplacez ce dossier, puis réessayez
studio-files-image-type = « { $name } » n’est pas une image que le site publie : choisissez un fichier { $types }
studio-files-not-an-image = « { $name } » n’est pas une image de ce type (son contenu ne correspond pas à son nom) : exportez-la à nouveau depuis votre logiciel d’images
studio-files-no-free-name = aucun nom libre pour { $path } : renommez le fichier avant de l’ajouter
studio-files-io = { $path } : { $reason }
