# French messages of src/output/
