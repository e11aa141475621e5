# French messages of src/os_errors.rs

## Operating-system errors, inside another message (src/os_errors.rs)

os-errors-not-found = le fichier ou le dossier n’existe pas
os-errors-permission-denied = accès refusé (droits insuffisants)
os-errors-already-exists = un fichier de ce nom existe déjà
os-errors-storage-full = le disque est plein
os-errors-quota-exceeded = le quota de disque est atteint
os-errors-read-only-filesystem = le disque est en lecture seule
os-errors-is-a-directory = c’est un dossier, pas un fichier
os-errors-not-a-directory = un élément du chemin est un fichier, pas un dossier
os-errors-directory-not-empty = le dossier n’est pas vide
os-errors-invalid-filename = le nom du fichier n’est pas valide
os-errors-addr-in-use = l’adresse est déjà utilisée par un autre programme
os-errors-addr-not-available = cette adresse n’existe pas sur cette machine
os-errors-invalid-data = le contenu n’est pas du texte UTF-8
# One of the above, with the system's error number.
os-errors-numbered = { $words } (erreur système { $code })
