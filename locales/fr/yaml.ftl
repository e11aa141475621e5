# French messages of src/yaml/
