# English messages of src/config/
