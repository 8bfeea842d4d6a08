//! Scaffolding: a new workbook, population or persona, written from the guide.
//! Existing files are never replaced; running again creates only what is
//! missing and says what it left alone.

use crate::i18n::{Arg, Catalogue, Lang};
use std::io;
use std::path::Path;
use std::sync::OnceLock;

use crate::fsutil::{self, Created};
use crate::guide::{Guide, Question, QuestionKind, Section};
use crate::spec;

use crate::workbook::layout;
pub use crate::workbook::layout::{check_slug, suggest_slug};

pub(crate) fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn yaml_string(s: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// The text of a new `covalue.toml`.
pub fn config_text(title: &str, organisation: Option<&str>, language: Option<Lang>) -> String {
    let mut s = spec::schema_line("covalue.schema.json", 0);
    s.push_str("# The workbook's settings. See docs/format.md in covalue's documentation.\n");
    s.push_str(&format!("title = {}\n", toml_string(title)));
    if let Some(org) = organisation {
        s.push_str(&format!("organisation = {}\n", toml_string(org)));
    }
    s.push_str("guide = \"builtin\"\nform = \"full\"\n");
    if let Some(lang) = language {
        s.push_str(&format!(
            "# The language of printed and served pages: en, sv, he or es.\nlanguage = \"{}\"\n",
            lang.tag()
        ));
    }
    s.push_str("\n# Values the privacy check should accept, each with a reason, for example:\n# [[privacy.allow]]\n# value = \"(the exact value, e.g. the clinic's public phone number)\"\n# reason = \"Why it may stay, e.g. it is the public switchboard\"\n");
    s
}

/// The `README.md` of a new workbook, in `lang` (English for none).
fn team_readme(lang: Option<Lang>) -> String {
    let lang = match lang {
        Some(l) if !l.is_english() => l,
        _ => Lang::En,
    };
    let text = Catalogue::builtin(lang).text("wb-readme", &[("id", "`{#id}`".into())]);
    format!("{text}\n")
}

/// Creates a new file inside the workbook at `root`, never through a link
/// that leads out of it, and never replacing anything.
pub(crate) fn create_inside(root: &Path, path: &Path, content: &str) -> io::Result<Created> {
    let target = crate::confine::Jail::new(root)?.write_path(path)?;
    match fsutil::create_new(&target, content)? {
        // Report the path as asked for, not as resolved.
        Created::Written(_) => Ok(Created::Written(path.to_path_buf())),
        Created::LeftAlone(_) => Ok(Created::LeftAlone(path.to_path_buf())),
    }
}

/// Creates a workbook in `dir`. Returns what was written and what was left alone.
pub fn init(
    dir: &Path,
    title: &str,
    organisation: Option<&str>,
    language: Option<Lang>,
    guide: &Guide,
) -> io::Result<Vec<Created>> {
    let mut created = write_schemas(dir, guide)?;
    created.extend([
        create_inside(
            dir,
            &dir.join("covalue.toml"),
            &config_text(title, organisation, language),
        )?,
        create_inside(dir, &dir.join("README.md"), &team_readme(language))?,
        create_inside(
            dir,
            &dir.join(".gitignore"),
            &format!(
                "# Reports written by `covalue render`\nout/\n# Temporary files of a save that was interrupted\n{}\n",
                layout::TEMP_PATTERN
            ),
        )?,
    ]);
    Ok(created)
}

/// Writes the JSON Schemas of the workbook's files into `schemas/`, leaving
/// any that are already there alone (`covalue schema --output schemas`
/// refreshes them on request).
pub fn write_schemas(root: &Path, guide: &Guide) -> io::Result<Vec<Created>> {
    let dir = root.join(spec::SCHEMA_DIR);
    spec::schema_files(guide)
        .into_iter()
        .map(|(name, text)| create_inside(root, &dir.join(name), &text))
        .collect()
}

/// The heading text of a question in a new answer file: the whole question
/// when it is short or one sentence, else a clean first sentence that never
/// ends inside "e.g.", "i.e.", "etc.", "Dr." or a number such as "1.5".
pub fn short_text(text: &str) -> String {
    crate::workbook::answers::heading_text(text)
}

fn comment(text: &str) -> String {
    let safe = text.replace("-->", "— >").replace("<!--", "< !--");
    format!("<!-- {} -->", safe.trim())
}

/// A question's heading and scaffolded prompt, as a new answer file holds
/// them: `## heading {#id}`, a blank line, and the prompt's comment with a
/// blank line after it when the question has one.
pub fn question_text(guide: &Guide, q: &Question) -> String {
    let mut s = format!("## {} {{#{}}}\n\n", short_text(&q.text), q.id);
    if let Some(prompt) = prompt_comment(guide, q) {
        s.push_str(&prompt);
        s.push_str("\n\n");
    }
    s
}

/// The prompt scaffolded under a question, as its HTML comment, or none
/// when the question needs no prompt.
pub fn prompt_comment(guide: &Guide, q: &Question) -> Option<String> {
    prompt_under(guide, q, &short_text(&q.text))
}

/// The prompt for a question whose heading reads `heading`: it repeats the
/// question's whole wording when the heading does not.
pub fn prompt_under(guide: &Guide, q: &Question, heading: &str) -> Option<String> {
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut prompt = String::new();
    if words(heading) != words(&q.text) {
        prompt.push_str(q.text.trim());
        prompt.push(' ');
    }
    if let Some(help) = &q.help {
        prompt.push_str(help.trim());
        prompt.push(' ');
    }
    let words = own_words(guide);
    match q.kind {
        QuestionKind::Personas => prompt.push_str(&words.text("wb-prompt-personas", &[])),
        QuestionKind::ProcessMap => prompt.push_str(&words.text("wb-prompt-process-map", &[])),
        // Answered in words; the question's own help says the compass is optional.
        QuestionKind::ValueCompass if q.record_optional => {}
        QuestionKind::ValueCompass => prompt.push_str(&words.text("wb-prompt-compass", &[])),
        QuestionKind::Walkthrough => {
            let title = q
                .configuration
                .as_deref()
                .map_or("", |c| Guide::term_title(&guide.configurations, c));
            prompt.push_str(&words.text(
                "wb-prompt-walkthrough",
                &[
                    ("example", "`### Sara {#sara}`".into()),
                    ("configuration", title.into()),
                ],
            ));
        }
        QuestionKind::Text => {}
    }
    (!prompt.trim().is_empty()).then(|| comment(&prompt))
}

/// The catalogue of the guide's language, for the words covalue adds to
/// a scaffolded file (English for a guide that names no language covalue
/// prints): a Swedish guide's prompts get Swedish notes.
pub(crate) fn own_words(guide: &Guide) -> &'static Catalogue {
    static CATALOGUES: OnceLock<[Catalogue; 4]> = OnceLock::new();
    let [en, sv, he, es] = CATALOGUES.get_or_init(|| Lang::REAL.map(Catalogue::builtin));
    match guide.language.as_deref().map(Lang::parse) {
        Some(Ok(Lang::Sv)) => sv,
        Some(Ok(Lang::He)) => he,
        Some(Ok(Lang::Es)) => es,
        _ => en,
    }
}

