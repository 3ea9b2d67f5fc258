"""A `Digest` as one self-contained HTML page, as an HTML fragment (the Atom entry's
content) and as plain text (the email's text part).

Escaping is not left to care: `fill` escapes every value it puts into a template unless
the value is `Safe`, and only this module's own template output is `Safe`. Links are
written only for http(s) URLs, so a `javascript:` URL in a feed becomes plain text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from string import Template
from typing import Any
from urllib.parse import urlsplit

from pantau import __version__
from pantau.digest import templates as T
from pantau.digest.build import (
    Digest,
    EventItem,
    Evidence,
    NewActor,
    PlaceItem,
    QuotedPerson,
)
from pantau.digest.strings import Strings


class Safe(str):
    """Markup pantau built itself: `fill` inserts it unescaped."""


def esc(value: object) -> Safe:
    return value if isinstance(value, Safe) else Safe(html.escape(str(value), quote=True))


def fill(template: Template, **values: object) -> Safe:
    """The template with every value escaped, except `Safe` ones."""
    return Safe(template.substitute({k: esc(v) for k, v in values.items()}))


def join(parts: Iterable[Safe], sep: str = "\n") -> Safe:
    return Safe(sep.join(esc(p) for p in parts))


def safe_url(url: str | None) -> str | None:
    """The URL when a browser may follow it (http or https with a host), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _source_link(title: str | None, url: str | None, s: Strings) -> Safe:
    text = title or url or s.get("labels.untitled")
    link = safe_url(url)
    return fill(T.LINK, url=link, text=text) if link else fill(T.TITLE, text=text)


def _words(template: str, **parts: Safe) -> Safe:
    """A sentence from the language pack with markup parts: the pack's own text is
    escaped first, then the (already safe) parts go into its {placeholders}."""
    return Safe(esc(template).format_map(parts))


# -- HTML ------------------------------------------------------------------------------


def render_html(digest: Digest, s: Strings) -> str:
    """The whole page: one file, inline CSS, nothing loaded from elsewhere."""
    return fill(
        T.PAGE,
        lang=s.lang,
        version=__version__,
        title=f"{s.get('title')}: {digest.day.isoformat()}",
        css=Safe(T.CSS),
        body=render_fragment(digest, s),
    )


def render_fragment(digest: Digest, s: Strings) -> Safe:
    """The page's body, also the Atom entry's content."""
    day = s.day(digest.day)
    if digest.empty:
        sections = fill(T.EMPTY, message=s.get("empty", date=day))
    else:
        sections = join(
            [
                _section("events", s, digest.top_events, _events, rule=True),
                _section("actors", s, digest.new_actors, _actors, rule=True),
                _section("quoted", s, digest.quoted, _quoted),
                _section("places", s, digest.places, _places),
            ]
        )
    return fill(
        T.BODY,
        title=s.get("title"),
        heading=s.get("heading", date=day),
        summary=summary_line(digest, s),
        sections=sections,
        footer=s.get(
            "footer",
            version=__version__,
            generated=digest.generated.strftime("%Y-%m-%d %H:%M UTC"),
            store=digest.store,
        ),
    )


def summary_line(digest: Digest, s: Strings) -> str:
    return s.get(
        "summary",
        articles=s.plural("articles", digest.articles),
        events=s.plural("events", digest.events),
        quotes=s.plural("quotes", digest.quotes),
    )


def _section(
    name: str, s: Strings, items: tuple[Any, ...], render: Callable[..., Safe], rule: bool = False
) -> Safe:
    content = render(items, s) if items else fill(T.NONE, text=s.get(f"sections.{name}_none"))
    return fill(
        T.SECTION,
        id=name,
        heading=s.get(f"sections.{name}"),
        rule=fill(T.RULE, text=s.get(f"sections.{name}_rule")) if rule else Safe(""),
        content=content,
    )


