//! « Publier »: the writer's article and its files committed to the site's
//! git repository, then pushed to the branch's upstream when there is one.
//!
//! Why the `git` program and not a library: it uses the credentials, SSH
//! keys, proxies and hooks the organisation's IT already configured for
//! git; libgit2 (`git2`) would add a C build plus OpenSSL and credential
//! handling of its own, and gitoxide (`gix`) has no push yet (its "client
//! push to remote" tracking issue, GitoxideLabs/gitoxide#306, is open).
//!
//! Shape: [`repository`] finds the repository the site's folder is in and
//! says plainly when there is none ([`Unavailable`]); [`Repository::publish`]
//! commits exactly the paths it is given with `git commit --only`, so what
//! the writer (or a colleague in a terminal) staged for something else
//! stays staged and out of the commit, and the repository's hooks run as
//! for any commit; then it pushes `HEAD` to the upstream of the current
//! branch. Failing to push is not an error of the publication: the commit
//! is made, and [`Push`] says why it did not leave the machine. [`describe`]
//! turns any outcome into a sentence for the writer, through the catalogs.
//!
//! Nothing here may hang or be fooled by what the writer typed: git runs
//! with no standard input, no terminal prompt and no askpass program (a
//! credential helper still answers), SSH in batch mode unless the user
//! chose an SSH command, no pager, no colour and `LC_ALL=C` (its messages
//! are parsed), literal pathspecs after `--` (a title with `*` in a file
//! name is a name), arguments passed to the program, never to a shell; and
//! every run is bounded in time, after which git is killed. `GIT_DIR`,
//! `GIT_WORK_TREE` and `GIT_INDEX_FILE` are removed from git's environment:
//! the site's repository is the one its folder is in, even when Gazette was
//! started from inside a git hook.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crate::language::Language;
use crate::messages::t;

/// How long a question to git (status, configuration, files) may take.
const QUERY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a commit may take, the repository's hooks included.
const COMMIT_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a push may take by default (see [`Repository::with_push_timeout`]).
const PUSH_TIMEOUT: Duration = Duration::from_secs(60);
/// How often a running git is checked on.
const POLL: Duration = Duration::from_millis(20);
/// How long output is still read after git ended, in case a program it
/// started (ssh, a credential daemon) keeps its pipes open.
const GRACE: Duration = Duration::from_secs(1);

/// Who a commit is by (author and committer alike).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The name shown in the history, e.g. « Jeanne Dupont ».
    pub name: String,
    /// The e-mail address; without one the commit reads `Name <>`, which
    /// git accepts when it is given explicitly.
    pub email: Option<String>,
}

/// Why the site cannot be published with git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// The `git` program could not be run (not installed, not on PATH).
    NoGit,
    /// The site's folder is not inside a git work tree.
    NotARepository,
}

/// The upstream of a branch: where « Publier » pushes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    /// The remote's name, e.g. `origin`.
    pub remote: String,
    /// The branch on the remote, e.g. `main`.
    pub branch: String,
}

/// The git repository a site's folder is in, as found by [`repository`].
#[derive(Debug, Clone)]
pub struct Repository {
    /// The program run as git.
    program: OsString,
    /// The site's folder: git runs there, and paths are relative to it.
    site: PathBuf,
    /// The root of the work tree.
    root: PathBuf,
    /// The current branch, `None` on a detached HEAD.
    branch: Option<String>,
    /// The current branch's upstream, if it has one.
    upstream: Option<Upstream>,
    /// How long a push may take before git is killed.
    push_timeout: Duration,
}

/// A publication that made its commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The commit's short hash, e.g. `a1b2c3d`.
    pub commit: String,
    /// What became of the push.
    pub push: Push,
}

/// What became of the push that follows a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Push {
    /// The current branch has no upstream (or HEAD is detached): nothing
    /// was pushed.
    NoRemote,
    /// The commit is on the remote.
    Pushed {
        /// The remote's name.
        remote: String,
        /// The branch on the remote.
        branch: String,
    },
    /// git could not push (unreachable remote, refused credentials, a
    /// rejected non-fast-forward push…); the commit stays local.
    Failed {
        /// The remote's name.
        remote: String,
        /// git's own last lines, trimmed (in English: git runs with `LC_ALL=C`).
        reason: String,
    },
    /// The push did not end in time and git was stopped; the commit stays
    /// local.
    TimedOut {
        /// The remote's name.
        remote: String,
        /// After how many seconds git was stopped.
        seconds: u64,
    },
}

/// Why nothing was committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishError {
    /// There is no git, or the site is not in a repository.
    Unavailable(Unavailable),
    /// The given files are the same as in the last commit.
    NothingToCommit,
    /// The author's name is empty.
    NoAuthor,
    /// The commit message is empty.
    NoMessage,
    /// A path is absolute, climbs out of the site's folder, or is not
    /// valid Unicode (git pathspecs are passed as text).
    PathOutsideSite(PathBuf),
    /// A git command failed.
    Git {
        /// Which one (`add`, `commit`…).
        step: &'static str,
        /// git's own last lines, trimmed.
        reason: String,
    },
    /// A git command did not end in time (a hook waiting for something)
    /// and was stopped.
    TimedOut {
        /// Which one.
        step: &'static str,
        /// After how many seconds.
        seconds: u64,
    },
}

