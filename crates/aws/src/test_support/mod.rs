//! Helpers for the workspace's tests, behind the `test-support` feature (which the crates enable
//! only as a dev-dependency feature, never in a build that ships).
//!
//! Clients for the two local emulators the test command starts (scripts/test.sh,
//! `scripts/emulator.sh start-test`). Both are moto behind the project's CORS front, on loopback:
//! - `HOSELINE_TEST_ENDPOINT` (default http://127.0.0.1:4577) checks signatures: a wrong secret
//!   gets 403 SignatureDoesNotMatch;
//! - `HOSELINE_TEST_ENDPOINT_UNCHECKED` (default http://127.0.0.1:4578) does not. Only the calls
//!   moto's own checker gets wrong go there (Lambda GET and DELETE, see toolchain.md).
//!
//! [`scripted`] stands in for AWS where moto cannot: throttling, a skewed clock.
pub mod scripted;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::transport::native::NativeClient;
use crate::{ClientConfig, Credentials, Endpoint, Region};

/// The emulator's demo credentials (AWS's documented example key pair).
pub const DEMO_ACCESS_KEY_ID: &str = "AKIAIOSFODNN7EXAMPLE";
pub const DEMO_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// The account moto reports.
pub const ACCOUNT_ID: &str = "123456789012";

/// The signature-checking emulator.
pub fn checked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:4577".to_owned())
}

/// The emulator without signature checking (moto's checker refuses Lambda GET and DELETE).
pub fn unchecked_endpoint() -> String {
    std::env::var("HOSELINE_TEST_ENDPOINT_UNCHECKED")
        .unwrap_or_else(|_| "http://127.0.0.1:4578".to_owned())
}

/// The demo key pair.
pub fn demo_credentials() -> Credentials {
    Credentials::new(DEMO_ACCESS_KEY_ID, DEMO_SECRET, None).expect("demo credentials")
}

/// The demo key pair in `region`, talking to `endpoint`.
pub fn demo_config(region: &str, endpoint: Endpoint) -> ClientConfig {
    ClientConfig {
        credentials: demo_credentials(),
        region: Region::new(region).expect("region"),
        endpoint,
    }
}

/// A client in us-east-1 of `endpoint`, signing with the demo key id and `secret`.
pub fn client_for(endpoint: &str, secret: &str) -> NativeClient {
    let config = ClientConfig {
        credentials: Credentials::new(DEMO_ACCESS_KEY_ID, secret, None).expect("demo credentials"),
        ..demo_config("us-east-1", Endpoint::parse(endpoint).expect("endpoint"))
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

/// A name no other test (or earlier run against the same emulator) uses: lowercase, digits,
/// dashes, and short enough for the names the pipeline derives from it.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}-{:x}{nanos:x}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Runs a future to its end on a new current-thread runtime.
pub fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

/// A UTC date and time of day, for the tests that spell one out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u64,
    pub minute: u64,
    pub second: u64,
}

impl UtcTime {
    /// The UTC date of a time (civil-from-days, Howard Hinnant); before the epoch reads as the
    /// epoch.
    pub fn of(time: SystemTime) -> Self {
        Self::from_secs(time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()))
    }

    /// The UTC date of a time in seconds since the epoch.
    pub fn from_secs(secs: u64) -> Self {
        let (days, rem) = (secs / 86_400, secs % 86_400);
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Self {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: rem / 3600,
            minute: rem % 3600 / 60,
            second: rem % 60,
        }
    }
}