def event_line(item: EventItem, s: Strings) -> tuple[str, Safe]:
    """Who did what to whom, as plain text and as markup."""
    unknown = s.get("labels.unknown_actor")
    # The 3-digit base code in words ("051": praises or endorses), else its root's.
    action = s.table("cameo_codes").get(item.cameo[:3]) or s.table("cameo_roots").get(
        item.root, item.cameo_name
    )
    source_name = item.source.name or item.source.code or unknown
    parts = {
        "source": fill(
            T.ACTOR, name=source_name, code=_code(item.source.code, item.source.name)
        ),
        "action": fill(T.ACTION, action=action),
    }
    plain = {"source": _plain_actor(source_name, item.source.code), "action": action}
    key = "event_line.without_target"
    if item.target is not None:
        key = "event_line.with_target"
        target_name = item.target.name or item.target.code or unknown
        parts["target"] = fill(
            T.ACTOR, name=target_name, code=_code(item.target.code, item.target.name)
        )
        plain["target"] = _plain_actor(target_name, item.target.code)
    template = s.get(key)
    return template.format_map(plain), _words(template, **parts)


def _code(code: str | None, name: str | None) -> Safe:
    return fill(T.CODE, code=code) if code and code != name else Safe("")


def _plain_actor(name: str, code: str | None) -> str:
    return f"{name} ({code})" if code and code != name else name


def _modality_note(modalities: Iterable[str], s: Strings) -> str:
    labels = s.table("modality")
    words = [labels.get(m, m) for m in modalities]
    return ", ".join(w for w in words if w)


def _events(items: tuple[EventItem, ...], s: Strings) -> Safe:
    rows = []
    for item in items:
        _, line = event_line(item, s)
        note = _modality_note(item.modalities, s)
        evidence = [_evidence(e, s) for e in item.evidence]
        if item.articles > len(item.evidence):
            more = s.plural("labels.evidence_more", item.articles - len(item.evidence))
            evidence.append(fill(T.MORE, text=more))
        rows.append(
            fill(
                T.EVENT,
                quad=item.quad_class,
                line=line,
                quad_label=s.table("quad_class").get(str(item.quad_class), ""),
                cameo=item.cameo,
                cameo_name=item.cameo_name,
                plover=fill(T.PLOVER, plover=item.plover) if item.plover else Safe(""),
                goldstein_label=s.get("labels.goldstein"),
                goldstein=f"{item.goldstein:+.1f}",
                importance_label=s.get("labels.importance"),
                importance=f"{item.importance:.1f}",
                articles=s.plural("articles", item.articles),
                modality=f" · {note}" if note else "",
                evidence=join(evidence),
            )
        )
    return fill(T.LIST, tag="ol", cls="events", items=join(rows))


def _evidence(e: Evidence, s: Strings) -> Safe:
    start, end = e.trigger
    note = s.table("modality").get(e.modality, e.modality)
    return fill(
        T.EVIDENCE,
        source=_source_link(e.title, e.url, s),
        when=fill(T.WHEN, text=e.published[:16].replace("T", " ")) if e.published else Safe(""),
        tag=fill(T.TAG, text=note) if note else Safe(""),
        before=e.sentence[:start],
        trigger=e.sentence[start:end],
        after=e.sentence[end:],
    )


def _actors(items: tuple[NewActor, ...], s: Strings) -> Safe:
    rows = []
    for a in items:
        roles = f", {s.get('labels.roles')} {'; '.join(a.roles)}" if a.roles else ""
        rows.append(
            fill(
                T.NEW_ACTOR,
                name=a.name,
                code=_code(a.actor_code, a.name),
                type=s.table("types").get(a.type, a.type),
                roles=roles,
                articles=s.plural("articles", a.articles),
                first_seen=s.get("labels.first_seen"),
                source=_source_link(a.title, a.url, s),
            )
        )
    return fill(T.LIST, tag="ul", cls="actors", items=join(rows))


def _quoted(items: tuple[QuotedPerson, ...], s: Strings) -> Safe:
    rows = [
        fill(
            T.QUOTED,
            name=p.name,
            code=_code(p.actor_code, p.name),
            quotes=s.plural("quotes", p.quotes),
            articles=s.plural("labels.articles_in", p.articles),
            sample=f"“{p.sample}”" if p.sample_kind != "indirect" else p.sample,
            source=_source_link(p.title, p.url, s),
        )
        for p in items
    ]
    return fill(T.LIST, tag="ol", cls="quoted", items=join(rows))


def coordinates(p: PlaceItem) -> str | None:
    return f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else None


def _place_kind(p: PlaceItem, s: Strings) -> str:
    feature = s.table("features").get(p.feature or "", p.feature or "")
    return ", ".join(x for x in (feature, p.country or "") if x)


