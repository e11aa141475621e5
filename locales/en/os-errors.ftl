# English messages of src/os_errors.rs
#
# An English site shows the system's own words (already English, with the
# error number: `Permission denied (os error 13)`), so src/os_errors.rs does
# not use these today; they exist because every message exists in every
# language, and say what the French ones say.

## Operating-system errors, inside another message (src/os_errors.rs)

os-errors-not-found = the file or folder does not exist
os-errors-permission-denied = access denied (insufficient permissions)
os-errors-already-exists = a file of that name already exists
os-errors-storage-full = the disk is full
os-errors-quota-exceeded = the disk quota is reached
os-errors-read-only-filesystem = the disk is read-only
os-errors-is-a-directory = this is a folder, not a file
os-errors-not-a-directory = part of the path is a file, not a folder
os-errors-directory-not-empty = the folder is not empty
os-errors-invalid-filename = the file name is not valid
os-errors-addr-in-use = the address is already used by another program
os-errors-addr-not-available = this address does not exist on this machine
os-errors-invalid-data = the content is not UTF-8 text
# One of the above, with the system's error number.
os-errors-numbered = { $words } (system error { $code })
