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
//! instead of reloading, so the reader keeps their scroll position.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// The address of the event stream.
pub const EVENTS_PATH: &str = "/__gazette/events";

/// What open tabs must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Reload the page.
    Reload,
    /// Swap the stylesheets.
    Css,
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Reload => "reload",
            Action::Css => "css",
        }
    }
}

/// The version of the served site, and the tabs waiting for the next one.
pub struct Reloader {
    state: Mutex<(u64, Action)>,
    changed: Condvar,
    stopped: AtomicBool,
}

impl Default for Reloader {
    fn default() -> Self {
        Reloader {
            state: Mutex::new((0, Action::Reload)),
            changed: Condvar::new(),
            stopped: AtomicBool::new(false),
        }
    }
}

impl Reloader {
    /// The current version.
    pub fn version(&self) -> u64 {
        self.state.lock().map(|s| s.0).unwrap_or(0)
    }

    /// A new version is served: tell every tab.
    pub fn publish(&self, action: Action) {
        if let Ok(mut s) = self.state.lock() {
            s.0 += 1;
            s.1 = action;
        }
        self.changed.notify_all();
    }

    /// Ends every stream.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.changed.notify_all();
    }

    /// Streams events to one tab until it goes away or the server stops:
    /// the body of the response (the server sends the headers), a ping
    /// every 15 s so that a tab gone away is noticed. Each event is one
    /// write, so it leaves in one piece.
    pub fn stream(&self, mut out: impl Write) {
        let mut seen = self.version();
        let hello = format!("retry: 500\nevent: hello\ndata: {seen}\n\n");
        if out
            .write_all(hello.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            return;
        }
        loop {
            let next = {
                let Ok(guard) = self.state.lock() else {
                    return;
                };
                let Ok((guard, _)) =
                    self.changed
                        .wait_timeout_while(guard, Duration::from_secs(15), |s| {
                            s.0 == seen && !self.stopped.load(Ordering::SeqCst)
                        })
                else {
                    return;
                };
                *guard
            };
            if self.stopped.load(Ordering::SeqCst) {
                return;
            }
            let sent = if next.0 == seen {
                // A comment, to notice closed tabs.
                out.write_all(b": ping\n\n")
            } else {
                seen = next.0;
                let event = format!("event: {}\ndata: {}\n\n", next.1.name(), next.0);
                out.write_all(event.as_bytes())
            };
            if sent.and_then(|_| out.flush()).is_err() {
                return;
            }
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
