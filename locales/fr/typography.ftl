# French messages of src/typography.rs
