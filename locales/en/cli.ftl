# English messages of src/cli.rs
