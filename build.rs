//! Build script: rebuild the crate when a file is added to or removed from
//! the folders `gazette init` embeds. `include_dir!` makes Cargo track the
//! files it embedded, but not files that appear later.

fn main() {
    println!("cargo:rerun-if-changed=themes/gazette");
    println!("cargo:rerun-if-changed=src/init/starter");
}
