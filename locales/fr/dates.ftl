# French messages of src/dates.rs
