//! The guided setup: its steps, the step list's state, and each step's screen.
//!
//! Pure: [`step`] (the steps and their purpose), [`state`] (what the step list shows, what Next
//! checks), [`summary`] (what the draft holds per step).

pub mod state;
pub mod step;
pub mod summary;

pub use step::Step;
