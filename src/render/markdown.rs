//! Answers and persona narratives are Markdown from other people's files.
//! This module turns them into HTML (or clean Markdown) that is safe to open:
//! raw HTML is shown as text, only http, https and mailto links survive,
//! images become their alternative text and address (never fetched), and the
//! answer's own headings are moved below the report's headings.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, Options};

/// The comrak options every answer is read and written with.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    // Raw HTML is never passed through; it is escaped, not dropped, so that a
    // reader sees what was written.
    options.render.r#unsafe = false;
    options.render.escape = true;
    options
}

/// Whether a link may stay a link in a report.
pub fn allowed_url(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme) && url.len() > scheme.len())
}

/// The text inside a node, as a reader would read it.
fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match &n.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Makes a parsed answer safe (see the module comment). `heading_base` is the
/// level of the report heading the answer sits under: an answer's `#` becomes
/// one level below it.
fn sanitise<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>, heading_base: u8) {
    let nodes: Vec<&'a AstNode<'a>> = root.descendants().collect();
    for node in nodes {
        let replacement = {
            let mut data = node.data.borrow_mut();
            match &mut data.value {
                NodeValue::HtmlInline(raw) => {
                    let raw = std::mem::take(raw);
                    data.value = NodeValue::Text(raw.into());
                    None
                }
                NodeValue::HtmlBlock(block) => {
                    let raw = std::mem::take(&mut block.literal);
                    data.value = NodeValue::Paragraph;
                    Some(Replace::AppendText(raw.trim_end().to_string()))
                }
                NodeValue::Heading(heading) => {
                    heading.level = heading.level.saturating_add(heading_base).min(6);
                    heading.setext = false;
                    None
                }
                NodeValue::Image(link) => Some(Replace::Image(link.url.clone())),
                NodeValue::Link(link) if !allowed_url(&link.url) => Some(Replace::Unwrap),
                _ => None,
            }
        };
        match replacement {
            None => {}
            Some(Replace::AppendText(text)) => {
                node.append(arena.alloc(NodeValue::Text(text.into()).into()));
            }
            Some(Replace::Image(url)) => {
                let alt = text_of(node);
                let alt = alt.trim();
                let text = if alt.is_empty() {
                    format!("(image: {url})")
                } else {
                    format!("{alt} (image: {url})")
                };
                node.insert_before(arena.alloc(NodeValue::Text(text.into()).into()));
                node.detach();
            }
            Some(Replace::Unwrap) => {
                let children: Vec<&'a AstNode<'a>> = node.children().collect();
                for child in children {
                    node.insert_before(child);
                }
                node.detach();
            }
        }
    }
}

enum Replace {
    /// Give the (now empty) node a text child.
    AppendText(String),
    /// Replace an image by its alternative text and address.
    Image(String),
    /// Replace a link by its text.
    Unwrap,
}

/// Renders Markdown as safe HTML.
pub fn to_html(markdown: &str, heading_base: u8) -> String {
    let markdown = &*crate::escape::without_controls(markdown);
    let arena = Arena::new();
    let options = options();
    let root = comrak::parse_document(&arena, markdown, &options);
    sanitise(&arena, root, heading_base);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
    match comrak::format_html(root, &options, &mut html) {
        Ok(()) => html,
        // Writing to a String cannot fail; should it, show the text escaped.
        Err(_) => format!("<p>{}</p>", crate::escape::html(markdown)),
    }
}

/// Rewrites Markdown as clean CommonMark with the same safety rules as
/// [`to_html`], for reports in Markdown.
pub fn to_markdown(markdown: &str, heading_base: u8) -> String {
    commonmark(markdown, Some(heading_base), 0)
        .unwrap_or_else(|| crate::escape::markdown(markdown.trim()))
}

/// Markdown written out one way, to tell whether two answers say the same:
/// clean CommonMark as [`to_markdown`] writes it, with every paragraph on
/// one line (so that re-wrapped lines compare equal).
pub fn canonical(markdown: &str) -> String {
    // Wrapping at a width no line reaches joins soft line breaks with spaces.
    commonmark(markdown, None, usize::MAX / 2).unwrap_or_else(|| markdown.trim().to_string())
}

/// Markdown read and written out again as CommonMark, without control
/// characters: made safe and its headings moved below `heading_base` when
/// one is given, wrapped at `width` (0: lines as written). None should
/// writing fail.
fn commonmark(markdown: &str, heading_base: Option<u8>, width: usize) -> Option<String> {
    let markdown = &*crate::escape::without_controls(markdown);
    let arena = Arena::new();
    let mut options = options();
    let root = comrak::parse_document(&arena, markdown, &options);
    if let Some(base) = heading_base {
        sanitise(&arena, root, base);
    }
    options.render.width = width;
    let mut out = String::with_capacity(markdown.len() + 64);
    comrak::format_commonmark(root, &options, &mut out).ok()?;
    Some(out.trim_end().to_string())
}