impl From<Unavailable> for PublishError {
    fn from(why: Unavailable) -> Self {
        PublishError::Unavailable(why)
    }
}

/// The site's repository, if `site_root` is inside one and `git` runs.
pub fn repository(site_root: &Path) -> Result<Repository, Unavailable> {
    discover(OsStr::new("git"), site_root)
}

/// [`repository`] with `program` run as git.
fn discover(program: &OsStr, site_root: &Path) -> Result<Repository, Unavailable> {
    if !site_root.is_dir() {
        return Err(Unavailable::NotARepository);
    }
    let mut repository = Repository {
        program: program.to_owned(),
        site: site_root.to_path_buf(),
        root: PathBuf::new(),
        branch: None,
        upstream: None,
        push_timeout: PUSH_TIMEOUT,
    };
    let ran = run(
        repository.git(&["rev-parse", "--show-toplevel"]),
        QUERY_TIMEOUT,
    )
    .map_err(|_| Unavailable::NoGit)?;
    if !ran.succeeded() || ran.stdout.trim().is_empty() {
        return Err(Unavailable::NotARepository);
    }
    repository.root = PathBuf::from(ran.stdout.trim_end_matches(['\n', '\r']));
    repository.branch = repository.current_branch();
    repository.upstream = repository.upstream_of(repository.branch.as_deref());
    Ok(repository)
}

impl Repository {
    /// The root of the work tree (the site's folder or one above it).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The branch that was current when the repository was found, `None`
    /// on a detached HEAD.
    pub fn branch(&self) -> Option<&str> {
        self.branch.as_deref()
    }

    /// That branch's upstream, if it has one (where [`Self::publish`]
    /// pushes, as long as the branch is still current).
    pub fn upstream(&self) -> Option<&Upstream> {
        self.upstream.as_ref()
    }

    /// The same repository with another bound on how long a push may take.
    pub fn with_push_timeout(mut self, limit: Duration) -> Self {
        self.push_timeout = limit;
        self
    }

    /// Who commits when the studio's settings name nobody: git's
    /// user.name/user.email.
    pub fn configured_author(&self) -> Option<Author> {
        let name = self.query(&["config", "--get", "user.name"])?;
        let email = self.query(&["config", "--get", "user.email"]);
        (!name.is_empty()).then(|| Author {
            name,
            email: email.filter(|e| !e.is_empty()),
        })
    }

