//! AWS STS (awsQuery, version 2011-06-15): GetCallerIdentity, the cheapest way to check that
//! credentials work and to learn the account id. It needs no permission.

use crate::protocol::query::{self, QueryParams};
use crate::protocol::xml;
use crate::{Error, HttpRequest, HttpResponse, Operation, ResolvedEndpoint, Service};

/// Who the credentials belong to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GetCallerIdentity;

/// The account, the caller's ARN and its unique id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetCallerIdentityOutput {
    /// The 12-digit account id.
    pub account: String,
    pub arn: String,
    pub user_id: String,
}

impl Operation for GetCallerIdentity {
    type Output = GetCallerIdentityOutput;
    const SERVICE: Service = Service::Sts;
    const NAME: &'static str = "GetCallerIdentity";

    fn build(&self, endpoint: &ResolvedEndpoint) -> Result<HttpRequest, Error> {
        Ok(query::request(endpoint, Self::NAME, &QueryParams::new()))
    }

    fn parse(&self, response: HttpResponse) -> Result<GetCallerIdentityOutput, Error> {
        // Three flat texts, read with the XML reader the error decoder already uses: the page
        // (whose Test connection sends this) then links no serde XML deserializer (8 KB).
        let result = query::result_element(&response, Self::NAME)?;
        let mut texts = xml::first_texts(&result, &["Account", "Arn", "UserId"])
            .into_iter()
            .map(|t| t.map(|t| t.trim().to_owned()).unwrap_or_default());
        let mut next = || texts.next().unwrap_or_default();
        let out = GetCallerIdentityOutput {
            account: next(),
            arn: next(),
            user_id: next(),
        };
        if out.account.is_empty() {
            return Err(Error::decode(
                "GetCallerIdentity result",
                "it has no Account",
                response.status,
                &response.body,
                response.request_id(),
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Endpoint, Region};

    #[test]
    fn the_request_is_a_form_post_naming_the_action() {
        let ep = Endpoint::Aws.resolve(Service::Sts, &Region::new("us-east-1").expect("region"));
        let r = GetCallerIdentity.build(&ep).expect("builds");
        assert_eq!(r.method, "POST");
        assert_eq!(r.url, "https://sts.us-east-1.amazonaws.com/");
        assert_eq!(r.body, b"Action=GetCallerIdentity&Version=2011-06-15");
        assert_eq!(
            r.get_header("content-type"),
            Some("application/x-www-form-urlencoded; charset=utf-8")
        );
    }

    // The example of the STS API reference (GetCallerIdentity, "Example 1", an IAM user).
    #[test]
    fn decodes_the_documented_answer() {
        let body = r#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>"#;
        let out = GetCallerIdentity
            .parse(HttpResponse::new(200, body))
            .expect("decodes");
        assert_eq!(
            out,
            GetCallerIdentityOutput {
                account: "123456789012".into(),
                arn: "arn:aws:iam::123456789012:user/Alice".into(),
                user_id: "AIDACKCEVSQ6C2EXAMPLE".into(),
            }
        );
    }

    #[test]
    fn texts_are_trimmed_and_unescaped() {
        let body = "<GetCallerIdentityResponse><GetCallerIdentityResult>\n<Account>\n  123456789012 \n</Account><Arn>arn:aws:sts::123456789012:assumed-role/a&amp;b/s</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>";
        let out = GetCallerIdentity
            .parse(HttpResponse::new(200, body))
            .expect("decodes");
        assert_eq!(out.account, "123456789012");
        assert_eq!(out.arn, "arn:aws:sts::123456789012:assumed-role/a&b/s");
        assert_eq!(out.user_id, "");
    }

    #[test]
    fn an_answer_without_an_account_is_a_decode_error() {
        let body =
            "<GetCallerIdentityResponse><GetCallerIdentityResult/></GetCallerIdentityResponse>";
        let e = GetCallerIdentity
            .parse(HttpResponse::new(200, body))
            .expect_err("must fail");
        assert_eq!(e.code(), "DecodeError");
        let e = GetCallerIdentity
            .parse(HttpResponse::new(200, "{}"))
            .expect_err("must fail");
        assert_eq!(e.code(), "DecodeError");
    }
}
