//! Clean-up when covalue stops early: one registry of the temporary files and
//! folders that exist right now and of the child processes still running, and
//! one handler for SIGINT, SIGTERM and SIGHUP (on Windows: Ctrl-C, Ctrl-Break
//! and a closed console) that removes the files, kills the children (their
//! whole process group, or on Windows their job object) and exits with 128 +
//! the signal (130 on Windows).
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
    /// Children still running: the tree of each (see [`Tree`]).
    children: Vec<(u64, Tree)>,
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

/// Everything a child started, to be killed with it: on Unix the process
/// group it leads (named by its process id), on Windows the job object it
/// was put in (its handle).
type Tree = usize;

/// The tree of a child that was just started.
#[cfg(unix)]
fn tree_of(child: &mut std::process::Child) -> io::Result<Tree> {
    Ok(child.id() as usize)
}

/// Kills a child's whole process group, then the child itself.
#[cfg(unix)]
fn kill_tree(tree: Tree) {
    if let Ok(pid) = libc::pid_t::try_from(tree) {
        // SAFETY: kill(2) has no memory effects; a negative id names the
        // child's process group, which it leads (see `Child::spawn`).
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
    }
}

/// Nothing to let go of: a process group needs no handle.
#[cfg(unix)]
fn forget_tree(_tree: Tree) {}

/// The browser's process tree on Windows: a job object that kills every
/// process in it when its last handle is closed, which covalue holds. So
/// the tree goes when covalue ends it, and also when covalue itself is
/// ended from the Task Manager, as `PR_SET_PDEATHSIG` does on Linux.
#[cfg(windows)]
mod job {
    use std::io;
    use std::os::windows::io::AsRawHandle;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject, TerminateJobObject,
    };

    /// A new job that holds `child` (and whatever it starts from now on).
    pub(super) fn holding(child: &std::process::Child) -> io::Result<usize> {
        // SAFETY: plain Win32 calls on a handle created here and on the
        // child's process handle, which `child` keeps open; the limit
        // structure is zeroed and then filled as the API documents.
        unsafe {
            let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
            if job.is_null() {
                return Err(io::Error::last_os_error());
            }
            let mut limits: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
            limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
            let set = SetInformationJobObject(
                job,
                JobObjectExtendedLimitInformation,
                (&raw const limits).cast(),
                u32::try_from(std::mem::size_of_val(&limits)).unwrap_or(u32::MAX),
            );
            if set == 0 || AssignProcessToJobObject(job, child.as_raw_handle() as HANDLE) == 0 {
                let err = io::Error::last_os_error();
                CloseHandle(job);
                return Err(err);
            }
            Ok(job as usize)
        }
    }

    /// Kills every process in the job.
    pub(super) fn terminate(job: usize) {
        // SAFETY: the handle is one `holding` made and `close` has not closed.
        unsafe {
            TerminateJobObject(job as HANDLE, 1);
        }
    }

    /// Closes covalue's handle on the job (which kills what is left in it).
    pub(super) fn close(job: usize) {
        // SAFETY: as above; it is closed once, when the child is forgotten.
        unsafe {
            CloseHandle(job as HANDLE);
        }
    }
}

/// The tree of a child that was just started: a job that holds it. The
/// child is killed when it cannot be put in one, rather than run loose.
#[cfg(windows)]
fn tree_of(child: &mut std::process::Child) -> io::Result<Tree> {
    job::holding(child).inspect_err(|_| {
        let _ = child.kill();
        let _ = child.wait();
    })
}

/// Kills every process of the child's job, the child included.
#[cfg(windows)]
fn kill_tree(tree: Tree) {
    job::terminate(tree);
}

/// Closes the job's handle once the child is forgotten.
#[cfg(windows)]
fn forget_tree(tree: Tree) {
    job::close(tree);
}

