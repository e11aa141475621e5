# English messages of src/studio/

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
studio-files-no-free-name = no free name for { $path }: rename the file before adding it
studio-files-io = { $path }: { $reason }
