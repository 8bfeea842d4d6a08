//! `covalue serve --open`: the browser opened on the server's address
//! without the token on any command line, where other users of the computer
//! could read it (`/proc/PID/cmdline`, `ps`). As Jupyter does, the address
//! is written into a small page (a redirect) in a folder only you can read,
//! and the browser is given that file. `$BROWSER` is respected, as Python's
//! `webbrowser` reads it: commands separated by `:`, each given the address
//! in place of `%s`, or after its arguments.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::cleanup::{self, TempPath};
use crate::shell::Shell;

/// Opens `url` in a browser through a private redirect file; says so when
/// no browser can be started, and goes on. The folder that holds the file
/// is returned: keep it while serving (it is removed when dropped, or when
/// covalue is stopped).
pub fn open(url: &str, shell: &Shell) -> Option<TempPath> {
    let (folder, file) = match redirect_file(url) {
        Ok(made) => made,
        Err(e) => {
            shell.note(format_args!(
                "no browser was opened: the page that opens it cannot be written ({e}); open the address yourself"
            ));
            return None;
        }
    };
    let target = crate::render::pdf::file_url(&file);
    let commands = match std::env::var("BROWSER") {
        Ok(browser) if !browser.trim().is_empty() => browser_commands(&browser, &target),
        _ => vec![platform_opener(&target)],
    };
    for command in &commands {
        let Some((program, args)) = command.split_first() else {
            continue;
        };
        // Not through `cleanup::Child`: the browser must outlive covalue,
        // and must not be killed with its process group.
        let started = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = started {
            // Collect the opener when it ends; the server does not wait for it.
            std::thread::spawn(move || child.wait());
            return Some(folder);
        }
    }
    let tried: Vec<&str> = commands
        .iter()
        .filter_map(|c| c.first().map(String::as_str))
        .collect();
    shell.note(format_args!(
        "no browser could be opened ({} cannot be started): open the address yourself",
        tried.join(", ")
    ));
    Some(folder)
}

/// Writes the page that sends the browser on to `url`, readable by this
/// user only: the folder (0700) and the file (0600) in it.
fn redirect_file(url: &str) -> std::io::Result<(TempPath, std::path::PathBuf)> {
    let folder = cleanup::private_dir("covalue-serve")?;
    let file = folder.path().join("open.html");
    let url = crate::escape::html(url);
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\"1;url={url}\">\n<title>covalue serve</title></head>\n<body><p>Opening the workbook… If nothing happens, <a href=\"{url}\">open it here</a>.</p></body></html>\n"
    );
    cleanup::private_file(&file)?.write_all(page.as_bytes())?;
    Ok((folder, file))
}

/// The commands `$BROWSER` names, each with `target` in place of `%s` or
/// after its arguments.
fn browser_commands(browser: &str, target: &str) -> Vec<Vec<String>> {
    browser
        .split(':')
        .map(|entry| entry.split_whitespace().collect::<Vec<_>>())
        .filter(|words| !words.is_empty())
        .map(|words| {
            let mut command: Vec<String> = words.iter().map(|w| w.replace("%s", target)).collect();
            if !words.iter().any(|w| w.contains("%s")) {
                command.push(target.to_string());
            }
            command
        })
        .collect()
}

/// The desktop's opener, given `target` (a `file://` URL): `open` on macOS,
/// Windows' URL handler (not `cmd /c start`, which would read the URL as
/// shell words), `xdg-open` elsewhere.
fn platform_opener(target: &str) -> Vec<String> {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["rundll32", "url.dll,FileProtocolHandler"]
    } else {
        &["xdg-open"]
    };
    let mut command: Vec<String> = opener.iter().map(ToString::to_string).collect();
    command.push(target.to_string());
    command
}

/// Whether a path is readable by its owner only (for the tests).
#[cfg(all(test, unix))]
fn private(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_commands_take_the_target_where_they_say() {
        assert_eq!(
            browser_commands("firefox --new-tab:chromium %s --x", "file:///t/open.html"),
            vec![
                vec!["firefox", "--new-tab", "file:///t/open.html"],
                vec!["chromium", "file:///t/open.html", "--x"],
            ]
        );
        assert!(browser_commands(" : ", "x").is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn the_redirect_file_is_private_and_holds_the_address() {
        let (folder, file) = redirect_file("http://127.0.0.1:1/?token=ab&x=\"").expect("written");
        assert!(private(folder.path()) && private(&file));
        let page = std::fs::read_to_string(&file).expect("read");
        assert!(
            page.contains("url=http://127.0.0.1:1/?token=ab&amp;x=&quot;"),
            "{page}"
        );
        drop(folder);
        assert!(!file.exists());
    }
}
