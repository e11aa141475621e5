# English messages of src/output/

## Output folders refused (src/output/guard.rs)

output-unsafe-in-sources = the output folder { $output } is inside the sources ({ $source })
output-unsafe-holds-the-site = the output folder { $output } holds the site itself ({ $site })
output-unsafe-system-root = the output folder { $output } is the system's root folder
output-unsafe-home = the output folder { $output } is your home folder ({ $home })
output-unsafe-help = pick a separate folder, empty or absent, for example --output output

## Output folders Gazette does not own (src/output/manifest.rs)

output-not-owned = the output folder { $output } is not empty and was not made by Gazette (it holds { $sample })
output-not-owned-help = pick an empty or absent folder; to publish into this one and keep what it holds, add --take-over; to empty it first (everything in it is deleted), add --take-over --clean
output-not-a-folder = the output folder { $output } is a file, not a folder
output-not-a-folder-help = pick another path with --output
output-mount-point = the output folder { $output } is a mount point
output-mount-point-help = Gazette publishes by replacing the whole folder at once, which a mount point does not allow: publish into a folder inside it, for example --output { $inside }

## Publishing (src/output/mod.rs)

output-foreign-files = files Gazette did not write stand where the site puts files in { $output }: { $files }{ $truncated ->
        [yes] , …
       *[no] {""}
    }
output-foreign-files-help = Gazette never deletes what it did not write: move or delete these files yourself, or publish with --take-over --clean to empty the folder first
output-write-failed = cannot publish into { $output }: { $reason } ({ $path })
output-write-failed-help = check permissions and free disk space, including in the folder that holds the output folder (Gazette prepares the new site there)
# The build cache's record of published pages (.gazette-cache/pages/).
page-cache-other-version = the pages' cache comes from another version of Gazette ({ $found }): it is ignored and every page is made again
page-cache-truncated = the pages' cache is incomplete: it is ignored and every page is made again
page-cache-altered = the pages' cache is not the one Gazette wrote: it is ignored and every page is made again
page-cache-help = nothing to do: the build rewrote the cache; the .gazette-cache/ folder can be deleted at any time, it only saves time
# The build cache's rendered article bodies (.gazette-cache/bodies/).
body-cache-other-version = the cache of article bodies comes from another version of Gazette ({ $found }): it is ignored and the articles are read again
body-cache-damaged = { $count ->
        [1] an entry of the cache of article bodies is incomplete or not the one Gazette wrote: it is ignored and the article is read again
       *[other] { $count } entries of the cache of article bodies are incomplete or not the ones Gazette wrote: they are ignored and those articles are read again
    }
body-cache-front-matter-damaged = the file of article headers read (front-matter) in the cache is incomplete or not the one Gazette wrote: it is ignored and the headers are read again
body-cache-help = nothing to do: the build rewrote the cache; the .gazette-cache/ folder can be deleted at any time, it only saves time
