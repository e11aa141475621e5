# French messages of src/sources.rs
