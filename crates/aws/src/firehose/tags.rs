//! ListTagsForDeliveryStream: the tags on a stream, which say which pipeline made it.

use serde::{Deserialize, Serialize};

use super::types::Tag;
use super::{check_stream_name, json_operation};
use crate::{validate, Error, Service};

/// Lists a stream's tags, up to `limit` (1-50) a page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTagsForDeliveryStream {
    pub delivery_stream_name: String,
    /// The last key of the previous page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_tag_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListTagsForDeliveryStream {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            delivery_stream_name: name.into(),
            ..Self::default()
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_stream_name("DeliveryStreamName", &self.delivery_stream_name)?;
        validate::opt_length(
            "ExclusiveStartTagKey",
            self.exclusive_start_tag_key.as_deref(),
            1,
            128,
        )?;
        if let Some(limit) = self.limit {
            validate::range("Limit", limit, 1, 50)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListTagsForDeliveryStreamOutput {
    pub tags: Vec<Tag>,
    pub has_more_tags: bool,
}

impl ListTagsForDeliveryStreamOutput {
    /// The value of the tag named `key` (empty for a tag without a value).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|t| t.key == key)
            .map(|t| t.value.as_deref().unwrap_or_default())
    }
}

json_operation!(
    ListTagsForDeliveryStream,
    ListTagsForDeliveryStreamOutput,
    Service::Firehose,
    "ListTagsForDeliveryStream"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Endpoint, HttpResponse, Operation, Region};

    #[test]
    fn lists_a_streams_tags() {
        let op = ListTagsForDeliveryStream::new("hoseline-stream");
        op.validate().expect("valid");
        let ep = Endpoint::Aws.resolve(
            Service::Firehose,
            &Region::new("us-east-1").expect("region"),
        );
        let r = op.build(&ep).expect("builds");
        assert_eq!(
            r.get_header("x-amz-target"),
            Some("Firehose_20150804.ListTagsForDeliveryStream")
        );
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&r.body).expect("json"),
            serde_json::json!({"DeliveryStreamName": "hoseline-stream"})
        );
        let out = op
            .parse(HttpResponse::new(
                200,
                r#"{"Tags":[{"Key":"hoseline:pipeline","Value":"demo"},{"Key":"bare"}],"HasMoreTags":false}"#,
            ))
            .expect("decodes");
        assert_eq!(out.get("hoseline:pipeline"), Some("demo"));
        assert_eq!(out.get("bare"), Some(""));
        assert_eq!(out.get("other"), None);
        let bad = ListTagsForDeliveryStream {
            limit: Some(51),
            ..op
        };
        assert_eq!(
            bad.validate().expect_err("refused").to_string(),
            "Limit: must be from 1 to 50 (it is 51)"
        );
    }
}
