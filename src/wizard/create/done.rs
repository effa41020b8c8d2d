//! The end of a Create: what was made (names, ARNs, the bridge's URL), a link to the pipeline's
//! page, and the next steps: put a record in, and see it land.

use hoseline_pipeline::spec::{PipelineKind, PipelineSpec, Target};
use leptos::prelude::*;

use crate::components::indicator::{Indicator, StatusIndicator};
use crate::route::Route;
use crate::runs::calls::Made;

/// `--endpoint-url URL --region R` for a local spec, `--region R` on AWS.
fn cli_target(spec: &PipelineSpec) -> String {
    match &spec.target {
        Target::Local {
            endpoint, region, ..
        } => format!("--endpoint-url {endpoint} --region {region}"),
        Target::Aws { region } => format!("--region {region}"),
    }
}

/// A demo record for the spec's keys, as JSON text.
pub fn demo_record(spec: &PipelineSpec) -> String {
    let mut fields = Vec::new();
    if let Some(table) = &spec.table {
        fields.push(format!("\"{}\":\"AMZN\"", table.partition_key.name));
        let generated = spec.bridge.as_ref().is_some_and(|b| b.generate_missing_key);
        if let (Some(sort), false) = (&table.sort_key, generated) {
            fields.push(format!("\"{}\":\"demo-1\"", sort.name));
        }
    } else {
        fields.push("\"TICKER_SYMBOL\":\"AMZN\"".to_owned());
    }
    fields.push("\"PRICE\":181.5".to_owned());
    format!("{{{}}}", fields.join(","))
}

/// The next steps as AWS CLI commands: one record in, then where it lands.
pub fn next_commands(spec: &PipelineSpec) -> (String, String) {
    let target = cli_target(spec);
    let record = demo_record(spec).replace('"', "\\\"");
    let put = format!(
        "aws firehose put-record {target} --delivery-stream-name {} \\\n  --cli-binary-format raw-in-base64-out \\\n  --record \"{{\\\"Data\\\":\\\"{record}\\\"}}\"",
        spec.stream.name
    );
    let look = match (&spec.kind, &spec.table) {
        (PipelineKind::Dynamodb, Some(table)) => {
            format!("aws dynamodb scan {target} --table-name {}", table.name)
        }
        _ => format!(
            "aws s3 ls {target} --recursive s3://{}/{}",
            spec.bucket.name, spec.bucket.data_prefix
        ),
    };
    (put, look)
}

#[component]
pub fn Done(spec: PipelineSpec, made: Made, stream: String) -> impl IntoView {
    let (put, look) = next_commands(&spec);
    let where_ = if spec.kind == PipelineKind::Dynamodb {
        "the table (a record becomes an item within the stream's buffering interval)"
    } else {
        "the bucket (one object per buffered batch)"
    };
    view! {
        <section class="panel" data-testid="create-done">
            <h2><StatusIndicator kind=Indicator::Success label=format!("Pipeline {} is ready", spec.name) /></h2>
            <p>{format!("{} made, {} existing and adopted, {} done in an earlier run.", made.made.len(), made.adopted.len(), made.resumed.len())}</p>
            <dl class="summary" data-testid="create-outputs">
                {made.outputs.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd><code>{v}</code></dd> }).collect_view()}
            </dl>
            <p><a class="button primary" href=Route::Pipeline(stream).href() data-testid="open-pipeline">"Open the pipeline"</a></p>
            <h3>"Next steps"</h3>
            <ol class="next-steps">
                <li>
                    "Send a demo record into the stream (AWS CLI v2; v1 takes the data as is, without --cli-binary-format):"
                    <pre class="code" data-testid="next-put">{put}</pre>
                </li>
                <li>
                    {format!("See it land in {where_}:")}
                    <pre class="code" data-testid="next-look">{look}</pre>
                    "The pipeline's page shows its status, settings and resources."
                </li>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_steps_name_the_stream_the_table_and_the_emulator() {
        let spec = PipelineSpec::local_dynamodb("demo");
        let (put, look) = next_commands(&spec);
        assert!(
            put.contains(&format!("--delivery-stream-name {}", spec.stream.name)),
            "{put}"
        );
        assert!(put.contains("--endpoint-url http://127.0.0.1"), "{put}");
        assert!(put.contains("TICKER_SYMBOL"), "{put}");
        assert!(look.starts_with("aws dynamodb scan"), "{look}");
        let s3 = PipelineSpec::aws_s3("demo", "eu-west-1");
        let (_, look) = next_commands(&s3);
        assert!(look.starts_with("aws s3 ls --region eu-west-1"), "{look}");
    }
}
