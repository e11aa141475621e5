//! The addresses the preview answers to: the `Host` of every request and,
//! for a request that would change something, its `Origin`.
//!
//! Listening on loopback is not enough. Any web page the writer opens can
//! make their browser send requests to the preview, and DNS rebinding (the
//! attacker's domain answering 127.0.0.1 once its page is loaded) even makes
//! that page same-origin with it, free to read every answer, drafts
//! included. What such a page cannot choose is the `Host` its requests
//! carry: the attacker's domain name. So the server answers only to names
//! that are its own: `localhost`, `127.0.0.1`, `[::1]` and the address it is
//! bound to, each with the server's real port, and the host of
//! `--base-url`, which the writer chose. Bound to every interface
//! (`--bind 0.0.0.0`, a preview for colleagues), any IP literal is accepted
//! too: a page can rebind a name, never an IP literal.
//!
//! A request that changes something (the studio's, `serve --edit`) must
//! also come from a page of the preview itself: a form on
//! another site can send one without reading the answer, with a `Host` that
//! is genuinely ours. Browsers send `Origin` with every such request, so
//! one missing or naming another origin is refused.
//!
//! Names are compared as written, lowercased, with no DNS lookup: a lookup
//! is exactly what rebinding abuses.

use std::net::IpAddr;

use hyper::Uri;
use hyper::http::uri::Authority;

use crate::language::Language;
use crate::messages::t;

/// Who the preview answers to.
#[derive(Debug, Clone)]
pub struct Addresses {
    /// The port the server really listens on.
    port: u16,
    /// Its own names, lowercased, IPv6 in brackets (as in a `Host`).
    names: Vec<String>,
    /// Bound to every interface: any IP literal is one of its addresses.
    any_ip: bool,
    /// The host of `--base-url` and its port (explicit or the scheme's).
    base: Option<(String, u16)>,
    /// The address to tell a refused browser to open.
    preview: String,
}

impl Addresses {
    /// The addresses of a server bound to `bind`:`port`, built for
    /// `base_url` when `--base-url` was given, whose pages are at `preview`.
    pub fn new(bind: IpAddr, port: u16, base_url: Option<&str>, preview: String) -> Addresses {
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .map(String::from)
            .to_vec();
        match bind {
            IpAddr::V4(a) => names.push(a.to_string()),
            IpAddr::V6(a) => names.push(format!("[{a}]")),
        }
        let base = base_url
            .and_then(|url| url.trim().parse::<Uri>().ok())
            .and_then(|uri| {
                let default = default_port(uri.scheme_str()?)?;
                let authority = uri.authority()?;
                let port = authority.port_u16().unwrap_or(default);
                Some((authority.host().to_ascii_lowercase(), port))
            });
        Addresses {
            port,
            names,
            any_ip: bind.is_unspecified(),
            base,
            preview,
        }
    }

    /// Whether `host` (a request's `Host`, or the authority of its target)
    /// names this server.
    pub fn accepts_host(&self, host: Option<&str>) -> bool {
        let Some(authority) = host.and_then(authority) else {
            return false;
        };
        let name = authority.host().to_ascii_lowercase();
        let port = authority.port_u16();
        if self.base.as_ref().is_some_and(|(b, _)| *b == name) {
            let base_port = self.base.as_ref().map(|(_, p)| *p);
            return port.is_none() || port == base_port || port == Some(self.port);
        }
        let ours = self.names.contains(&name) || (self.any_ip && is_ip_literal(&name));
        ours && port.unwrap_or(80) == self.port
    }

    /// Whether `origin` is the origin of the page at `host` (already
    /// accepted): same host, same port, `http` or `https`.
    pub fn accepts_origin(&self, origin: Option<&str>, host: Option<&str>) -> bool {
        let (Some(origin), Some(host)) = (origin, host.and_then(authority)) else {
            return false;
        };
        let Ok(uri) = origin.parse::<Uri>() else {
            return false;
        };
        let (Some(default), Some(from)) =
            (uri.scheme_str().and_then(default_port), uri.authority())
        else {
            return false;
        };
        uri.path_and_query().is_none_or(|p| p.as_str() == "/")
            && from.host().eq_ignore_ascii_case(host.host())
            && from.port_u16().unwrap_or(default) == host.port_u16().unwrap_or(default)
    }

