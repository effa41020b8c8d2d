//! Where each step's form plugs in. A step's screen is its title and purpose (from
//! [`super::step::Step`]), then the body returned here, then what the draft holds for the step
//! and the wizard's buttons ([`super::page`]).
//!
//! To add a step's form: write a component that reads and writes the draft through
//! [`crate::draft::use_draft`] (`with_spec` to read, `update` to change a field), and return it
//! here for its step. Its rules go in [`super::state::check_step`], which decides the step
//! list's done and error marks and whether Next may leave the step.

use leptos::prelude::*;

use super::create::CreateScreen;
use super::review::ReviewScreen;
use super::step::Step;
use crate::connection::ConnectionPage;

/// The form of `step`'s screen (empty until the step has one).
pub fn step_body(step: Step) -> AnyView {
    match step {
        Step::Connection => view! { <ConnectionPage /> }.into_any(),
        Step::Review => view! { <ReviewScreen /> }.into_any(),
        Step::Create => view! { <CreateScreen /> }.into_any(),
        Step::Table | Step::Bucket | Step::Access | Step::Delivery => ().into_any(),
    }
}
