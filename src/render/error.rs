//! Why a report could not be made or written, and what to do about it: one
//! error type for the renderer, its templates, the output path and the PDF.

use crate::confine::{OutputRefusal, REPORT_DIR};
use crate::diagnose::Diagnose;
use crate::finding::Finding;
use crate::guide::GuideError;
use crate::render::{TemplateError, pdf::PdfError};
use crate::workbook::LoadError;

/// Why a report could not be made or written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// Writing the report to its stream failed.
    #[error("cannot write the report")]
    Io(#[from] std::io::Error),
    /// Writing the report's file failed.
    #[error("cannot write {path}")]
    Write {
        /// The file, as the user would write it.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Printing to PDF failed.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// `--pdf` was asked for a Markdown report.
    #[error("--pdf prints the HTML report; it cannot be used with --format md")]
    PdfOfMarkdown,
    /// A report of a workbook was asked for outside one.
    #[error("no workbook here")]
    NoWorkbook,
    /// `--population` names a population the workbook does not have.
    #[error("there is no population `{slug}` in this workbook")]
    UnknownPopulation {
        /// The slug asked for.
        slug: String,
        /// The workbook's populations.
        known: Vec<String>,
    },
    /// The report would be written where covalue does not write.
    #[error("{}", refused(path, why))]
    Refused {
        /// The path asked for, as the user would write it.
        path: String,
        /// Why not.
        why: OutputRefusal,
        /// The default file name, for the help line.
        default: String,
    },
    /// The workbook cannot be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The guide cannot be used.
    #[error(transparent)]
    Guide(#[from] GuideError),
    /// Files of the workbook hold unresolved merge conflicts (the findings
    /// say where): a report would print git's markers, or one side only.
    #[error("{} unresolved merge conflict(s) in the workbook, so nothing was written", .0.len())]
    Conflicts(Vec<Finding>),
}

impl RenderError {
    /// The error when `findings` report merge conflicts, in the order
    /// found; None when there is none.
    pub fn conflicts<'f>(findings: impl IntoIterator<Item = &'f Finding>) -> Option<RenderError> {
        let conflicts: Vec<Finding> = findings
            .into_iter()
            .filter(|f| f.code == crate::finding::Code::CV045)
            .cloned()
            .collect();
        (!conflicts.is_empty()).then_some(RenderError::Conflicts(conflicts))
    }
}

fn refused(path: &str, why: &OutputRefusal) -> String {
    match why {
        OutputRefusal::Folder => format!("{path} is a folder"),
        _ => format!("refusing to write the report to {path}: {why}"),
    }
}

impl Diagnose for RenderError {
    fn help(&self) -> Option<String> {
        Some(match self {
            RenderError::Template(err) => return err.help(),
            RenderError::Pdf(err) => return err.help(),
            RenderError::Load(err) => return err.help(),
            RenderError::Guide(err) => return err.help(),
            RenderError::Io(_) | RenderError::Write { .. } => {
                "check that the folder exists and that you may write in it".into()
            }
            RenderError::PdfOfMarkdown => "leave out --format md, or leave out --pdf".into(),
            RenderError::Conflicts(_) => "resolve each conflict shown above (keep the right version, delete the marker lines `<<<<<<<`, `=======` and `>>>>>>>`), then print again; `covalue check` lists them".into(),
            RenderError::NoWorkbook => {
                "run covalue inside a workbook, or print blank worksheets with --blank".into()
            }
            RenderError::UnknownPopulation { known, .. } if known.is_empty() => {
                "the workbook has no population yet; add one with `covalue new population SLUG`"
                    .into()
            }
            RenderError::UnknownPopulation { known, .. } => {
                format!("the populations are: {}", known.join(", "))
            }
            RenderError::Refused { path, why, default } => match why {
                OutputRefusal::Folder => format!(
                    "give -o a file name, for example {}",
                    std::path::Path::new(path).join(default).display()
                ),
                OutputRefusal::ReportDirLeaves(_) => format!(
                    "remove the {REPORT_DIR} link and let covalue create the folder, or write elsewhere with -o"
                ),
                OutputRefusal::InsideWorkbook => format!(
                    "choose another path with -o: under {REPORT_DIR}/ (for example -o {REPORT_DIR}/{default}) or outside the workbook"
                ),
                _ => format!(
                    "choose another path with -o, or leave -o out to write {REPORT_DIR}/{default}"
                ),
            },
        })
    }

    fn findings(&self) -> &[Finding] {
        match self {
            RenderError::Load(err) => err.findings(),
            RenderError::Guide(err) => err.findings(),
            RenderError::Conflicts(findings) => findings,
            _ => &[],
        }
    }
}
