//! The bridge's integration tests share the AWS crate's emulator helpers (clients for the two
//! local test emulators, demo credentials, unique names) and add a scripted transport.
#![allow(dead_code, unreachable_pub)]

#[cfg(not(target_arch = "wasm32"))]
pub mod local_bridge;
pub mod scripted;

#[path = "../../../aws/tests/common/mod.rs"]
mod emulator;

#[allow(unused_imports)]
pub use emulator::*;
