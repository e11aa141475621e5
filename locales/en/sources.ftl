# English messages of src/sources.rs

## Reading the site's sources (src/sources.rs)

sources-not-regular = this is not a regular file but { $kind ->
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[other] a special file
    }: Gazette does not read it
sources-not-regular-help = replace it with a regular file, or remove it from the site
sources-symlink-outside = this symbolic link leads out of the site's folder (to { $target }): it is not followed
sources-symlink-outside-help = copy the file or folder into the site instead of the link, or point the link at a file of the site
sources-symlink-loop = this symbolic link forms a loop (it leads to itself or to a folder that holds it)
sources-symlink-loop-help = point the link at a real file or folder, or remove it
sources-symlink-broken = this symbolic link leads to no file
sources-symlink-broken-help = correct the link's target, or remove it
sources-name-not-utf8 = this file name is not UTF-8: it would be published under another name
sources-name-not-utf8-help = rename the file (accented letters are allowed, in UTF-8)
sources-folder-unreadable = cannot read the folder: { $reason }
sources-folder-unreadable-help = check the folder's permissions (chmod): Gazette must be able to list and enter it
sources-unreadable = cannot read: { $reason }
sources-unreadable-permission-help = check the permissions of the file (chmod) and of its folders
sources-not-utf8 = the file is not saved as UTF-8
sources-not-utf8-help = in your editor, save the file with the UTF-8 encoding
