//! restJson1 (Lambda): the operation is the method and path; bodies are JSON.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Error, HttpRequest, HttpResponse, ResolvedEndpoint};

/// A request to `path` (already encoded, starting with `/`), with an optional JSON body.
pub fn request<T: Serialize>(
    endpoint: &ResolvedEndpoint,
    method: &'static str,
    path: &str,
    input: Option<&T>,
) -> Result<HttpRequest, Error> {
    let mut req = HttpRequest::new(method, endpoint.url(path));
    if let Some(input) = input {
        let body = serde_json::to_vec(input)
            .map_err(|e| Error::invalid(path, format!("cannot be encoded: {e}")))?;
        req = req.header("content-type", "application/json").body(body);
    }
    Ok(req)
}

/// Decodes a 2xx JSON body (an empty body reads as `{}`).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, what: &str) -> Result<T, Error> {
    super::json::parse(response, what)
}
