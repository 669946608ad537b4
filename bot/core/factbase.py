"""The curated fact base: frozen dataclasses, and a loader that checks everything.

Loading and linting are one code path: `check_factbase` returns every problem it
finds as `file:line: message`, and `load_factbase` refuses a fact base with any.
Nothing here knows about Slack or SQLite.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

import facts
from bot.core.text import fold, fold_for_quote, tokenize, word_keys

try:  # The C loader is several times faster; fall back quietly where libyaml is missing.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

SOURCES_FILE = "sources.yaml"
ALIASES_FILE = "aliases.yaml"
#: Optional settings of the whole fact base (`review_every`); not a topic file.
BASE_FILE = "base.yaml"
ENTITY_KINDS = (
    "institution",
    "programme",
    "place",
    "region",
    "country",
    "group",
    "law",
    "event",
    "person",
    "agreement",
)
_ID = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: A fact's `owner`: the Slack user id of the person who keeps it true (U... or W...).
OWNER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def default_facts_dir() -> Path:
    """The fact base shipped with the package (the repository's `facts/`)."""

    return Path(facts.__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the fact base, where a curator can find it."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class FactBaseError(Exception):
    """The fact base cannot be used; `problems` says why, file by file."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str | None
    publisher: str
    date: str | None
    url: str | None
    archive: str
    text: str = field(repr=False)
    #: For an undated source: the year it was written around (`circa`), or in or after.
    circa: int | None = None
    not_before: int | None = None

    @property
    def display_title(self) -> str:
        return self.title or "Untitled article"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A partial date or a range, as curators write it: 2015, 2015-05, 2018-09-24..2018-09-26."""

    raw: str
    start: date
    end: date
    precision: str  # "year" | "month" | "day"

    @property
    def month_day(self) -> tuple[int, int] | None:
        """(month, day) when the span is one exact day, for "on this day" lists."""
        if self.precision == "day" and self.start == self.end:
            return (self.start.month, self.start.day)
        return None


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    topic: str
    title: str
    answer: str
    snippet: str
    source: Source
    ask: tuple[str, ...]
    answer_fr: str | None = None
    when: DateSpan | None = None
    where: str | None = None
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    owner: str | None = None  # Slack user id of who keeps it true
    reviewed: date | None = None  # when a curator last checked it still holds


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    acronyms: tuple[str, ...]
    en: tuple[str, ...]
    fr: tuple[str, ...]
    part_of: tuple[str, ...] = ()
    #: A capital that may stand for its country's government ("how did Rabat react?").
    seat_of: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return self.acronyms + self.en + self.fr

    @property
    def label(self) -> str:
        full = self.en[0] if self.en else (self.fr[0] if self.fr else self.id)
        return f"{full} ({self.acronyms[0]})" if self.acronyms else full


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Words that mean the same thing (aliases.yaml `synonyms`), under an explicit id.

    The engine names a few groups by id (`bot.engine.NAMED_SYNONYM_GROUPS`); lint checks
    that each exists, so reordering or rewording a group cannot silently change answers.
    """

    id: str
    words: tuple[str, ...]

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


@dataclass(frozen=True, eq=False)
class FactBase:
    """A loaded fact base. Compared and hashed by identity, so derived indexes can be
    cached per fact base (a reload makes a new one)."""

    root: Path
    sources: Mapping[str, Source]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    synonyms: tuple[SynonymGroup, ...]
    #: Days after `reviewed` when a fact is due for review again (facts/base.yaml); None: never.
    review_every: int | None = None

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(sorted({f.topic for f in self.facts}))

    def fact(self, fact_id: str) -> Fact | None:
        return self.by_id.get(fact_id)

    @cached_property
    def by_id(self) -> Mapping[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def entity_by_id(self) -> Mapping[str, Entity]:
        return {e.id: e for e in self.entities}


# ------------------------------------------------------------------ parsing


def parse_date_span(raw: str) -> DateSpan | None:
    """Parse 2015 / 2015-05 / 2015-05-16 / A..B; None if it is not a valid date."""
    if ".." in raw:
        a, _, b = raw.partition("..")
        first, last = parse_date_span(a.strip()), parse_date_span(b.strip())
        if first is None or last is None or last.end < first.start or ".." in b:
            return None
        precision = first.precision if first.precision == last.precision else "day"
        return DateSpan(raw, first.start, last.end, precision)
    m = _DATE.match(raw.strip())
    if not m:
        return None
    y, mo, dd = int(m.group(1)), m.group(2), m.group(3)
    try:
        if dd is not None and mo is not None:
            day = date(y, int(mo), int(dd))
            return DateSpan(raw, day, day, "day")
        if mo is not None:
            month = int(mo)
            last_day = calendar.monthrange(y, month)[1]
            return DateSpan(raw, date(y, month, 1), date(y, month, last_day), "month")
        return DateSpan(raw, date(y, 1, 1), date(y, 12, 31), "year")
    except ValueError:
        return None


class _Reader:
    """Reads one YAML file into plain values while remembering each node's line."""

    def __init__(self, path: Path, root: Path, problems: list[Problem]) -> None:
        self.path = path
        self.name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        self.problems = problems

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.name, line, message))

    def compose(self) -> yaml.Node | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problems.append(Problem(self.name, 1, "file is missing"))
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(Problem(self.name, 1, f"cannot read: {exc}"))
            return None
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            what = exc.problem or exc.context or "invalid YAML"
            self.problems.append(Problem(self.name, line, f"invalid YAML: {what}"))
            return None
        except yaml.YAMLError as exc:
            self.problems.append(Problem(self.name, 1, f"invalid YAML: {exc}"))
            return None
        return node

    def items(self, node: yaml.Node | None, what: str) -> Iterator[yaml.MappingNode]:
        """The mappings of a top-level list, reporting anything else."""
        if node is None:
            return
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"expected a list of {what}")
            return
        for item in node.value:
            if isinstance(item, yaml.MappingNode):
                yield item
            else:
                self.problem(item, f"expected a {what[:-1]} (a mapping of keys)")

    def mapping(
        self, node: yaml.MappingNode, required: set[str], optional: set[str]
    ) -> dict[str, yaml.Node]:
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, "keys must be plain words")
                continue
            if key in out:
                self.problem(key_node, f"duplicate key '{key}'")
            elif key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                self.problem(key_node, f"unknown key '{key}' (allowed: {allowed})")
            else:
                out[key] = value_node
        for key in sorted(required - out.keys()):
            self.problem(node, f"missing key '{key}'")
        return out

    def text(self, node: yaml.Node | None, key: str, *, nullable: bool = False) -> str | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":null"):
                if not nullable:
                    self.problem(node, f"'{key}' must not be empty")
                return None
            if node.tag.endswith(":bool"):
                self.problem(node, f"'{key}' must be text, not {node.value!r}")
                return None
            value = " ".join(str(node.value).split())
            if not value:
                self.problem(node, f"'{key}' must not be empty")
                return None
            return value
        shape = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
        self.problem(node, f"'{key}' must be text, not a {shape}")
        return None

    def text_list(self, node: yaml.Node | None, key: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'{key}' must be a list")
            return ()
        out = []
        for item in node.value:
            value = self.text(item, key)
            if value is not None:
                out.append(value)
        return tuple(out)


_SOURCE_KEYS = {"id", "title", "publisher", "date", "url", "archive"}
_FACT_REQUIRED = {"id", "topic", "title", "answer", "answer_fr", "snippet", "source", "ask"}
_FACT_OPTIONAL = {"when", "where", "entities", "tags", "owner", "reviewed"}
_ENTITY_REQUIRED = {"id", "kind"}
_ENTITY_OPTIONAL = {"acronyms", "en", "fr", "part_of", "seat_of"}


def _check_id(reader: _Reader, node: yaml.Node | None, value: str | None) -> str | None:
    if value is not None and not _ID.match(value):
        reader.problem(node, f"id '{value}' must be lower-case words joined by '-'")
        return None
    return value


def _load_sources(root: Path, problems: list[Problem]) -> dict[str, Source]:
    reader = _Reader(root / SOURCES_FILE, root, problems)
    sources: dict[str, Source] = {}
    for item in reader.items(reader.compose(), "sources"):
        keys = reader.mapping(item, _SOURCE_KEYS, {"seed", "circa", "not_before"})
        sid = _check_id(reader, keys.get("id"), reader.text(keys.get("id"), "id"))
        publisher = reader.text(keys.get("publisher"), "publisher")
        archive = reader.text(keys.get("archive"), "archive")
        if sid is None or publisher is None or archive is None:
            continue
        if sid in sources:
            reader.problem(keys["id"], f"duplicate source id '{sid}'")
            continue
        raw_date = reader.text(keys.get("date"), "date", nullable=True)
        if raw_date is not None and parse_date_span(raw_date) is None:
            reader.problem(keys["date"], f"bad date '{raw_date}' (use 2018-10-04, 2025-02 or 2025)")
        circa, not_before = (
            _year(reader, keys.get(name), name, raw_date) for name in ("circa", "not_before")
        )
        if circa is not None and not_before is not None:
            reader.problem(keys["circa"], "give 'circa' or 'not_before', not both")
        archive_path = (root / archive).resolve()
        try:
            text = archive_path.read_text(encoding="utf-8")
        except OSError:
            reader.problem(keys["archive"], f"archive '{archive}' of source '{sid}' is missing")
            text = ""
        sources[sid] = Source(
            id=sid,
            title=reader.text(keys.get("title"), "title", nullable=True),
            publisher=publisher,
            date=raw_date,
            url=reader.text(keys.get("url"), "url", nullable=True),
            archive=archive,
            text=text,
            circa=circa,
            not_before=not_before,
        )
    return sources


def _year(reader: _Reader, node: yaml.Node | None, key: str, date: str | None) -> int | None:
    """An approximate year for an undated source ('circa: 2014', 'not_before: 2018')."""
    text = reader.text(node, key)
    if text is None:
        return None
    if date is not None:
        reader.problem(node, f"'{key}' is for undated sources; this one has date {date}")
        return None
    if not re.fullmatch(r"(19|20)\d\d", text):
        reader.problem(node, f"'{key}' must be a year like 2014, not '{text}'")
        return None
    return int(text)


def _load_aliases(
    root: Path, problems: list[Problem]
) -> tuple[tuple[Entity, ...], tuple[SynonymGroup, ...]]:
    reader = _Reader(root / ALIASES_FILE, root, problems)
    node = reader.compose()
    if node is None:
        return (), ()
    if not isinstance(node, yaml.MappingNode):
        reader.problem(node, "expected a mapping with 'entities' and 'synonyms'")
        return (), ()
    top = reader.mapping(node, set(), {"entities", "synonyms"})
    entities: list[Entity] = []
    seen_names: dict[str, tuple[str, int]] = {}

    seen_stems: dict[str, tuple[str, str, int]] = {}

    def claim(name: str, owner: str, at: yaml.Node) -> None:
        key = fold(name)
        line = at.start_mark.line + 1
        prior = seen_names.get(key)
        if prior is not None and prior[0] != owner:
            reader.problem(at, f"alias '{name}' is already used by '{prior[0]}' (line {prior[1]})")
            return
        seen_names[key] = (owner, line)
        # One-word names also collide when they stem alike ("prisoner" and "prisons"):
        # the matcher could not tell which group a question meant.
        words = tokenize(name)
        if len(words) != 1 or words[0].is_number or "-" in words[0].surface:
            return
        for stem in word_keys(words[0].surface):
            other = seen_stems.get(stem)
            if other is not None and other[0] != owner:
                reader.problem(
                    at,
                    f"alias '{name}' stems like '{other[1]}' of '{other[0]}' (line {other[2]})",
                )
                return
        for stem in word_keys(words[0].surface):
            seen_stems.setdefault(stem, (owner, name, line))

    ids: set[str] = set()
    part_of_nodes: dict[str, yaml.Node | None] = {}
    seat_of_nodes: dict[str, yaml.Node | None] = {}
    for item in reader.items(top.get("entities"), "entities"):
        keys = reader.mapping(item, _ENTITY_REQUIRED, _ENTITY_OPTIONAL)
        eid = _check_id(reader, keys.get("id"), reader.text(keys.get("id"), "id"))
        kind = reader.text(keys.get("kind"), "kind")
        if kind is not None and kind not in ENTITY_KINDS:
            reader.problem(keys["kind"], f"kind '{kind}' is not one of {', '.join(ENTITY_KINDS)}")
        if eid is None:
            continue
        if eid in ids:
            reader.problem(keys["id"], f"duplicate entity id '{eid}'")
            continue
        ids.add(eid)
        entity = Entity(
            id=eid,
            kind=kind or "institution",
            acronyms=reader.text_list(keys.get("acronyms"), "acronyms"),
            en=reader.text_list(keys.get("en"), "en"),
            fr=reader.text_list(keys.get("fr"), "fr"),
            part_of=reader.text_list(keys.get("part_of"), "part_of"),
            seat_of=reader.text_list(keys.get("seat_of"), "seat_of"),
        )
        if not entity.names:
            reader.problem(item, f"entity '{eid}' has no names")
        for name_key in ("acronyms", "en", "fr"):
            name_node = keys.get(name_key)
            if isinstance(name_node, yaml.SequenceNode):
                for name_item in name_node.value:
                    if isinstance(name_item, yaml.ScalarNode):
                        claim(str(name_item.value), eid, name_item)
        entities.append(entity)
        part_of_nodes[eid] = keys.get("part_of")
        seat_of_nodes[eid] = keys.get("seat_of")
    for entity in entities:
        for parent in entity.part_of:
            if parent not in ids:
                reader.problem(part_of_nodes[entity.id], f"unknown entity '{parent}' in part_of")
        for country in entity.seat_of:
            if country not in ids:
                reader.problem(seat_of_nodes[entity.id], f"unknown entity '{country}' in seat_of")
    groups: list[SynonymGroup] = []
    syn = top.get("synonyms")
    if syn is not None and not isinstance(syn, yaml.SequenceNode):
        reader.problem(syn, "'synonyms' must be a list of groups (id and words)")
    elif syn is not None:
        group_ids: set[str] = set()
        for group_node in reader.items(syn, "synonym groups"):
            keys = reader.mapping(group_node, {"id", "words"}, set())
            gid = _check_id(reader, keys.get("id"), reader.text(keys.get("id"), "id"))
            words = reader.text_list(keys.get("words"), "words")
            if gid is None or "words" not in keys:
                continue
            if gid in group_ids:
                reader.problem(keys["id"], f"duplicate synonym group id '{gid}'")
                continue
            group_ids.add(gid)
            if len(words) < 2:
                reader.problem(keys["words"], "a synonym group needs at least two words")
                continue
            owner = f"synonyms[{gid}]"
            for word_node in keys["words"].value:
                if isinstance(word_node, yaml.ScalarNode):
                    claim(str(word_node.value), owner, word_node)
            groups.append(SynonymGroup(gid, words))
    return tuple(entities), tuple(groups)


def topic_files(root: Path) -> list[Path]:
    """Every YAML file in the fact base that holds facts."""
    return sorted(
        p for p in root.glob("*.yaml") if p.name not in (SOURCES_FILE, ALIASES_FILE, BASE_FILE)
    )


def _load_base_settings(root: Path, problems: list[Problem]) -> int | None:
    """`review_every` from the optional facts/base.yaml: whole days, or None."""
    path = root / BASE_FILE
    if not path.exists():
        return None
    reader = _Reader(path, root, problems)
    node = reader.compose()
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        reader.problem(node, "expected a mapping such as 'review_every: 365'")
        return None
    keys = reader.mapping(node, set(), {"review_every"})
    raw = reader.text(keys.get("review_every"), "review_every")
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit() and int(raw) > 0):
        reader.problem(keys["review_every"], f"review_every must be a number of days, not {raw!r}")
        return None
    return int(raw)


