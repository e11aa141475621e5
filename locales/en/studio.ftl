# English messages of src/studio/: the writing page in the browser

studio-refused-host = The studio answers this computer only: open it at the http://127.0.0.1 (or localhost) address Gazette printed when it started.
studio-refused-token = This request does not come from the studio page Gazette opened: reload the studio page, then try again.
studio-busy = The studio is unavailable for a moment: reload the page.
studio-unknown-call = The studio does not know this request: reload the page (Gazette may have been updated).
studio-edit-link = Edit this article
