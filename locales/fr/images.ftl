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
