# English messages of src/dates.rs