def _places(items: tuple[PlaceItem, ...], s: Strings) -> Safe:
    rows = [
        fill(
            T.PLACE,
            name=p.name,
            written=", ".join(p.written),
            kind=_place_kind(p, s),
            coords=coordinates(p) or s.get("labels.no_coordinates"),
            articles=p.articles,
        )
        for p in items
    ]
    return fill(
        T.PLACES,
        h_place=s.get("labels.place"),
        h_written=s.get("labels.written"),
        h_kind=s.get("labels.kind"),
        h_coords=s.get("labels.coordinates"),
        h_articles=s.get("labels.articles_header"),
        rows=join(rows),
    )


# -- plain text --------------------------------------------------------------------------


def render_text(digest: Digest, s: Strings) -> str:
    """The digest as plain text: the email's text part, readable in any client."""
    day = s.day(digest.day)
    lines = [s.get("heading", date=day), "=" * len(s.get("heading", date=day)), ""]
    lines.append(summary_line(digest, s))
    if digest.empty:
        lines += ["", s.get("empty", date=day)]
        return "\n".join(lines) + "\n"
    events = [_event_text(item, n, s) for n, item in enumerate(digest.top_events, 1)]
    lines += _text_section(s, "events", events)
    lines += _text_section(s, "actors", [_actor_text(a, s) for a in digest.new_actors])
    lines += _text_section(s, "quoted", [_quoted_text(p, s) for p in digest.quoted])
    lines += _text_section(s, "places", [_place_text(p, s) for p in digest.places])
    footer = s.get(
        "footer",
        version=__version__,
        generated=digest.generated.strftime("%Y-%m-%d %H:%M UTC"),
        store=digest.store,
    )
    return "\n".join([*lines, "", "-- ", footer]) + "\n"


def _text_section(s: Strings, name: str, blocks: list[str]) -> list[str]:
    heading = s.get(f"sections.{name}")
    return ["", heading, "-" * len(heading), *(blocks or [s.get(f"sections.{name}_none")])]


def _event_text(item: EventItem, n: int, s: Strings) -> str:
    line, _ = event_line(item, s)
    plover = f", PLOVER {item.plover}" if item.plover else ""
    lines = [
        f"{n}. {line}",
        f"   CAMEO {item.cameo} {item.cameo_name}{plover}; "
        f"{s.table('quad_class').get(str(item.quad_class), '')}; "
        f"{s.get('labels.goldstein')} {item.goldstein:+.1f}; {s.plural('articles', item.articles)}",
    ]
    note = _modality_note(item.modalities, s)
    if note:
        lines[-1] += f"; {note}"
    for e in item.evidence:
        where = e.title or e.url or s.get("labels.untitled")
        link = f" <{e.url}>" if safe_url(e.url) else ""
        start, end = e.trigger
        marked = f"{e.sentence[:start]}*{e.sentence[start:end]}*{e.sentence[end:]}"
        lines.append(f"   - {where}{link}")
        lines.append(f"     > {marked}")
    if item.articles > len(item.evidence):
        lines.append(f"   - {s.plural('labels.evidence_more', item.articles - len(item.evidence))}")
    return "\n".join(lines)


def _actor_text(a: NewActor, s: Strings) -> str:
    code = f" ({a.actor_code})" if a.actor_code and a.actor_code != a.name else ""
    roles = f", {s.get('labels.roles')} {'; '.join(a.roles)}" if a.roles else ""
    kind = s.table("types").get(a.type, a.type)
    return f"* {a.name}{code}: {kind}{roles}; {s.plural('articles', a.articles)}"


def _quoted_text(p: QuotedPerson, s: Strings) -> str:
    where = p.title or p.url or s.get("labels.untitled")
    return (
        f"* {p.name}: {s.plural('quotes', p.quotes)}, {s.plural('labels.articles_in', p.articles)}"
        f"\n  \"{p.sample}\" ({where})"
    )


def _place_text(p: PlaceItem, s: Strings) -> str:
    coords = coordinates(p) or s.get("labels.no_coordinates")
    kind = _place_kind(p, s)
    return f"* {p.name} ({kind}; {coords}): {s.plural('articles', p.articles)}"
