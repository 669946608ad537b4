"""Exporting what was taught into the topic files: only the new lines change, and it lints."""

from __future__ import annotations

import difflib
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from bot.core.curation import Curation, Proposal, ProposalDraft, ReviewStamp, TaughtPhrasing
from bot.core.export import emit_fact, write_export
from bot.core.factbase import check_factbase, load_factbase

T0 = datetime(2026, 5, 4, tzinfo=UTC)
LAWS = """\
# Laws. Format: facts/README.md.

- id: law-27-14
  topic: laws
  title: "Law 27-14 covers trafficking"
  answer: >-
    Law 27-14 makes human trafficking
    a serious crime.
  answer_fr: La loi 27-14 fait de la traite un crime grave.
  snippet: >-
    human trafficking offenses constitute a serious crime
  source: unodc
  ask:
    - "Which law covers human trafficking?"
    - Quelle loi réprime la traite ?   # plain, with a comment

# ---- the second fact
- id: courts-of-appeal
  topic: laws
  title: Courts of appeal try trafficking
  answer: Trafficking cases go to the courts of appeal.
  answer_fr: Les cours d'appel jugent la traite.
  snippet: directly handled by the courts of appeal
  source: unodc
  reviewed: 2025-01-01
  ask: [Who tries trafficking cases]
"""


def make_base(tmp_path: Path) -> Path:
    root = tmp_path / "facts"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "unodc.txt").write_text(
        "As under Law 27-14, human trafficking offenses constitute a serious crime directly "
        "handled by the courts of appeal. “Because we care” – she said.\n",
        encoding="utf-8",
    )
    (root / "sources.yaml").write_text(
        textwrap.dedent("""\
        - id: unodc
          title: A network
          publisher: UNODC
          date: 2018-10-04
          url: null
          archive: sources/unodc.txt
        """),
        encoding="utf-8",
    )
    (root / "aliases.yaml").write_text("entities: []\nsynonyms: []\n", encoding="utf-8")
    (root / "laws.yaml").write_text(LAWS, encoding="utf-8")
    (root / "base.yaml").write_text("review_every: 180\n", encoding="utf-8")
    return root


def taught(fact_id: str, text: str) -> TaughtPhrasing:
    return TaughtPhrasing(fact_id, text, "U1", T0)


PROPOSAL = Proposal(
    7,
    ProposalDraft(
        source_id="unodc",
        snippet='"Because we care" - she said.',
        answer="She said they care: a long answer that needs folding because it goes on and on "
        "past the width of one line in the topic file.",
        answer_fr="Elle a dit : « parce que nous tenons à vous ».",
        question='What did she say? "Because…"',
        topic="laws",
        when="2018-09-24..2018-09-26",
        where="Rabat: the capital",
    ),
    "UP",
    T0,
    "approved",
    "she-said-care",
    "UC",
    T0,
    date(2026, 5, 4),
)


def test_export_adds_only_the_taught_lines_and_lints_clean(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    base = load_factbase(root)
    curation = Curation(
        phrasings=(
            taught("law-27-14", "trafficking law?"),
            taught("law-27-14", 'the "TIP" law: which one'),
            taught("law-27-14", "which law covers human trafficking"),  # held already
            taught("courts-of-appeal", "which court hears trafficking"),
            taught("she-said-care", "what did she say"),
        ),
        stamps=(
            ReviewStamp("law-27-14", date(2026, 5, 1), "U1"),
            ReviewStamp("courts-of-appeal", date(2026, 5, 2), "U1"),
        ),
        approved=(PROPOSAL,),
    )
    out = tmp_path / "out"
    summary = write_export(base, curation, out)
    assert (summary.phrasings, summary.stamps, summary.facts) == (3, 2, 1)
    assert summary.files == ("laws.yaml",)
    _, problems = check_factbase(out, today=date(2026, 5, 4))
    assert [str(p) for p in problems] == []
    diff = [
        line
        for line in difflib.unified_diff(
            LAWS.splitlines(), (out / "laws.yaml").read_text().splitlines(), lineterm="", n=0
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == [
        "+  reviewed: 2026-05-01",
        "+    - trafficking law?",
        '+    - "the \\"TIP\\" law: which one"',
        "-  reviewed: 2025-01-01",
        "-  ask: [Who tries trafficking cases]",
        "+  reviewed: 2026-05-02",
        "+  ask: [Who tries trafficking cases, which court hears trafficking]",
        "+",
        "+- id: she-said-care",
        "+  topic: laws",
        '+  title: "She said they care: a long answer that needs folding because it goes on and on past the…"',
        "+  answer: >-",
        "+    She said they care: a long answer that needs folding because it goes on and on past the",
        "+    width of one line in the topic file.",
        "+  answer_fr: >-",
        "+    Elle a dit : « parce que nous tenons à vous ».",
        "+  snippet: >-",
        '+    "Because we care" - she said.',
        "+  source: unodc",
        '+  when: "2018-09-24..2018-09-26"',
        '+  where: "Rabat: the capital"',
        "+  reviewed: 2026-05-04",
        "+  ask:",
        '+    - "What did she say? \\"Because…\\""',
        '+    - "what did she say"',
    ]
    exported = load_factbase(out)
    assert exported.review_every == 180
    assert exported.by_id["law-27-14"].ask[-2:] == ("trafficking law?", 'the "TIP" law: which one')
    new = exported.by_id["she-said-care"]
    assert new.answer == PROPOSAL.draft.answer and new.where == "Rabat: the capital"
    assert new.ask == ('What did she say? "Because…"', "what did she say")
    assert new.reviewed == date(2026, 5, 4) and new.when is not None
    assert (out / "sources" / "unodc.txt").read_bytes() == (
        root / "sources" / "unodc.txt"
    ).read_bytes()
    assert (root / "laws.yaml").read_text() == LAWS  # the source base is untouched


def test_exporting_twice_changes_nothing_more(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    curation = Curation(
        phrasings=(taught("law-27-14", "trafficking law?"),),
        stamps=(ReviewStamp("courts-of-appeal", date(2026, 5, 2), "U1"),),
        approved=(PROPOSAL,),
    )
    first = write_export(load_factbase(root), curation, tmp_path / "one")
    second = write_export(load_factbase(tmp_path / "one"), curation, tmp_path / "two")
    assert first.files and second.files == ()
    assert (tmp_path / "one" / "laws.yaml").read_text() == (
        tmp_path / "two" / "laws.yaml"
    ).read_text()


def test_the_emitter_writes_what_yaml_reads_back(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    base = load_factbase(root)
    fact = base.by_id["law-27-14"]
    (item,) = yaml.safe_load(emit_fact(fact))
    assert item["answer"] == fact.answer and item["snippet"] == fact.snippet
    assert item["ask"] == list(fact.ask) and item["title"] == fact.title