def quote_problem(snippet: str, source: Source, folded_text: str | None = None) -> str | None:
    """Why `snippet` is not a verbatim quote of `source`'s archive, or None if it is.

    The linter's check (white space, quote marks, dashes and leftover tags folded),
    shared with anything else that accepts a quote, such as a proposed fact.
    `folded_text` is `fold_for_quote(source.text)` when the caller already has it.
    """
    if not source.text:
        return f"the archive of source '{source.id}' ({source.archive}) is missing or empty"
    folded = folded_text if folded_text is not None else fold_for_quote(source.text)
    if fold_for_quote(snippet) not in folded:
        return f"snippet is not verbatim in {source.archive}: {snippet[:60]!r}..."
    return None


def check_factbase(
    root: Path, *, named_groups: Collection[str] = (), today: date | None = None
) -> tuple[FactBase, list[Problem]]:
    """Load the fact base at `root`, collecting every problem instead of stopping at one.

    `named_groups`: synonym group ids some code relies on; each must exist.
    `today` is the day `reviewed` dates may not be after. By default it is the
    latest date on Earth right now (UTC+14): a curator stamping "today" in their
    time zone is never told it is in the future by a server elsewhere.
    """
    root = root.resolve()
    today = today or (datetime.now(UTC) + timedelta(hours=14)).date()
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(str(root), 1, "fact base folder does not exist"))
        return FactBase(root, {}, (), (), ()), problems
    sources = _load_sources(root, problems)
    entities, synonyms = _load_aliases(root, problems)
    defined = {g.id for g in synonyms}
    for gid in sorted(set(named_groups) - defined):
        problems.append(
            Problem(
                ALIASES_FILE,
                1,
                f"the answering engine relies on synonym group '{gid}', "
                "which `synonyms` does not define",
            )
        )
    review_every = _load_base_settings(root, problems)
    entity_ids = {e.id for e in entities}
    quote_texts = {sid: fold_for_quote(s.text) for sid, s in sources.items()}
    facts: list[Fact] = []
    first_seen: dict[str, str] = {}
    files = topic_files(root)
    if not files:
        problems.append(Problem(str(root), 1, "no topic files (*.yaml) with facts"))
    for path in files:
        reader = _Reader(path, root, problems)
        for item in reader.items(reader.compose(), "facts"):
            fact = _read_fact(reader, item, path.stem, sources, quote_texts, entity_ids, today)
            if fact is None:
                continue
            where = f"{fact.file}:{fact.line}"
            if fact.id in first_seen:
                reader.problem(
                    item, f"duplicate fact id '{fact.id}' (first at {first_seen[fact.id]})"
                )
                continue
            first_seen[fact.id] = where
            facts.append(fact)
    return FactBase(root, sources, tuple(facts), entities, synonyms, review_every), problems


