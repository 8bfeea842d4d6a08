//! A site's own wording: `guide/messages.LANG.ftl` in the workbook, in the
//! catalogue's format, replaces covalue's page words message by message
//! (a site says "patient partner" its own way). Read through the
//! workbook's jail, like every workbook file; `check` reports a message id
//! covalue does not have (CV061), a value a message uses that covalue does
//! not give it (CV062), and a file that cannot be used (CV063), each with
//! file:line:col. A page uses the site's message where it can be made, and
//! covalue's own where it cannot.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::{Catalogue, Lang};
use crate::finding::{Code, Finding};
use crate::read_error::ReadError;
use crate::source::Source;

/// The workbook folder a site's wording lives in, beside a site's guide.
pub const DIR: &str = "guide";

/// The file of a site's wording in `lang`, relative to the workbook.
pub fn file(lang: Lang) -> String {
    format!("{DIR}/messages.{}.ftl", lang.tag())
}

/// The catalogue of `lang` with the site's wording of the workbook at
/// `root` (when there is one, and it can be read) laid over it.
pub fn catalogue(root: Option<&Path>, lang: Lang) -> Catalogue {
    let builtin = Catalogue::builtin(lang);
    let Some(root) = root else {
        return builtin;
    };
    match read(root, &file(lang)) {
        Ok(Some(source)) => builtin.with_site(&source.text),
        _ => builtin,
    }
}

/// Reads a file of the workbook through its jail: `None` when it is not there.
fn read(root: &Path, rel: &str) -> Result<Option<Source>, String> {
    let jail = crate::confine::Jail::new(root).map_err(|e| e.to_string())?;
    let bytes = match jail.read(&root.join(rel)) {
        Ok(bytes) => bytes,
        Err(ReadError::Missing) => return Ok(None),
        Err(other) => return Err(other.describe()),
    };
    Source::from_bytes(bytes, rel)
        .map(Some)
        .map_err(|e| e.describe())
}

/// The messages of the built-in English catalogue, each with the variables
/// covalue gives it.
fn builtin_messages() -> BTreeMap<String, BTreeSet<String>> {
    let text = Lang::En.catalogue_source();
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut vars = Vec::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                Some((
                    m.id.name.to_string(),
                    vars.into_iter().map(|v| v.to_string()).collect(),
                ))
            }
            _ => None,
        })
        .collect()
}

/// The variables a pattern uses (in its text and every variant), as slices
/// of the source.
pub fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => out.push(id.name),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Where a slice of `text` starts in it.
fn offset(text: &str, piece: &str) -> usize {
    (piece.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|o| *o <= text.len())
        .unwrap_or(0)
}

/// Checks every `guide/messages.*.ftl` of the workbook at `root`.
pub fn check(root: &Path) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Ok(names) = std::fs::read_dir(root.join(DIR)) else {
        return findings;
    };
    let mut names: Vec<String> = names
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("messages.") && n.ends_with(".ftl"))
        .collect();
    names.sort();
    if names.is_empty() {
        return findings;
    }
    let known = builtin_messages();
    for name in names {
        let rel = format!("{DIR}/{name}");
        let tag = &name["messages.".len()..name.len() - ".ftl".len()];
        if let Err(e) = Lang::parse(tag) {
            findings.push(
                Finding::warning(
                    Code::CV063,
                    format!("{rel} is for a language covalue does not print in"),
                )
                .in_file(&rel)
                .help(format!(
                    "{e}; name the file messages.LANG.ftl, for example messages.sv.ftl"
                )),
            );
            continue;
        }
        match read(root, &rel) {
            Ok(Some(source)) => check_source(&source, &known, &mut findings),
            Ok(None) => {}
            Err(why) => findings.push(
                Finding::warning(Code::CV063, format!("covalue cannot read {rel}: {why}"))
                    .in_file(&rel)
                    .help("keep the site's wording as a plain UTF-8 file inside the workbook's guide folder"),
            ),
        }
    }
    findings
}

/// Checks one file of a site's wording against covalue's messages.
fn check_source(
    source: &Source,
    known: &BTreeMap<String, BTreeSet<String>>,
    out: &mut Vec<Finding>,
) {
    let text = source.text.as_str();
    let file = source.display.to_string_lossy().replace('\\', "/");
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let start = e.pos.start.min(text.len());
                let end = e.pos.end.clamp(start, text.len());
                out.push(
                    Finding::warning(
                        Code::CV063,
                        format!("this line of {file} is not a message covalue can read: {}", e.kind),
                    )
                    .at(source, start..end.max(start + usize::from(start < text.len())))
                    .help("write each message as `id = text`, with values as { $name }; this message is left out and covalue's own wording is printed"),
                );
            }
            r
        }
    };
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name;
        let at = offset(text, id);
        let Some(given) = known.get(id) else {
            let better = crate::spec::suggest(id, known.keys().map(String::as_str));
            let finding =
                Finding::warning(Code::CV061, format!("covalue has no page message \"{id}\""))
                    .at(source, at..at + id.len());
            out.push(match better {
                Some(better) => finding.help(format!("did you mean \"{better}\"? Use the ids of covalue's catalogue (docs/languages.md)")),
                None => finding.help("use the ids of covalue's catalogue (docs/languages.md); this message is never printed"),
            });
            continue;
        };
        let mut used = Vec::new();
        if let Some(value) = &m.value {
            variables(value, &mut used);
        }
        for var in used {
            if given.contains(var) {
                continue;
            }
            let at = offset(text, var);
            let takes = match given.is_empty() {
                true => "it takes no values".to_string(),
                false => format!(
                    "it takes {}",
                    given
                        .iter()
                        .map(|g| format!("{{ ${g} }}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push(
                Finding::error(
                    Code::CV062,
                    format!("the message \"{id}\" uses ${var}, which covalue does not give it"),
                )
                .at(source, at.saturating_sub(1)..at + var.len())
                .help(format!(
                    "{takes}; until this is fixed, covalue prints its own wording of \"{id}\""
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_messages_are_known_with_their_variables() {
        let known = builtin_messages();
        assert_eq!(
            known.get("percent-of").map(|v| v.len()),
            Some(2),
            "{known:?}"
        );
        assert!(known.contains_key("form-short"));
    }
}
