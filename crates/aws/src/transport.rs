//! The I/O edges: sending bytes, sleeping and reading the clock. The page and native code each
//! bring their own.

use std::future::Future;
use std::time::{Duration, SystemTime};

use crate::{Error, HttpRequest, HttpResponse};

#[cfg(feature = "gloo")]
pub mod gloo;
#[cfg(feature = "native")]
pub mod native;

/// Sends one request and returns whatever HTTP response came back (any status). A request that
/// got no response is an [`Error::Network`].
pub trait Transport {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, Error>>;
}

/// Waits; the retry policy's backoff goes through it.
pub trait Sleep {
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()>;
}

/// The wall clock. Signing needs the time passed in: `SystemTime::now()` panics in the page.
pub trait Clock {
    fn now(&self) -> SystemTime;
}

impl<T: Transport + ?Sized> Transport for &T {
    fn send(&self, request: HttpRequest) -> impl Future<Output = Result<HttpResponse, Error>> {
        (**self).send(request)
    }
}
