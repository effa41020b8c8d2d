//! restXml (S3): the operation is the method, path and query; bodies are XML.

use serde::de::DeserializeOwned;

use super::xml;
use crate::{Error, HttpResponse};

/// Decodes a 2xx XML body into `T`.
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, what: &str) -> Result<T, Error> {
    let text = std::str::from_utf8(&response.body).map_err(|e| {
        Error::decode(
            what,
            e,
            response.status,
            &response.body,
            response.request_id(),
        )
    })?;
    if !xml::looks_like_xml(text) {
        return Err(Error::decode(
            what,
            "expected an XML document",
            response.status,
            &response.body,
            response.request_id(),
        ));
    }
    xml::from_str(text).map_err(|e| {
        Error::decode(
            what,
            e,
            response.status,
            &response.body,
            response.request_id(),
        )
    })
}
