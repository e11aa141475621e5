# English messages of src/init/
#
# `gazette init` speaks French: there is no site yet whose language it could
# follow. These are here because every message exists in every language.

## gazette init (src/init/mod.rs)

init-not-empty = the folder { $path } is not empty: gazette init creates a site only in an empty or missing folder, so as to overwrite nothing
init-choose-another-name = choose another name, for example: gazette init my-site
init-not-a-folder = { $path } exists and is not a folder
init-write = cannot write { $path }: { $reason }
init-write-help = check the permissions on the folder and the free space on the disk