/// A message of the guide's language as TOML comment lines: `# ` before
/// each of its lines.
pub(crate) fn comment_lines(words: &Catalogue, id: &str, args: &[(&str, Arg)]) -> String {
    words
        .text(id, args)
        .lines()
        .map(|line| format!("# {line}\n"))
        .collect()
}

/// The title `covalue init` gives a workbook named `name`, in `lang`.
pub fn default_title(name: &str, lang: Lang) -> String {
    let lang = if lang.is_english() { Lang::En } else { lang };
    Catalogue::builtin(lang).text("wb-title", &[("name", name.into())])
}

/// Whether an HTML comment found under a question (its inside, without
/// `<!--` and `-->`) is a prompt `guide` scaffolds for `q`, whatever the
/// line breaks and spaces an editor put in it: the prompt as covalue writes
/// it today, or as earlier covalues wrote it (the question and its help,
/// without the note on how the question is answered).
pub fn is_prompt(found: &str, guide: &Guide, q: &Question) -> bool {
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let found = words(found);
    if found.is_empty() {
        return false;
    }
    let inner = |p: String| {
        words(
            p.strip_prefix("<!--")
                .and_then(|p| p.strip_suffix("-->"))
                .unwrap_or(&p),
        )
    };
    let text = words(&q.text);
    let with_help = match &q.help {
        Some(help) => format!("{text} {}", words(help)),
        None => text.clone(),
    };
    // As written under the whole question as heading, and under a shorter one.
    let written = [
        prompt_comment(guide, q).map(inner),
        prompt_under(guide, q, "").map(inner),
    ];
    written.iter().flatten().any(|w| *w == found) || found == with_help || found == text
}

