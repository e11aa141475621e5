# French messages of src/cli.rs
