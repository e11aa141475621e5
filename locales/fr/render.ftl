# French messages of src/render/
