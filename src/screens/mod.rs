//! One module per screen. A screen renders what it is given and reports what the person did as
//! a core action, through a callback scoped to what it may change: a workshop's screens get a
//! `Callback<WorkshopAction>` bound to their workshop, the proposal a `Callback<NormsAction>`.
//! The roots (`crate::roots`) bind and dispatch; no screen sees their state or their reducer.

pub mod agreement;
pub mod assessment;
pub mod brainstorm;
pub mod collect;
pub mod join;
pub mod presenter;
pub mod proposal;
pub mod report;
pub mod report_sheet;
pub mod rerate;
pub mod start;
pub mod turn;
pub mod workshop;
pub mod workshops;
pub mod your_data;

pub use agreement::AgreementSheet;
pub use assessment::AssessmentStep;
pub use join::Participant;
pub use presenter::Presenter;
pub use proposal::ProposalScreen;
pub use report::ReportScreen;
pub use report_sheet::ReportSheet;
pub use start::StartScreen;
pub use turn::TurnView;
pub use workshop::FacilitatorView;
pub use workshops::WorkshopList;
pub use your_data::{BackupElsewhere, BackupRow, DeleteRow, KeepRow, YourData};
