//! The preview's photos, made in the background.
//!
//! `serve` must answer a page at once, so its session never encodes: the
//! photo stage takes only the variants already in the site's cache
//! (`render::pictures::Encoding::Ready`) and shows the other photos as
//! uploaded, sending them here. One worker thread (a single core, so the
//! other stays with the watcher, the server and the renders of a writer's
//! edits) encodes them through the same cache `build` uses, then asks, by
//! the closure it was given, for the site to be assembled again: the pages
//! then name the variants, served from memory like the rest, and the open
//! tabs reload.
//!
//! The queue is made before the session that holds it, and the worker is
//! started once the server's state exists, since it is what the worker
//! refreshes: hence the two halves, [`Queue`] and [`Jobs`]. A photo is
//! tried once per content and settings (its cache key): one that does not
//! decode is reported by `build` and `check`, and a cache that cannot be
//! written does not make the preview encode the same bytes forever.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use crate::images::Settings;
use crate::images::cache::{Cache, key};

/// How often the idle worker looks at the stop flag.
const TICK: Duration = Duration::from_millis(100);

/// A photo to encode: its file, relative to the site's root, and the
/// site's settings when it was asked for.
#[derive(Debug)]
struct Job {
    source: PathBuf,
    settings: Settings,
}

/// The session's end: where photos without variants are sent.
#[derive(Debug, Clone)]
pub struct Queue {
    sender: Sender<Job>,
}

/// The worker's end, until it is started.
#[derive(Debug)]
pub struct Jobs {
    receiver: Receiver<Job>,
}

/// A queue and the jobs it fills.
pub fn queue() -> (Queue, Jobs) {
    let (sender, receiver) = channel();
    (Queue { sender }, Jobs { receiver })
}

impl Queue {
    /// Asks for the variants of `sources` (files relative to the site's
    /// root), each with its settings. Never waits; a stopped worker is no
    /// error.
    pub fn send(&self, sources: &[(PathBuf, Settings)]) {
        for (source, settings) in sources {
            let _ = self.sender.send(Job {
                source: source.clone(),
                settings: settings.clone(),
            });
        }
    }
}

impl Jobs {
    /// Starts the worker for the site at `root`: it encodes what is sent,
    /// and once nothing more waits, calls `ready` with how many photos it
    /// made. It ends when `stop` is set or every [`Queue`] is gone.
    pub fn start(
        self,
        root: PathBuf,
        stop: Arc<AtomicBool>,
        ready: impl Fn(usize) + Send + 'static,
    ) -> std::io::Result<std::thread::JoinHandle<()>> {
        std::thread::Builder::new()
            .name("gazette-photos".into())
            .spawn(move || self.work(&root, &stop, &ready))
    }

    fn work(self, root: &Path, stop: &AtomicBool, ready: &dyn Fn(usize)) {
        let mut tried = HashSet::new();
        loop {
            let first = match self.receiver.recv_timeout(TICK) {
                Ok(job) => job,
                Err(RecvTimeoutError::Timeout) if !stop.load(Ordering::SeqCst) => continue,
                Err(_) => return,
            };
            // One cache per batch: it only counts and lists what it used.
            let cache = Cache::open(root);
            let mut made = 0;
            let mut next = Some(first);
            // What comes while encoding joins the batch: one refresh for
            // them all, once nothing more waits.
            while let Some(job) = next {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                made += usize::from(encode(&cache, root, &job, &mut tried));
                next = self.receiver.try_recv().ok();
            }
            if made > 0 {
                ready(made);
            }
        }
    }
}

/// Encodes `job` through `cache` unless its bytes were tried already;
/// whether variants were made.
fn encode(cache: &Cache, root: &Path, job: &Job, tried: &mut HashSet<String>) -> bool {
    let Ok(bytes) = crate::sources::read(root, &job.source) else {
        return false;
    };
    if !tried.insert(key(&bytes, &job.settings)) {
        return false;
    }
    cache.variants(&bytes, &job.settings).is_ok()
}