/// The text of Markdown without its markup, on one line.
pub fn to_plain(markdown: &str) -> String {
    let arena = Arena::new();
    let options = options();
    let root = comrak::parse_document(&arena, markdown, &options);
    let mut out = String::with_capacity(markdown.len());
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(raw) => out.push_str(raw),
            NodeValue::HtmlBlock(b) => {
                out.push(' ');
                out.push_str(&b.literal);
            }
            NodeValue::CodeBlock(b) => {
                out.push(' ');
                out.push_str(&b.literal);
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::Paragraph | NodeValue::Item(_) | NodeValue::Heading(_) => out.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

/// The words of a piece of Markdown without its emphasis and heading
/// markup, word by word: `**The pharmacy** brings *meds*.` becomes `The
/// pharmacy brings meds.`. For word-level changes, whose pieces may start or
/// end inside an emphasis, so that a page or handout never shows raw `**`.
/// A word that is only markup (`**`, `#`, `>`) is left out; words stay in
/// order and list dashes stay, reading as dashes.
pub fn plain_words(text: &str) -> String {
    const MARKS: &[char] = &['*', '_', '`', '~'];
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if word
            .chars()
            .all(|c| MARKS.contains(&c) || c == '#' || c == '>')
        {
            continue;
        }
        let word = word.trim_start_matches(MARKS);
        // Emphasis closes before trailing punctuation: `*meds*.`
        let end = word
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\''))
            .last()
            .map_or(word.len(), |(i, _)| i);
        let (body, punctuation) = word.split_at(end);
        let body = body.trim_end_matches(MARKS);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(body);
        out.push_str(punctuation);
    }
    out
}

/// The text of the first paragraph (or list item) of Markdown, without its
/// markup, on one line; empty when there is none.
pub fn first_paragraph(markdown: &str) -> String {
    let arena = Arena::new();
    let options = options();
    let root = comrak::parse_document(&arena, markdown, &options);
    let Some(para) = root
        .descendants()
        .find(|n| matches!(n.data.borrow().value, NodeValue::Paragraph))
    else {
        return String::new();
    };
    let mut out = String::new();
    for node in para.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(raw) => out.push_str(raw),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

/// The text of HTML written by [`to_html`], on one line: tags are dropped
/// (block tags leave a space) and the entities comrak writes are decoded.
/// Reading stops once the text is longer than `max` characters.
pub fn html_text(html: &str, max: usize) -> String {
    const BLOCKS: &[&str] = &[
        "p",
        "li",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "hr",
        "table",
    ];
    const ENTITIES: &[(&str, char)] = &[
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&amp;", '&'),
    ];
    let mut out = String::with_capacity(max.min(html.len()) + 8);
    let mut count = 0;
    let mut space = false;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let mut emit = None;
        let mut advance = c.len_utf8();
        match c {
            '<' => {
                let close = rest.find('>').map_or(rest.len(), |e| e + 1);
                let name: String = rest[1..close.max(1)]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                space |= BLOCKS.contains(&name.as_str());
                advance = close;
            }
            '&' => match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((entity, decoded)) => {
                    emit = Some(*decoded);
                    advance = entity.len();
                }
                None => emit = Some('&'),
            },
            c if c.is_whitespace() => space = true,
            c => emit = Some(c),
        }
        if let Some(c) = emit {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
            count += 1;
            if count > max {
                break;
            }
        }
        rest = &rest[advance.min(rest.len())..];
    }
    out
}

