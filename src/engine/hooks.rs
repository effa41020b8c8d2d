//! Reactive helpers over [`super::client`]: a screen asks for a preview or a review of the draft
//! spec and reads the answer as a signal; a newer spec's answer replaces an older one.

use hoseline_pipeline::cost::Load;
use hoseline_pipeline::spec::PipelineSpec;
use leptos::prelude::*;

use super::client;
use super::protocol::{Failure, PlannedCall, Reply, Request, ReviewData};

/// An answer from the engine: not yet, the data, or why not.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<T> {
    Loading,
    Ready(T),
    Failed(Failure),
}

/// The plan's calls for the spec, asked again whenever it changes (the last answer stays shown
/// while the next one is on its way).
pub fn use_preview(spec: Signal<Option<PipelineSpec>>) -> ReadSignal<Answer<Vec<PlannedCall>>> {
    use_answer(
        move || spec.get().map(|spec| (spec, ())),
        |id, (spec, ())| Request::Preview { id, spec },
        |reply| match reply {
            Reply::Preview { calls, .. } => Some(Ok(calls)),
            Reply::Failed { failure, .. } => Some(Err(failure)),
            _ => None,
        },
    )
}

/// Review's data for the spec under the load.
pub fn use_review(
    spec: Signal<Option<PipelineSpec>>,
    load: Signal<Load>,
) -> ReadSignal<Answer<ReviewData>> {
    use_answer(
        move || spec.get().map(|spec| (spec, load.get())),
        |id, (spec, load)| Request::Review { id, spec, load },
        |reply| match reply {
            Reply::Review { review, .. } => Some(Ok(*review)),
            Reply::Failed { failure, .. } => Some(Err(failure)),
            _ => None,
        },
    )
}

fn use_answer<I, T>(
    input: impl Fn() -> Option<I> + Send + Sync + 'static,
    request: fn(u32, I) -> Request,
    read: fn(Reply) -> Option<Result<T, Failure>>,
) -> ReadSignal<Answer<T>>
where
    I: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    let (answer, set_answer) = signal(Answer::Loading);
    let latest = StoredValue::new(0u32);
    let asked = Memo::new(move |_| input());
    Effect::new(move |_| {
        let Some(input) = asked.get() else {
            return;
        };
        let previous = latest.get_value();
        if previous != 0 {
            client::forget(previous);
        }
        let id = client::start(
            move |id| request(id, input),
            move |reply| {
                if latest.get_value() != reply.id().unwrap_or_default() {
                    return;
                }
                match read(reply) {
                    Some(Ok(data)) => set_answer.set(Answer::Ready(data)),
                    Some(Err(failure)) => set_answer.set(Answer::Failed(failure)),
                    None => {}
                }
            },
        );
        latest.set_value(id);
    });
    on_cleanup(move || client::forget(latest.get_value()));
    answer
}
