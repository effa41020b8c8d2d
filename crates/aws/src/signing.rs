//! SigV4 signing ([`sigv4`] holds the algorithm). The time always comes in from the caller: in
//! the page, `SystemTime::now()` panics, so the edge reads the clock and passes it down.

mod sigv4;

use std::time::{Duration, SystemTime};

use crate::{Credentials, Error, HttpRequest, ResolvedEndpoint, Service};

/// How a service wants its requests signed: per-service data, written once in [`SigningOptions::for_service`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SigningOptions {
    /// Send and sign `x-amz-content-sha256` (S3).
    pub content_sha256_header: bool,
    /// Normalise `.`/`..`/`//` in the path before signing (not S3: keys are literal).
    pub normalize_path: bool,
    /// Percent-encode the already-encoded path a second time (every service but S3).
    pub double_uri_encode: bool,
    /// Include `x-amz-security-token` in the signature (all services we call).
    pub sign_session_token: bool,
}

impl Default for SigningOptions {
    fn default() -> Self {
        Self {
            content_sha256_header: false,
            normalize_path: true,
            double_uri_encode: true,
            sign_session_token: true,
        }
    }
}

impl SigningOptions {
    pub fn for_service(service: Service) -> Self {
        if service.info().s3_style_signing {
            Self {
                content_sha256_header: true,
                normalize_path: false,
                double_uri_encode: false,
                sign_session_token: true,
            }
        } else {
            Self::default()
        }
    }
}

/// What is signed for: the credential scope's service name and region.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    pub signing_name: &'a str,
    pub region: &'a str,
}

impl<'a> Scope<'a> {
    pub fn of(endpoint: &'a ResolvedEndpoint) -> Self {
        Self {
            signing_name: endpoint.service.info().signing_name,
            region: &endpoint.signing_region,
        }
    }
}

/// Signs a request for its service in place: adds `host`, `x-amz-date`, `authorization`, and
/// `x-amz-security-token` / `x-amz-content-sha256` where they apply.
pub fn sign_request(
    request: &mut HttpRequest,
    endpoint: &ResolvedEndpoint,
    credentials: &Credentials,
    time: SystemTime,
) -> Result<(), Error> {
    sign_with(
        request,
        Scope::of(endpoint),
        SigningOptions::for_service(endpoint.service),
        credentials,
        time,
    )
}

/// Signs with explicit scope and options (the AWS test-suite vectors use service `service`).
pub fn sign_with(
    request: &mut HttpRequest,
    scope: Scope<'_>,
    options: SigningOptions,
    credentials: &Credentials,
    time: SystemTime,
) -> Result<(), Error> {
    if request.get_header("host").is_none() {
        let host = request.host_header().to_owned();
        request.headers.insert(0, ("host".to_owned(), host));
    }
    let date_time = sigv4::format_date_time(time)?;
    let payload_hash = sigv4::sha256_hex(&request.body);
    let token = credentials.session_token.as_ref().map(|t| t.expose());
    let mut extra: Vec<(&str, &str)> = vec![("x-amz-date", &date_time)];
    if let Some(token) = token {
        extra.push(("x-amz-security-token", token));
    }
    if options.content_sha256_header {
        extra.push(("x-amz-content-sha256", &payload_hash));
    }
    let input = sigv4::Input {
        method: request.method,
        url: &request.url,
        headers: &request.headers,
        payload_hash: &payload_hash,
        normalize_path: options.normalize_path,
        double_uri_encode: options.double_uri_encode,
        presign: false,
        extra_headers: &extra,
        extra_params: &[],
        unsigned_header: (!options.sign_session_token).then_some("x-amz-security-token"),
    };
    let (signature, signed_headers) = signature_of(&input, credentials, &date_time, &scope)?;
    let authorization = format!(
        "{} Credential={}/{}/{}/{}/aws4_request, SignedHeaders={signed_headers}, Signature={signature}",
        sigv4::ALGORITHM,
        credentials.access_key_id,
        &date_time[..8],
        scope.region,
        scope.signing_name,
    );
    // The order aws-sigv4 returns them in: date, authorization, payload hash, token.
    request.set_header("x-amz-date", date_time.as_str());
    request.set_header("authorization", authorization);
    if options.content_sha256_header {
        request.set_header("x-amz-content-sha256", payload_hash.as_str());
    }
    if let Some(token) = token {
        request.set_header("x-amz-security-token", token);
    }
    Ok(())
}

