# French messages of src/progress.rs
