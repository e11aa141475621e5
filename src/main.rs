//! The `gazette` binary: parse the arguments, run, exit with the code the
//! command decided (0 success, 1 site errors, 2 usage or settings).

use clap::Parser;

fn main() {
    let cli = gazette::cli::Cli::parse();
    std::process::exit(cli.run());
}
