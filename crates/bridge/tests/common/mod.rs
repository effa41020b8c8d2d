//! The bridge's integration tests share the AWS crate's test support (clients for the two local
//! test emulators, demo credentials, unique names) and add a scripted AWS and a local bridge.
#![allow(dead_code, unreachable_pub)]

#[cfg(not(target_arch = "wasm32"))]
pub mod local_bridge;
pub mod scripted;

#[cfg(not(target_arch = "wasm32"))]
// Each test binary uses its own part.
#[allow(unused_imports)]
pub use hoseline_aws::test_support::*;
