# English messages of src/yaml/
