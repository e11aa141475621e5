//! Stage timings on standard error when `GAZETTE_TIMINGS` is set: for
//! profiling and the benchmark, never part of normal output. Linux's
//! `/proc` gives the CPU time and memory beside the wall time; elsewhere
//! they read as zero and empty.

use std::time::Instant;

/// The resident and peak memory, as Linux reports them (empty elsewhere).
fn resident_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    format!("(rss {}, peak {})", field("VmRSS:"), field("VmHWM:"))
}

/// The CPU time of the process so far (user and system, all threads), in
/// milliseconds, as Linux reports it in clock ticks (0 elsewhere).
fn cpu_millis() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here;
    // the kernel counts 100 ticks a second.
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) * 10
}

/// Stage timings on stderr when `GAZETTE_TIMINGS` is set: for profiling
/// and the benchmark, never part of normal output.
pub struct StageTimer {
    /// When the last stage ended, and the CPU time then.
    last: Option<(Instant, u64)>,
}

impl StageTimer {
    /// A timer when `GAZETTE_TIMINGS` is set, else one that says nothing.
    pub fn from_env() -> Self {
        StageTimer {
            last: std::env::var_os("GAZETTE_TIMINGS").map(|_| (Instant::now(), cpu_millis())),
        }
    }

    /// Ends the stage `stage` (started at the last lap) and says so.
    pub fn lap(&mut self, stage: &str) {
        if let Some((last, cpu)) = self.last {
            let now = cpu_millis();
            eprintln!(
                "timing: {stage:<14} {:>8.1} ms (cpu {:>5} ms) {}",
                last.elapsed().as_secs_f64() * 1000.0,
                now.saturating_sub(cpu),
                resident_memory()
            );
            self.last = Some((Instant::now(), now));
        }
    }

    /// Times `f` as the stage `stage`.
    pub fn time<T>(&mut self, stage: &str, f: impl FnOnce() -> T) -> T {
        self.lap("(other)");
        let value = f();
        self.lap(stage);
        value
    }
}
