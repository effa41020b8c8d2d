//! Where each step's form plugs in. A step's screen is its title and purpose (from
//! [`super::step::Step`]), then the body returned here, then what the draft holds for the step
//! and the wizard's buttons ([`super::page`]).
//!
//! Each form is in [`super::forms`]; its fields (and so the rules [`super::state::check_step`]
//! applies to the step, for the step list's marks and Next) in [`super::fields`].

use leptos::prelude::*;

use super::create::CreateScreen;
use super::forms::{AccessForm, BucketForm, DeliveryForm, PipelineForm, TableForm};
use super::preview::StepPreview;
use super::review::{ReviewScreen, SpecLoader};
use super::step::Step;
use crate::connection::ConnectionPage;

/// The body of `step`'s screen: its form and what it will send, or Review and Create.
pub fn step_body(step: Step) -> AnyView {
    match step {
        Step::Connection => view! { <ConnectionPage /> <PipelineForm /> <SpecLoader /> }.into_any(),
        Step::Table => view! { <TableForm /> <StepPreview step=step /> }.into_any(),
        Step::Bucket => view! { <BucketForm /> <StepPreview step=step /> }.into_any(),
        Step::Access => view! { <AccessForm /> <StepPreview step=step /> }.into_any(),
        Step::Delivery => view! { <DeliveryForm /> <StepPreview step=step /> }.into_any(),
        Step::Review => view! { <ReviewScreen /> }.into_any(),
        Step::Create => view! { <CreateScreen /> }.into_any(),
    }
}
