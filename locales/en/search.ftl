# English messages of src/search.rs
