//! Rebuild when bundled content changes: `include_dir!` alone does not notice new files.
fn main() {
    println!("cargo:rerun-if-changed=sessions");
    println!("cargo:rerun-if-changed=decks");
}
