"""Fetching a URL on a user's behalf, without becoming a way into the server's network.

A server that fetches any URL it is given can be made to read its own loopback
services, the cloud metadata endpoint (169.254.169.254) or the private network behind
it. So every hop is checked before it is made: the host is resolved, and when any of
its addresses is not a public one (private, loopback, link-local, shared, reserved,
multicast...) the fetch is refused, unless the policy allows private addresses or that
network. The connection then goes to the address that was checked (the URL's host is
kept for the Host header and TLS), so a DNS answer that changes between the check and
the connection cannot slip past it. Redirects are followed by hand, at most
`max_redirects`, each one checked the same way; the whole fetch has one deadline and a
size cap, and proxies from the environment are ignored (a proxy would connect for us).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from pantau.errors import InputError, PantauError

if TYPE_CHECKING:
    import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "pantau (+https://pantau.dev)"
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pantau-resolve")


class FetchError(PantauError):
    """The URL could not be fetched (unreachable, error status, too large, not text)."""


class FetchRefused(FetchError):
    """The URL is not one pantau fetches (its address, scheme or credentials)."""


class FetchTimeout(FetchError):
    """The fetch did not finish in time."""


class FetchUnavailable(PantauError):
    """This installation cannot fetch URLs (httpx is missing)."""


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    """Fetch from non-public addresses too (a trusted network, or tests)."""
    allowed_networks: tuple[str, ...] = ()
    """Networks (CIDR) fetched from although not public, e.g. an intranet news site."""
    timeout: float = 10.0
    """Seconds for the whole fetch, redirects included."""
    max_redirects: int = 3
    max_bytes: int = 10_000_000

    def networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [ipaddress.ip_network(n, strict=False) for n in self.allowed_networks]


@dataclass(frozen=True)
class FetchedPage:
    url: str
    """Where the page came from, after redirects."""
    text: str
    html: bool
    warnings: list[str] = field(default_factory=list)


def address_refusal(ip: IPAddress, policy: FetchPolicy) -> str | None:
    """Why `ip` may not be fetched from, or None when it may."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if policy.allow_private or any(ip in net for net in policy.networks()):
        return None
    if ip.is_global and not ip.is_multicast:
        return None
    for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"{ip} is a {kind.replace('_', '-')} address"
    return f"{ip} is not a public address"


def resolve(host: str, port: int, timeout: float) -> list[IPAddress]:
    """Every address `host` resolves to (an IP literal is itself), within `timeout`."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    lookup = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = lookup.result(timeout=max(timeout, 0.01))
    except FutureTimeout:
        raise FetchTimeout(f"resolving {host} took longer than {timeout:.1f} s") from None
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    return addresses


@dataclass(frozen=True)
class _Hop:
    """A checked request: the URL to connect to (the address) and the headers that
    keep the original host."""

    url: str
    host_header: str
    tls_name: str | None


def check_url(url: str, policy: FetchPolicy, timeout: float) -> _Hop:
    """Refuse what may not be fetched; else the hop to make, pinned to a checked address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {url!r}")
    if parts.username or parts.password:
        raise FetchRefused("URLs with credentials are not fetched")
    host = parts.hostname
    if not host:
        raise FetchRefused(f"no host in {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(f"bad port in {url!r}") from None
    addresses = resolve(host, port, timeout)
    for ip in addresses:
        reason = address_refusal(ip, policy)
        if reason:
            raise FetchRefused(f"refused to fetch {host}: {reason}")
    ip = addresses[0]
    literal = f"[{ip}]" if ip.version == 6 else str(ip)
    default_port = port == (443 if parts.scheme == "https" else 80)
    netloc = literal if default_port else f"{literal}:{port}"
    host_header = parts.netloc.rsplit("@", 1)[-1]
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    return _Hop(pinned, host_header, host if parts.scheme == "https" else None)


def fetch_url(url: str, policy: FetchPolicy | None = None) -> FetchedPage:
    """The text or HTML page at `url`, fetched under `policy` (see the module)."""
    try:
        import httpx
    except ImportError:
        raise FetchUnavailable("fetching URLs needs httpx: pip install httpx") from None
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.timeout
    current = url.strip()
    for _ in range(policy.max_redirects + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(f"fetching {url} took longer than {policy.timeout:.1f} s")
        hop = check_url(current, policy, remaining)
        remaining = deadline - time.monotonic()
        extensions = {"sni_hostname": hop.tls_name} if hop.tls_name else {}
        headers = {"Host": hop.host_header, "User-Agent": USER_AGENT, "Accept": "text/html,*/*"}
        try:
            with (
                httpx.Client(trust_env=False, timeout=max(remaining, 0.01)) as client,
                client.stream("GET", hop.url, headers=headers, extensions=extensions) as response,
            ):
                if response.status_code in REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"{current} answered HTTP {response.status_code}")
                content_type = response.headers.get("content-type", "").split(";")[0].strip()
                if content_type and content_type.lower() not in TEXT_TYPES:
                    raise FetchError(f"{current} is {content_type}, not a text or HTML page")
                data = _read(response, policy.max_bytes, deadline, current)
                charset = response.charset_encoding
        except httpx.TimeoutException:
            raise FetchTimeout(f"fetching {url} took longer than {policy.timeout:.1f} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {current}: {exc}") from None
        return _page(current, data, content_type, charset)
    raise FetchError(f"more than {policy.max_redirects} redirects from {url}")


def _read(response: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    length = response.headers.get("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url} is {int(length):,} bytes, over the limit of {max_bytes:,}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} is over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchTimeout(f"fetching {url} took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def _page(url: str, data: bytes, content_type: str, charset: str | None) -> FetchedPage:
    from pantau.ingest.decode import check_text, decode_bytes
    from pantau.ingest.html import looks_like_html

    warnings: list[str] = []
    text: str | None = None
    if charset:
        try:
            text = check_text(data.decode(charset), url)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, warnings = decode_bytes(data, url)
    if not text.strip():
        raise InputError(f"{url}: empty page")
    is_html = content_type.lower() in ("text/html", "application/xhtml+xml") or (
        content_type.lower() != "text/plain" and looks_like_html(text)
    )
    return FetchedPage(url=url, text=text, html=is_html, warnings=warnings)
