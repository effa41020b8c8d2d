//! The Connection screen: credentials, region and endpoint, and a test of each service.

pub mod checks;
pub mod form;
pub mod results;
pub mod run;
pub mod storage;
pub mod tester;
pub mod view;

pub use view::ConnectionPage;
