# English messages of src/serve/
