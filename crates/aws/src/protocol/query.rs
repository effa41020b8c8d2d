//! awsQuery: a form-encoded POST carrying `Action` and `Version`; the answer is XML shaped
//! `<ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...`.

use serde::de::DeserializeOwned;

use super::{encode_query, xml};
use crate::{Error, HttpRequest, HttpResponse, ResolvedEndpoint};

/// The parameters of one awsQuery call, in order. Lists and maps use the query protocol's
/// flattened names (`Tags.member.1.Key`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.0.push((name.into(), value.into()));
        self
    }

    pub fn push_opt(&mut self, name: &str, value: Option<impl ToString>) -> &mut Self {
        if let Some(v) = value {
            self.0.push((name.to_owned(), v.to_string()));
        }
        self
    }

    /// `Name.member.N` for each value, N from 1.
    pub fn push_list<S: AsRef<str>>(&mut self, name: &str, values: &[S]) -> &mut Self {
        for (i, v) in values.iter().enumerate() {
            self.0
                .push((format!("{name}.member.{}", i + 1), v.as_ref().to_owned()));
        }
        self
    }

    /// `Name.member.N.Key` / `Name.member.N.Value` pairs (tags, stack parameters use their own field names).
    pub fn push_pairs(
        &mut self,
        name: &str,
        key: &str,
        value: &str,
        pairs: &[(String, String)],
    ) -> &mut Self {
        for (i, (k, v)) in pairs.iter().enumerate() {
            self.0
                .push((format!("{name}.member.{}.{key}", i + 1), k.clone()));
            self.0
                .push((format!("{name}.member.{}.{value}", i + 1), v.clone()));
        }
        self
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// The POST for `action` with its parameters.
pub fn request(endpoint: &ResolvedEndpoint, action: &str, params: &QueryParams) -> HttpRequest {
    let mut all = vec![
        ("Action".to_owned(), action.to_owned()),
        (
            "Version".to_owned(),
            endpoint.service.info().api_target.to_owned(),
        ),
    ];
    all.extend(params.0.iter().cloned());
    // Spaces as `+`, as form encoding (and botocore) writes them: AWS hashes the raw body either
    // way, but moto's signature checker re-encodes the parsed form and refuses `%20`.
    HttpRequest::new("POST", endpoint.url("/"))
        .header(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )
        .body(encode_query(&all).replace("%20", "+"))
}

/// Decodes the `<{action}Result>` element of a 2xx response into `T`. A response with no result
/// element (DeleteRole, PutRolePolicy...) decodes as an empty element.
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, action: &str) -> Result<T, Error> {
    let result = result_element(response, action)?;
    xml::from_str(&result).map_err(|e| {
        Error::decode(
            format!("{action} result"),
            e,
            response.status,
            &response.body,
            response.request_id(),
        )
    })
}

/// The `<{action}Result>` element of a 2xx response (outer XML; `<r/>` when there is none),
/// after checking that the body is the action's XML answer.
pub fn result_element(response: &HttpResponse, action: &str) -> Result<String, Error> {
    let text = std::str::from_utf8(&response.body).map_err(|e| {
        Error::decode(
            format!("{action} response"),
            e,
            response.status,
            &response.body,
            response.request_id(),
        )
    })?;
    let root = format!("{action}Response");
    if !text.contains(&format!("<{root}")) {
        return Err(Error::decode(
            format!("{action} response"),
            format!("expected an XML <{root}> document"),
            response.status,
            &response.body,
            response.request_id(),
        ));
    }
    Ok(xml::element(text, &format!("{action}Result")).unwrap_or_else(|| "<r/>".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Endpoint, Region, Service};
    use serde::Deserialize;

    #[test]
    fn the_action_and_version_lead_the_form_body() {
        let region = Region::new("eu-west-1").expect("region");
        let sts = Endpoint::Aws.resolve(Service::Sts, &region);
        let mut p = QueryParams::new();
        p.push("RoleName", "firehose role")
            .push_list("Names", &["a", "b"]);
        let r = request(&sts, "GetCallerIdentity", &p);
        assert_eq!(r.url, "https://sts.eu-west-1.amazonaws.com/");
        assert_eq!(
            String::from_utf8(r.body.clone()).expect("utf8"),
            "Action=GetCallerIdentity&Version=2011-06-15&RoleName=firehose+role&Names.member.1=a&Names.member.2=b"
        );
        assert_eq!(
            r.get_header("content-type"),
            Some("application/x-www-form-urlencoded; charset=utf-8")
        );
    }

    // The GetCallerIdentity example from the STS API reference.
    #[test]
    fn decodes_the_result_element() {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Id {
            arn: String,
            account: String,
        }
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
        let id: Id = parse(&HttpResponse::new(200, body), "GetCallerIdentity").expect("decodes");
        assert_eq!(id.account, "123456789012");
        assert_eq!(id.arn, "arn:aws:iam::123456789012:user/Alice");
    }

    #[test]
    fn a_json_body_is_a_decode_error() {
        let e = parse::<serde_json::Value>(
            &HttpResponse::new(200, "{\"ok\":true}"),
            "GetCallerIdentity",
        )
        .unwrap_err();
        assert_eq!(e.code(), "DecodeError");
        assert!(e.to_string().contains("{\"ok\":true}"));
    }
}
