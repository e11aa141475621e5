# French messages of src/search.rs