/// Whether a child has ended, without reaping it (so that its process id
/// stays its own until `wait`).
#[cfg(target_os = "linux")]
fn has_ended(child: &mut std::process::Child) -> bool {
    // SAFETY: `info` is a plain C struct that waitid(2) fills in; WNOWAIT
    // leaves the child to be reaped by `std::process::Child`.
    unsafe {
        let mut info: libc::siginfo_t = std::mem::zeroed();
        let done = libc::waitid(
            libc::P_PID,
            child.id(),
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        );
        done == 0 && info.si_pid() != 0
    }
}

/// Whether a child has ended. On Windows a process is never reaped while
/// `std::process::Child` holds its handle, and the job is covalue's alone,
/// so asking is safe.
#[cfg(windows)]
fn has_ended(child: &mut std::process::Child) -> bool {
    matches!(child.try_wait(), Ok(Some(_)))
}

/// Elsewhere (macOS) a child that ended is reaped by the same call that
/// learns it, so its group is left: it is killed with the child on drop.
#[cfg(not(any(target_os = "linux", windows)))]
fn has_ended(_child: &mut std::process::Child) -> bool {
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
            // Only Unix sets a mode; elsewhere the user's profile keeps it private.
            #[cfg_attr(not(unix), allow(unused_mut))]
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
/// stops: when this is dropped, when covalue gets SIGINT, SIGTERM or SIGHUP
/// (Ctrl-C or a closed console on Windows), and (on Linux and Windows) when
/// covalue itself is killed.
#[derive(Debug)]
pub struct Child {
    id: u64,
    child: std::process::Child,
    tree: Tree,
    done: bool,
}

impl Child {
    /// Starts `command` in a process group of its own (on Windows, a job
    /// object of its own), so that everything it starts can be killed
    /// together, and registers it. On Linux the child also gets SIGKILL from
    /// the kernel if covalue dies first, even of SIGKILL, which no handler
    /// sees; on Windows the job does the same when covalue's handle on it
    /// closes.
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
        let mut child = command.spawn()?;
        let tree = tree_of(&mut child)?;
        let id = reg.id();
        reg.children.push((id, tree));
        Ok(Child {
            id,
            child,
            tree,
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
        if has_ended(&mut self.child) {
            // Not reaped yet, so its id still names its group and no other.
            kill_tree(self.tree);
        }
        let status = self.child.try_wait()?;
        if status.is_some() {
            self.done = true;
            reg.forget_child(self.id);
            forget_tree(self.tree);
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
        kill_tree(self.tree);
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.done = true;
        reg.forget_child(self.id);
        forget_tree(self.tree);
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
    for (_, tree) in &reg.children {
        kill_tree(*tree);
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

/// On Windows, registers a console handler that, on Ctrl-C, Ctrl-Break, a
/// closed console window, logging off or shutting down, removes the
/// temporary files, kills the children's jobs and exits with 130 (128 +
/// SIGINT, as on Unix). Windows runs the handler on a thread of its own, so
/// it may lock and clean up like any other code. Called once, by the binary,
/// before any command runs.
#[cfg(windows)]
pub fn handle_signals() -> io::Result<()> {
    use windows_sys::Win32::System::Console::SetConsoleCtrlHandler;
    use windows_sys::core::BOOL;

    unsafe extern "system" fn on_console_event(_event: u32) -> BOOL {
        let _held = clean_up_for_exit();
        std::process::exit(130);
    }
    // SAFETY: registers a handler that lives as long as the program.
    if unsafe { SetConsoleCtrlHandler(Some(on_console_event), 1) } == 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Elsewhere the default handling stays: temporary files are still removed
/// on every error path.
#[cfg(not(any(unix, windows)))]
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
        let tree = child.tree;
        assert!(registry().children.iter().any(|(_, t)| *t == tree));
        assert!(matches!(child.try_wait(), Ok(None)));
        drop(child);
        assert!(!registry().children.iter().any(|(_, t)| *t == tree));
    }
}
