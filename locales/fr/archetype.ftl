# French messages of src/archetype.rs
