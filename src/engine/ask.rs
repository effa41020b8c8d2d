//! The page's side of an AWS read: sends a [`Request::Aws`] to the engine worker and awaits its
//! one reply, so the page itself links no AWS client (no signing, no protocol decoders).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use hoseline_aws::{ClientConfig, Error};
use serde_json::Value;

use super::aws_wire::{AwsCall, WireConnection};
use super::client;
use super::protocol::{Failure, Reply, Request};

/// Asks the worker for `call` over `config`'s connection: the answer as JSON, or the error.
pub async fn ask(config: &ClientConfig, call: AwsCall) -> Result<Value, Error> {
    let slot = Rc::new(RefCell::new(Slot::default()));
    let connection = WireConnection::from(config);
    let filled = slot.clone();
    client::start(
        move |id| Request::Aws {
            id,
            connection,
            call,
        },
        move |reply| {
            let result = match reply {
                Reply::Aws { result, .. } => result.map_err(Error::from),
                Reply::Failed { failure, .. } => Err(engine_error(failure)),
                _ => return,
            };
            let mut slot = filled.borrow_mut();
            slot.result = Some(result);
            if let Some(waker) = slot.waker.take() {
                waker.wake();
            }
        },
    );
    Answer(slot).await
}

/// The engine could not answer (it did not load): its code and message as a service error.
fn engine_error(failure: Failure) -> Error {
    Error::Service {
        status: 0,
        code: failure.code,
        message: match failure.hint {
            Some(hint) => format!("{} {hint}", failure.message),
            None => failure.message,
        },
        request_id: failure.request_id,
    }
}

#[derive(Default)]
struct Slot {
    result: Option<Result<Value, Error>>,
    waker: Option<Waker>,
}

/// Ready once the reply has filled the slot.
struct Answer(Rc<RefCell<Slot>>);

impl Future for Answer {
    type Output = Result<Value, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.0.borrow_mut();
        match slot.result.take() {
            Some(result) => Poll::Ready(result),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
