# French messages of src/init/