    /// Commits exactly `files` (paths relative to the site root; new,
    /// changed or deleted; e.g. an article moved into a bundle folder) with
    /// `message` by `author`, then pushes to the upstream when there is one.
    ///
    /// A path that neither exists nor is known to git (the old place of an
    /// article that was never committed) is left out. Other changes, staged
    /// or not, stay as they were and out of the commit.
    pub fn publish(
        &self,
        files: &[PathBuf],
        message: &str,
        author: &Author,
    ) -> Result<Published, PublishError> {
        if author.name.trim().is_empty() {
            return Err(PublishError::NoAuthor);
        }
        if message.trim().is_empty() {
            return Err(PublishError::NoMessage);
        }
        let paths = files
            .iter()
            .map(|file| pathspec(file).ok_or_else(|| PublishError::PathOutsideSite(file.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let commit = self.commit(&paths, message, author)?;
        Ok(Published {
            commit,
            push: self.push(),
        })
    }

    /// Sends again what earlier publications committed but could not
    /// send (the branch is ahead of its upstream): the last commit and
    /// its push, or `None` when there is nothing to send.
    pub fn resend(&self) -> Option<Published> {
        let upstream = self.upstream_of(self.current_branch().as_deref())?;
        let range = format!("refs/remotes/{}/{}..HEAD", upstream.remote, upstream.branch);
        let ahead: u64 = self.query(&["rev-list", "--count", &range])?.parse().ok()?;
        if ahead == 0 {
            return None;
        }
        let commit = self.query(&["rev-parse", "--short", "HEAD"])?;
        Some(Published {
            commit,
            push: self.push(),
        })
    }

    /// Pushes `HEAD` to the current branch's upstream: what [`Self::publish`]
    /// does after its commit, and what [`Self::resend`] does again after a
    /// failed push.
    pub fn push(&self) -> Push {
        let Some(upstream) = self.upstream_of(self.current_branch().as_deref()) else {
            return Push::NoRemote;
        };
        let target = format!("HEAD:refs/heads/{}", upstream.branch);
        let mut command = self.git(&["push", "--", &upstream.remote, &target]);
        if self.needs_batch_ssh() {
            command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        let remote = upstream.remote.clone();
        match run(command, self.push_timeout) {
            Err(e) => Push::Failed {
                remote,
                reason: e.to_string(),
            },
            Ok(ran) if ran.timed_out() => Push::TimedOut {
                remote,
                seconds: self.push_timeout.as_secs(),
            },
            Ok(ran) if ran.succeeded() => Push::Pushed {
                remote,
                branch: upstream.branch,
            },
            Ok(ran) => Push::Failed {
                remote,
                reason: ran.reason(),
            },
        }
    }

    /// Commits `paths` (pathspecs relative to the site) and returns the
    /// commit's short hash.
    fn commit(
        &self,
        paths: &[String],
        message: &str,
        author: &Author,
    ) -> Result<String, PublishError> {
        if paths.is_empty() || self.unchanged(paths)? {
            return Err(PublishError::NothingToCommit);
        }
        let chosen = self.committable(paths)?;
        if chosen.kept.is_empty() {
            return Err(PublishError::NothingToCommit);
        }
        if !chosen.new.is_empty() {
            // New files become known to git (without staging their content)
            // so that `commit --only` takes them.
            let mut add = vec!["add", "--intent-to-add", "--"];
            add.extend(chosen.new.iter().map(String::as_str));
            self.step("add", &add, QUERY_TIMEOUT)?;
        }
        let committed = self.commit_only(&chosen.kept, message, author);
        if committed.is_err() && !chosen.new.is_empty() {
            // Leave the index as it was: the new files untracked again. If
            // this fails, they stay marked « to be added », which the next
            // publication completes.
            let mut reset = vec!["reset", "-q", "--"];
            reset.extend(chosen.new.iter().map(String::as_str));
            let _ = self.step("reset", &reset, QUERY_TIMEOUT);
        }
        committed?;
        self.step(
            "rev-parse",
            &["rev-parse", "--short", "HEAD"],
            QUERY_TIMEOUT,
        )
        .map(|hash| hash.trim().to_string())
    }

    /// `git commit --only` of `paths` with `message` by `author` (committer
    /// too), the repository's hooks included.
    fn commit_only(
        &self,
        paths: &[String],
        message: &str,
        author: &Author,
    ) -> Result<(), PublishError> {
        // `whitespace`, not the default `strip`: « #3 » begins a message
        // rather than a comment to drop.
        let mut commit = vec![
            "commit",
            "--only",
            "--cleanup=whitespace",
            "-m",
            message,
            "--",
        ];
        commit.extend(paths.iter().map(String::as_str));
        let mut command = self.git(&commit);
        let email = author.email.as_deref().unwrap_or_default();
        for (variable, value) in [
            ("GIT_AUTHOR_NAME", author.name.as_str()),
            ("GIT_AUTHOR_EMAIL", email),
            ("GIT_COMMITTER_NAME", author.name.as_str()),
            ("GIT_COMMITTER_EMAIL", email),
        ] {
            command.env(variable, value);
        }
        let ran = execute("commit", command, COMMIT_TIMEOUT)?;
        if ran.succeeded() {
            Ok(())
        } else if says_nothing_to_commit(&ran.stdout) {
            Err(PublishError::NothingToCommit)
        } else {
            Err(PublishError::Git {
                step: "commit",
                reason: ran.reason(),
            })
        }
    }

    /// Whether `paths` show no change at all (staged, unstaged or untracked).
    fn unchanged(&self, paths: &[String]) -> Result<bool, PublishError> {
        let mut status = vec![
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
        ];
        status.extend(paths.iter().map(String::as_str));
        Ok(self.step("status", &status, QUERY_TIMEOUT)?.is_empty())
    }

    /// Which of `paths` are new (on disk, unknown to git) and which the
    /// commit takes (on disk, or known to git and deleted).
    fn committable(&self, paths: &[String]) -> Result<Committable, PublishError> {
        let mut ls = vec!["ls-files", "-z", "--"];
        ls.extend(paths.iter().map(String::as_str));
        let listed = self.step("ls-files", &ls, QUERY_TIMEOUT)?;
        let known: BTreeSet<&str> = listed.split('\0').filter(|p| !p.is_empty()).collect();
        let is_known = |path: &str| {
            known
                .iter()
                .any(|k| *k == path || k.strip_prefix(path).is_some_and(|r| r.starts_with('/')))
        };
        let on_disk = |path: &str| self.site.join(path).symlink_metadata().is_ok();
        let mut chosen = Committable::default();
        for path in paths {
            let (known, present) = (is_known(path), on_disk(path));
            if present && !known {
                chosen.new.push(path.clone());
            }
            if present || known {
                chosen.kept.push(path.clone());
            }
        }
        Ok(chosen)
    }

    /// The current branch's name, `None` on a detached HEAD.
    fn current_branch(&self) -> Option<String> {
        self.query(&["symbolic-ref", "--quiet", "--short", "HEAD"])
            .filter(|b| !b.is_empty())
    }

    /// The upstream of `branch`, from `branch.<name>.remote` and `.merge`
    /// (the configuration `git push -u` and `git clone` write).
    fn upstream_of(&self, branch: Option<&str>) -> Option<Upstream> {
        let branch = branch?;
        let remote = self.query(&["config", "--get", &format!("branch.{branch}.remote")])?;
        let merge = self.query(&["config", "--get", &format!("branch.{branch}.merge")])?;
        // An upstream that is not a branch (a tag, a custom ref) is not
        // somewhere to publish.
        let merge = merge.strip_prefix("refs/heads/")?;
        (!remote.is_empty() && !merge.is_empty()).then(|| Upstream {
            remote,
            branch: merge.to_string(),
        })
    }

    /// Whether SSH must be told not to ask anything: the user has chosen no
    /// SSH command of their own (which is then used as it is).
    fn needs_batch_ssh(&self) -> bool {
        let chosen_in_environment = ["GIT_SSH_COMMAND", "GIT_SSH"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
        !chosen_in_environment
            && self
                .query(&["config", "--get", "core.sshCommand"])
                .is_none()
    }

    /// The trimmed output of a git command that succeeded, else `None`.
    fn query(&self, args: &[&str]) -> Option<String> {
        let ran = run(self.git(args), QUERY_TIMEOUT).ok()?;
        ran.succeeded().then(|| ran.stdout.trim().to_string())
    }

    /// The output of a git command that must succeed, as step `step`.
    fn step(
        &self,
        step: &'static str,
        args: &[&str],
        limit: Duration,
    ) -> Result<String, PublishError> {
        self.checked(step, self.git(args), limit)
    }

    /// Runs `command` as step `step`: its output, or why it failed.
    fn checked(
        &self,
        step: &'static str,
        command: Command,
        limit: Duration,
    ) -> Result<String, PublishError> {
        let ran = execute(step, command, limit)?;
        if !ran.succeeded() {
            return Err(PublishError::Git {
                step,
                reason: ran.reason(),
            });
        }
        Ok(ran.stdout)
    }

    /// git with `args`, run in the site's folder, in the environment the
    /// module's doc describes.
    fn git(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.program);
        command
            .current_dir(&self.site)
            .args(["--no-pager", "--literal-pathspecs"])
            .args(["-c", "color.ui=false", "-c", "core.askPass="])
            .args(args)
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_PAGER", "cat")
            .env("GIT_OPTIONAL_LOCKS", "0");
        for variable in [
            "GIT_ASKPASS",
            "SSH_ASKPASS",
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
        ] {
            command.env_remove(variable);
        }
        command
    }
}

/// The paths a commit takes, and which of them git does not know yet.
#[derive(Default)]
struct Committable {
    /// On disk and unknown to git.
    new: Vec<String>,
    /// Everything the commit takes.
    kept: Vec<String>,
}

/// Runs `command` as step `step`, however git ends, unless it could not
/// be started or had to be stopped.
fn execute(step: &'static str, command: Command, limit: Duration) -> Result<Ran, PublishError> {
    let ran = run(command, limit).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => PublishError::Unavailable(Unavailable::NoGit),
        _ => PublishError::Git {
            step,
            reason: e.to_string(),
        },
    })?;
    if ran.timed_out() {
        return Err(PublishError::TimedOut {
            step,
            seconds: limit.as_secs(),
        });
    }
    Ok(ran)
}

/// `file` as a git pathspec relative to the site (`/`-separated), or `None`
/// when it is absolute or climbs out of the site.
fn pathspec(file: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in file.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Whether git's output says there was nothing to commit.
fn says_nothing_to_commit(output: &str) -> bool {
    output.contains("nothing to commit") || output.contains("no changes added to commit")
}

/// What a git run gave.
struct Ran {
    /// How it ended; `None` when it was stopped for taking too long.
    status: Option<ExitStatus>,
    /// Its standard output.
    stdout: String,
    /// Its standard error.
    stderr: String,
}

impl Ran {
    /// Whether git ended by itself, successfully.
    fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }

    /// Whether git was stopped for taking too long.
    fn timed_out(&self) -> bool {
        self.status.is_none()
    }

    /// Why git failed, in its own words: its last `fatal:`, `error:` and
    /// `!` lines (else its last lines), hints left out, at most three.
    fn reason(&self) -> String {
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .chain(self.stdout.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
            .collect();
        let marked: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("fatal:") || l.starts_with("error:") || l.starts_with('!'))
            .collect();
        let chosen = if marked.is_empty() { lines } else { marked };
        let last = &chosen[chosen.len().saturating_sub(3)..];
        let text = last
            .iter()
            .map(|l| {
                let l = l
                    .strip_prefix("fatal:")
                    .or_else(|| l.strip_prefix("error:"))
                    .unwrap_or(l);
                l.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect::<Vec<_>>()
            .join(" ; ");
        match (text.is_empty(), self.status.and_then(|s| s.code())) {
            (false, _) => text,
            (true, Some(code)) => format!("git exited with status {code}"),
            (true, None) => "git was stopped by a signal".to_string(),
        }
    }
}

/// Which of a child's outputs a chunk came from.
#[derive(Clone, Copy)]
enum Stream {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
}

/// Runs `command` with no input, reading its outputs, and kills it after
/// `limit`. Output that a grandchild keeps open is read for [`GRACE`] at
/// most, so that nothing waits on it forever.
fn run(mut command: Command, limit: Duration) -> io::Result<Ran> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn()?;
    let (sender, receiver) = mpsc::channel();
    if let Some(out) = child.stdout.take() {
        read_in_background(out, Stream::Out, sender.clone());
    }
    if let Some(err) = child.stderr.take() {
        read_in_background(err, Stream::Err, sender.clone());
    }
    drop(sender);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let deadline = Instant::now() + limit;
    let status = loop {
        receive(&receiver, POLL, &mut stdout, &mut stderr);
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {}
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(e);
            }
        }
        if Instant::now() >= deadline {
            // Killing fails only when git has just ended: either way it is over.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
    };
    let grace = Instant::now() + GRACE;
    while let Some(left) = grace.checked_duration_since(Instant::now()) {
        if !receive(&receiver, left, &mut stdout, &mut stderr) {
            break;
        }
    }
    Ok(Ran {
        status,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// Waits up to `wait` for a chunk of output and files it; false when no
/// more output can come (both pipes closed) or none came in time.
fn receive(
    receiver: &Receiver<(Stream, Vec<u8>)>,
    wait: Duration,
    stdout: &mut Vec<u8>,
    stderr: &mut Vec<u8>,
) -> bool {
    match receiver.recv_timeout(wait) {
        Ok((Stream::Out, chunk)) => {
            stdout.extend(chunk);
            true
        }
        Ok((Stream::Err, chunk)) => {
            stderr.extend(chunk);
            true
        }
        Err(RecvTimeoutError::Timeout) => false,
        Err(RecvTimeoutError::Disconnected) => {
            // Nothing left to read: wait as a poll would have.
            std::thread::sleep(wait.min(POLL));
            false
        }
    }
}

/// Reads `pipe` on a thread of its own, sending each chunk as it comes,
/// until the pipe closes (or nobody listens any more).
fn read_in_background(
    mut pipe: impl Read + Send + 'static,
    stream: Stream,
    sender: Sender<(Stream, Vec<u8>)>,
) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(read) = pipe.read(&mut buffer) {
            if read == 0 || sender.send((stream, buffer[..read].to_vec())).is_err() {
                break;
            }
        }
    });
}

/// What a publication came to, for the writer, in `lang`: the commit and
/// where it was sent, or what went wrong and what to do about it.
pub fn describe(result: &Result<Published, PublishError>, lang: Language) -> String {
    match result {
        Ok(published) => describe_push(&published.commit, &published.push, lang),
        Err(error) => describe_error(error, lang),
    }
}

/// A commit that was made, and its push. A push the remote rejected (git
/// says `[rejected]`, in its C-locale words) has advice of its own: someone
/// published in between, which no connection check will fix.
fn describe_push(commit: &str, push: &Push, lang: Language) -> String {
    match push {
        Push::NoRemote => t!(lang, "studio-publish-no-remote", commit = commit),
        Push::Pushed { remote, branch } => t!(
            lang,
            "studio-publish-pushed",
            commit = commit,
            remote = remote,
            branch = branch
        ),
        Push::Failed { remote, reason } if reason.contains("[rejected]") => t!(
            lang,
            "studio-publish-push-rejected",
            commit = commit,
            remote = remote,
            reason = reason
        ),
        Push::Failed { remote, reason } => t!(
            lang,
            "studio-publish-push-failed",
            commit = commit,
            remote = remote,
            reason = reason
        ),
        Push::TimedOut { remote, seconds } => t!(
            lang,
            "studio-publish-push-timed-out",
            commit = commit,
            remote = remote,
            seconds = seconds
        ),
    }
}

/// A publication that made no commit.
fn describe_error(error: &PublishError, lang: Language) -> String {
    match error {
        PublishError::Unavailable(Unavailable::NoGit) => t!(lang, "studio-publish-no-git"),
        PublishError::Unavailable(Unavailable::NotARepository) => {
            t!(lang, "studio-publish-not-a-repository")
        }
        PublishError::NothingToCommit => t!(lang, "studio-publish-nothing-to-commit"),
        PublishError::NoAuthor => t!(lang, "studio-publish-no-author"),
        PublishError::NoMessage => t!(lang, "studio-publish-no-message"),
        PublishError::PathOutsideSite(path) => t!(
            lang,
            "studio-publish-path-outside-site",
            path = path.display().to_string()
        ),
        PublishError::Git { step, reason } => {
            t!(
                lang,
                "studio-publish-git-failed",
                step = *step,
                reason = reason
            )
        }
        PublishError::TimedOut { step, seconds } => t!(
            lang,
            "studio-publish-git-timed-out",
            step = *step,
            seconds = seconds
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use tempfile::TempDir;

    /// A folder for one test, with an empty file to stand for git's global
    /// configuration in the commands the test itself runs.
    struct Scratch {
        dir: TempDir,
    }

    impl Scratch {
        fn new() -> Self {
            let dir = tempfile::tempdir().expect("temporary folder");
            fs::write(dir.path().join("empty.gitconfig"), "").expect("write config");
            Scratch { dir }
        }

        fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        /// Runs the test's own git (isolated from the machine's
        /// configuration) in `dir`, failing the test if git fails.
        fn git(&self, dir: &Path, args: &[&str]) -> String {
            let output = Command::new("git")
                .current_dir(dir)
                .args(args)
                .env("GIT_CONFIG_GLOBAL", self.path("empty.gitconfig"))
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("LC_ALL", "C")
                .stdin(Stdio::null())
                .output()
                .expect("git runs");
            assert!(
                output.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8_lossy(&output.stdout).trim().to_string()
        }

        /// A repository `name` on branch `main` with one commit of
        /// `articles/old.md` and `about.md`.
        fn repository(&self, name: &str) -> PathBuf {
            let root = self.path(name);
            fs::create_dir_all(root.join("articles")).expect("folders");
            self.git(
                self.dir.path(),
                &["-c", "init.defaultBranch=main", "init", "-q", name],
            );
            self.git(&root, &["config", "user.name", "Configured Person"]);
            self.git(&root, &["config", "user.email", "configured@example.org"]);
            self.git(&root, &["config", "commit.gpgsign", "false"]);
            fs::write(root.join("articles/old.md"), "# Old\n").expect("write");
            fs::write(root.join("about.md"), "# About\n").expect("write");
            self.git(&root, &["add", "--", "articles/old.md", "about.md"]);
            self.git(&root, &["commit", "-q", "-m", "First"]);
            root
        }

        /// A bare repository `name`, made the upstream `origin/main` of
        /// the repository at `root`.
        fn remote(&self, root: &Path, name: &str) -> PathBuf {
            let bare = self.path(name);
            self.git(
                self.dir.path(),
                &[
                    "-c",
                    "init.defaultBranch=main",
                    "init",
                    "-q",
                    "--bare",
                    name,
                ],
            );
            let url = bare.to_str().expect("UTF-8 path");
            self.git(root, &["remote", "add", "origin", url]);
            self.git(root, &["push", "-q", "-u", "origin", "main"]);
            bare
        }

        /// The names and states (`A`, `M`, `D`) of the files the last
        /// commit of `root` changed, one `state\tpath` a line.
        fn last_changes(&self, root: &Path) -> String {
            self.git(
                root,
                &["show", "--no-renames", "--name-status", "--format=", "HEAD"],
            )
        }
    }

    fn writer() -> Author {
        Author {
            name: "Jeanne Dupont".to_string(),
            email: Some("jeanne.dupont@example.gouv.fr".to_string()),
        }
    }

    fn files(paths: &[&str]) -> Vec<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    fn publish(root: &Path, paths: &[&str], message: &str) -> Result<Published, PublishError> {
        repository(root)
            .expect("a repository")
            .publish(&files(paths), message, &writer())
    }

    #[test]
    fn a_new_article_is_committed_by_the_writer_with_the_message() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = publish(&root, &["articles/new.md"], "Nouvel article").expect("published");
        assert_eq!(scratch.last_changes(&root), "A\tarticles/new.md");
        assert_eq!(
            published.commit,
            scratch.git(&root, &["rev-parse", "--short", "HEAD"])
        );
        assert_eq!(
            scratch.git(&root, &["log", "-1", "--format=%an <%ae>|%cn|%s"]),
            "Jeanne Dupont <jeanne.dupont@example.gouv.fr>|Jeanne Dupont|Nouvel article"
        );
        assert_eq!(published.push, Push::NoRemote);
    }

    #[test]
    fn a_changed_article_is_committed() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::write(root.join("articles/old.md"), "# Old, revised\n").expect("write");
        publish(&root, &["articles/old.md"], "#2 Correction").expect("published");
        assert_eq!(scratch.last_changes(&root), "M\tarticles/old.md");
        assert_eq!(
            scratch.git(&root, &["log", "-1", "--format=%s"]),
            "#2 Correction",
            "a message starting with # is a message, not a comment"
        );
        assert_eq!(
            scratch.git(&root, &["show", "HEAD:articles/old.md"]),
            "# Old, revised"
        );
    }

    #[test]
    fn an_article_moved_into_a_bundle_is_deleted_and_added() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::create_dir_all(root.join("articles/old")).expect("bundle");
        fs::rename(
            root.join("articles/old.md"),
            root.join("articles/old/index.md"),
        )
        .expect("move");
        fs::write(root.join("articles/old/photo.jpg"), "jpeg").expect("write");
        publish(
            &root,
            &[
                "articles/old.md",
                "articles/old/index.md",
                "articles/old/photo.jpg",
            ],
            "Article en dossier",
        )
        .expect("published");
        assert_eq!(
            scratch.last_changes(&root),
            "D\tarticles/old.md\nA\tarticles/old/index.md\nA\tarticles/old/photo.jpg"
        );
    }

    #[test]
    fn other_changes_stay_as_they_were_and_out_of_the_commit() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::write(root.join("about.md"), "# About, staged\n").expect("write");
        scratch.git(&root, &["add", "about.md"]);
        fs::write(root.join("draft.md"), "untracked\n").expect("write");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        publish(&root, &["articles/new.md"], "Nouvel article").expect("published");
        assert_eq!(scratch.last_changes(&root), "A\tarticles/new.md");
        assert_eq!(
            scratch.git(&root, &["status", "--porcelain", "--untracked-files=all"]),
            "M  about.md\n?? draft.md"
        );
        assert_eq!(
            scratch.git(&root, &["show", ":about.md"]),
            "# About, staged",
            "the staged content is still staged"
        );
    }

    #[test]
    fn an_author_without_email_commits_with_an_empty_address() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let author = Author {
            name: "Jeanne Dupont".to_string(),
            email: None,
        };
        let repository = repository(&root).expect("a repository");
        repository
            .publish(&files(&["articles/new.md"]), "Nouvel article", &author)
            .expect("published");
        assert_eq!(
            scratch.git(&root, &["log", "-1", "--format=%an <%ae>|%cn <%ce>"]),
            "Jeanne Dupont <>|Jeanne Dupont <>"
        );
    }