    /// The body of the answer to a request for another `host`: what
    /// happened, and where the preview is.
    pub fn wrong_host(&self, host: Option<&str>, lang: Language) -> String {
        let host = host.map_or_else(|| t!(lang, "serve-no-host"), str::to_string);
        let mut body = t!(
            lang,
            "serve-wrong-host",
            host = host,
            preview = &self.preview,
            port = self.port
        );
        // A plain answer's body ends with a line break.
        body.push('\n');
        body
    }

    /// The body of the answer to a request that would change something,
    /// sent from `origin`, not from a page of the preview.
    pub fn wrong_origin(&self, origin: Option<&str>, lang: Language) -> String {
        let origin = origin.map_or_else(|| t!(lang, "serve-no-origin"), str::to_string);
        let mut body = t!(
            lang,
            "serve-wrong-origin",
            origin = origin,
            preview = &self.preview
        );
        // A plain answer's body ends with a line break.
        body.push('\n');
        body
    }
}

/// A `Host` as an authority: no user name, no path.
fn authority(host: &str) -> Option<Authority> {
    if host.contains('@') {
        return None;
    }
    host.parse().ok()
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme.to_ascii_lowercase().as_str() {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// `192.168.1.20` or `[fe80::1]`: an address no DNS answer stands behind.
fn is_ip_literal(name: &str) -> bool {
    let bare = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    bare.parse::<IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> Addresses {
        Addresses::new(
            "127.0.0.1".parse().unwrap(),
            1111,
            None,
            "http://127.0.0.1:1111/".into(),
        )
    }

    #[test]
    fn answers_to_its_own_names_on_its_own_port() {
        let a = loopback();
        for ok in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(a.accepts_host(Some(ok)), "{ok}");
        }
        for refused in [
            "evil.example:1111",
            "localhost:2222",
            "localhost",
            "sub.localhost:1111",
            "127.0.0.1.evil.example:1111",
            "user@localhost:1111",
            "192.168.1.20:1111",
            "",
        ] {
            assert!(!a.accepts_host(Some(refused)), "{refused}");
        }
        assert!(!a.accepts_host(None));
    }

    #[test]
    fn bound_to_every_interface_any_ip_literal_is_ours_but_no_other_name() {
        let a = Addresses::new(
            "0.0.0.0".parse().unwrap(),
            1111,
            None,
            "http://127.0.0.1:1111/".into(),
        );
        assert!(a.accepts_host(Some("192.168.1.20:1111")));
        assert!(a.accepts_host(Some("[fe80::1]:1111")));
        assert!(!a.accepts_host(Some("192.168.1.20:2222")));
        assert!(!a.accepts_host(Some("poste-12.intranet:1111")));
    }

    #[test]
    fn the_host_of_the_base_url_is_ours_on_its_port_or_the_servers() {
        let a = Addresses::new(
            "0.0.0.0".parse().unwrap(),
            1111,
            Some("https://apercu.intranet/rh/"),
            "http://127.0.0.1:1111/rh/".into(),
        );
        for ok in [
            "apercu.intranet",
            "apercu.intranet:443",
            "Apercu.Intranet:1111",
        ] {
            assert!(a.accepts_host(Some(ok)), "{ok}");
        }
        assert!(!a.accepts_host(Some("apercu.intranet:8080")));
        assert!(!a.accepts_host(Some("autre.intranet")));
    }

    #[test]
    fn a_change_comes_from_the_page_at_the_same_address() {
        let a = loopback();
        let host = Some("127.0.0.1:1111");
        assert!(a.accepts_origin(Some("http://127.0.0.1:1111"), host));
        for refused in [
            None,
            Some("null"),
            Some("http://evil.example"),
            Some("http://127.0.0.1:2222"),
            Some("http://localhost:1111"),
            Some("ftp://127.0.0.1:1111"),
            Some("http://127.0.0.1:1111/page"),
        ] {
            assert!(!a.accepts_origin(refused, host), "{refused:?}");
        }
        assert!(a.accepts_origin(Some("https://apercu.intranet"), Some("apercu.intranet")));
        assert!(!a.accepts_origin(Some("http://127.0.0.1:1111"), None));
    }
}
