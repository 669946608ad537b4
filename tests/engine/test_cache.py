"""The index kept on disk: loaded when the fact base and the code are the same, else rebuilt."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from builders import DOGS, FILLER, make_base, make_fact

from bot.engine import Matcher, cached_index
from bot.engine.cache import KEEP, index_key
from bot.engine.index import Index
from bot.settings import Settings

QUESTION = "Who got the sniffer dogs?"
ROOT = Path(__file__).resolve().parents[2]


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("index-*.pickle"))


def test_a_second_start_loads_the_index_and_answers_the_same(tmp_path: Path) -> None:
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    built = cached_index(base, tmp_path)
    assert len(files(tmp_path)) == 1
    same = make_base(make_fact("dogs", DOGS), *FILLER)  # loaded again: equal, not the same object
    loaded = cached_index(same, tmp_path)
    assert loaded is not built and loaded.base is same and loaded.facts is same.facts
    assert Matcher(same, index=loaded).ask(QUESTION) == Matcher(base, index=built).ask(QUESTION)
    assert Matcher(same, index=loaded).ask(QUESTION).facts[0].fact is same.facts[0]


def test_a_loaded_index_makes_its_typo_table_only_when_a_word_needs_it(tmp_path: Path) -> None:
    """The cold start: a question whose words are all known never builds the typo table;
    the first typo does, and is corrected as by an index built in full (which a server
    builds at once)."""
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    built = cached_index(base, tmp_path)
    assert "deletes" in vars(built.speller)
    loaded = cached_index(base, tmp_path)
    matcher = Matcher(base, index=loaded)
    assert matcher.ask(QUESTION).answered
    assert "deletes" not in vars(loaded.speller)
    typo = "Who got the sniffer dgos?"
    assert matcher.ask(typo) == Matcher(base, index=built).ask(typo)
    assert matcher.ask(typo).answered
    assert "deletes" in vars(loaded.speller)


def test_a_changed_fact_base_never_gets_the_old_index(tmp_path: Path) -> None:
    old = make_base(make_fact("dogs", DOGS), *FILLER)
    new = make_base(make_fact("dogs", "Sniffer dogs were given to the customs service."), *FILLER)
    assert index_key(old) != index_key(new)
    cached_index(old, tmp_path)
    index = cached_index(new, tmp_path)
    assert len(files(tmp_path)) == 2
    assert Matcher(new, index=index).ask("Were the sniffer dogs given to customs?").answered


def test_a_file_others_may_write_is_not_loaded(tmp_path: Path) -> None:
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    cached_index(base, tmp_path)
    (path,) = files(tmp_path)
    os.chmod(path, 0o666)
    marker = Index(base)
    marker.n = -1  # what a tampered file would hold
    path.write_bytes(pickle.dumps(marker))
    assert cached_index(base, tmp_path).n == len(base.facts)  # rebuilt, not loaded


def test_a_broken_file_is_rebuilt_not_an_error(tmp_path: Path) -> None:
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    cached_index(base, tmp_path)
    (path,) = files(tmp_path)
    path.write_bytes(b"not a pickle")
    assert Matcher(base, index=cached_index(base, tmp_path)).ask(QUESTION).answered


def test_only_the_newest_files_are_kept(tmp_path: Path) -> None:
    for n in range(KEEP + 3):
        cached_index(make_base(make_fact(f"f{n}", f"Fact number {n} about dogs.")), tmp_path)
    assert len(files(tmp_path)) == KEEP


def test_no_cache_directory_writes_nothing(tmp_path: Path) -> None:
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    assert cached_index(base, None).base is base
    assert files(tmp_path) == []


def test_an_index_of_another_base_is_not_used() -> None:
    base = make_base(make_fact("dogs", DOGS), *FILLER)
    other = make_base(make_fact("cats", "Cats were given to the police."), *FILLER)
    assert Matcher(base, index=Index(other)).index.base is base


def test_the_cache_directory_comes_from_the_environment(tmp_path: Path) -> None:
    assert Settings.from_env({"HOME": "/home/u"}).cache_dir == Path("/home/u/.cache/factbot")
    assert Settings.from_env({"XDG_CACHE_HOME": "/c"}).cache_dir == Path("/c/factbot")
    assert Settings.from_env({"FACTBOT_CACHE_DIR": str(tmp_path)}).cache_dir == tmp_path
    assert Settings.from_env({"FACTBOT_CACHE_DIR": "off", "HOME": "/home/u"}).cache_dir is None
    assert Settings.from_env({}).cache_dir is None


def test_an_index_loaded_in_another_process_answers_as_a_built_one(tmp_path: Path) -> None:
    """String hashes are salted per process: what the index keeps must not depend on them
    (the typo corrector's table is rebuilt on loading)."""
    questions = "\n".join(
        [
            "how many prison oficials got trainned by inl in morroco",
            "wen was the bcij creatd",
            "When was the BCIJ created?",
            "quelle loi couvre la traite des etres humains ?",
        ]
    )

    def ask(cache: str, seed: str) -> str:
        env = {**os.environ, "FACTBOT_CACHE_DIR": cache, "PYTHONHASHSEED": seed}
        env.pop("FACTBOT_DB", None)
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--jsonl"],
            input=questions,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        return done.stdout

    built = ask("off", "1")
    assert ask(str(tmp_path), "2") == built  # builds and keeps the index
    assert files(tmp_path)
    assert ask(str(tmp_path), "3") == built  # loads it in a process with other hashes
