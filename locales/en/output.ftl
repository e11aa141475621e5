# English messages of src/output/