/// The text of a new answer file for a section of the guide.
pub fn answer_file_text(guide: &Guide, section: &Section) -> String {
    let mut s = format!("# {}\n\n", section.heading());
    if !section.intro.trim().is_empty() {
        s.push_str(&comment(&section.intro));
        s.push_str("\n\n");
    }
    for q in &section.questions {
        s.push_str(&question_text(guide, q));
    }
    s
}

fn population_text(guide: &Guide, name: &str) -> String {
    let words = own_words(guide);
    let example = |id: &str| toml_string(&words.text(id, &[]));
    format!(
        "{}{}\
name = {}\n\
description = \"\"\n\
# setting = {}\n\
\n\
# [size]\n\
# people = 1200\n\
# as_of = \"2026\"\n\
# note = {}\n\
\n\
# [[figure]]\n\
# label = {}\n\
# value = {}\n\
\n\
{}\
# [[team]]\n\
# role = \"team-lead\"\n\
# name = {}\n",
        spec::schema_line("population.schema.json", 2),
        comment_lines(words, "wb-population-about", &[]),
        toml_string(name),
        example("wb-example-setting"),
        example("wb-example-size-note"),
        example("wb-example-figure-label"),
        example("wb-example-figure-value"),
        comment_lines(words, "wb-population-roles", &[]),
        example("wb-example-team-name"),
    )
}

fn process_map_text(guide: &Guide) -> String {
    let levels: Vec<&str> = guide
        .coproduction_levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let configs: Vec<&str> = guide.configurations.iter().map(|c| c.id.as_str()).collect();
    let words = own_words(guide);
    let example = |id: &str| toml_string(&words.text(id, &[]));
    format!(
        "{}{}{}\
# coproduction: {}\n\
# configurations: {}\n\
perspectives = []\n\
\n\
# [[step]]\n\
# id = \"first-contact\"\n\
# title = {}\n\
# actors = [\"person\", \"nurse\"]\n\
# coproduction = \"civil-discourse\"\n\
# opportunity = {}\n\
# configurations = [\"shop\"]\n\
# personas = []\n",
        spec::schema_line("process-map.schema.json", 2),
        comment_lines(
            words,
            "wb-process-about",
            &[
                ("min", guide.process_steps.min.into()),
                ("max", guide.process_steps.max.into()),
            ]
        ),
        comment_lines(words, "wb-process-copy", &[]),
        levels.join(", "),
        configs.join(", "),
        example("wb-example-step-title"),
        example("wb-example-opportunity"),
    )
}

