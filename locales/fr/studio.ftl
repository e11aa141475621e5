# French messages of src/studio/: the writing page in the browser

studio-refused-host = Le studio ne répond qu’à cet ordinateur : ouvrez-le à l’adresse http://127.0.0.1 (ou localhost) que Gazette a affichée au démarrage.
studio-refused-token = Cette demande ne vient pas de la page du studio ouverte par Gazette : rechargez la page du studio, puis recommencez.
studio-busy = Le studio est momentanément indisponible : rechargez la page.
studio-unknown-call = Le studio ne connaît pas cette demande : rechargez la page (Gazette a peut-être été mis à jour).
studio-edit-link = Modifier cet article
