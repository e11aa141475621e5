# French messages of src/images/

## A photo that cannot be published (src/images/error.rs)

images-unsupported = l’image « { $file } » n’est ni une photo JPEG, ni une image PNG, ni une image WebP : Gazette ne sait pas la publier
images-unsupported-help = enregistrez-la en JPEG (pour une photo) ou en PNG (pour un dessin ou une capture d’écran) depuis votre logiciel d’images, puis remplacez le fichier
images-corrupt = l’image « { $file } » est endommagée ou incomplète : elle ne peut pas être lue
images-corrupt-help = ouvrez-la dans un logiciel d’images pour vérifier qu’elle s’affiche en entier, puis enregistrez-la de nouveau, ou copiez-la encore depuis l’original
images-too-many-pixels = l’image « { $file } » mesure { $width } × { $height } pixels ({ $megapixels } mégapixels), plus que la limite de { $limit } mégapixels
images-too-many-pixels-help = réduisez-la dans un logiciel d’images (4000 pixels de large suffisent pour tous les écrans), puis remplacez le fichier
images-too-long = l’image « { $file } » est trop étroite pour sa longueur : une de ses tailles publiées mesurerait { $width } × { $height } pixels, et le format WebP n’en permet pas plus de { $limit } de côté
images-too-long-help = recadrez-la dans un logiciel d’images, ou découpez-la en plusieurs images

## Une photo dont la taille ne convient pas à sa place (src/render/photo_fit.rs)

images-oversized = la photo « { $file } » mesure { $width } pixels de large, mais le site ne la montre jamais à plus de { $widest } pixels : elle pèse { $weight } dans le dépôt pour des pixels qu’aucun lecteur ne voit
images-oversized-help = réduisez-la à { $limit } pixels de large au plus dans un éditeur d’images, puis remplacez le fichier : la photo publiée reste aussi nette
images-too-small = la couverture « { $file } » ne mesure que { $width } pixels de large, moins que les { $min } pixels auxquels le thème montre une couverture sur un écran courant : elle paraîtra floue
images-too-small-help = remplacez-la par une version d’au moins { $min } pixels de large (l’original de l’appareil photo ou de la photothèque), ou montrez-la dans le texte plutôt qu’en couverture
