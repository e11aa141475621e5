# French messages of src/content/