/// Runs of whitespace become one space; the ends are trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Shortens text to at most `max` characters, after the last whole
/// sentence that fits (when one ends past a third of `max`), else at a word
/// boundary; an ellipsis marks what was cut.
pub fn shorten_to_sentence(text: &str, max: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max {
        return text;
    }
    let head: String = text.chars().take(max.saturating_sub(2)).collect();
    let end = head
        .char_indices()
        .filter(|&(i, c)| matches!(c, '.' | '?' | '!') && head[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    match end {
        Some(end) if head[..end].chars().count() > max / 3 => format!("{} …", &head[..end]),
        _ => shorten(&text, max),
    }
}

/// Shortens text to at most `max` characters, at a word boundary, with an
/// ellipsis when something was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches([' ', ',', ';', ':', '.', '-', '('])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_show_no_emphasis_markup() {
        assert_eq!(
            plain_words("- **The pharmacy** brings *meds*."),
            "- The pharmacy brings meds."
        );
        assert_eq!(plain_words("**The"), "The");
        assert_eq!(plain_words("## Heading > quote"), "Heading quote");
        assert_eq!(
            plain_words("snake_case stays, `code`!"),
            "snake_case stays, code!"
        );
        assert_eq!(plain_words("***"), "");
    }

    #[test]
    fn shortening_keeps_whole_sentences() {
        let text = "First one here. Second one is longer than the rest. Third.";
        assert_eq!(shorten_to_sentence(text, 40), "First one here. …");
        assert_eq!(shorten_to_sentence(text, 200), text);
        // No sentence ends early enough: cut at a word.
        assert_eq!(shorten_to_sentence("a b c d e f g h i j k", 8), "a b c…");
    }

    const NASTY: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "![pic](data:image/png;base64,AAAA)",
        "![tracker](https://example.com/pixel.png)",
        "<iframe src=\"https://example.com\"></iframe>",
        "<style>body{display:none}</style>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#x3C;script&#x3E;alert(1)",
        "<div>\n<script>alert(1)</script>\n</div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](vbscript:msgbox) [y](file:///etc/passwd)",
    ];

    /// Every real tag (text escapes `<` as `&lt;`) is one comrak writes for
    /// plain Markdown, with no attribute that could load or run anything.
    fn assert_safe_html(html: &str) {
        const TAGS: &[&str] = &[
            "p",
            "a",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "h4",
            "h5",
            "h6",
            "br",
            "hr",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ];
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(TAGS.contains(&name.as_str()), "tag <{tag}> in {html}");
            for attr in tag.split_whitespace().skip(1) {
                let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
                match key {
                    "href" => {
                        let url = value.trim_matches('"');
                        assert!(allowed_url(url), "href {url} in {html}");
                    }
                    "title" | "align" | "start" | "class" | "/" => {}
                    other => panic!("attribute {other} in {html}"),
                }
            }
        }
    }

    #[test]
    fn raw_html_links_and_images_are_made_harmless() {
        for nasty in NASTY {
            assert_safe_html(&to_html(nasty, 3));
            // Markdown output stays safe even in a viewer that passes raw HTML through.
            let md = to_markdown(nasty, 3);
            let mut permissive = Options::default();
            permissive.render.r#unsafe = true;
            assert_safe_html(&comrak::markdown_to_html(&md, &permissive));
        }
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Before <b>bold</b> after", 3);
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn safe_links_stay_and_others_keep_their_text() {
        let html = to_html(
            "[site](https://example.org) [mail](mailto:a@b.org) [bad](javascript:x) [rel](plan.pdf)",
            3,
        );
        assert!(html.contains("<a href=\"https://example.org\">site</a>"));
        assert!(html.contains("<a href=\"mailto:a@b.org\">mail</a>"));
        assert!(html.contains("bad") && html.contains("rel"));
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
    }

    #[test]
    fn images_become_text_with_their_address() {
        let html = to_html("![A chart of waits](https://example.com/c.png)", 3);
        assert!(
            html.contains("A chart of waits (image: https://example.com/c.png)"),
            "{html}"
        );
    }

    #[test]
    fn headings_move_below_the_report_heading() {
        let html = to_html("# Top\n\n## Next\n\n###### Deep", 3);
        assert!(html.contains("<h4>Top</h4>"), "{html}");
        assert!(html.contains("<h5>Next</h5>"), "{html}");
        assert!(html.contains("<h6>Deep</h6>"), "{html}");
        assert!(to_markdown("# Top", 3).starts_with("#### Top"));
    }

    #[test]
    fn html_text_is_what_a_reader_sees() {
        let md = "**Åsa** meets <the> chain & \"more\".\n\n- one\n- two";
        assert_eq!(html_text(&to_html(md, 3), 100), to_plain(md));
        assert_eq!(
            html_text(&to_html(md, 3), 100),
            "Åsa meets <the> chain & \"more\". one two"
        );
        assert_eq!(html_text("<p>one two three</p>", 5), "one two");
        assert_eq!(
            html_text("a &amp;lt; b &unknown; <", 100),
            "a &lt; b &unknown;"
        );
    }

    #[test]
    fn plain_text_and_shortening() {
        assert_eq!(
            to_plain("**Åsa** meets\nthe *chain*.\n\n- one"),
            "Åsa meets the chain. one"
        );
        assert_eq!(shorten("one two three four", 10), "one two…");
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("", 10), "");
        assert_eq!(shorten("ééééééééééééé", 5), "éééé…");
    }
}
