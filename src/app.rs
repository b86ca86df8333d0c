//! Web app (stub while being written).
pub fn start() {}
