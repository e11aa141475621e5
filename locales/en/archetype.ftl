# English messages of src/archetype.rs