/// A presigned URL: the signature in the query string, valid for `expires_in` (S3 GetObject
/// links that a browser can open without headers or a preflight).
///
/// S3 signs the literal `UNSIGNED-PAYLOAD` in place of the body's hash for query-string signing:
/// whoever opens the link sends the body, unknown when it was signed (botocore's
/// `S3SigV4QueryAuth`, smithy-rs presigning). Other services sign the body's hash, as in headers.
pub fn presign_url(
    request: &HttpRequest,
    endpoint: &ResolvedEndpoint,
    credentials: &Credentials,
    time: SystemTime,
    expires_in: Duration,
) -> Result<String, Error> {
    let mut request = request.clone();
    if request.get_header("host").is_none() {
        let host = request.host_header().to_owned();
        request.headers.insert(0, ("host".to_owned(), host));
    }
    let scope = Scope::of(endpoint);
    let options = SigningOptions::for_service(endpoint.service);
    let payload_hash = if endpoint.service.info().s3_style_signing {
        sigv4::UNSIGNED_PAYLOAD.to_owned()
    } else {
        sigv4::sha256_hex(&request.body)
    };
    let date_time = sigv4::format_date_time(time)?;
    let credential = format!(
        "{}/{}/{}/{}/aws4_request",
        credentials.access_key_id,
        &date_time[..8],
        scope.region,
        scope.signing_name
    );
    let expires = expires_in.as_secs().to_string();
    let token = credentials.session_token.as_ref().map(|t| t.expose());
    let mut signed_params: Vec<(&str, &str)> = vec![
        ("X-Amz-Date", &date_time),
        ("X-Amz-Expires", &expires),
        ("X-Amz-Algorithm", sigv4::ALGORITHM),
        ("X-Amz-Credential", &credential),
    ];
    if let (Some(token), true) = (token, options.sign_session_token) {
        signed_params.push(("X-Amz-Security-Token", token));
    }
    let input = sigv4::Input {
        method: request.method,
        url: &request.url,
        headers: &request.headers,
        payload_hash: &payload_hash,
        normalize_path: options.normalize_path,
        double_uri_encode: options.double_uri_encode,
        presign: true,
        extra_headers: &[],
        extra_params: &signed_params,
        unsigned_header: (!options.sign_session_token).then_some("x-amz-security-token"),
    };
    let (signature, signed_headers) = signature_of(&input, credentials, &date_time, &scope)?;
    let mut params = vec![
        ("X-Amz-Algorithm".to_owned(), sigv4::ALGORITHM.to_owned()),
        ("X-Amz-Credential".to_owned(), credential),
        ("X-Amz-Date".to_owned(), date_time),
        ("X-Amz-Expires".to_owned(), expires),
        ("X-Amz-SignedHeaders".to_owned(), signed_headers),
        ("X-Amz-Signature".to_owned(), signature),
    ];
    if let Some(token) = token {
        params.push(("X-Amz-Security-Token".to_owned(), token.to_owned()));
    }
    let sep = if request.url.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{}{sep}{}",
        request.url,
        crate::protocol::encode_query(&params)
    ))
}

/// The canonical request of `input`, signed with the credentials' secret for `scope`: the
/// signature and the signed headers' names (one path for headers and presigned URLs).
fn signature_of(
    input: &sigv4::Input<'_>,
    credentials: &Credentials,
    date_time: &str,
    scope: &Scope<'_>,
) -> Result<(String, String), Error> {
    let (canonical, signed_headers) = sigv4::canonical_request(input)?;
    let signature = sigv4::signature(
        &canonical,
        credentials.secret_access_key.expose(),
        date_time,
        scope.region,
        scope.signing_name,
    );
    Ok((signature, signed_headers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Endpoint, Region};

    #[test]
    fn s3_sends_the_payload_hash_and_others_do_not() {
        let creds =
            Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", Some("token")).expect("creds");
        let region = Region::new("us-east-1").expect("region");
        let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let s3 = Endpoint::Aws.resolve(Service::S3, &region);
        let mut r = HttpRequest::new("PUT", s3.url("/bucket/a%20b"));
        sign_request(&mut r, &s3, &creds, time).expect("signs");
        assert!(r.get_header("x-amz-content-sha256").is_some());
        assert_eq!(r.get_header("x-amz-security-token"), Some("token"));
        assert_eq!(r.get_header("host"), Some("s3.us-east-1.amazonaws.com"));
        assert!(r
            .get_header("authorization")
            .is_some_and(|a| a.contains("/us-east-1/s3/aws4_request")));

        let iam = Endpoint::Aws.resolve(Service::Iam, &Region::new("eu-west-1").expect("region"));
        let mut r = HttpRequest::new("POST", iam.url("/"));
        sign_request(&mut r, &iam, &creds, time).expect("signs");
        assert!(r.get_header("x-amz-content-sha256").is_none());
        assert!(r
            .get_header("authorization")
            .is_some_and(|a| a.contains("/us-east-1/iam/aws4_request")));
    }

    #[test]
    fn presigned_urls_carry_the_signature_in_the_query() {
        let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "secret", None).expect("creds");
        let ep = Endpoint::parse("http://127.0.0.1:4566")
            .expect("endpoint")
            .resolve(Service::S3, &Region::new("us-east-1").expect("r"));
        let r = HttpRequest::new("GET", ep.url("/b/k.json"));
        let url = presign_url(
            &r,
            &ep,
            &creds,
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            Duration::from_secs(300),
        )
        .expect("presigns");
        assert!(url.starts_with("http://127.0.0.1:4566/b/k.json?"));
        assert!(url.contains("X-Amz-Signature="));
        assert!(url.contains("X-Amz-Expires=300"));
    }
}
