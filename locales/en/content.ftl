# English messages of src/content/
