//! The cost estimate on AWS, under a load the person sets (records a second, bytes each, events
//! packed in each record), priced by the engine's cost model.

use hoseline_pipeline::cost::Load;
use leptos::prelude::*;

use crate::engine::protocol::ReviewData;

/// `250` or `250.5`: a plain decimal, read without the standard float parser (whose tables the
/// first load need not carry for one field). `None` for anything else.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 12
        || fraction.len() > 6
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let fraction_value = if fraction.is_empty() {
        0.0
    } else {
        fraction.parse::<u64>().ok()? as f64 / 10f64.powi(fraction.len() as i32)
    };
    Some(whole as f64 + fraction_value)
}

/// The load from the three inputs, or the first input's problem (named, with its rule).
pub fn parse_load(rate: &str, bytes: &str, events: &str) -> Result<Load, String> {
    let records_per_second = decimal(rate.trim())
        .filter(|r| r.is_finite() && *r > 0.0)
        .ok_or("Records a second must be a number above 0.")?;
    let record_bytes = bytes
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|b| (1..=1_024_000).contains(b))
        .ok_or(
            "Bytes a record must be a whole number from 1 to 1,024,000 (Firehose's record limit).",
        )?;
    let events_per_record = events
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|e| *e >= 1)
        .ok_or("Events a record must be a whole number, at least 1.")?;
    Ok(Load {
        records_per_second,
        record_bytes,
        events_per_record,
    })
}

#[component]
pub fn CostPanel(load: RwSignal<Load>, data: Signal<Option<ReviewData>>) -> impl IntoView {
    let rate = RwSignal::new("100".to_owned());
    let bytes = RwSignal::new("200".to_owned());
    let events = RwSignal::new("1".to_owned());
    let problem = RwSignal::new(None::<String>);
    let apply = move || match parse_load(
        &rate.get_untracked(),
        &bytes.get_untracked(),
        &events.get_untracked(),
    ) {
        Ok(l) => {
            problem.set(None);
            load.set(l);
        }
        Err(why) => problem.set(Some(why.to_owned())),
    };
    let input = move |value: RwSignal<String>, label: &'static str, testid: &'static str| {
        view! {
            <label class="inline-field">
                {label}
                <input type="text" inputmode="decimal" data-testid=testid prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    on:change=move |_| apply() />
            </label>
        }
    };
    view! {
        <section class="panel" data-testid="review-cost">
            <h2>"Cost estimate on AWS"</h2>
            <p class="muted">"A month at a steady load you set; the emulator itself costs nothing."</p>
            <div class="inline-fields">
                {input(rate, "Records a second", "load-rate")}
                {input(bytes, "Bytes a record", "load-bytes")}
                {input(events, "Events a record", "load-events")}
            </div>
            <p class="field-error" role="alert" data-testid="load-error">{move || problem.get()}</p>
            {move || data.get().map(|d| {
                let cost = d.cost;
                view! {
                    <p class="cost-total" data-testid="cost-total">
                        <strong>{format!("{} a month", cost.monthly)}</strong>
                        {format!(" · {} prices as of {}", cost.priced_region, cost.prices_as_of)}
                    </p>
                    <table class="data-table">
                        <thead><tr><th>"Service"</th><th>"Item"</th><th>"Quantity"</th><th>"Unit price"</th><th>"Monthly"</th></tr></thead>
                        <tbody>
                            {cost.rows.into_iter().map(|r| view! {
                                <tr title=r.note><td>{r.service}</td><td>{r.item}</td><td>{r.quantity}</td><td>{r.unit_price}</td><td>{r.monthly}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {cost.packing.map(|p| view! { <p class="table-note">{format!("Packing events: {p}")}</p> })}
                    {cost.notes.into_iter().map(|n| view! { <p class="table-note">{n}</p> }).collect_view()}
                    <p class="table-note">{format!("Prices: {}", cost.price_source)}</p>
                }
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_needs_three_sane_numbers_and_names_the_bad_one() {
        let load = parse_load("250.5", "1024", "4").expect("valid");
        assert_eq!(load.records_per_second, 250.5);
        assert_eq!(load.events_per_record, 4);
        assert!(parse_load("0", "1", "1")
            .unwrap_err()
            .starts_with("Records a second"));
        assert!(parse_load("1", "2000000", "1")
            .unwrap_err()
            .starts_with("Bytes a record"));
        assert!(parse_load("1", "10", "0")
            .unwrap_err()
            .starts_with("Events a record"));
        assert!(parse_load("abc", "10", "1").is_err());
        assert!(parse_load("1e3", "10", "1").is_err());
        assert!(parse_load("-1", "10", "1").is_err());
        assert_eq!(decimal("0.25"), Some(0.25));
        assert_eq!(decimal("12"), Some(12.0));
        assert_eq!(decimal(".5"), None);
    }
}
