# French messages of src/sources.rs

## Reading the site's sources (src/sources.rs)

sources-not-regular = ce n’est pas un fichier ordinaire mais { $kind ->
        [fifo] un tube nommé (FIFO)
        [socket] une socket
        [device] un périphérique
       *[other] un fichier spécial
    } : Gazette ne le lit pas
sources-not-regular-help = remplacez-le par un fichier ordinaire, ou retirez-le du site
sources-symlink-outside = ce lien symbolique mène hors du dossier du site (vers { $target }) : il n’est pas suivi
sources-symlink-outside-help = copiez le fichier ou le dossier dans le site à la place du lien, ou faites pointer le lien vers un fichier du site
sources-symlink-loop = ce lien symbolique forme une boucle (il mène à lui-même ou à un dossier qui le contient)
sources-symlink-loop-help = faites pointer le lien vers un fichier ou un dossier réel, ou supprimez-le
sources-symlink-broken = ce lien symbolique ne mène à aucun fichier
sources-symlink-broken-help = corrigez la cible du lien, ou supprimez-le
sources-name-not-utf8 = ce nom de fichier n’est pas en UTF-8 : il serait publié sous un autre nom
sources-name-not-utf8-help = renommez le fichier (les lettres accentuées sont permises, en UTF-8)
sources-folder-unreadable = lecture du dossier impossible : { $reason }
sources-folder-unreadable-help = vérifiez les droits du dossier (chmod) : Gazette doit pouvoir le lister et y entrer
sources-unreadable = lecture impossible : { $reason }
sources-unreadable-permission-help = vérifiez les droits du fichier (chmod) et de ses dossiers
sources-not-utf8 = le fichier n’est pas enregistré en UTF-8
sources-not-utf8-help = dans votre éditeur, enregistrez le fichier avec l’encodage UTF-8
