# French messages of src/serve/
