//! The `gazette` binary: parse the arguments, run, exit with the code the
//! command decided (0 success, 1 site errors, 2 usage or settings). The
//! user's locale decides the language of the help and of the parser's
//! errors; the site's settings decide the rest.

/// jemalloc rather than the system allocator: many threads allocating many
/// small blocks (pagefind's index, the per-page stages) are much faster with
/// it, and the process stays smaller. Only the binary: the library leaves the
/// choice to whoever embeds it.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let lang = gazette::cli::locale::user_language(|name| std::env::var_os(name));
    std::process::exit(gazette::cli::main(std::env::args_os().collect(), lang));
}
