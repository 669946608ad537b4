"""A fact base written to disk for a test: one source archive, no names, one topic file."""

from __future__ import annotations

import textwrap
from pathlib import Path


def write_base(root: Path, archive: str, facts: str) -> Path:
    """`root` as a fact base folder: source `news` archived as `archive`, `facts` in laws.yaml."""
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "news.txt").write_text(archive, encoding="utf-8")
    (root / "sources.yaml").write_text(
        textwrap.dedent("""\
        - id: news
          title: News
          publisher: Tests
          date: 2020-01-01
          url: null
          archive: sources/news.txt
        """),
        encoding="utf-8",
    )
    (root / "aliases.yaml").write_text("entities: []\nsynonyms: []\n", encoding="utf-8")
    (root / "laws.yaml").write_text(facts, encoding="utf-8")
    return root
