# English messages of src/typography.rs
