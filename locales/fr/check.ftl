# French messages of src/check/
