//! SigV4 signing with aws-sigv4. The time always comes in from the caller: in the page,
//! `SystemTime::now()` panics, so the edge reads the clock and passes it down.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials as SigningCredentials;
use aws_sigv4::http_request::{
    sign, PayloadChecksumKind, PercentEncodingMode, SessionTokenMode, SignableBody,
    SignableRequest, SignatureLocation, SigningSettings, UriPathNormalizationMode,
};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;

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

    fn settings(
        self,
        location: SignatureLocation,
        expires_in: Option<Duration>,
    ) -> SigningSettings {
        let mut settings = SigningSettings::default();
        settings.payload_checksum_kind = if self.content_sha256_header {
            PayloadChecksumKind::XAmzSha256
        } else {
            PayloadChecksumKind::NoHeader
        };
        settings.uri_path_normalization_mode = if self.normalize_path {
            UriPathNormalizationMode::Enabled
        } else {
            UriPathNormalizationMode::Disabled
        };
        settings.percent_encoding_mode = if self.double_uri_encode {
            PercentEncodingMode::Double
        } else {
            PercentEncodingMode::Single
        };
        settings.session_token_mode = if self.sign_session_token {
            SessionTokenMode::Include
        } else {
            SessionTokenMode::Exclude
        };
        settings.signature_location = location;
        settings.expires_in = expires_in;
        settings
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
    let settings = options.settings(SignatureLocation::Headers, None);
    let body = SignableBody::Bytes(&request.body);
    let (headers, _) = signing_instructions(request, body, scope, settings, credentials, time)?;
    for (name, value) in headers {
        request.set_header(&name, value);
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
    let mut options = SigningOptions::for_service(endpoint.service);
    options.content_sha256_header = false;
    let settings = options.settings(SignatureLocation::QueryParams, Some(expires_in));
    let body = if endpoint.service.info().s3_style_signing {
        SignableBody::UnsignedPayload
    } else {
        SignableBody::Bytes(&request.body)
    };
    let (_, params) = signing_instructions(
        &request,
        body,
        Scope::of(endpoint),
        settings,
        credentials,
        time,
    )?;
    let sep = if request.url.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{}{sep}{}",
        request.url,
        crate::protocol::encode_query(&params)
    ))
}

type Instructions = (Vec<(String, String)>, Vec<(String, String)>);

fn signing_instructions(
    request: &HttpRequest,
    body: SignableBody<'_>,
    scope: Scope<'_>,
    settings: SigningSettings,
    credentials: &Credentials,
    time: SystemTime,
) -> Result<Instructions, Error> {
    let identity: Identity = SigningCredentials::new(
        credentials.access_key_id.clone(),
        credentials.secret_access_key.expose().to_owned(),
        credentials
            .session_token
            .as_ref()
            .map(|t| t.expose().to_owned()),
        None,
        "hoseline",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(scope.region)
        .name(scope.signing_name)
        .time(time)
        .settings(settings)
        .build()
        .map_err(|e| Error::Signing(e.to_string()))?
        .into();
    let signable = SignableRequest::new(
        request.method,
        request.url.as_str(),
        request
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str())),
        body,
    )
    .map_err(|e| Error::Signing(e.to_string()))?;
    let (instructions, _signature) = sign(signable, &params)
        .map_err(|e| Error::Signing(e.to_string()))?
        .into_parts();
    let (headers, params) = instructions.into_parts();
    Ok((
        headers
            .into_iter()
            .map(|h| (h.name().to_owned(), h.value().to_owned()))
            .collect(),
        params
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_owned()))
            .collect(),
    ))
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
