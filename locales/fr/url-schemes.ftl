# French messages of src/url_schemes.rs

## Address schemes (src/url_schemes.rs)

url-schemes-never-help = une adresse publiée ne peut ni exécuter de script ni ouvrir un fichier de l’ordinateur du lecteur : écrivez une adresse https://…, mailto:… ou tel:…, un chemin du site (/…) ou le chemin d’un fichier de content/
url-schemes-refused-help = écrivez une adresse https://…, mailto:… ou tel:…, un chemin du site (/…) ou le chemin d’un fichier de content/ ; si le schéma « { $scheme } » est voulu, ajoutez-le dans site.yaml : extra_url_schemes: [{ $scheme }]
url-schemes-refused = le schéma d’adresse « { $scheme }: » n’est pas autorisé (schémas autorisés : { $allowed }, et les adresses relatives)
