# English messages of src/url_schemes.rs

## Address schemes (src/url_schemes.rs)

url-schemes-never-help = a published address can neither run a script nor open a file of the reader's computer: write an address https://…, mailto:… or tel:…, a site path (/…) or the path of a file in content/
url-schemes-refused-help = write an address https://…, mailto:… or tel:…, a site path (/…) or the path of a file in content/; if the scheme `{ $scheme }` is meant, add it in site.yaml: extra_url_schemes: [{ $scheme }]
url-schemes-refused = the address scheme `{ $scheme }:` is not allowed (allowed schemes: { $allowed }, and relative addresses)
