"""The analysis data model: the output contract of DESIGN.md section 3.

Every layer is a typed pydantic model so that the JSON Schema (`pantau schema`), the
Python API and the stored rows come from one definition. All offsets are character
offsets into `Analysis.text`. Layers that a stage has not filled yet are empty lists
or null, never missing.

Additions to the DESIGN.md contract, all optional and backwards compatible with
`pantau.analysis/1`: `url`, `source`, `section`, `author`, `languages` (share of the
text per detected language, so a mixed-language page is visible) and `warnings`
(things a user should know about the input, e.g. replaced undecodable bytes); on places,
`within` (the known area whose coordinates an unknown local place takes); on events,
`sources`/`targets` (compound actors, as PLOVER's actor lists), `plover_mode`,
`plover_context`, `date_source` and the modality `demanded` (an event someone urges, not
one that happened).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "pantau.analysis/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    text: str


class Removed(_Model):
    """A piece of the input that cleaning dropped, and why (newsletter, spam, nav...)."""

    text: str
    reason: str


class LanguageShare(_Model):
    language: str = Field(description="ISO 639-1 code")
    share: float = Field(ge=0, le=1, description="share of the text's characters")


class Entity(_Model):
    id: str
    name: str = Field(description="canonical full name")
    type: Literal["PERSON", "ORG", "LOC"]
    kb_id: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    roles: list[str] = []
    actor_code: str | None = None
    mentions: list[Mention] = []


class Quote(Span):
    text: str
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None = Field(None, description="entity id")
    speaker_name: str | None = None
    cue: str | None = None


class Place(_Model):
    id: str
    name: str = Field(description="as written")
    resolved: str | None = Field(None, description="English name")
    feature: Literal["country", "admin", "city", "region", "landmark"] | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    within: str | None = Field(
        None,
        description="for a place the knowledge base lacks (a village): the id of the "
        "known area of the article it lies in, whose coordinates it takes",
    )
    mentions: list[Mention] = []


class DateExpression(Span):
    text: str
    value: str = Field(description='"2022-01-10", "2021-06" or "2014"')
    granularity: str
    relative: bool


class Actor(_Model):
    entity: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None


class Event(_Model):
    id: str
    sentence: int
    source: Actor
    target: Actor | None = None
    sources: list[Actor] = Field(
        [], description="every actor of a compound source (first = source), else empty"
    )
    targets: list[Actor] = Field(
        [], description="every actor of a compound target (first = target), else empty"
    )
    cameo: str
    root: str
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None
    quad_class: int = Field(ge=1, le=4)
    goldstein: float = Field(ge=-10, le=10)
    trigger: Mention
    place: str | None = None
    date: str | None = None
    date_source: Literal["text", "published"] | None = Field(
        None, description="where `date` comes from: the event's clause, or the publication"
    )
    modality: Literal["asserted", "negated", "future", "hypothetical", "reported", "demanded"]
    confidence: float = Field(ge=0, le=1)


class Tone(_Model):
    score: float = Field(ge=-100, le=100, description="GDELT AvgTone convention")
    positive: float
    negative: float


class Analysis(_Model):
    """One analysed document."""

    schema_: Literal["pantau.analysis/1"] = Field(SCHEMA_ID, alias="schema")
    id: str
    language: str | None = Field(description="ISO 639-1, null when undetermined")
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="where the input came from (path:line)")
    section: str | None = Field(None, description='section label such as "WORLD"')
    author: str | None = None
    text: str
    removed: list[Removed] = []
    languages: list[LanguageShare] = []
    warnings: list[str] = []
    sentences: list[Span] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    places: list[Place] = []
    dates: list[DateExpression] = []
    events: list[Event] = []
    tone: Tone | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        """The analysis as plain JSON-ready data, exactly in the contract's shape."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls.model_validate(data)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one analysis (what `pantau schema` prints)."""
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://pantau.dev/schema/analysis-1.json"
    return schema
