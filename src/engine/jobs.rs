//! What the worker answers without AWS: the plan's previews, Review's data (cost, the
//! CloudFormation template, the CLI script) and a spec file read. Apply and teardown are in
//! [`super::runner`].

use hoseline_pipeline::cost::{self, CostEstimate, Load};
use hoseline_pipeline::plan::{self, target_endpoint, Facts};
use hoseline_pipeline::spec::PipelineSpec;

use super::protocol::{CostRow, CostView, FieldProblem, PlannedCall, ReviewData};

/// The plan's calls for `spec`, each with its request as sent and its AWS CLI command. Values
/// only an apply learns (the account id, ARNs) show as placeholders.
pub fn planned_calls(spec: &PipelineSpec) -> Vec<PlannedCall> {
    let planned = plan::plan(spec, &Facts::default());
    let Ok((endpoint, region)) = target_endpoint(spec) else {
        // An endpoint the rules refuse: the form shows that error; there is nothing to preview.
        return Vec::new();
    };
    planned
        .steps
        .iter()
        .map(|step| {
            let shown = step.show(&endpoint, &region);
            PlannedCall {
                id: step.id.to_owned(),
                resource: step.resource.to_string(),
                kind: step.resource.kind.into(),
                reason: step.reason.clone(),
                service: shown.service.to_owned(),
                operation: shown.operation.to_owned(),
                method: shown.method.to_owned(),
                url: shown.url,
                body: shown.body,
                cli: step.cli(region.as_str()),
            }
        })
        .collect()
}

/// A spec file read with the engine's own reader (its shape: unknown fields, wrong types,
/// missing fields, every problem by path); the page then checks the values with the rules.
pub fn parse_spec(text: &str) -> Result<PipelineSpec, Vec<FieldProblem>> {
    PipelineSpec::from_json(text).map_err(|e| {
        e.problems
            .into_iter()
            .map(|p| FieldProblem {
                path: p.path,
                message: p.message,
            })
            .collect()
    })
}

/// Everything Review shows that the page does not compute itself.
pub fn review(spec: &PipelineSpec, load: Load) -> ReviewData {
    let template = hoseline_pipeline::cloudformation::pipeline_template(spec);
    ReviewData {
        calls: planned_calls(spec),
        cost: cost_view(&cost::estimate(spec, load)),
        cloudformation: serde_json::to_string_pretty(&template).unwrap_or_default(),
        cli_script: plan::cli_script(spec),
    }
}

pub fn cost_view(estimate: &CostEstimate) -> CostView {
    CostView {
        monthly: cost::usd(estimate.monthly_usd),
        priced_region: estimate.priced_region.to_owned(),
        prices_as_of: estimate.prices_as_of.to_owned(),
        price_source: estimate.price_source.to_owned(),
        rows: estimate
            .line_items
            .iter()
            .map(|item| CostRow {
                service: item.service.as_str().to_owned(),
                item: item.name.clone(),
                quantity: cost::quantity(item),
                unit_price: format!("${} per {}", item.unit_price_usd, singular(&item.unit)),
                monthly: cost::usd(item.monthly_usd),
                note: item.note.clone(),
            })
            .collect(),
        packing: estimate.packing.as_ref().map(cost::packing),
        notes: estimate.notes.clone(),
    }
}

/// `million write request units` stays; `GB-months` stays; a plural `records` -> `record`.
fn singular(unit: &str) -> String {
    unit.strip_suffix('s')
        .filter(|u| !u.ends_with('s') && !unit.contains('-'))
        .unwrap_or(unit)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoseline_pipeline::spec::PipelineSpec;

    #[test]
    fn the_local_plan_previews_every_call_with_its_request_and_command() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let calls = planned_calls(&spec);
        assert!(calls.len() >= 4, "{calls:?}");
        let table = calls.iter().find(|c| c.operation == "CreateTable");
        let table = table.expect("a CreateTable call");
        assert!(table.body.contains("\"TableName\""), "{}", table.body);
        assert!(
            table.cli.starts_with("aws dynamodb create-table"),
            "{}",
            table.cli
        );
        assert!(table.url.starts_with("http://127.0.0.1"), "{}", table.url);
        assert!(!table.reason.is_empty());
        assert!(calls.iter().any(|c| c.operation == "CreateDeliveryStream"));
    }

    #[test]
    fn review_prices_the_load_and_exports_both_forms() {
        let spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        let data = review(&spec, Load::new(100.0, 200));
        assert!(data.cost.monthly.starts_with('$'), "{}", data.cost.monthly);
        assert!(data.cost.rows.iter().any(|r| r.service == "Firehose"));
        assert!(data
            .cloudformation
            .contains("AWS::KinesisFirehose::DeliveryStream"));
        assert!(
            data.cli_script.starts_with("#!"),
            "{}",
            &data.cli_script[..40]
        );
    }

    #[test]
    fn units_read_in_the_singular_after_per() {
        assert_eq!(singular("records"), "record");
        assert_eq!(singular("GB"), "GB");
        assert_eq!(singular("GB-months"), "GB-months");
    }
}