    #[test]
    fn the_configured_author_is_gits_user() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let repository = repository(&root).expect("a repository");
        assert_eq!(
            repository.configured_author(),
            Some(Author {
                name: "Configured Person".to_string(),
                email: Some("configured@example.org".to_string()),
            })
        );
    }

    #[test]
    fn a_push_to_the_upstream_lands_the_commit_there() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let bare = scratch.remote(&root, "remote.git");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = publish(&root, &["articles/new.md"], "Nouvel article").expect("published");
        assert_eq!(
            published.push,
            Push::Pushed {
                remote: "origin".to_string(),
                branch: "main".to_string()
            }
        );
        assert_eq!(
            scratch.git(&bare, &["rev-parse", "--short", "main"]),
            published.commit
        );
    }

    #[test]
    fn an_unreachable_remote_fails_the_push_with_gits_reason_but_keeps_the_commit() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let missing = scratch.path("missing.git");
        scratch.git(
            &root,
            &["remote", "add", "origin", missing.to_str().expect("UTF-8")],
        );
        scratch.git(&root, &["config", "branch.main.remote", "origin"]);
        scratch.git(&root, &["config", "branch.main.merge", "refs/heads/main"]);
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = publish(&root, &["articles/new.md"], "Nouvel article").expect("committed");
        let Push::Failed { remote, reason } = &published.push else {
            panic!("expected a failed push, got {:?}", published.push);
        };
        assert_eq!(remote, "origin");
        assert!(
            reason.contains("does not appear to be a git repository"),
            "{reason}"
        );
        assert_eq!(
            scratch.git(&root, &["log", "-1", "--format=%s"]),
            "Nouvel article"
        );
    }

    #[test]
    fn a_rejected_push_fails_plainly() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        scratch.remote(&root, "remote.git");
        // A colleague publishes first.
        let url = scratch.path("remote.git");
        scratch.git(
            scratch.dir.path(),
            &["clone", "-q", url.to_str().expect("UTF-8"), "colleague"],
        );
        let colleague = scratch.path("colleague");
        fs::write(colleague.join("about.md"), "# About, by a colleague\n").expect("write");
        scratch.git(
            &colleague,
            &[
                "-c",
                "user.name=C",
                "-c",
                "user.email=c@x",
                "commit",
                "-q",
                "-am",
                "C",
            ],
        );
        scratch.git(&colleague, &["push", "-q"]);
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = publish(&root, &["articles/new.md"], "Nouvel article").expect("committed");
        let Push::Failed { reason, .. } = &published.push else {
            panic!("expected a failed push, got {:?}", published.push);
        };
        assert!(reason.contains("rejected"), "{reason}");
        let text = describe(&Ok(published.clone()), Language::Fr);
        assert!(text.contains("quelqu’un d’autre a publié"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn a_push_that_does_not_end_is_stopped() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let ssh = scratch.path("silent-ssh");
        fs::write(&ssh, "#!/bin/sh\nexec sleep 30\n").expect("write");
        fs::set_permissions(&ssh, fs::Permissions::from_mode(0o755)).expect("chmod");
        scratch.git(
            &root,
            &["config", "core.sshCommand", ssh.to_str().expect("UTF-8")],
        );
        scratch.git(
            &root,
            &["remote", "add", "origin", "ssh://intranet.invalid/site.git"],
        );
        scratch.git(&root, &["config", "branch.main.remote", "origin"]);
        scratch.git(&root, &["config", "branch.main.merge", "refs/heads/main"]);
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = repository(&root)
            .expect("a repository")
            .with_push_timeout(Duration::from_secs(1))
            .publish(&files(&["articles/new.md"]), "Nouvel article", &writer())
            .expect("committed");
        assert_eq!(
            published.push,
            Push::TimedOut {
                remote: "origin".to_string(),
                seconds: 1
            }
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_hook_that_refuses_the_commit_is_reported_and_the_index_left_as_it_was() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let hook = root.join(".git/hooks/pre-commit");
        fs::write(
            &hook,
            "#!/bin/sh\necho 'refused by the newsroom hook' >&2\nexit 1\n",
        )
        .expect("write");
        fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).expect("chmod");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let result = publish(&root, &["articles/new.md"], "Nouvel article");
        let Err(PublishError::Git { step, reason }) = &result else {
            panic!("expected a git error, got {result:?}");
        };
        assert_eq!(*step, "commit");
        assert!(reason.contains("refused by the newsroom hook"), "{reason}");
        assert_eq!(
            scratch.git(&root, &["status", "--porcelain", "--untracked-files=all"]),
            "?? articles/new.md"
        );
        assert_eq!(scratch.git(&root, &["log", "-1", "--format=%s"]), "First");
    }

    #[test]
    fn the_first_commit_of_an_empty_repository_is_made() {
        let scratch = Scratch::new();
        scratch.git(
            scratch.dir.path(),
            &["-c", "init.defaultBranch=main", "init", "-q", "empty"],
        );
        let root = scratch.path("empty");
        fs::write(root.join("index.md"), "# Home\n").expect("write");
        fs::write(root.join("other.md"), "# Other\n").expect("write");
        publish(&root, &["index.md"], "Premier article").expect("published");
        assert_eq!(scratch.git(&root, &["ls-files"]), "index.md");
        assert_eq!(
            scratch.git(&root, &["log", "--format=%an|%s"]),
            "Jeanne Dupont|Premier article"
        );
    }

    #[test]
    fn a_detached_head_commits_without_pushing() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        scratch.remote(&root, "remote.git");
        scratch.git(&root, &["checkout", "-q", "--detach"]);
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        let published = publish(&root, &["articles/new.md"], "Nouvel article").expect("committed");
        assert_eq!(published.push, Push::NoRemote);
        assert_eq!(scratch.last_changes(&root), "A\tarticles/new.md");
    }

    #[test]
    fn a_site_in_a_subfolder_takes_paths_relative_to_itself() {
        let scratch = Scratch::new();
        let root = scratch.repository("repo");
        let site = root.join("site");
        fs::create_dir_all(site.join("articles")).expect("folders");
        fs::write(site.join("articles/new.md"), "# New\n").expect("write");
        let repository = repository(&site).expect("a repository");
        assert_eq!(
            repository.root().canonicalize().expect("root"),
            root.canonicalize().expect("root")
        );
        repository
            .publish(&files(&["articles/new.md"]), "Nouvel article", &writer())
            .expect("published");
        assert_eq!(scratch.last_changes(&root), "A\tsite/articles/new.md");
    }

    #[test]
    fn unchanged_files_are_nothing_to_commit() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let before = scratch.git(&root, &["rev-parse", "HEAD"]);
        let result = publish(&root, &["articles/old.md", "articles/never.md"], "Rien");
        assert_eq!(result, Err(PublishError::NothingToCommit));
        assert_eq!(scratch.git(&root, &["rev-parse", "HEAD"]), before);
    }

    #[test]
    fn a_folder_outside_any_repository_is_not_a_repository() {
        let scratch = Scratch::new();
        let site = scratch.path("plain");
        fs::create_dir_all(&site).expect("folder");
        // Unless the temporary folder itself is inside a repository.
        let inside = Command::new("git")
            .current_dir(&site)
            .args(["rev-parse", "--show-toplevel"])
            .stdin(Stdio::null())
            .output()
            .expect("git runs")
            .status
            .success();
        if !inside {
            assert_eq!(repository(&site).err(), Some(Unavailable::NotARepository));
        }
        assert_eq!(
            repository(&scratch.path("absent")).err(),
            Some(Unavailable::NotARepository)
        );
    }

    #[test]
    fn without_the_git_program_git_is_unavailable() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        let result = discover(OsStr::new("gazette-test-no-such-git-program"), &root);
        assert_eq!(result.err(), Some(Unavailable::NoGit));
    }

    #[test]
    fn paths_outside_the_site_no_author_and_no_message_are_refused() {
        let scratch = Scratch::new();
        let root = scratch.repository("site");
        fs::write(root.join("articles/new.md"), "# New\n").expect("write");
        assert_eq!(
            publish(&root, &["../elsewhere.md"], "Message"),
            Err(PublishError::PathOutsideSite(PathBuf::from(
                "../elsewhere.md"
            )))
        );
        let repository = repository(&root).expect("a repository");
        let nobody = Author {
            name: " ".to_string(),
            email: None,
        };
        assert_eq!(
            repository.publish(&files(&["articles/new.md"]), "Message", &nobody),
            Err(PublishError::NoAuthor)
        );
        assert_eq!(
            repository.publish(&files(&["articles/new.md"]), "  ", &writer()),
            Err(PublishError::NoMessage)
        );
        assert_eq!(scratch.git(&root, &["log", "-1", "--format=%s"]), "First");
    }

    #[test]
    fn the_writer_reads_what_happened_in_french_or_english() {
        let pushed = Ok(Published {
            commit: "a1b2c3d".to_string(),
            push: Push::Pushed {
                remote: "origin".to_string(),
                branch: "main".to_string(),
            },
        });
        assert_eq!(
            describe(&pushed, Language::Fr),
            "Article publié : commit a1b2c3d, envoyé sur origin/main."
        );
        assert_eq!(
            describe(&pushed, Language::En),
            "Article published: commit a1b2c3d, sent to origin/main."
        );
        let failed = Ok(Published {
            commit: "a1b2c3d".to_string(),
            push: Push::Failed {
                remote: "origin".to_string(),
                reason: "Could not resolve host".to_string(),
            },
        });
        let text = describe(&failed, Language::Fr);
        assert!(
            text.starts_with("Article enregistré dans git (commit a1b2c3d), mais l’envoi vers origin a échoué : Could not resolve host."),
            "{text}"
        );
        let no_repository = Err(PublishError::from(Unavailable::NotARepository));
        assert!(
            describe(&no_repository, Language::Fr).starts_with("Ce site n’est pas un dépôt git")
        );
    }
}
