# English messages of src/archetype.rs

## gazette new (src/archetype.rs)

archetype-exists = { $target } already exists: nothing was written
archetype-exists-help = choose another name
archetype-write = cannot write: { $reason }
archetype-bad-path = `{ $path }` is not an article path under content/
archetype-bad-path-help = write for example: gazette new news/my-article
archetype-no-archetype = the theme has no `{ $file }` archetype
