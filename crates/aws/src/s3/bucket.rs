//! CreateBucket and DeleteBucket.

use super::{el, url, validate_bucket_name, XMLNS};
use crate::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Creates a bucket in the endpoint's region. In us-east-1 the request has no body; elsewhere it
/// names the region in `CreateBucketConfiguration/LocationConstraint`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateBucket {
    pub bucket: String,
}

/// What CreateBucket answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CreateBucketOutput {
    /// The `Location` header (`/bucket` or the bucket's URL).
    pub location: Option<String>,
}

impl Operation for CreateBucket {
    type Output = CreateBucketOutput;
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "CreateBucket";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        let req = HttpRequest::new("PUT", url(endpoint, &self.bucket, None, ""));
        if endpoint.signing_region == "us-east-1" {
            return Ok(req);
        }
        let body = format!(
            "<CreateBucketConfiguration xmlns=\"{XMLNS}\">{}</CreateBucketConfiguration>",
            el("LocationConstraint", &endpoint.signing_region)
        );
        Ok(req.header("content-type", "application/xml").body(body))
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        Ok(CreateBucketOutput {
            location: response.header("location").map(str::to_owned),
        })
    }
}

/// Deletes an empty bucket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteBucket {
    pub bucket: String,
}

impl Operation for DeleteBucket {
    type Output = ();
    const SERVICE: Service = Service::S3;
    const NAME: &'static str = "DeleteBucket";

    fn validate(&self) -> Result<(), Error> {
        validate_bucket_name("Bucket", &self.bucket)
    }

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(HttpRequest::new(
            "DELETE",
            url(endpoint, &self.bucket, None, ""),
        ))
    }

    fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn us_east_1_has_no_location_constraint() {
        let op = CreateBucket {
            bucket: "hoseline-backup".into(),
        };
        let r = op.build(&aws("us-east-1")).expect("builds");
        assert_eq!(r.method, "PUT");
        assert_eq!(r.url, "https://hoseline-backup.s3.us-east-1.amazonaws.com/");
        assert!(r.body.is_empty());
        let r = op.build(&local()).expect("builds");
        assert_eq!(r.url, "http://127.0.0.1:4577/hoseline-backup");
    }

    // The request syntax of the CreateBucket API reference.
    #[test]
    fn other_regions_name_themselves() {
        let op = CreateBucket {
            bucket: "hoseline-backup".into(),
        };
        let r = op.build(&aws("eu-west-1")).expect("builds");
        assert_eq!(
            body(&r),
            "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\
             <LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>"
        );
        let out = op
            .parse(HttpResponse::new(200, "").with_header("Location", "/hoseline-backup"))
            .expect("parses");
        assert_eq!(out.location.as_deref(), Some("/hoseline-backup"));
    }

    #[test]
    fn bad_names_are_refused_before_sending() {
        let e = CreateBucket {
            bucket: "Hoseline".into(),
        }
        .validate()
        .expect_err("refused");
        assert_eq!(e.field(), Some("Bucket"));
        let r = DeleteBucket {
            bucket: "b-1".into(),
        }
        .build(&aws("us-east-1"))
        .expect("builds");
        assert_eq!(
            (r.method, r.url.as_str()),
            ("DELETE", "https://b-1.s3.us-east-1.amazonaws.com/")
        );
    }
}
