"""`python -m bot lint`: every class of problem, named by file and line, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from bot.core.factbase import FactBaseError, check_factbase, default_facts_dir, load_factbase
from bot.engine import NAMED_SYNONYM_GROUPS

GOOD_FACT = """\
- id: law-27-14-courts
  topic: laws
  title: Trafficking cases go to the courts of appeal
  answer: Under Law 27-14, human trafficking offences are serious crimes handled by the courts of appeal.
  snippet: "As under Law 27-14, human trafficking offenses constitute a serious crime"
  source: unodc
  when: "2018-09-24..2018-09-26"
  entities: [law-27-14]
  tags: [trafficking]
  ask:
    - Which law covers human trafficking?
  answer_fr: La loi 27-14 fait de la traite des êtres humains un crime grave.
"""


#: The synonym groups the engine relies on, which `python -m bot lint` requires (but the
#: prosecutor group, which the bases below write themselves).
NAMED_GROUPS = "".join(
    f"  - {{id: {gid}, words: [{gid.replace('-', ' ')}, {gid}-word]}}\n"
    for gid in sorted(NAMED_SYNONYM_GROUPS - {"prosecutor"})
)


def make_base(
    tmp_path: Path, laws: str = GOOD_FACT, *, aliases: str | None = None, sources: str | None = None
) -> Path:
    root = tmp_path / "facts"
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "unodc.txt").write_text(
        "As under Law 27-14, human trafficking offenses constitute a serious crime directly "
        "handled by the courts of appeal. “Because we care” – she said.\n",
        encoding="utf-8",
    )
    (root / "sources.yaml").write_text(
        sources
        or textwrap.dedent("""\
        - id: unodc
          title: A network
          publisher: UNODC
          date: 2018-10-04
          url: null
          archive: sources/unodc.txt
        """),
        encoding="utf-8",
    )
    (root / "aliases.yaml").write_text(
        aliases
        or textwrap.dedent("""\
        entities:
          - id: law-27-14
            kind: law
            en: [Law 27-14]
        synonyms:
          - {id: prosecutor, words: [prosecutor, procureur]}
        """)
        + NAMED_GROUPS,
        encoding="utf-8",
    )
    (root / "laws.yaml").write_text(laws, encoding="utf-8")
    return root


def messages(root: Path) -> list[str]:
    return [str(p) for p in check_factbase(root)[1]]


def test_a_good_base_is_clean(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    base = load_factbase(root)
    assert [f.id for f in base.facts] == ["law-27-14-courts"]
    assert base.facts[0].when is not None and base.facts[0].when.precision == "day"


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    root = make_base(tmp_path, GOOD_FACT + "- id: [unclosed\n  topic: laws\n")
    problems = messages(root)
    assert len(problems) == 1
    assert problems[0].startswith("laws.yaml:14: invalid YAML")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("  tags: [trafficking]\n", "  tags: [trafficking]\n  colour: red\n"),
            "laws.yaml:10: unknown key 'colour'",
        ),
        (
            ("  title: Trafficking cases go to the courts of appeal\n", ""),
            "laws.yaml:1: missing key 'title'",
        ),
        (
            ("  tags: [trafficking]\n", "  tags: trafficking\n"),
            "laws.yaml:9: 'tags' must be a list",
        ),
        (("  answer: Under", "  answer:\n    - Under"), "laws.yaml:5: 'answer' must be text"),
        (
            ('  when: "2018-09-24..2018-09-26"\n', '  when: "2018-13"\n'),
            "laws.yaml:7: bad date '2018-13'",
        ),
        (
            ('  when: "2018-09-24..2018-09-26"\n', '  when: "2018-09-26..2018-09-24"\n'),
            "laws.yaml:7: bad date",
        ),
        (("  source: unodc\n", "  source: nowhere\n"), "laws.yaml:6: unknown source 'nowhere'"),
        (
            ("human trafficking offenses constitute", "human trafficking offences are"),
            "laws.yaml:5: snippet is not verbatim in sources/unodc.txt",
        ),
        (
            ("  entities: [law-27-14]\n", "  entities: [law-99-99]\n"),
            "laws.yaml:8: unknown entity 'law-99-99'",
        ),
        (
            ("  topic: laws\n", "  topic: trainings\n"),
            "laws.yaml:2: topic 'trainings' does not match its file 'laws.yaml'",
        ),
        (("- id: law-27-14-courts", "- id: Law 27-14"), "laws.yaml:1: id 'Law 27-14' must be"),
        (
            ("  answer: Under", "  answer: ''\n  x: Under"),
            "laws.yaml:4: 'answer' must not be empty",
        ),
    ],
)
def test_each_schema_error_is_reported_at_its_line(
    tmp_path: Path, edit: tuple[str, str], expected: str
) -> None:
    old, new = edit
    assert old in GOOD_FACT
    root = make_base(tmp_path, GOOD_FACT.replace(old, new, 1))
    problems = messages(root)
    assert any(p.startswith(expected) for p in problems), problems


def test_duplicate_ids(tmp_path: Path) -> None:
    root = make_base(tmp_path, GOOD_FACT + GOOD_FACT)
    assert messages(root) == [
        "laws.yaml:13: duplicate fact id 'law-27-14-courts' (first at laws.yaml:1)"
    ]


def test_snippet_normalises_quotes_dashes_and_spaces(tmp_path: Path) -> None:
    fact = GOOD_FACT.replace(
        'snippet: "As under Law 27-14, human trafficking offenses constitute a serious crime"',
        "snippet: '\"Because  we care\" - she said.'",
    )
    assert messages(make_base(tmp_path, fact)) == []


def test_missing_archive(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    (root / "sources" / "unodc.txt").unlink()
    assert any(
        "sources.yaml:6: archive 'sources/unodc.txt' of source 'unodc' is missing" in p
        for p in messages(root)
    )


def test_colliding_aliases(tmp_path: Path) -> None:
    aliases = textwrap.dedent("""\
        entities:
          - id: law-27-14
            kind: law
            en: [Law 27-14, TIP law]
        synonyms:
          - {id: prosecutor, words: [prosecutor, procureur]}
          - {id: trafficking, words: [trafficking, tip law]}
        """)
    problems = messages(make_base(tmp_path, aliases=aliases))
    assert problems == ["aliases.yaml:7: alias 'tip law' is already used by 'law-27-14' (line 4)"]


def test_a_top_level_that_is_not_a_list(tmp_path: Path) -> None:
    root = make_base(tmp_path, "id: lonely\n")
    assert messages(root) == ["laws.yaml:1: expected a list of facts"]


def test_load_refuses_a_broken_base(tmp_path: Path) -> None:
    root = make_base(tmp_path, GOOD_FACT.replace("  source: unodc\n", "  source: x\n"))
    with pytest.raises(FactBaseError) as info:
        load_factbase(root)
    assert "unknown source 'x'" in str(info.value)


def test_the_real_fact_base_lints_clean() -> None:
    assert [str(p) for p in check_factbase(default_facts_dir())[1]] == []


def test_lint_command_exit_codes_and_output(tmp_path: Path) -> None:
    bad = make_base(tmp_path, GOOD_FACT + "- id: [unclosed\n")
    run = subprocess.run(
        [sys.executable, "-m", "bot", "lint", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 1
    assert run.stdout.startswith("laws.yaml:")
    assert "Traceback" not in run.stderr
    good = tmp_path / "good"
    shutil.copytree(make_base(tmp_path / "g"), good)
    run = subprocess.run(
        [sys.executable, "-m", "bot", "lint", str(good)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_fact_without_its_french_line_is_refused(tmp_path: Path) -> None:
    fact = GOOD_FACT.replace(
        "  answer_fr: La loi 27-14 fait de la traite des êtres humains un crime grave.\n", ""
    )
    assert messages(make_base(tmp_path, fact)) == ["laws.yaml:1: missing key 'answer_fr'"]


def test_a_reference_to_an_unknown_institution_is_refused(tmp_path: Path) -> None:
    fact = GOOD_FACT.replace(
        "  entities: [law-27-14]\n", "  entities: [law-27-14, nowhere-bureau]\n"
    )
    assert messages(make_base(tmp_path, fact)) == [
        "laws.yaml:8: unknown entity 'nowhere-bureau' (not in aliases.yaml)"
    ]


def test_part_of_must_name_a_known_entity(tmp_path: Path) -> None:
    aliases = textwrap.dedent("""\
        entities:
          - id: law-27-14
            kind: law
            en: [Law 27-14]
            part_of: [atlantis]
        synonyms:
          - {id: prosecutor, words: [prosecutor, procureur]}
        """)
    assert messages(make_base(tmp_path, aliases=aliases)) == [
        "aliases.yaml:5: unknown entity 'atlantis' in part_of"
    ]


def test_seat_of_must_name_a_known_entity(tmp_path: Path) -> None:
    aliases = textwrap.dedent("""\
        entities:
          - id: law-27-14
            kind: law
            en: [Law 27-14]
          - id: rabat
            kind: place
            en: [Rabat]
            seat_of: [atlantis]
        synonyms:
          - {id: prosecutor, words: [prosecutor, procureur]}
        """)
    assert messages(make_base(tmp_path, aliases=aliases)) == [
        "aliases.yaml:8: unknown entity 'atlantis' in seat_of"
    ]


def test_synonym_groups_need_a_unique_id(tmp_path: Path) -> None:
    aliases = textwrap.dedent("""\
        entities:
          - id: law-27-14
            kind: law
            en: [Law 27-14]
        synonyms:
          - [prosecutor, procureur]
          - {id: judge, words: [judge, juge]}
          - {id: judge, words: [magistrate, magistrat]}
          - {words: [court, tribunal]}
        """)
    assert messages(make_base(tmp_path, aliases=aliases)) == [
        "aliases.yaml:6: expected a synonym group (a mapping of keys)",
        "aliases.yaml:8: duplicate synonym group id 'judge'",
        "aliases.yaml:9: missing key 'id'",
    ]


def test_an_undated_source_may_give_an_approximate_year(tmp_path: Path) -> None:
    sources = textwrap.dedent("""\
        - id: unodc
          title: A network
          publisher: UNODC
          date: null
          circa: 2014
          url: null
          archive: sources/unodc.txt
        """)
    base = check_factbase(make_base(tmp_path / "ok", sources=sources))
    assert base[1] == [] and base[0].sources["unodc"].circa == 2014
    dated = sources.replace("date: null", "date: 2018-10-04")
    assert messages(make_base(tmp_path / "dated", sources=dated)) == [
        "sources.yaml:5: 'circa' is for undated sources; this one has date 2018-10-04"
    ]
    both = sources.replace("circa: 2014", "circa: 2014\n  not_before: soon")
    assert messages(make_base(tmp_path / "both", sources=both)) == [
        "sources.yaml:6: 'not_before' must be a year like 2014, not 'soon'"
    ]


# ------------------------------------------------------------------ review fields


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("  owner: U0CURATOR\n  reviewed: 2026-03-01\n", None),
        ("  owner: bob\n", "laws.yaml:10: owner 'bob' must be a Slack user id"),
        ("  owner: [U0CURATOR]\n", "laws.yaml:10: 'owner' must be text, not a list"),
        ("  reviewed: 2026-03\n", "laws.yaml:10: reviewed must be one day"),
        ("  reviewed: 2026-02-30\n", "laws.yaml:10: reviewed must be one day"),
        ("  reviewed: 2026-03-01..2026-03-02\n", "laws.yaml:10: reviewed must be one day"),
        ("  reviewed: 2026-04-02\n", "laws.yaml:10: reviewed 2026-04-02 is in the future"),
    ],
)
def test_owner_and_reviewed_are_checked(tmp_path: Path, lines: str, expected: str | None) -> None:
    fact = GOOD_FACT.replace("  tags: [trafficking]\n", "  tags: [trafficking]\n" + lines)
    base, problems = check_factbase(make_base(tmp_path, fact), today=date(2026, 4, 1))
    shown = [str(p) for p in problems]
    if expected is None:
        assert shown == []
        assert base.facts[0].owner == "U0CURATOR"
        assert base.facts[0].reviewed == date(2026, 3, 1)
    else:
        assert len(shown) == 1 and shown[0].startswith(expected), shown


def test_review_every_comes_from_base_yaml_which_holds_no_facts(tmp_path: Path) -> None:
    root = make_base(tmp_path)
    assert load_factbase(root).review_every is None
    (root / "base.yaml").write_text("# how often facts are checked\nreview_every: 365\n")
    base = load_factbase(root)
    assert base.review_every == 365
    assert [f.id for f in base.facts] == ["law-27-14-courts"]
    (root / "base.yaml").write_text("review_every: a year\n")
    assert messages(root) == ["base.yaml:1: review_every must be a number of days, not 'a year'"]
    (root / "base.yaml").write_text("review_every: 30\nreviewers: [U1]\n")
    assert messages(root)[0].startswith("base.yaml:2: unknown key 'reviewers'")
