//! The served address as a QR code, so that a phone or a second laptop in
//! the room joins by scanning it instead of typing a 64-character token:
//! printed on the terminal (half-block characters, two modules a line) and
//! shown on the home page (inline SVG, no script, nothing loaded). Only with
//! `--host`: a server on loopback cannot be reached from another device.

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

/// The code of `address`, or None if it is too long to encode (it is not:
/// an address with its token is under 120 bytes).
fn code(address: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(address.as_bytes(), EcLevel::M).ok()
}

/// The code as lines of text for a terminal, light modules printed as
/// blocks (a terminal shows light text on a dark background, and the quiet
/// zone around it becomes the light frame a scanner looks for).
pub fn terminal(address: &str) -> Option<String> {
    let code = code(address)?;
    Some(
        code.render::<unicode::Dense1x2>()
            .dark_color(unicode::Dense1x2::Light)
            .light_color(unicode::Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

/// The code as an `<svg>` element to place in a page, with its name for
/// screen readers (`label`, in the page's language; escaped here).
pub fn svg(address: &str, label: &str) -> Option<String> {
    let code = code(address)?;
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // The renderer writes a standalone file: the element alone goes in a page.
    let start = image.find("<svg")?;
    let element = &image[start..];
    Some(element.replacen(
        "<svg ",
        &format!(
            "<svg role=\"img\" aria-label=\"{}\" ",
            crate::escape::html(label)
        ),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_its_token_makes_a_code_on_both() {
        let address = format!("http://192.168.1.20:8080/?token={}", "a1".repeat(32));
        let text = terminal(&address).expect("terminal code");
        assert!(text.lines().count() > 10 && text.contains('█'), "{text}");
        let element = svg(&address, "Kod \"1\"").expect("svg code");
        assert!(
            element.starts_with("<svg role=\"img\" aria-label=\"Kod &quot;1&quot;\""),
            "{element}"
        );
        assert!(!element.contains("<?xml") && !element.contains("<script"));
    }
}
