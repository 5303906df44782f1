//! One module per screen. A screen renders what it is given and reports what the person did;
//! the root (`crate::App`) turns that into core actions.

pub mod assessment;
pub mod report;
pub mod start;

pub use assessment::AssessmentStep;
pub use report::ReportScreen;
pub use start::StartScreen;
