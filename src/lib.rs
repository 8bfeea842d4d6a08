//! covalue keeps a healthcare coproduction value self-assessment (the CO-VALUE
//! guide) as plain text in git: it scaffolds workbooks, checks them against
//! the guide, shows what changed between versions, and renders printable
//! reports and blank worksheets.

pub mod check;
pub mod cleanup;
pub mod cmd;
pub mod confine;
pub mod date;
pub mod diagnose;
pub mod diff;
pub mod escape;
pub mod finding;
pub mod fsutil;
pub mod git;
pub mod guide;
pub mod i18n;
pub mod manpages;
pub mod merge;
pub mod network;
pub mod node;
pub mod palette;
pub mod print;
pub mod privacy;
pub mod read_error;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod session;
pub mod shell;
pub mod source;
pub mod spec;
pub mod upgrade;
pub mod width;
pub mod workbook;
