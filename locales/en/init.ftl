# English messages of src/init/
