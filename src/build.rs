//! Cargo's build script (named in Cargo.toml; not a module of the crate): rebuild when files
//! are added to or removed from sessions/ or decks/, which `include_dir!` alone does not notice.
fn main() {
    println!("cargo:rerun-if-changed=sessions");
    println!("cargo:rerun-if-changed=decks");
}
