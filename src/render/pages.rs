//! Page numbers for the contents of a printed report. Chromium cannot print
//! `target-counter()`, so the page each step begins on is read from a first
//! printing: its PDF says, in its named destinations (Chromium writes one
//! for every element a link points to), on which page each anchor lies.
//! Those numbers are written into the contents (`<span
//! data-page-of="ANCHOR"></span>`), in the page already loaded in the
//! browser ([`set_numbers_script`]) or in the HTML ([`fill`]), and the
//! report is printed again ([`number_contents`]). Each number has a slot of
//! its own width, which a placeholder fills in the first printing, so
//! nothing moves.
//!
//! Only the PDF's own structure is read (the catalogue, the page tree and
//! the destinations dictionary), with no outside tool; a PDF this reader
//! does not understand leaves the contents without numbers.

use std::collections::HashMap;

/// The attribute that marks where a page number goes.
const MARK: &str = "data-page-of=\"";

/// Whether a report has a contents list to number.
pub fn has_contents(html: &[u8]) -> bool {
    html.windows(MARK.len()).any(|w| w == MARK.as_bytes())
}

/// Writes page numbers into the contents of `html`: for each
/// `data-page-of="ANCHOR"` span, the page of `ANCHOR` in `pages`, or
/// `placeholder` when it is not known (the first printing).
pub fn fill(html: &str, pages: &HashMap<String, usize>, placeholder: &str) -> String {
    let mut out = String::with_capacity(html.len() + 1024);
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        let (before, after) = rest.split_at(at + MARK.len());
        out.push_str(before);
        let Some(end) = after.find('"') else {
            rest = after;
            break;
        };
        let anchor = &after[..end];
        out.push_str(anchor);
        let after = &after[end..];
        // The span as the template writes it: `"></span>`, empty.
        match after.strip_prefix("\"></span>") {
            Some(tail) => {
                out.push_str("\">");
                match pages.get(anchor) {
                    Some(page) => out.push_str(&page.to_string()),
                    None => out.push_str(placeholder),
                }
                out.push_str("</span>");
                rest = tail;
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// Numbers the contents of a report printed once as `first` (with
/// placeholders in the contents): reads on which page each anchor begins,
/// has `print` set those numbers (None: the PDF was not understood, leave
/// the contents without numbers) and print again, and does so once more
/// should the numbers have moved the pages (they are not meant to: each has
/// a slot of its own width). Returns the last printing.
pub fn number_contents<E>(
    first: Vec<u8>,
    mut print: impl FnMut(Option<&HashMap<String, usize>>) -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, E> {
    let mut numbers = HashMap::new();
    let mut pdf = first;
    for _ in 0..2 {
        match destinations(&pdf) {
            Some(found) if found == numbers => break,
            Some(found) => numbers = found,
            None => return print(None),
        }
        pdf = print(Some(&numbers))?;
    }
    Ok(pdf)
}

/// A line of JavaScript that writes `numbers` into the contents of the
/// loaded report, as [`fill`] does in its HTML (an anchor without a number
/// is left empty, which hides its slot). The numbers go in as data (JSON),
/// never as code.
pub fn set_numbers_script(numbers: Option<&HashMap<String, usize>>) -> String {
    let mut pairs: Vec<(&String, &usize)> = numbers.into_iter().flatten().collect();
    pairs.sort();
    let pairs = serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_string());
    format!(
        "(pages => {{ for (const e of document.querySelectorAll('[data-page-of]')) {{ \
         const n = pages.get(e.getAttribute('data-page-of')); \
         e.textContent = n === undefined ? '' : String(n); }} }})(new Map({pairs}))"
    )
}

/// The page (from 1) of every named destination of a PDF, or None when the
/// PDF has none or is not laid out as this reader expects.
pub fn destinations(pdf: &[u8]) -> Option<HashMap<String, usize>> {
    let catalog = find(pdf, b"/Type /Catalog")?;
    let catalog = dictionary_around(pdf, catalog)?;
    let dests = reference_after(catalog, b"/Dests")?;
    let root = reference_after(catalog, b"/Pages")?;
    let mut pages = Vec::new();
    page_tree(pdf, root, &mut pages, 0)?;
    let dests = object(pdf, dests)?;
    let mut out = HashMap::new();
    let mut rest = dests;
    // Entries: /name [P 0 R /XYZ x y z]
    while let Some(slash) = find(rest, b"/") {
        rest = &rest[slash + 1..];
        let name_len = rest
            .iter()
            .position(|b| b" \t\r\n/[]<>()".contains(b))
            .unwrap_or(rest.len());
        let name = String::from_utf8_lossy(&rest[..name_len]).into_owned();
        rest = &rest[name_len..];
        let trimmed = trim_start(rest);
        if let Some(array) = trimmed.strip_prefix(b"[") {
            if let Some((page, _)) = number_pair(array) {
                if let Some(index) = pages.iter().position(|p| *p == page) {
                    out.insert(name, index + 1);
                }
            }
            let close = find(array, b"]").map_or(array.len(), |c| c + 1);
            rest = &array[close.min(array.len())..];
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Walks the page tree from object `id`, listing the page objects in order.
fn page_tree(pdf: &[u8], id: u32, pages: &mut Vec<u32>, depth: usize) -> Option<()> {
    if depth > 32 {
        return None;
    }
    let node = object(pdf, id)?;
    let is_tree = find(node, b"/Type /Pages").is_some();
    if !is_tree {
        pages.push(id);
        return Some(());
    }
    let kids = find(node, b"/Kids")?;
    let kids = &node[kids + 5..];
    let open = find(kids, b"[")?;
    let close = find(kids, b"]")?;
    let mut list = kids.get(open + 1..close)?;
    while let Some((kid, rest)) = number_pair(list) {
        page_tree(pdf, kid, pages, depth + 1)?;
        // Skip "N G R".
        let r = find(rest, b"R")?;
        list = &rest[r + 1..];
    }
    Some(())
}

/// The body of object `id`: what lies between `id 0 obj` and `endobj`.
fn object(pdf: &[u8], id: u32) -> Option<&[u8]> {
    let head = format!("{id} 0 obj");
    let mut from = 0;
    while let Some(at) = find(&pdf[from..], head.as_bytes()) {
        let start = from + at;
        // Not the tail of a longer number ("12 0 obj" in "112 0 obj").
        let fresh = start == 0 || matches!(pdf[start - 1], b'\n' | b'\r' | b' ');
        if fresh {
            let body = &pdf[start + head.len()..];
            let end = find(body, b"endobj")?;
            return Some(&body[..end]);
        }
        from = start + head.len();
    }
    None
}

/// The dictionary around position `at`: from the last `obj` before it to
/// the next `endobj`.
fn dictionary_around(pdf: &[u8], at: usize) -> Option<&[u8]> {
    let before = &pdf[..at];
    let start = before.windows(3).rposition(|w| w == b"obj")?;
    let end = find(&pdf[at..], b"endobj")? + at;
    pdf.get(start..end)
}

/// The object number of the reference after `key` in `dict` (`key N 0 R`).
fn reference_after(dict: &[u8], key: &[u8]) -> Option<u32> {
    let at = find(dict, key)?;
    let rest = &dict[at + key.len()..];
    let (n, rest) = number_pair(rest)?;
    trim_start(rest).starts_with(b"R").then_some(n)
}

/// The first integer of `text` (after spaces) and what follows its
/// generation number: "26 0 R …" gives (26, " R …").
fn number_pair(text: &[u8]) -> Option<(u32, &[u8])> {
    let text = trim_start(text);
    let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let n: u32 = std::str::from_utf8(&text[..digits]).ok()?.parse().ok()?;
    let rest = trim_start(&text[digits..]);
    let generation = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if generation == 0 {
        return None;
    }
    Some((n, &rest[generation..]))
}

fn trim_start(text: &[u8]) -> &[u8] {
    let skip = text.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &text[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF laid out as Chromium writes it: a catalogue, a two-level page
    /// tree and a destinations dictionary.
    const PDF: &[u8] = b"%PDF-1.4\n\
2 0 obj\n<</Type /Page\n/Parent 9 0 R>>\nendobj\n\
7 0 obj\n<</Type /Page\n/Parent 9 0 R>>\nendobj\n\
12 0 obj\n<</Type /Page\n/Parent 10 0 R>>\nendobj\n\
9 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R 7 0 R]\n/Parent 10 0 R>>\nendobj\n\
10 0 obj\n<</Type /Pages\n/Count 3\n/Kids [9 0 R 12 0 R]>>\nendobj\n\
11 0 obj\n<</p1-step-chain [12 0 R /XYZ 0 640.9 0]\n/about [7 0 R /XYZ 0 841.9 0]>>\nendobj\n\
112 0 obj\n<</Type /Catalog\n/Pages 10 0 R\n/Dests 11 0 R>>\nendobj\n%%EOF";

    #[test]
    fn destinations_are_read_with_their_pages() {
        let pages = destinations(PDF).expect("destinations");
        assert_eq!(pages.get("p1-step-chain"), Some(&3));
        assert_eq!(pages.get("about"), Some(&2));
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn a_pdf_without_destinations_gives_none() {
        assert_eq!(destinations(b"%PDF-1.4\n%%EOF"), None);
        assert_eq!(
            destinations(b"1 0 obj <</Type /Catalog /Pages 1 0 R>> endobj"),
            None
        );
    }

    /// A PDF whose page tree lists `pages` page objects and whose
    /// destinations put each (name, page) where they say.
    fn printed(pages: usize, dests: &[(&str, usize)]) -> Vec<u8> {
        let mut pdf = String::from("%PDF-1.4\n");
        let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 100 + i)).collect();
        for i in 0..pages {
            pdf.push_str(&format!("{} 0 obj\n<</Type /Page>>\nendobj\n", 100 + i));
        }
        pdf.push_str(&format!(
            "2 0 obj\n<</Type /Pages\n/Kids [{}]>>\nendobj\n",
            kids.join(" ")
        ));
        let dests: Vec<String> = dests
            .iter()
            .map(|(name, page)| format!("/{name} [{} 0 R /XYZ 0 0 0]", 99 + page))
            .collect();
        pdf.push_str(&format!("3 0 obj\n<<{}>>\nendobj\n", dests.join("\n")));
        pdf.push_str("1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>\nendobj\n%%EOF");
        pdf.into_bytes()
    }

    #[test]
    fn numbers_that_move_nothing_take_one_more_printing() {
        let first = printed(9, &[("a", 3), ("b", 7)]);
        let mut asked = Vec::new();
        let last = number_contents(first, |numbers| {
            asked.push(numbers.cloned());
            Ok::<_, ()>(printed(9, &[("a", 3), ("b", 7)]))
        });
        assert_eq!(last, Ok(printed(9, &[("a", 3), ("b", 7)])));
        let numbers = HashMap::from([("a".to_string(), 3), ("b".to_string(), 7)]);
        assert_eq!(asked, vec![Some(numbers)]);
    }

    #[test]
    fn numbers_that_move_the_pages_are_set_again_at_most_once() {
        let mut printings = 0;
        let last = number_contents(printed(9, &[("a", 3)]), |numbers| {
            printings += 1;
            let page = numbers.and_then(|n| n.get("a")).copied().unwrap_or(0);
            // Every printing moves the step a page further.
            Ok::<_, ()>(printed(9, &[("a", page + 1)]))
        });
        assert_eq!(printings, 2);
        assert_eq!(last, Ok(printed(9, &[("a", 5)])));
    }

    #[test]
    fn a_pdf_not_understood_is_printed_again_without_numbers() {
        let mut asked = Vec::new();
        let last = number_contents(b"%PDF-1.4\n%%EOF".to_vec(), |numbers| {
            asked.push(numbers.cloned());
            Ok::<_, ()>(b"plain".to_vec())
        });
        assert_eq!(last, Ok(b"plain".to_vec()));
        assert_eq!(asked, vec![None]);
    }

    #[test]
    fn the_numbers_go_into_the_page_as_data() {
        let numbers = HashMap::from([("p1-step-chain".to_string(), 18), ("about".to_string(), 36)]);
        let script = set_numbers_script(Some(&numbers));
        assert!(
            script.ends_with(r#"(new Map([["about",36],["p1-step-chain",18]]))"#),
            "{script}"
        );
        assert!(set_numbers_script(None).ends_with("(new Map([]))"));
        // A name that tries to end the string and run something stays a string.
        let odd = HashMap::from([(r#"x"]]));alert(1);//"#.to_string(), 2)]);
        assert!(
            set_numbers_script(Some(&odd)).contains(r#"[["x\"]]));alert(1);//",2]]"#),
            "{}",
            set_numbers_script(Some(&odd))
        );
    }

    #[test]
    fn page_numbers_fill_the_marked_spans_only() {
        let html = r##"<a href="#a"><span data-page-of="a"></span></a><span data-page-of="b"></span><p>data-page-of="x" as text</p>"##;
        let pages = HashMap::from([("a".to_string(), 7)]);
        assert_eq!(
            fill(html, &pages, "0"),
            r##"<a href="#a"><span data-page-of="a">7</span></a><span data-page-of="b">0</span><p>data-page-of="x" as text</p>"##
        );
        assert!(has_contents(html.as_bytes()));
        assert!(!has_contents(b"<p>nothing</p>"));
    }
}
