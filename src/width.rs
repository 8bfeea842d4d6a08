//! How wide text is on a terminal or a page, by Unicode width rather than by
//! characters: a CJK character takes two columns, a combining accent none.
//! Tables pad and cut with these, and fit the terminal's width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes on a terminal.
pub fn display(text: &str) -> usize {
    text.width()
}

/// The columns one character takes (0 for a combining mark or a control).
pub fn of_char(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `text` padded with spaces on the right to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_string();
    out.push_str(&" ".repeat(width.saturating_sub(display(text))));
    out
}

/// `text` cut to at most `width` columns, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if display(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = of_char(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The terminal's width in columns: `COLUMNS` when set to a number, else
/// the width of the terminal on standard output, else none (output to a
/// file or a pipe is not cut).
pub fn terminal() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    console_width()
}

/// The width of the terminal on standard output, if it is one.
#[cfg(unix)]
fn console_width() -> Option<usize> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes a `winsize` into the one we own; on a file
    // or a pipe it fails and leaves it as it was.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

/// The width of the console window on standard output, if it is one.
#[cfg(windows)]
fn console_width() -> Option<usize> {
    use windows_sys::Win32::System::Console::{
        CONSOLE_SCREEN_BUFFER_INFO, GetConsoleScreenBufferInfo, GetStdHandle, STD_OUTPUT_HANDLE,
    };
    // SAFETY: a zeroed CONSOLE_SCREEN_BUFFER_INFO is a valid value of this
    // plain C struct; the call writes into the one we own, and fails on a
    // file or a pipe, which is then not cut.
    let mut info: CONSOLE_SCREEN_BUFFER_INFO = unsafe { std::mem::zeroed() };
    let ok = unsafe { GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &mut info) } != 0;
    let columns = i32::from(info.srWindow.Right) - i32::from(info.srWindow.Left) + 1;
    usize::try_from(columns).ok().filter(|n| ok && *n > 0)
}

#[cfg(not(any(unix, windows)))]
fn console_width() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_combining_characters_count_as_shown() {
        assert_eq!(display("患者"), 4);
        assert_eq!(display("e\u{301}"), 1);
        assert_eq!(display("Jönköping"), 9);
        assert_eq!(pad("患者", 6), "患者  ");
    }

    #[test]
    fn fit_cuts_by_columns_and_marks_it() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("患者の受診", 6), "患者…");
        assert!(display(&fit("患者の受診", 6)) <= 6);
        assert_eq!(fit("abcdefgh", 5), "abcd…");
    }
}
