# English messages of src/progress.rs
