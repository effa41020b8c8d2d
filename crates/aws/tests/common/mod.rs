//! Shared by the native integration tests: clients for the two local emulators the test command
//! starts (scripts/test.sh). Both are moto behind the project's CORS front, on loopback:
//! - `HOSELINE_TEST_ENDPOINT` (default http://127.0.0.1:4577) checks signatures: a wrong secret
//!   gets 403 SignatureDoesNotMatch;
//! - `HOSELINE_TEST_ENDPOINT_UNCHECKED` (default http://127.0.0.1:4578) does not. Only the calls
//!   moto's own checker gets wrong go there (Lambda GET and DELETE, see toolchain.md).
//!
//! [`scripted`] stands in for AWS where moto cannot: throttling, a skewed clock.
#![allow(dead_code, unreachable_pub)]

pub mod scripted;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::{ClientConfig, Credentials, Endpoint, Region};

/// The emulator's demo credentials (AWS's documented example key pair).
pub const DEMO_ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
pub const ACCOUNT_ID: &str = "123456789012";

pub fn checked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:4577".to_owned())
}

pub fn unchecked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT_UNCHECKED")
        .unwrap_or_else(|_| "http://127.0.0.1:4578".to_owned())
}

pub fn client_for(endpoint: &str, secret: &str) -> NativeClient {
    let config = ClientConfig {
        credentials: Credentials::new(DEMO_ACCESS_KEY_ID, secret, None).expect("demo credentials"),
        region: Region::new("us-east-1").expect("region"),
        endpoint: Endpoint::parse(endpoint).expect("endpoint"),
    };
    NativeClient::native(config).expect("client")
}

/// A client of the signature-checking emulator.
pub fn checked() -> NativeClient {
    client_for(&checked_endpoint(), DEMO_SECRET)
}

/// A client of the emulator that does not check signatures.
pub fn unchecked() -> NativeClient {
    client_for(&unchecked_endpoint(), DEMO_SECRET)
}

/// A client with a wrong secret, for the checking emulator.
pub fn wrong_secret() -> NativeClient {
    client_for(
        &checked_endpoint(),
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY",
    )
}

/// A name no other test (or earlier run against the same emulator) uses: lowercase, digits, dashes.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}-{}-{nanos:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}
