//! Clean-up when covalue stops early: one registry of the temporary files and
//! folders that exist right now and of the child processes still running, and
//! one handler for SIGINT, SIGTERM and SIGHUP that removes the files, kills
//! the children (their whole process group) and exits with 128 + the signal.
//!
//! Code that makes a temporary file holds a [`TempPath`], and code that
//! starts a long-running child holds a [`Child`]. Both clean up when dropped,
//! so every error path cleans up too; the signal handler covers the rest.
//! The registry's lock is held while a file is created or renamed and while a
//! child is started or reaped, and the handler keeps it until the process
//! exits: nothing is created after the clean-up, and a child that has been
//! reaped (whose process id may be reused) is never signalled.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// What is registered for clean-up.
#[derive(Debug, Default)]
struct Registry {
    /// The id the next entry gets.
    next: u64,
    /// Temporary files and folders that exist now.
    paths: Vec<(u64, PathBuf)>,
    /// Children still running: their process ids, each the leader of its own
    /// process group.
    children: Vec<(u64, u32)>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    next: 0,
    paths: Vec::new(),
    children: Vec::new(),
});

/// The registry, locked. A poisoned lock is still usable: the registry is
/// only ever a list.
fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Registry {
    fn id(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    fn forget_path(&mut self, id: u64) {
        self.paths.retain(|(i, _)| *i != id);
    }

    fn forget_child(&mut self, id: u64) {
        self.children.retain(|(i, _)| *i != id);
    }
}

/// Removes a file, or a folder with everything in it; nothing if it is gone.
fn remove(path: &Path) {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            // A child that was just killed may still be writing: try again.
            for _ in 0..5 {
                if std::fs::remove_dir_all(path).is_ok() || !path.exists() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        Ok(_) => {
            let _ = std::fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// Kills a child's whole process group, then the child itself.
fn kill_group(pid: u32) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill(2) has no memory effects; a negative id names the
        // child's process group, which it leads (see `Child::spawn`).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// Whether a child has ended, without reaping it (so that its process id
/// stays its own until `wait`).
#[cfg(target_os = "linux")]
fn has_ended(pid: u32) -> bool {
    // SAFETY: `info` is a plain C struct that waitid(2) fills in; WNOWAIT
    // leaves the child to be reaped by `std::process::Child`.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let done = libc::waitid(
            libc::P_PID,
            pid,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        done == 0 && info.si_pid() != 0
    }
}

#[cfg(not(target_os = "linux"))]
fn has_ended(_pid: u32) -> bool {
    false
}

/// A temporary file or folder that is removed when dropped, unless it was
/// renamed into place first, and removed by the signal handler if covalue is
/// stopped while it exists.
#[derive(Debug)]
pub struct TempPath {
    id: u64,
    path: PathBuf,
}

impl TempPath {
    /// Registers `path` and then runs `create` to make it; when `create`
    /// fails nothing stays registered. Registering first means that a signal
    /// can never leave a file that was made but not yet registered.
    pub fn create<T>(
        path: PathBuf,
        create: impl FnOnce(&Path) -> io::Result<T>,
    ) -> io::Result<(TempPath, T)> {
        let mut reg = registry();
        let id = reg.id();
        reg.paths.push((id, path.clone()));
        match create(&path) {
            Ok(made) => Ok((TempPath { id, path }, made)),
            Err(e) => {
                reg.forget_path(id);
                Err(e)
            }
        }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames it to `target` (which it replaces) and forgets it. On failure
    /// it stays registered, to be removed when dropped.
    pub fn rename_to(self, target: &Path) -> io::Result<()> {
        let path = self.path.clone();
        self.keep(|| std::fs::rename(&path, target))
    }

    /// Runs `move_into_place` (which renames it) with the registry locked,
    /// and forgets it when that succeeds. On failure it stays registered, to
    /// be removed when dropped.
    pub fn keep<T>(self, move_into_place: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let mut reg = registry();
        let kept = move_into_place()?;
        reg.forget_path(self.id);
        Ok(kept)
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let mut reg = registry();
        // Still registered: it was not renamed into place.
        if reg.paths.iter().any(|(id, _)| *id == self.id) {
            remove(&self.path);
            reg.forget_path(self.id);
        }
    }
}

/// A new folder under the system temporary folder, named `PREFIX-…`,
/// readable by this user only (0700), removed when dropped or when covalue
/// is interrupted.
pub fn private_dir(prefix: &str) -> io::Result<TempPath> {
    let base = std::env::temp_dir();
    for attempt in 0..100u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = base.join(format!("{prefix}-{}-{nanos}-{attempt}", std::process::id()));
        match TempPath::create(dir, |dir| {
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(dir)
        }) {
            Ok((dir, ())) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("cannot create a temporary folder"))
}

/// Creates a new file readable and writable by this user only (0600).
pub fn private_file(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A child process that is killed, with everything it started, when covalue
/// stops: when this is dropped, when covalue gets SIGINT, SIGTERM or SIGHUP,
/// and (on Linux) when covalue itself is killed.
#[derive(Debug)]
pub struct Child {
    id: u64,
    child: std::process::Child,
    done: bool,
}

impl Child {
    /// Starts `command` in a process group of its own (so that everything it
    /// starts can be killed together) and registers it. On Linux the child
    /// also gets SIGKILL from the kernel if covalue dies first, even of
    /// SIGKILL, which no handler sees.
    pub fn spawn(command: &mut Command) -> io::Result<Child> {
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0);
            #[cfg(target_os = "linux")]
            {
                // SAFETY: getpid(2) is always safe to call.
                let parent = unsafe { libc::getpid() };
                // SAFETY: the closure runs in the forked child before exec and
                // calls only async-signal-safe functions (prctl, getppid,
                // kill); it allocates nothing.
                unsafe {
                    command.pre_exec(move || {
                        if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                            return Err(io::Error::last_os_error());
                        }
                        // covalue died between the fork and the prctl.
                        if libc::getppid() != parent {
                            libc::kill(libc::getpid(), libc::SIGKILL);
                        }
                        Ok(())
                    });
                }
            }
        }
        let mut reg = registry();
        let child = command.spawn()?;
        let id = reg.id();
        reg.children.push((id, child.id()));
        Ok(Child {
            id,
            child,
            done: false,
        })
    }

    /// Its exit status if it has ended, without waiting. Once it has ended,
    /// whatever it left running in its process group is killed, and it is no
    /// longer registered.
    pub fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        let mut reg = registry();
        if self.done {
            return self.child.try_wait();
        }
        if has_ended(self.child.id()) {
            // Not reaped yet, so its id still names its group and no other.
            kill_group(self.child.id());
        }
        let status = self.child.try_wait()?;
        if status.is_some() {
            self.done = true;
            reg.forget_child(self.id);
        }
        Ok(status)
    }

    /// Its standard error, when it was piped (taken once).
    pub fn stderr(&mut self) -> Option<std::process::ChildStderr> {
        self.child.stderr.take()
    }

    /// Kills it and everything it started, and waits for it.
    pub fn kill(&mut self) {
        if self.done {
            return;
        }
        let mut reg = registry();
        kill_group(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.done = true;
        reg.forget_child(self.id);
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Removes every registered temporary path and kills every registered child;
/// the registry stays locked (until the process exits) so that nothing new is
/// created or started afterwards.
fn clean_up_for_exit() -> MutexGuard<'static, Registry> {
    let reg = registry();
    for (_, pid) in &reg.children {
        kill_group(*pid);
    }
    for (_, path) in &reg.paths {
        remove(path);
    }
    reg
}

/// Starts a thread that, on SIGINT, SIGTERM or SIGHUP, removes the temporary
/// files, kills the children and exits with 128 + the signal's number.
/// Called once, by the binary, before any command runs.
#[cfg(unix)]
pub fn handle_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("covalue-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _held = clean_up_for_exit();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Elsewhere the default handling stays: temporary files are still removed
/// on every error path.
#[cfg(not(unix))]
pub fn handle_signals() -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registered(path: &Path) -> bool {
        registry().paths.iter().any(|(_, p)| p == path)
    }

    #[test]
    fn a_temporary_file_is_removed_when_dropped_and_kept_when_renamed() {
        let dir = std::env::temp_dir().join(format!("covalue-cleanup-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let tmp = dir.join(".a.tmp");
        let made = TempPath::create(tmp.clone(), |p| std::fs::write(p, "x"));
        assert!(made.is_ok());
        assert!(registered(&tmp));
        drop(made);
        assert!(!tmp.exists());
        assert!(!registered(&tmp));

        let target = dir.join("a.html");
        if let Ok((temp, ())) = TempPath::create(tmp.clone(), |p| std::fs::write(p, "y")) {
            assert!(temp.rename_to(&target).is_ok());
        }
        assert!(!registered(&tmp));
        assert_eq!(std::fs::read_to_string(&target).ok().as_deref(), Some("y"));

        let failed = TempPath::create(dir.join("no/such/folder/x"), |p| std::fs::write(p, "z"));
        assert!(failed.is_err());
        assert!(!registered(&dir.join("no/such/folder/x")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_child_is_killed_when_dropped() {
        let child = Child::spawn(Command::new("sleep").arg("30"));
        let Ok(mut child) = child else {
            return; // no `sleep` on this machine
        };
        let pid = child.child.id();
        assert!(registry().children.iter().any(|(_, p)| *p == pid));
        assert!(matches!(child.try_wait(), Ok(None)));
        drop(child);
        assert!(!registry().children.iter().any(|(_, p)| *p == pid));
    }
}
