//! Temporary entry point while the library is assembled.
fn main() {}