/// The value compass's limits, in the guide's language: "The value
/// compass: the guide suggests 4 to 12 measures, at least 1 per quadrant."
fn compass_limits(guide: &Guide, words: &Catalogue) -> String {
    let basis = match guide.limit_is_published("compass_measures") {
        Some(true) => "published",
        Some(false) => "convention",
        None => "suggested",
    };
    let (min, max) = (
        guide.compass_per_quadrant.min,
        guide.compass_per_quadrant.max,
    );
    let per = match (min, max) {
        (0, _) => "any",
        (_, max) if max >= 1000 => "at-least",
        (min, max) if min == max => "exactly",
        _ => "range",
    };
    words.text(
        "wb-compass-limits",
        &[
            ("basis", basis.into()),
            ("min", guide.compass_measures.min.into()),
            ("max", guide.compass_measures.max.into()),
            ("per", per.into()),
            ("permin", min.into()),
            ("permax", max.into()),
        ],
    )
}

fn compass_text(guide: &Guide) -> String {
    let words = own_words(guide);
    let example = |id: &str| toml_string(&words.text(id, &[]));
    let quadrants: Vec<String> = guide
        .quadrants
        .iter()
        .map(|q| format!("{} ({})", q.id, q.title))
        .collect();
    format!(
        "{}# {}\n\
# quadrant: {}\n\
{}\
\n\
# [[measure]]\n\
# id = \"quality-of-life\"\n\
# quadrant = \"functional\"\n\
# name = {}\n\
# definition = {}\n\
# data_source = {}\n\
# baseline = {}\n\
# target = {}\n",
        spec::schema_line("value-compass.schema.json", 2),
        compass_limits(guide, words),
        quadrants.join(", "),
        comment_lines(words, "wb-compass-copy", &[]),
        example("wb-example-measure-name"),
        example("wb-example-measure-definition"),
        example("wb-example-measure-source"),
        example("wb-example-measure-baseline"),
        example("wb-example-measure-target"),
    )
}

/// Creates a population folder with every file stubbed from the guide.
pub fn new_population(
    root: &Path,
    guide: &Guide,
    slug: &str,
    name: &str,
) -> io::Result<Vec<Created>> {
    let dir = root.join(layout::population_dir(slug));
    let mut created = write_schemas(root, guide)?;
    created.extend([
        create_inside(
            root,
            &dir.join("population.toml"),
            &population_text(guide, name),
        )?,
        create_inside(
            root,
            &dir.join("process-map.toml"),
            &process_map_text(guide),
        )?,
        create_inside(root, &dir.join("value-compass.toml"), &compass_text(guide))?,
    ]);
    let personas = crate::confine::Jail::new(root)?.write_path(&dir.join("personas").join("x"))?;
    if let Some(personas) = personas.parent() {
        std::fs::create_dir_all(personas)?;
    }
    for section in guide.all_sections() {
        created.push(create_inside(
            root,
            &dir.join(section.answer_file()),
            &answer_file_text(guide, section),
        )?);
    }
    Ok(created)
}

/// The text of a new persona file.
pub fn persona_text(guide: &Guide, name: &str, kind: &str) -> String {
    let words = own_words(guide);
    let segment = toml_string(&words.text("wb-example-segment", &[]));
    let name_in_prompt = name.replace("-->", "");
    let prompt = words.text("wb-persona-prompt", &[("name", name_in_prompt.into())]);
    format!(
        "---\n\
name: {}\n\
kind: {kind}\n\
# segment: {segment}\n\
# figures:\n\
#   share_percent: 20\n\
#   contacts_per_year: 8\n\
#   annual_cost: 50000\n\
#   currency: SEK\n\
composite: true\n\
---\n\
\n\
{}\n",
        yaml_string(name),
        comment(&prompt),
    )
}

/// Creates a population folder after checking its slug; refuses, saying
/// what to do, when the slug is not one.
pub fn add_population(
    root: &Path,
    guide: &Guide,
    slug: &str,
    name: &str,
) -> Result<Vec<Created>, Refusal> {
    check_slug("population", slug)
        .map_err(|m| Refusal::Usage(m, "population names are folder names".into()))?;
    new_population(root, guide, slug, name)
        .map_err(|e| Refusal::Io(format!("cannot write in {}", root.display()), e))
}

