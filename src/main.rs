//! The `gazette` binary: parse the arguments, run, exit with the code the
//! command decided (0 success, 1 site errors, 2 usage or settings).

use clap::Parser;

/// jemalloc rather than the system allocator: many threads allocating many
/// small blocks (pagefind's index, the per-page stages) are much faster with
/// it, and the process stays smaller. Only the binary: the library leaves the
/// choice to whoever embeds it.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let cli = gazette::cli::Cli::parse();
    std::process::exit(cli.run());
}
