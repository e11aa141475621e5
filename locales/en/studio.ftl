# English messages of src/studio/: the writing page in the browser

## The studio's page and its API (src/studio/mod.rs, web.rs)

studio-refused-host = The studio answers this computer only: open it at the http://127.0.0.1 (or localhost) address Gazette printed when it started.
studio-refused-token = This request does not come from the studio page Gazette opened: reload the studio page, then try again.
studio-busy = The studio is unavailable for a moment: reload the page.
studio-unknown-call = The studio does not know this request: reload the page (Gazette may have been updated).
studio-edit-link = Edit this article

## « Publier »: a commit and a push with git (src/studio/publish.rs)

# $commit: the commit's short hash; $remote: the remote's name (origin); $branch: the branch there.
studio-publish-pushed = Article published: commit { $commit }, sent to { $remote }/{ $branch }.
studio-publish-no-remote = Article saved in git (commit { $commit }), but not sent: the current branch has no remote. Ask the person who manages the site's repository to set one up (git push -u).
# $reason: git's own words, in English.
studio-publish-push-failed = Article saved in git (commit { $commit }), but sending it to { $remote } failed: { $reason }. Check your connection, then send again; if it keeps failing, show this message to the person who manages the site's repository.
studio-publish-push-rejected = Article saved in git (commit { $commit }), but { $remote } refused it: someone else published in the meantime ({ $reason }). Show this message to the person who manages the site's repository: they will fetch those publications (git pull), then you can send again.
studio-publish-push-timed-out = Article saved in git (commit { $commit }), but sending it to { $remote } did not finish within { $seconds } seconds and was stopped. Check your connection, then send again; if it keeps failing, show this message to the person who manages the site's repository.
studio-publish-no-git = The git program was not found on this computer: the article cannot be published from here. It stays saved in the site's files. Ask your IT department to install git (https://git-scm.com), then restart Gazette.
studio-publish-not-a-repository = This site is not a git repository: the article cannot be published from here. It stays saved in the site's files. To publish from the studio, ask the person who manages the site to make it a git repository (git init, or git clone of the team's repository), then restart Gazette.
studio-publish-nothing-to-commit = Nothing to publish: the article and its files have not changed since they were last published.
studio-publish-has-errors = Cannot publish: the saved article has errors (see “Problems to fix”); published, it would stop the site from building. Fix them, save, then publish.
studio-publish-no-author = Cannot publish: no author name. Enter your name in the “Your name” field of the publishing panel.
studio-publish-no-message = Cannot publish: the publication message is empty. Describe your change in one sentence.
# $path: a file given to publish, as given.
studio-publish-path-outside-site = Cannot publish: the file { $path } is not in the site's folder.
# $step: the git command that failed (add, commit…); $reason: git's own words, in English.
studio-publish-git-failed = Cannot publish: the git { $step } command failed ({ $reason }). Nothing was saved in git; show this message to the person who manages the site's repository.
studio-publish-git-timed-out = Cannot publish: the git { $step } command did not finish within { $seconds } seconds and was stopped. Nothing was saved in git; show this message to the person who manages the site's repository.

## Files: saving, new articles, images (src/studio/files.rs)

studio-files-bad-path = “{ $path }” is not the path of an article under content/: choose a .md file of the content/ folder, without “..”
studio-files-outside = “{ $path }” goes through a symbolic link that leaves the site’s folder: the studio does not open it; replace the link with the file itself
studio-files-missing = { $path } does not exist (or is not a regular file): it may have been renamed or deleted; reopen the list of articles
studio-files-not-text = { $path } is not UTF-8 text: save it as UTF-8 in your editor before opening it here
studio-files-conflict = { $path } changed on disk since you opened it: nothing was written; reload it to see the other version, or choose to write yours over it
studio-files-conflict-deleted = { $path } was deleted since you opened it: nothing was written; choose to create it again with your text, or drop your changes
studio-files-no-section = the section “{ $section }” is not a folder of content/: choose an existing section
studio-files-empty-slug = the title has no letter or digit to name the file: write a title, or a file name (slug)
studio-files-bundle-exists = the folder { $path } already exists: the article cannot move into it to take the image; rename or move that folder, then try again
studio-files-image-type = “{ $name }” is not an image the site publishes: choose a { $types } file
studio-files-not-an-image = “{ $name }” is not an image of that type (its content does not match its name): export it again from your image software
studio-files-document-type = “{ $name }” is not a document the studio copies: choose a { $types } file
studio-files-not-a-document = “{ $name }” is not a document of this type (its content does not match its name): save it again from your software
studio-files-no-free-name = no free name for { $path }: rename the file before adding it
studio-files-io = { $path }: { $reason }
