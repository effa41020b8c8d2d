//! Error responses, whatever the protocol and whatever the body actually is.

use super::xml;
use crate::{Error, HttpResponse, Protocol};

/// Turns a non-2xx response into an [`Error`].
///
/// The code comes from `x-amzn-errortype`, then the body's `__type` / `code` / `Code`, cut at `:`
/// and after `#` (smithy's rule); the message from `message` / `Message` / `errorMessage`. A JSON
/// service may answer with XML (moto does when it checks signatures) and an XML service with an
/// empty body (S3 HEAD): both still give a code. A body that is neither (an HTML error page from
/// a proxy or a wrong endpoint) becomes [`Error::Decode`] with its start kept.
pub fn decode_error(protocol: Protocol, response: &HttpResponse) -> Error {
    let text = String::from_utf8_lossy(&response.body);
    let trimmed = text.trim();
    let header_code = response.header("x-amzn-errortype").map(sanitize_code);
    let header_request_id = response.request_id();

    let parsed = if trimmed.starts_with('{') {
        from_json(trimmed)
    } else if xml::looks_like_xml(trimmed) {
        from_xml(trimmed)
    } else {
        None
    };

    match (parsed, header_code) {
        (Some(p), header_code) => Error::Service {
            status: response.status,
            code: header_code
                .or(p.code)
                .unwrap_or_else(|| status_code_name(response.status).to_owned()),
            message: p.message.unwrap_or_default(),
            request_id: header_request_id.or(p.request_id),
        },
        (None, Some(code)) if trimmed.is_empty() || protocol != Protocol::RestXml => {
            Error::Service {
                status: response.status,
                code,
                message: String::new(),
                request_id: header_request_id,
            }
        }
        (None, _) if trimmed.is_empty() => Error::Service {
            status: response.status,
            code: status_code_name(response.status).to_owned(),
            message: format!("HTTP {} with an empty body", response.status),
            request_id: header_request_id,
        },
        (None, _) => Error::decode(
            "error response",
            format!(
                "HTTP {} with a body that is neither AWS JSON nor XML",
                response.status
            ),
            response.status,
            &response.body,
            header_request_id,
        ),
    }
}

struct Parsed {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
}

fn from_json(text: &str) -> Option<Parsed> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let obj = value.as_object()?;
    let get = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| obj.get(*n).and_then(|v| v.as_str()).map(str::to_owned))
    };
    Some(Parsed {
        code: get(&["__type", "code", "Code"]).map(|c| sanitize_code(&c)),
        message: get(&["message", "Message", "errorMessage"]),
        request_id: get(&["RequestId", "requestId"]),
    })
}

fn from_xml(text: &str) -> Option<Parsed> {
    let found = xml::first_texts(text, &["Code", "Message", "RequestId"]);
    let mut it = found.into_iter();
    let (code, message, request_id) = (
        it.next().flatten(),
        it.next().flatten(),
        it.next().flatten(),
    );
    if code.is_none() && message.is_none() {
        return None;
    }
    Some(Parsed {
        code: code.map(|c| sanitize_code(&c)),
        message,
        request_id,
    })
}

/// `aws.protocoltests.restjson#FooError:http://internal.amazon.com/...` -> `FooError`.
fn sanitize_code(code: &str) -> String {
    let code = code.split(':').next().unwrap_or(code);
    code.rsplit('#').next().unwrap_or(code).trim().to_owned()
}

fn status_code_name(status: u16) -> &'static str {
    match status {
        301 => "PermanentRedirect",
        304 => "NotModified",
        400 => "BadRequest",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        413 => "RequestEntityTooLarge",
        429 => "TooManyRequests",
        500 => "InternalError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "HttpError",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // DynamoDB's documented error body (awsJson 1.0).
    #[test]
    fn json_type_errors() {
        let resp = HttpResponse::new(
            400,
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: demo not found"}"#,
        )
        .with_header("x-amzn-RequestId", "RID1");
        let e = decode_error(Protocol::AwsJson1_0, &resp);
        assert_eq!(e.code(), "ResourceNotFoundException");
        assert_eq!(
            e.message(),
            "Requested resource not found: Table: demo not found"
        );
        assert_eq!(e.request_id(), Some("RID1"));
        assert_eq!(e.status(), Some(400));
    }

    // restJson (Lambda): the code comes from x-amzn-errortype, which wins over the body.
    #[test]
    fn errortype_header_wins() {
        let resp = HttpResponse::new(404, r#"{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"}"#)
            .with_header("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/")
            .with_header("x-amzn-RequestId", "RID2");
        let e = decode_error(Protocol::RestJson1, &resp);
        assert_eq!(e.code(), "ResourceNotFoundException");
        assert!(e.message().starts_with("Function not found"));
    }

    // awsQuery (IAM, STS): the documented <ErrorResponse> shape.
    #[test]
    fn query_error_response() {
        let body = r#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <Error>
    <Type>Sender</Type>
    <Code>NoSuchEntity</Code>
    <Message>The role with name demo cannot be found.</Message>
  </Error>
  <RequestId>4e0a7bb6-EXAMPLE</RequestId>
</ErrorResponse>"#;
        let e = decode_error(Protocol::AwsQuery, &HttpResponse::new(404, body));
        assert_eq!(e.code(), "NoSuchEntity");
        assert_eq!(e.message(), "The role with name demo cannot be found.");
        assert_eq!(e.request_id(), Some("4e0a7bb6-EXAMPLE"));
    }

    // S3's documented <Error> shape (restXml, unwrapped).
    #[test]
    fn s3_error() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;
        let e = decode_error(Protocol::RestXml, &HttpResponse::new(404, body));
        assert_eq!(e.code(), "NoSuchKey");
        assert_eq!(e.request_id(), Some("4442587FB7D0A2F9"));
    }

    #[test]
    fn s3_head_errors_have_no_body() {
        let e = decode_error(
            Protocol::RestXml,
            &HttpResponse::new(404, "").with_header("x-amz-request-id", "R"),
        );
        assert_eq!(e.code(), "NotFound");
        assert_eq!(e.request_id(), Some("R"));
    }

    // moto, checking signatures, answers a JSON service with an XML error.
    #[test]
    fn xml_errors_on_json_services() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error></Errors><RequestId>7a62c49f</RequestId></ErrorResponse>"#;
        let e = decode_error(Protocol::AwsJson1_0, &HttpResponse::new(403, body));
        assert_eq!(e.code(), "SignatureDoesNotMatch");
        assert!(e.message().starts_with("The request signature"));
    }

    #[test]
    fn an_html_error_page_is_a_decode_error_with_its_start() {
        let e = decode_error(
            Protocol::AwsJson1_1,
            &HttpResponse::new(
                502,
                "<html><head><title>502 Bad Gateway</title></head></html>",
            ),
        );
        assert_eq!(e.code(), "DecodeError");
        assert_eq!(e.status(), Some(502));
        assert!(e.to_string().contains("502 Bad Gateway"), "{e}");
        let e = decode_error(
            Protocol::AwsQuery,
            &HttpResponse::new(500, "\u{0}\u{1}garbage"),
        );
        assert_eq!(e.code(), "DecodeError");
    }
}
