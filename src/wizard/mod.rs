//! The guided setup: its steps, the step list's state, and each step's screen.

pub mod step;

pub use step::Step;
