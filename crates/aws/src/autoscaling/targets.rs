//! DeregisterScalableTarget: removes a table's auto scaling (its policies go with it).

use serde::{Deserialize, Serialize};

use super::{check_target, dynamodb_table_resource};
use crate::protocol::json::json_operation;
use crate::{Error, Service};

/// Stops scaling a resource's dimension and deletes the scaling policies on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeregisterScalableTarget {
    pub service_namespace: String,
    pub resource_id: String,
    pub scalable_dimension: String,
}

impl DeregisterScalableTarget {
    /// A DynamoDB table dimension ([`super::DYNAMODB_TABLE_READ`] or
    /// [`super::DYNAMODB_TABLE_WRITE`]).
    pub fn dynamodb_table(table_name: &str, dimension: &str) -> Self {
        Self {
            service_namespace: "dynamodb".into(),
            resource_id: dynamodb_table_resource(table_name),
            scalable_dimension: dimension.into(),
        }
    }

    fn check(&self) -> Result<(), Error> {
        check_target(
            &self.service_namespace,
            &self.resource_id,
            &self.scalable_dimension,
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct DeregisterScalableTargetOutput {}

json_operation!(
    DeregisterScalableTarget,
    DeregisterScalableTargetOutput,
    Service::ApplicationAutoScaling,
    "DeregisterScalableTarget"
);

#[cfg(test)]
mod tests {
    use super::super::DYNAMODB_TABLE_WRITE;
    use super::*;
    use crate::{Endpoint, HttpResponse, Operation, Region};

    // The DeregisterScalableTarget request syntax of the Application Auto Scaling API reference.
    #[test]
    fn deregisters_a_table_dimension() {
        let op = DeregisterScalableTarget::dynamodb_table("orders", DYNAMODB_TABLE_WRITE);
        op.validate().expect("valid");
        let ep = Endpoint::Aws.resolve(
            Service::ApplicationAutoScaling,
            &Region::new("us-east-1").expect("region"),
        );
        let r = op.build(&ep).expect("builds");
        assert_eq!(
            r.get_header("x-amz-target"),
            Some("AnyScaleFrontendService.DeregisterScalableTarget")
        );
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&r.body).expect("json"),
            serde_json::json!({"ServiceNamespace": "dynamodb", "ResourceId": "table/orders",
                "ScalableDimension": "dynamodb:table:WriteCapacityUnits"})
        );
        op.parse(HttpResponse::new(200, "{}")).expect("decodes");
        let bad = DeregisterScalableTarget {
            resource_id: "orders".into(),
            ..op
        };
        assert_eq!(
            bad.validate().expect_err("refused").field(),
            Some("ResourceId")
        );
    }
}