/// Creates a persona file after checking its population, slug and kind
/// against the workbook and the guide.
pub fn add_persona(
    root: &Path,
    guide: &Guide,
    population: &str,
    slug: &str,
    name: &str,
    kind: &str,
) -> Result<Created, Refusal> {
    let usage = |m: String, h: &str| Refusal::Usage(m, h.to_string());
    check_slug("population", population).map_err(|m| {
        usage(
            m,
            "name the population by its folder name under populations/",
        )
    })?;
    check_slug("persona", slug).map_err(|m| usage(m, "persona names are file names"))?;
    if !root.join(layout::population_dir(population)).is_dir() {
        return Err(usage(
            format!("there is no population `{population}`"),
            &format!("create it first: covalue new population {population}"),
        ));
    }
    let kinds = crate::spec::Vocabularies::values(guide, crate::spec::Vocab::PersonaKind);
    if !kinds.iter().any(|k| k == kind) {
        return Err(usage(
            format!("\"{kind}\" is not a persona kind of the guide"),
            &format!("use one of {}", kinds.join(", ")),
        ));
    }
    new_persona(root, guide, population, slug, name, kind)
        .map_err(|e| Refusal::Io(format!("cannot write in {}", root.display()), e))
}

/// Creates a persona file.
pub fn new_persona(
    root: &Path,
    guide: &Guide,
    population: &str,
    slug: &str,
    name: &str,
    kind: &str,
) -> io::Result<Created> {
    let path = root
        .join(layout::population_dir(population))
        .join(layout::PERSONAS_DIR)
        .join(format!("{slug}.md"));
    create_inside(root, &path, &persona_text(guide, name, kind))
}

/// The text of a new `improvements.toml`.
pub fn improvements_header() -> String {
    let mut s = spec::schema_line("improvements.schema.json", 2);
    s.push_str("# The register of improvements: what the team takes up from the process map\n");
    s.push_str("# and the walk-throughs, in which cluster of opportunity, who leads it, how it\n");
    s.push_str("# is going and which measures will show whether it is an improvement.\n");
    s
}

