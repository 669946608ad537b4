"""Write what was taught from Slack back into the topic files, for review in git.

The topic files are edited as text, not re-emitted: PyYAML (the pure-Python
loader, whose marks are character offsets) says where each fact's `ask` list ends
and where its `reviewed` key is, and new lines go in there. Comments, quoting,
folded answers and blank lines stay exactly as the curators wrote them; the diff
shows only what was taught. Approved proposals are appended at the end of their
topic file by a small deterministic emitter in the same style as the originals.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from bot.core.curation import Curation, new_phrasings, proposal_fact
from bot.core.factbase import Fact, FactBase

#: Width of the folded answers and quotes the emitter writes.
WRAP = 88


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int  # character offset in the file
    end: int  # == start for an insertion
    text: str


@dataclass(frozen=True, slots=True)
class ExportSummary:
    phrasings: int
    stamps: int
    facts: int
    files: tuple[str, ...]


def merged_files(base: FactBase, curation: Curation) -> tuple[dict[str, str], ExportSummary]:
    """The topic files of `base` (the fact base on disk) with `curation` merged in.

    Returns {file name: new text} for the files that change, and what went in.
    """
    phrasings = new_phrasings(base, curation)
    stamps = _newer_stamps(base, curation)
    added = _approved_facts(base, curation)
    by_file: dict[str, list[Fact]] = {}
    for fact in base.facts:
        if fact.id in phrasings or fact.id in stamps:
            by_file.setdefault(fact.file, []).append(fact)
    out: dict[str, str] = {}
    for name, facts in by_file.items():
        path = base.root / name
        text = path.read_text(encoding="utf-8")
        edits = _edits(text, str(path), {f.id for f in facts}, phrasings, stamps)
        out[name] = _apply(text, edits)
    for fact in added:
        name = f"{fact.topic}.yaml"
        if name not in out:  # a topic of the base (check_draft), so its file exists
            out[name] = (base.root / name).read_text(encoding="utf-8")
        text = out[name]
        out[name] = text + ("" if text.endswith("\n") else "\n") + "\n" + emit_fact(fact)
    summary = ExportSummary(
        phrasings=sum(len(v) for v in phrasings.values()),
        stamps=len(stamps),
        facts=len(added),
        files=tuple(sorted(out)),
    )
    return out, summary


def _newer_stamps(base: FactBase, curation: Curation) -> dict[str, date]:
    newest: dict[str, date] = {}
    for stamp in curation.stamps:
        fact = base.fact(stamp.fact_id)
        if fact is None or (fact.reviewed is not None and fact.reviewed >= stamp.reviewed):
            continue
        newest[fact.id] = max(stamp.reviewed, newest.get(fact.id, stamp.reviewed))
    return newest


def _approved_facts(base: FactBase, curation: Curation) -> list[Fact]:
    """Approved proposals not yet in `base`, as facts, with their taught phrasings and stamps."""
    taken = {f.id for f in base.facts}
    facts = []
    for proposal in curation.approved:
        if proposal.fact_id is None or proposal.fact_id in taken:
            continue
        fact = proposal_fact(proposal, base)
        if not isinstance(fact, Fact):
            continue
        later = [t.phrasing for t in curation.phrasings if t.fact_id == fact.id]
        stamps = [s.reviewed for s in curation.stamps if s.fact_id == fact.id]
        reviewed = max([d for d in (fact.reviewed, *stamps) if d is not None], default=None)
        asks = list(fact.ask)
        for phrasing in later:
            if phrasing not in asks:
                asks.append(phrasing)
        facts.append(replace(fact, ask=tuple(asks), reviewed=reviewed))
        taken.add(fact.id)
    return facts


# ------------------------------------------------------------------ editing a topic file


def _edits(
    text: str,
    name: str,
    wanted: set[str],
    phrasings: Mapping[str, list[str]],
    stamps: Mapping[str, date],
) -> list[_Edit]:
    # The pure-Python loader: its marks count characters, which the edits need.
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.SequenceNode):
        raise ValueError(f"{name}: expected a list of facts")
    edits: list[_Edit] = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        keys = {k.value: (k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode)}
        id_node = keys.get("id", (None, None))[1]
        fact_id = id_node.value if isinstance(id_node, yaml.ScalarNode) else None
        if fact_id not in wanted:
            continue
        ask_key, ask_node = keys["ask"]
        if fact_id in phrasings and isinstance(ask_node, yaml.SequenceNode):
            edits.append(_add_items(text, ask_node, phrasings[fact_id]))
        if fact_id in stamps:
            day = stamps[fact_id].isoformat()
            if "reviewed" in keys:
                node = keys["reviewed"][1]
                edits.append(_Edit(node.start_mark.index, node.end_mark.index, day))
            else:
                line_start = text.rfind("\n", 0, ask_key.start_mark.index) + 1
                indent = " " * ask_key.start_mark.column
                edits.append(_Edit(line_start, line_start, f"{indent}reviewed: {day}\n"))
    return edits


def _add_items(text: str, seq: yaml.SequenceNode, items: Iterable[str]) -> _Edit:
    """New items at the end of a list, written the way its last item is written."""
    last = seq.value[-1]
    quoted = isinstance(last, yaml.ScalarNode) and last.style == '"'
    if seq.flow_style:  # [a, b]: before the closing bracket
        at = text.rfind("]", 0, seq.end_mark.index)
        return _Edit(at, at, "".join(", " + _scalar(i, quoted, flow=True) for i in items))
    line_start = text.rfind("\n", 0, last.start_mark.index) + 1
    prefix = text[line_start : last.start_mark.index]
    if prefix.strip() != "-":  # the item does not start its own line: indent as its dash
        prefix = " " * max(0, last.start_mark.column - 2) + "- "
    end = last.end_mark.index
    if last.end_mark.column == 0:  # a block scalar ends at the start of the next line
        at = end
    else:
        newline = text.find("\n", end)
        at = len(text) if newline < 0 else newline + 1
    lines = "".join(f"{prefix}{_scalar(i, quoted)}\n" for i in items)
    if at == len(text) and not text.endswith("\n"):
        lines = "\n" + lines
    return _Edit(at, at, lines)


def _apply(text: str, edits: list[_Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


# ------------------------------------------------------------------ emitting a fact


def emit_fact(fact: Fact) -> str:
    """One fact as a topic file holds it: keys in the usual order, long text folded."""
    lines = [
        f"- id: {fact.id}",
        f"  topic: {fact.topic}",
        f"  title: {_quoted(fact.title)}",
        *_folded("answer", fact.answer),
        *_folded("answer_fr", fact.answer_fr or ""),
        *_folded("snippet", fact.snippet),
        f"  source: {fact.source.id}",
    ]
    if fact.when is not None:
        lines.append(f"  when: {_quoted(fact.when.raw)}")
    if fact.where:
        lines.append(f"  where: {_quoted(fact.where)}")
    if fact.entities:
        lines.append(f"  entities: [{', '.join(fact.entities)}]")
    if fact.owner:
        lines.append(f"  owner: {fact.owner}")
    if fact.reviewed is not None:
        lines.append(f"  reviewed: {fact.reviewed.isoformat()}")
    lines.append("  ask:")
    lines.extend(f"    - {_quoted(q)}" for q in fact.ask)
    return "\n".join(lines) + "\n"


def _folded(key: str, text: str) -> list[str]:
    """`key: >-` and the text wrapped under it (folding joins the lines with one space)."""
    wrapped = textwrap.wrap(
        " ".join(text.split()), WRAP, break_long_words=False, break_on_hyphens=False
    )
    return [f"  {key}: >-", *("    " + line for line in wrapped)]


def _scalar(text: str, quoted: bool, *, flow: bool = False) -> str:
    """A list item: double-quoted like its neighbours, or plain when YAML reads it back as is."""
    if not quoted:
        try:
            if yaml.safe_load(f"[{text}]" if flow else f"- {text}") == [text]:
                return text
        except yaml.YAMLError:
            pass
    return _quoted(text)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes, plus any non-printable character)."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in body) + '"'


def write_export(base: FactBase, curation: Curation, target: Path) -> ExportSummary:
    """Copy the fact base at `base.root` to `target` with `curation` merged into its topic files."""
    files, summary = merged_files(base, curation)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(base.root.rglob("*")):
        relative = path.relative_to(base.root)
        if "__pycache__" in relative.parts or path.suffix == ".py" or path.is_dir():
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if str(relative) in files:
            continue
        destination.write_bytes(path.read_bytes())
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return summary
