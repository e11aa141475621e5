# English messages of src/check/