def _read_fact(
    reader: _Reader,
    item: yaml.MappingNode,
    stem: str,
    sources: Mapping[str, Source],
    quote_texts: Mapping[str, str],
    entity_ids: set[str],
    today: date,
) -> Fact | None:
    before = len(reader.problems)
    keys = reader.mapping(item, _FACT_REQUIRED, _FACT_OPTIONAL)
    fid = _check_id(reader, keys.get("id"), reader.text(keys.get("id"), "id"))
    topic = reader.text(keys.get("topic"), "topic")
    if topic is not None and topic != stem:
        reader.problem(keys["topic"], f"topic '{topic}' does not match its file '{stem}.yaml'")
    title = reader.text(keys.get("title"), "title")
    answer = reader.text(keys.get("answer"), "answer")
    snippet = reader.text(keys.get("snippet"), "snippet")
    source_id = reader.text(keys.get("source"), "source")
    source = sources.get(source_id) if source_id else None
    if source_id is not None and source is None:
        reader.problem(keys["source"], f"unknown source '{source_id}' (not in {SOURCES_FILE})")
    if snippet is not None and source is not None and source.text:
        not_verbatim = quote_problem(snippet, source, quote_texts[source.id])
        if not_verbatim is not None:
            reader.problem(keys["snippet"], not_verbatim)
    ask = reader.text_list(keys.get("ask"), "ask")
    if "ask" in keys and not ask:
        reader.problem(keys["ask"], "'ask' needs at least one example question")
    when: DateSpan | None = None
    raw_when = reader.text(keys.get("when"), "when")
    if raw_when is not None:
        when = parse_date_span(raw_when)
        if when is None:
            reader.problem(
                keys["when"], f"bad date '{raw_when}' (use 2015, 2015-05, 2015-05-16 or A..B)"
            )
    entities = reader.text_list(keys.get("entities"), "entities")
    for eid in entities:
        if eid not in entity_ids:
            reader.problem(keys["entities"], f"unknown entity '{eid}' (not in {ALIASES_FILE})")
    owner = reader.text(keys.get("owner"), "owner")
    if owner is not None and not OWNER_ID.match(owner):
        reader.problem(keys["owner"], f"owner '{owner}' must be a Slack user id such as U0123ABCD")
    reviewed = _reviewed(reader, keys.get("reviewed"), today)
    if len(reader.problems) > before:
        return None
    assert fid and topic and title and answer and snippet and source
    return Fact(
        id=fid,
        topic=topic,
        title=title,
        answer=answer,
        snippet=snippet,
        source=source,
        ask=ask,
        answer_fr=reader.text(keys.get("answer_fr"), "answer_fr"),
        when=when,
        where=reader.text(keys.get("where"), "where"),
        entities=entities,
        tags=tuple(t.lower() for t in reader.text_list(keys.get("tags"), "tags")),
        file=reader.name,
        line=item.start_mark.line + 1,
        owner=owner,
        reviewed=reviewed,
    )


def _reviewed(reader: _Reader, node: yaml.Node | None, today: date) -> date | None:
    """A fact's `reviewed` day: one exact day (2026-03-01), never after `today`."""
    raw = reader.text(node, "reviewed")
    if raw is None:
        return None
    span = parse_date_span(raw)
    if span is None or span.precision != "day" or span.start != span.end:
        reader.problem(node, f"reviewed must be one day such as 2026-03-01, not {raw!r}")
        return None
    if span.start > today:
        reader.problem(node, f"reviewed {raw} is in the future")
        return None
    return span.start


def load_factbase(root: Path, *, named_groups: Collection[str] = ()) -> FactBase:
    """Load a fact base that lints clean, or raise FactBaseError with every problem."""
    base, problems = check_factbase(root, named_groups=named_groups)
    if problems:
        raise FactBaseError(problems)
    return base
