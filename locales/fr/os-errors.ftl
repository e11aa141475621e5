# French messages of src/os_errors.rs
