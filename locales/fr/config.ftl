# French messages of src/config/
