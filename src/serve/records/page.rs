//! The pages of the records: a record's form (to edit, or blank to add
//! one) with the choices of its lists, and the register of improvements.

use minijinja::{Value, context};

use super::values::{Plain, disk_plain, fp, note_names, note_on_disk, plain_of, with_unknown};
use super::{Choice, Kind, Shape, Shown, State, note_field, shape_name};
use crate::serve::Reply;
use crate::serve::auth::{field, percent_encode};
use crate::serve::edit;
use crate::serve::pages::{Site, not_found, pop_href, ser, title};
use crate::serve::splice;
use crate::serve::words::t;
use crate::workbook::{Population, Workbook};

impl Site {
    /// The choices of a list field.
    pub(super) fn choices(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        key: &str,
    ) -> Vec<Choice> {
        let terms = |list: &[crate::guide::Term]| {
            list.iter()
                .map(|t| Choice {
                    id: t.id.clone(),
                    title: t.title.clone(),
                })
                .collect()
        };
        let g = &wb.guide;
        match (kind, key) {
            (_, "coproduction") => terms(&g.coproduction_levels),
            (_, "configurations") => terms(&g.configurations),
            (_, "quadrant") => terms(&g.quadrants),
            (_, "cluster") => terms(&g.improvement_clusters),
            (_, "state") => terms(&g.improvement_statuses),
            (Kind::Population | Kind::Session, "role") => {
                let vocab = match kind {
                    Kind::Session => crate::spec::Vocab::AttendeeRole,
                    _ => crate::spec::Vocab::TeamRole,
                };
                let words = crate::serve::words::catalogue();
                crate::spec::Vocabularies::values(g, vocab)
                    .into_iter()
                    .map(|r| Choice {
                        title: crate::render::model::team_role(g, &words, &r),
                        id: r,
                    })
                    .collect()
            }
            (Kind::Persona, "kind") => terms(&g.persona_kinds),
            (Kind::Measure, "kind") => crate::workbook::records::MEASURE_KIND_TITLES
                .iter()
                .map(|(id, _)| Choice {
                    id: id.to_string(),
                    title: t(&format!("serve-measure-kind-{id}"), &[]),
                })
                .collect(),
            (_, "frequency") => crate::spec::MEASURE_FREQUENCIES
                .iter()
                .map(|f| Choice {
                    id: f.to_string(),
                    title: t(&format!("frequency-{f}"), &[]),
                })
                .collect(),
            (_, "direction") => ["higher", "lower"]
                .iter()
                .map(|d| Choice {
                    id: d.to_string(),
                    title: t("serve-direction", &[("direction", (*d).into())]),
                })
                .collect(),
            (_, "personas") => pop
                .personas
                .iter()
                .map(|p| Choice {
                    id: p.slug.clone(),
                    title: p.name.clone(),
                })
                .collect(),
            (_, "steps") => pop
                .process_map
                .iter()
                .flat_map(|m| &m.steps)
                .map(|s| Choice {
                    id: s.id.clone(),
                    title: s.title.clone(),
                })
                .collect(),
            (_, "measures") => pop
                .compass
                .iter()
                .flat_map(|c| &c.measures)
                .map(|m| Choice {
                    id: m.id.clone(),
                    title: m.name.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The fields of a record as on disk (`plain`), or empty for a new one.
    pub(super) fn shown(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        plain: &dyn Fn(&str) -> Plain,
    ) -> Vec<Shown> {
        kind.fields()
            .iter()
            .map(|&(key, label, shape)| {
                let value = plain(key);
                Shown {
                    key,
                    label,
                    shape: shape_name(shape),
                    fp: fp(&value),
                    values: value
                        .iter()
                        .flat_map(|v| v.split('\n'))
                        .map(str::to_string)
                        .collect(),
                    value: match shape {
                        Shape::Commas => value
                            .as_deref()
                            .unwrap_or("")
                            .split('\n')
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => value.unwrap_or_default(),
                    },
                    choices: with_unknown(self.choices(wb, pop, kind, key), shape, plain(key)),
                    theirs: None,
                }
            })
            .collect()
    }

    /// The fields as the form sent them (what was typed, kept on a refusal).
    pub(super) fn typed(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        form: &[(String, String)],
    ) -> Vec<Shown> {
        kind.fields()
            .iter()
            .map(|&(key, label, shape)| Shown {
                key,
                label,
                shape: shape_name(shape),
                value: field(form, key).unwrap_or("").to_string(),
                values: form
                    .iter()
                    .filter(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .collect(),
                choices: with_unknown(
                    self.choices(wb, pop, kind, key),
                    shape,
                    Some(
                        form.iter()
                            .filter(|(k, _)| k == key)
                            .map(|(_, v)| v.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                ),
                fp: field(form, &format!("fp.{key}")).unwrap_or("").to_string(),
                theirs: None,
            })
            .collect()
    }

    /// A record's page: `id` None for a new one.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record_page(
        &self,
        wb: &Workbook<'_>,
        pop: &Population,
        kind: Kind,
        id: Option<&str>,
        state: State,
        form: &[(String, String)],
        csrf: &str,
        status: u16,
    ) -> Reply {
        let slug = pop.slug.as_str();
        let file = match (kind, id) {
            (Kind::Persona, Some(id)) => {
                pop.persona(id).map(|p| p.file.clone()).unwrap_or_default()
            }
            (Kind::Persona, None) => format!("{}/…", kind.file(slug)),
            _ => kind.file(slug),
        };
        let bytes = self.read(&file).ok().flatten();
        let hash = bytes.as_deref().map(edit::fingerprint).unwrap_or_default();
        // What the forms to move or remove a record remember of it.
        let record_fp = match (kind.arranged(), id, &bytes) {
            (true, Some(id), Some(b)) => {
                splice::record_text(&String::from_utf8_lossy(b), &file, kind.array(), id)
                    .map(|t| edit::fingerprint(t.as_bytes()))
            }
            // A persona is removed with its file: the whole file.
            (false, Some(_), Some(b)) if kind == Kind::Persona => Some(edit::fingerprint(b)),
            _ => None,
        };
        // The boxes to remove a figure, a team member, an attendee or an
        // action: each holds the fingerprint of the item as written, and
        // stays ticked when a refused save comes back.
        let now = bytes
            .as_deref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let boxes = |array: &str, name: &str, shown: usize| -> Vec<(String, bool)> {
            let written = splice::item_texts(&now, &file, array);
            if written.len() != shown {
                // The list as read is not the list as written: no boxes.
                return vec![(String::new(), false); shown];
            }
            written
                .iter()
                .map(|t| {
                    let fp = edit::fingerprint(t.as_bytes());
                    let ticked = form.iter().any(|(k, v)| k == name && *v == fp);
                    (fp, ticked)
                })
                .collect()
        };
        let typed =
            |k: &str, default: String| field(form, k).map(str::to_string).unwrap_or(default);
        // A row's box as typed: by the row's fingerprint, else (when the
        // row changed on disk meanwhile) by its place among the rows typed.
        let typed_row = |prefix: &str, at: usize, fp: &str, default: String| {
            field(form, &format!("{prefix}{fp}"))
                .or_else(|| {
                    form.iter()
                        .filter(|(k, _)| k.starts_with(prefix))
                        .nth(at)
                        .map(|(_, v)| v.as_str())
                })
                .map(str::to_string)
                .unwrap_or(default)
        };
        // What an existing persona's composite box showed, for its save.
        let composite_fp = match (kind, id) {
            (Kind::Persona, Some(id)) => match self.on_disk(pop, kind, id) {
                Ok(Some((text, node))) => {
                    typed("fp.composite", fp(&plain_of(&text, node.get("composite"))))
                }
                _ => String::new(),
            },
            _ => String::new(),
        };
        let today = crate::date::format(crate::date::today());
        let mut extra = match kind {
            Kind::Measure => context! { values => Vec::<Value>::new(), unit => "", chart => () },
            _ => context! {},
        };
        if let (Kind::Measure, Some(id)) = (kind, id) {
            if let Some(m) = pop
                .compass
                .iter()
                .flat_map(|c| &c.measures)
                .find(|m| m.id == id)
            {
                let values: Vec<Value> = m
                    .values
                    .iter()
                    .map(|v| context! { date => v.date.clone(), value => m.show(v.value), note => v.note.clone().unwrap_or_default() })
                    .collect();
                let chart = crate::render::chart::run_chart(
                    &format!("chart-{id}"),
                    m,
                    crate::render::svg::Scale::NORMAL,
                );
                extra = context! {
                    values => values, unit => m.unit.clone().unwrap_or_default(),
                    chart => chart.map(Value::from_safe_string),
                };
            }
        }
        if kind == Kind::Improvement {
            let history: Vec<Value> = id
                .and_then(|id| pop.improvements.as_ref()?.improvements.iter().find(|i| i.id == id))
                .map(|i| {
                    i.status
                        .iter()
                        .map(|s| context! { state => wb.guide.improvement_statuses.iter().find(|t| t.id == s.state).map_or(s.state.clone(), |t| t.title.clone()), date => s.date.clone() })
                        .collect()
                })
                .unwrap_or_default();
            extra = context! { history => history, states => ser(&self.choices(wb, pop, kind, "state")) };
        }
        if kind == Kind::Session {
            let session = wb.sessions().0.into_iter().find(|s| s.name == slug);
            let (attendees, actions) = session.map_or((Vec::new(), Vec::new()), |s| {
                let actions: Vec<Value> = s
                    .actions
                    .iter()
                    .zip(boxes("actions", "remove_action", s.actions.len()))
                    .map(|(a, (remove, ticked))| {
                        let done_ticked = form.iter().any(|(k, v)| k == "done_action" && *v == remove);
                        context! { what => a.what.clone(), owner => a.owner.clone().unwrap_or_default(), due => a.due.map(crate::date::format).unwrap_or_default(), done => a.done, remove => remove, ticked => ticked, done_ticked => done_ticked }
                    })
                    .collect();
                let attendees: Vec<Value> = s
                    .attendees
                    .iter()
                    .zip(boxes("attendees", "remove_attendee", s.attendees.len()))
                    .map(|(a, (remove, ticked))| context! { name => a.name.clone(), role => role_name(wb, &a.role), remove => remove, ticked => ticked })
                    .collect();
                (attendees, actions)
            });
            extra = context! {
                attendees => attendees, actions => actions,
                roles => ser(&self.choices(wb, pop, kind, "role")),
            };
        }
        if kind == Kind::Population {
            let info = pop.info.clone().unwrap_or_default();
            let figures: Vec<Value> = info
                .figures
                .iter()
                .zip(boxes("figure", "remove_figure", info.figures.len()))
                .enumerate()
                .map(|(at, ((label, value), (remove, ticked)))| {
                    let label_typed = typed_row("figure.label.", at, &remove, label.clone());
                    let value_typed = typed_row("figure.value.", at, &remove, value.clone());
                    context! { label => label, value => value, remove => remove, ticked => ticked, label_typed => label_typed, value_typed => value_typed }
                })
                .collect();
            let team: Vec<Value> = info
                .team
                .iter()
                .zip(boxes("team", "remove_team", info.team.len()))
                .enumerate()
                .map(|(at, (m, (remove, ticked)))| {
                    let name = m.name.clone().unwrap_or_default();
                    let name_typed = typed_row("team.name.", at, &remove, name.clone());
                    context! { role => role_name(wb, &m.role), name => name, remove => remove, ticked => ticked, name_typed => name_typed }
                })
                .collect();
            extra = context! {
                figures => figures, team => team,
                roles => ser(&self.choices(wb, pop, kind, "role")),
            };
        }
        // A step's notes, one per perspective: as typed, else as on disk.
        let mut notes: Vec<Value> = Vec::new();
        if let (Kind::Step, Some(id)) = (kind, id) {
            if let Ok(Some((text, node))) = self.on_disk(pop, kind, id) {
                for name in note_names(pop, kind, &node) {
                    let disk = note_on_disk(&text, &node, &name);
                    let typed = field(form, &note_field(&name)).map(str::to_string);
                    let seen = field(form, &format!("fp.{}", note_field(&name)));
                    let (value, fp_now, theirs) = match (
                        state.note_clashes.get(&name),
                        state.note_theirs.get(&name),
                        typed,
                    ) {
                        (Some(theirs), _, typed) => (
                            typed.unwrap_or_default(),
                            fp(theirs),
                            Some(theirs.clone().unwrap_or_default()),
                        ),
                        (None, Some(theirs), _) => {
                            (theirs.clone().unwrap_or_default(), fp(theirs), None)
                        }
                        (None, None, Some(typed)) => {
                            (typed, seen.map_or_else(|| fp(&disk), str::to_string), None)
                        }
                        (None, None, None) => (disk.clone().unwrap_or_default(), fp(&disk), None),
                    };
                    notes.push(context! {
                        name => name.clone(), field => note_field(&name), value => value, fp => fp_now, theirs => theirs,
                    });
                }
            }
        }
        let heading = match (kind, id) {
            (Kind::Persona, Some(id)) => pop.persona(id).map_or(id.to_string(), |p| p.name.clone()),
            (Kind::Population, _) => t("serve-heading-about", &[("population", pop.name().into())]),
            (Kind::Map, _) => t("serve-heading-map", &[("population", pop.name().into())]),
            (Kind::Session, _) => t("serve-heading-session", &[("session", slug.into())]),
            (_, None) => t("serve-heading-new", &[("kind", kind.name().into())]),
            (_, Some(id)) => state
                .fields
                .iter()
                .find(|f| f.key == "title" || f.key == "name")
                .map_or(id.to_string(), |f| f.value.clone()),
        };
        let action = match id {
            _ if kind == Kind::Population => format!("{}/about", pop_href(slug)),
            _ if kind == Kind::Map => format!("{}/map", pop_href(slug)),
            _ if kind == Kind::Session => kind.anchor(slug, ""),
            Some(id) => format!("{}/{}/{}", pop_href(slug), kind.name(), percent_encode(id)),
            None => format!("{}/new/{}", pop_href(slug), kind.name()),
        };
        let back = match id {
            _ if kind == Kind::Session => "/".to_string(),
            Some(id) => kind.anchor(slug, id),
            None if kind == Kind::Improvement => format!("{}/improvements", pop_href(slug)),
            None => pop_href(slug),
        };
        self.page(
            status,
            "record.html",
            context! {
                title => title(wb),
                pop => match kind {
                    Kind::Session => context! { name => "", slug => "", href => "" },
                    _ => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                },
                kind => kind.name(), editing => id.is_some(), arranged => kind.arranged(), heading => heading,
                fields => ser(&state.fields), problem => state.problem, conflict => state.conflict,
                new_id => typed("id", String::new()),
                value => context! { date => typed("date", today.clone()), value => typed("value", String::new()), note => typed("note", String::new()),
                    state => typed("state", String::new()),
                    figure_label => typed("figure_label", String::new()), figure_value => typed("figure_value", String::new()),
                    team_role => typed("team_role", String::new()), team_name => typed("team_name", String::new()),
                    attendee_name => typed("attendee_name", String::new()), attendee_role => typed("attendee_role", String::new()),
                    action_what => typed("action_what", String::new()), action_owner => typed("action_owner", String::new()),
                    action_due => typed("action_due", String::new()), composite => match (form.is_empty(), id) {
                        (false, _) => field(form, "composite").is_some(),
                        (true, None) => true,
                        (true, Some(id)) => pop.persona(id).and_then(|p| p.composite) == Some(true),
                    },
                    composite_fp => composite_fp },
                extra => extra,
                file => file, hash => hash, csrf => csrf, action => action, back => back,
                record_fp => record_fp, notes => notes,
            },
        )
    }

    /// GET of a record's page, or of an empty one (`id` None).
    pub(in crate::serve) fn record(
        &self,
        slug: &str,
        kind: Kind,
        id: Option<&str>,
        csrf: &str,
    ) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.subject(wb, kind, slug));
        let fields = match id {
            None => self.shown(wb, &pop, kind, &|_| None),
            Some(id) => {
                let Some((text, node)) = or_reply!(self.on_disk(&pop, kind, id)) else {
                    return not_found();
                };
                self.shown(wb, &pop, kind, &|k| disk_plain(kind, &text, &node, k))
            }
        };
        let state = State {
            fields,
            problem: None,
            conflict: false,
            ..State::default()
        };
        self.record_page(wb, &pop, kind, id, state, &[], csrf, 200)
    }

    /// GET of the register of improvements.
    pub(in crate::serve) fn improvements(&self, slug: &str) -> Reply {
        let loaded = or_reply!(self.load());
        let wb = &loaded.workbook;
        let pop = or_reply!(self.population_of(wb, slug));
        let status_title = |id: &str| {
            wb.guide
                .improvement_statuses
                .iter()
                .find(|t| t.id == id)
                .map_or(id.to_string(), |t| t.title.clone())
        };
        let items: Vec<Value> = pop
            .improvements
            .iter()
            .flat_map(|r| &r.improvements)
            .map(|i| {
                context! {
                    id => i.id.clone(), title => i.title.clone(), owner => i.owner.clone().unwrap_or_default(),
                    cluster => i.clusters.iter().map(|id| wb.guide.improvement_clusters.iter().find(|c| &c.id == id).map_or(id.clone(), |c| c.title.clone())).collect::<Vec<_>>().join("; "),
                    state => i.current().map(|s| status_title(&s.state)).unwrap_or_default(),
                    date => i.current().map(|s| s.date.clone()).unwrap_or_default(),
                    href => format!("{}/improvement/{}", pop_href(slug), percent_encode(&i.id)),
                }
            })
            .collect();
        self.page(
            200,
            "improvements.html",
            context! {
                title => title(wb), pop => context!{ name => pop.name(), slug => slug, href => pop_href(slug) },
                items => items, file => kind_file(Kind::Improvement, slug),
            },
        )
    }
}

pub(super) fn kind_file(kind: Kind, slug: &str) -> String {
    kind.file(slug)
}

/// A role as the pages name it: the guide's title, else the catalogue's
/// (see [`crate::render::model::team_role`]); nothing for no role.
fn role_name(wb: &Workbook<'_>, role: &str) -> String {
    match role.trim() {
        "" => String::new(),
        role => crate::render::model::team_role(&wb.guide, &crate::serve::words::catalogue(), role),
    }
}
