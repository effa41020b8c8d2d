//! The shape every typed AWS operation has.

use crate::{Error, HttpRequest, HttpResponse, ResolvedEndpoint, Service};

/// One AWS operation: its input is `Self`, its decoded output is [`Operation::Output`].
///
/// The client calls `validate` (no request is sent if it fails), then `build` for the service's
/// resolved endpoint, signs and sends, and calls `parse` with a 2xx response. Error responses are
/// decoded by the service's protocol ([`crate::protocol::decode_error`]).
pub trait Operation {
    type Output;
    /// The service that serves this operation.
    const SERVICE: Service;
    /// The AWS operation name, as in the API reference.
    const NAME: &'static str;

    /// Checks the input against the service model's constraints, naming the field and the rule.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error>;

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error>;
}
