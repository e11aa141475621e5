//! Live reload: server-sent events on `/__gazette/events`, and the script
//! every served HTML page gets.
//!
//! Server-sent events need no protocol upgrade and no crate: one long
//! response, a few text lines per event, and the browser's `EventSource`
//! reconnects by itself. Each rebuild that changed something bumps a
//! version; an event is sent only after the new pages are in place, so a
//! reload never shows a half-built site. The page carries the version it
//! was served at and the first event of a stream is the current version: a
//! rebuild finished between the page load and the stream opening still
//! reloads the tab. When only stylesheets changed the event is `css`, and
//! the script swaps each stylesheet's `href` with a cache-busting query
//! instead of reloading, so the reader keeps their scroll position. When
//! only pages changed (and feeds, which no tab shows with the script) the
//! event is `pages`, with their addresses: only the tabs showing one of
//! them reload. A front-matter edit publishes twice, its page first and
//! the listings after: the tab on the article reloads once, for its page,
//! and one on an unrelated page not at all. A tab that missed a version
//! (two events apart) reloads whatever the event.
//!
//! A stream is a task on the server's runtime waiting on a `watch` channel
//! of the version, not a thread: an open tab costs a socket and a few
//! hundred bytes, and no number of them can take the threads page answers
//! need (a thread each, as before, stopped the server at tokio's 512
//! blocking threads). They are still capped ([`MAX_STREAMS`]): a tab
//! beyond the cap is told the current version and a retry delay, which
//! `EventSource` honours by itself, so no tab is ever cut off for good and
//! none already open is closed to make room.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, watch};

/// The address of the event stream.
pub const EVENTS_PATH: &str = "/__gazette/events";

/// How many event streams may be open at once: far more tabs than a writer
/// opens (a browser keeps at most six connections to one address), few
/// enough that no client can pile up sockets and tasks by opening streams.
pub const MAX_STREAMS: usize = 100;

/// How long a tab turned away by [`MAX_STREAMS`] waits before it asks
/// again (the `retry` field, which `EventSource` honours by itself).
const RETRY_WHEN_FULL: Duration = Duration::from_secs(10);

/// How often an idle stream sends a comment, so a tab gone away is noticed.
const PING: Duration = Duration::from_secs(15);

/// What open tabs must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Reload the page.
    Reload,
    /// Swap the stylesheets.
    Css,
    /// Reload the tabs that show one of these pages (their URL paths); the
    /// others stay as they are, scroll position and all.
    Pages(Arc<[String]>),
}

impl Action {
    /// The event: its name, and its data lines after the version.
    fn event(&self, version: u64) -> String {
        match self {
            Action::Reload => format!("event: reload\ndata: {version}\n\n"),
            Action::Css => format!("event: css\ndata: {version}\n\n"),
            Action::Pages(paths) => {
                let mut event = format!("event: pages\ndata: {version}\n");
                for path in paths.iter() {
                    event.push_str("data: ");
                    event.push_str(path);
                    event.push('\n');
                }
                event.push('\n');
                event
            }
        }
    }
}

/// The served version, the last change's action, whether the server stops.
#[derive(Debug, Clone)]
struct State {
    version: u64,
    action: Action,
    stopped: bool,
}

/// The version of the served site, and the tabs waiting for the next one.
pub struct Reloader {
    state: watch::Sender<State>,
    slots: Arc<Semaphore>,
}

impl Default for Reloader {
    fn default() -> Self {
        Reloader {
            state: watch::Sender::new(State {
                version: 0,
                action: Action::Reload,
                stopped: false,
            }),
            slots: Arc::new(Semaphore::new(MAX_STREAMS)),
        }
    }
}

impl Reloader {
    /// The current version.
    pub fn version(&self) -> u64 {
        self.state.borrow().version
    }

    /// A new version is served: tell every tab.
    pub fn publish(&self, action: Action) {
        self.state.send_modify(|s| {
            s.version += 1;
            s.action = action;
        });
    }

    /// Ends every stream.
    pub fn stop(&self) {
        self.state.send_modify(|s| s.stopped = true);
    }

    /// Opens one tab's event stream: the body of the response, as chunks
    /// (the server sends the headers). It runs as a task of the server's
    /// runtime, so it must be called there. Beyond [`MAX_STREAMS`] open
    /// streams, the tab gets the current version and a retry delay, and the
    /// stream ends at once: the tab still reloads when it is stale, and
    /// gets a stream of its own once one is free.
    pub fn open(&self) -> mpsc::Receiver<Bytes> {
        let (out, body) = mpsc::channel(16);
        match self.slots.clone().try_acquire_owned() {
            Ok(slot) => {
                tokio::spawn(stream(self.state.subscribe(), out, slot));
            }
            Err(_) => {
                let turned_away = format!(
                    ": too many live-reload streams are open ({MAX_STREAMS})\nretry: {}\nevent: hello\ndata: {}\n\n",
                    RETRY_WHEN_FULL.as_millis(),
                    self.version()
                );
                // The channel is empty: this cannot fail.
                let _ = out.try_send(Bytes::from(turned_away));
            }
        }
        body
    }
}

/// Streams events into `out` until the tab goes away (the body is dropped)
/// or the server stops; the stream's `slot` is freed then. The first event
/// is the current version; each event is one chunk, so it leaves in one
/// piece.
async fn stream(
    mut state: watch::Receiver<State>,
    out: mpsc::Sender<Bytes>,
    _slot: OwnedSemaphorePermit,
) {
    let first = state.borrow_and_update().clone();
    let mut seen = first.version;
    let hello = format!("retry: 500\nevent: hello\ndata: {seen}\n\n");
    if first.stopped || out.send(Bytes::from(hello)).await.is_err() {
        return;
    }
    loop {
        let event = tokio::select! {
            changed = state.changed() => {
                let now = state.borrow_and_update().clone();
                if changed.is_err() || now.stopped {
                    return;
                }
                if now.version == seen {
                    continue;
                }
                // Several versions since the last event: one of them may
                // have changed this tab's page, so it reloads.
                let action = if now.version == seen + 1 { now.action } else { Action::Reload };
                seen = now.version;
                action.event(now.version)
            }
            _ = tokio::time::sleep(PING) => ": ping\n\n".to_string(),
            _ = out.closed() => return,
        };
        if out.send(Bytes::from(event)).await.is_err() {
            return;
        }
    }
}

/// The script injected into served HTML pages (serve mode only).
pub fn script(version: u64) -> String {
    format!(
        r#"<script>
(function () {{
  if (!window.EventSource) return;
  var served = {version};
  var events = new EventSource("{EVENTS_PATH}");
  events.addEventListener("hello", function (e) {{
    if (Number(e.data) > served) location.reload();
  }});
  events.addEventListener("reload", function () {{ location.reload(); }});
  events.addEventListener("pages", function (e) {{
    var lines = e.data.split("\n");
    var here = [location.pathname, decodeURI(location.pathname)];
    if (lines.slice(1).some(function (p) {{ return here.indexOf(p) >= 0; }})) location.reload();
    else served = Number(lines[0]);
  }});
  events.addEventListener("css", function (e) {{
    served = Number(e.data);
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {{
      var url = new URL(link.href);
      url.searchParams.set("gazette", e.data);
      link.href = url.href;
    }});
  }});
}})();
</script>
"#
    )
}
