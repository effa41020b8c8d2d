//! Shared by the native integration tests: the emulator clients, unique names and scripted
//! transport of `hoseline_aws::test_support`, plus the fixtures only this crate's tests use.
#![allow(dead_code, unreachable_pub)]

pub mod scripted;

// Each test binary uses its own part.
#[allow(unused_imports)]
pub use hoseline_aws::test_support::*;