/// The block of a new improvement, to add at the end of `improvements.toml`.
pub fn improvement_text(
    guide: &Guide,
    slug: &str,
    title: &str,
    cluster: &[String],
    steps: &[String],
    today: &str,
) -> String {
    let quoted: Vec<String> = steps.iter().map(|s| toml_string(s)).collect();
    let clusters: Vec<&str> = guide
        .improvement_clusters
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let first = guide
        .improvement_statuses
        .first()
        .map_or("idea", |s| s.id.as_str());
    format!(
        "\n[[improvement]]\nid = {}\ntitle = {}\n# cluster: {}\ncluster = {}\nsteps = [{}]\nconfigurations = []\npersonas = []\nowner = \"\"\nmeasures = []\n\n[[improvement.status]]\nstate = {}\ndate = {today}\n",
        toml_string(slug),
        toml_string(title),
        clusters.join(", "),
        match cluster {
            [one] => toml_string(one),
            several => format!(
                "[{}]",
                several
                    .iter()
                    .map(|c| toml_string(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
        quoted.join(", "),
        toml_string(first),
    )
}

/// A new improvement, as asked for.
pub struct NewImprovement<'a> {
    /// The population's slug.
    pub population: &'a str,
    /// The improvement's id.
    pub slug: &'a str,
    /// What it is.
    pub title: &'a str,
    /// Its clusters (the guide's first when none is given).
    pub cluster: Vec<String>,
    /// The process-map steps it concerns.
    pub steps: &'a [String],
}

/// Why an improvement was not added.
#[derive(Debug)]
pub enum Refusal {
    /// The arguments do not fit the workbook: what, and what to do.
    Usage(String, String),
    /// A file could not be read or written: what was tried.
    Io(String, io::Error),
}

/// Adds an improvement at the end of the population's `improvements.toml`
/// (started when missing), after checking its id, cluster and steps against
/// the workbook. Returns the register's path, relative to the workbook.
pub fn add_improvement(
    workbook: &crate::workbook::Workbook<'_>,
    new: &NewImprovement<'_>,
    today: crate::date::Date,
) -> Result<String, Refusal> {
    let usage = |m: String, h: String| Refusal::Usage(m, h);
    check_slug("improvement", new.slug)
        .map_err(|m| usage(m, "improvement ids are like slugs".into()))?;
    let guide = &workbook.guide;
    if let Some((message, help)) = workbook.unknown_population([new.population]) {
        return Err(usage(message, help));
    }
    let Some(pop) = workbook.populations(&[new.population.to_string()]).pop() else {
        return Err(usage(
            format!("population `{}` cannot be read", new.population),
            "run `covalue check` to see what is wrong with it".into(),
        ));
    };
    let clusters: Vec<String> = guide
        .improvement_clusters
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut cluster: Vec<String> = Vec::new();
    for c in &new.cluster {
        if !cluster.contains(c) {
            cluster.push(c.clone());
        }
    }
    if cluster.is_empty() {
        cluster.extend(clusters.first().cloned());
    }
    if let Some(bad) = cluster.iter().find(|c| !clusters.contains(c)) {
        return Err(usage(
            format!("\"{bad}\" is not a cluster of the guide"),
            format!("use one of {}", clusters.join(", ")),
        ));
    }
    let known: Vec<&str> = pop
        .process_map
        .as_ref()
        .map(|m| m.steps.iter().map(|s| s.id.as_str()).collect())
        .unwrap_or_default();
    if let Some(bad) = new.steps.iter().find(|s| !known.contains(&s.as_str())) {
        return Err(usage(
            format!("the process map has no step `{bad}`"),
            match spec::suggest(bad, known.iter().copied()) {
                Some(better) => format!(
                    "did you mean `{better}`? The steps are: {}",
                    known.join(", ")
                ),
                None => format!("the steps are: {}", known.join(", ")),
            },
        ));
    }
    if pop
        .improvements
        .as_ref()
        .is_some_and(|r| r.improvements.iter().any(|i| i.id == new.slug))
    {
        return Err(usage(
            format!("the register already has an improvement `{}`", new.slug),
            "give the new one another id, or edit the one there".into(),
        ));
    }
    let root = &workbook.root;
    let rel = format!(
        "{}/{}",
        layout::population_dir(new.population),
        layout::IMPROVEMENTS_FILE
    );
    let io = |what: &str| {
        let what = format!("cannot {what} {rel}");
        move |e: io::Error| Refusal::Io(what, e)
    };
    let path = crate::confine::Jail::new(root)
        .and_then(|j| j.write_path(&root.join(&rel)))
        .map_err(io("write"))?;
    let existing = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            usage(
                format!("{rel} is not UTF-8 text"),
                "save it as UTF-8, then add the improvement again".into(),
            )
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => improvements_header(),
        Err(e) => return Err(io("read")(e)),
    };
    let mut text = existing.trim_end().to_string();
    text.push('\n');
    text.push_str(&improvement_text(
        guide,
        new.slug,
        new.title,
        &cluster,
        new.steps,
        &crate::date::format(today),
    ));
    fsutil::write_atomic(&path, text.as_bytes()).map_err(io("write"))?;
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked_with_an_example() {
        assert!(check_slug("population", "heart-failure").is_ok());
        let err = check_slug("population", "Heart Failure")
            .err()
            .unwrap_or_default();
        assert!(err.contains("\"heart-failure\""), "{err}");
        assert!(check_slug("population", "../x").is_err());
        assert!(check_slug("population", "").is_err());
        assert!(check_slug("population", "nul").is_err());
        assert_eq!(suggest_slug("Jönköping MS"), "jonkoping-ms");
    }

    #[test]
    fn quoting_survives_odd_names() {
        assert_eq!(toml_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(yaml_string("Dr: \"X\""), "\"Dr: \\\"X\\\"\"");
    }
}
