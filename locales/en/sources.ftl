# English messages of src/sources.rs
