# English messages of src/render/
