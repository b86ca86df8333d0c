//! One `analyze` of FILE after the lexicons are built, for instruction-level profiles:
//! `valgrind --tool=callgrind --toggle-collect=profile::profiled target/release/examples/profile FILE`
#[inline(never)]
fn profiled(text: &str) -> loupe::Analysis {
    loupe::analyze(text)
}
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("FILE")).unwrap();
    let _ = loupe::analyze("Init.");
    std::hint::black_box(profiled(std::hint::black_box(&text)));
}
