# French messages of src/url_schemes.rs
