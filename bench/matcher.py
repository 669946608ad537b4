"""Benchmark the matcher against plain BM25, on the real fact base and at 10,000 facts.

Why this exists: issue 2 sets speed and memory targets for the matcher (at 10,000
facts: p50 <= 1 ms and p99 <= 5 ms per question, faster than rank-bm25, peak RSS
<= 100 MB; a one-question `python -m bot ask` cold start <= 0.5 s). The real fact
base has ~170 facts, so this script also generates a realistic synthetic one: it
recombines the real facts' words and phrases, adds invented names and numbers, and
keeps the real entities and synonyms, so the vocabulary, the typo index and the
alias lexicon grow the way a bigger curated base would.

Every figure comes from the same run, side by side with two BM25 baselines over the
same texts (per fact: ask phrasings + title + answer + snippet + tags), tokenised
simply (lower case, split on non-word characters):

* bm25s (sparse matrix BM25 on numpy, the fastest Python BM25), and
* rank-bm25 (BM25Okapi, the popular pure-Python one).

The baselines only rank; factbot also corrects typos, expands aliases, stems in
two languages and decides whether to abstain. The ratios say what that costs.

Each (engine, fact base) pair runs in its own subprocess, so its peak RSS is its
own: the script resets the kernel's high-water mark (/proc/self/clear_refs) once
the fact base is in memory, then builds the index and answers every question.

    python bench/matcher.py              # full run (about 50 s on 2 cores)
    python bench/matcher.py --quick      # smaller synthetic base, fewer questions
    python bench/matcher.py --markdown   # the tables as Markdown, for docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import math
import os
import platform
import random
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Measure this checkout's engine: run as a script, Python would import `bot` from an
# installed copy (an editable install of another checkout), not from here.
sys.path.insert(0, str(ROOT))
ENGINES = ("factbot", "bm25s", "rank-bm25")
BASES = ("real", "synthetic")
COLD_QUESTION = "When was the BCIJ created?"
TOP_K = 5
WARMUP = 30

# Targets from issue 2, checked at the synthetic size.
TARGET_P50_MS = 1.0
TARGET_P99_MS = 5.0
TARGET_COLD_S = 0.5
TARGET_RSS_MB = 100.0

# ------------------------------------------------------------------ synthetic fact base

_FIRST_NAMES = (
    "Amina",
    "Youssef",
    "Karim",
    "Salma",
    "Omar",
    "Leila",
    "Hassan",
    "Nadia",
    "Rachid",
    "Fatima",
    "Mehdi",
    "Samira",
    "Driss",
    "Imane",
    "Hamid",
    "Zineb",
    "Anas",
    "Khadija",
    "Tarik",
    "Houda",
    "John",
    "Sarah",
    "Michael",
    "Emily",
    "David",
    "Laura",
    "Robert",
    "Claire",
    "Pierre",
    "Sophie",
    "Jean",
    "Camille",
    "Thomas",
    "Julie",
    "Antoine",
    "Marie",
    "James",
    "Susan",
    "Daniel",
    "Karen",
)
_SYLLABLES = (
    "ben",
    "al",
    "el",
    "ou",
    "za",
    "ra",
    "mi",
    "ka",
    "ta",
    "la",
    "na",
    "sa",
    "da",
    "ha",
    "ya",
    "fi",
    "lou",
    "mar",
    "dou",
    "bou",
    "cha",
    "ber",
    "mou",
    "tin",
    "ghi",
    "zar",
    "kes",
    "sef",
    "nou",
    "rif",
    "tam",
    "dar",
    "lem",
    "gan",
    "vor",
    "tel",
    "bri",
    "son",
    "ham",
)
_NAME_SUFFIXES = (
    "Centre",
    "Institute",
    "Initiative",
    "Programme",
    "Academy",
    "Unit",
    "Task Force",
    "Working Group",
    "Partnership",
    "Network",
)
_UNRELATED = (
    "What is the capital of Australia?",
    "How do I reset my password?",
    "Who won the football world cup in 1998?",
    "What's the weather like in Paris tomorrow?",
    "How many calories are in a banana?",
    "Can you recommend a good pizza place?",
    "What time does the cafeteria close?",
    "How do I install Python on Windows?",
    "Who wrote Hamlet?",
    "What is the speed of light?",
    "Quelle heure est-il à Tokyo ?",
    "Comment faire une tarte aux pommes ?",
    "Qui a peint la Joconde ?",
    "Quel temps fera-t-il demain ?",
    "Where can I park my car?",
    "how tall is mount everest",
    "best laptop for programming",
    "When is the next full moon?",
    "How do volcanoes form?",
    "what is the meaning of life",
    "Which planet is the largest in the solar system?",
    "Who is the CEO of Tesla?",
    "How many players are on a basketball team?",
    "Où se trouve la tour Eiffel ?",
    "Combien coûte un billet de train pour Lyon ?",
    "When did the Roman Empire fall?",
    "translate hello into spanish",
    "Is it going to rain this weekend?",
    "What is the boiling point of water?",
    "lol",
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{4,}")
_NUMBER = re.compile(r"\d+")
_FRENCH = re.compile(
    r"[éèêàùçôîœ]|\b(qu'|l'|d'|est-ce|quel|quelle|quels|quelles|le|la|les|des|du|"
    r"au|aux|une|combien|quand|comment|pourquoi|qui)\b",
    re.IGNORECASE,
)
_SIMPLE_TOKEN = re.compile(r"\w+")


class _Names:
    """Invented people, places and bodies, from a seeded generator: new rare words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def surname(self) -> str:
        parts = self.rng.randint(2, 3)
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST_NAMES)} {self.surname()}"

    def body(self) -> str:
        return f"{self.surname()} {self.rng.choice(_NAME_SUFFIXES)}"

    def code(self) -> str:
        letters = "".join(self.rng.choice("ABCDEFGHIJKLMNOPRSTUVWZ") for _ in range(3))
        return f"{letters}-{self.rng.randint(10, 999)}"

    def any(self) -> str:
        return self.rng.choice((self.person, self.body, self.body, self.code))()


class _Recombiner:
    """Varies real texts: swaps some words for others from the same field, renumbers."""

    def __init__(self, rng: random.Random, pools: dict[str, list[str]]) -> None:
        self.rng = rng
        self.pools = pools

    def vary(self, text: str, field: str, name: str | None, share: float = 0.25) -> str:
        pool = self.pools[field]

        def swap(m: re.Match[str]) -> str:
            word = m.group(0)
            if self.rng.random() >= share:
                return word
            new = self.rng.choice(pool)
            if word.isupper():
                return new.upper()
            return new.capitalize() if word[0].isupper() else new.lower()

        def renumber(m: re.Match[str]) -> str:
            digits = m.group(0)
            if len(digits) == 4 and digits[:2] in ("19", "20"):
                return str(self.rng.randint(1995, 2025))
            return str(
                self.rng.randint(
                    10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1
                )
            )

        out = _NUMBER.sub(renumber, _WORD.sub(swap, text))
        if name is not None:
            words = out.split()
            at = self.rng.randint(1 if len(words) > 1 else 0, len(words))
            words.insert(at, name)
            out = " ".join(words)
        return out


def _is_french(text: str) -> bool:
    return bool(_FRENCH.search(text))


def _pools(facts: Sequence[Any]) -> dict[str, list[str]]:
    """Word occurrences per field and language (multisets: common words stay common)."""
    pools: dict[str, list[str]] = {
        k: [] for k in ("ask", "ask_fr", "title", "answer", "answer_fr", "snippet", "tag")
    }
    for f in facts:
        for q in f.ask:
            pools["ask_fr" if _is_french(q) else "ask"].extend(_WORD.findall(q))
        pools["title"].extend(_WORD.findall(f.title))
        pools["answer"].extend(_WORD.findall(f.answer))
        pools["answer_fr"].extend(_WORD.findall(f.answer_fr or ""))
        pools["snippet"].extend(_WORD.findall(f.snippet))
        pools["tag"].extend(f.tags)
    return pools


def _random_when(rng: random.Random, precision: str) -> Any:
    from bot.core.factbase import parse_date_span

    y, m, d = rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)
    raw = {"year": f"{y}", "month": f"{y}-{m:02d}"}.get(precision, f"{y}-{m:02d}-{d:02d}")
    return parse_date_span(raw)


def synthetic_factbase(real: Any, n: int, seed: int) -> Any:
    """`n` facts made from the real ones: same shape and fields, varied words, new names."""
    from bot.core.factbase import FactBase

    rng = random.Random(seed)
    names = _Names(rng)
    recombine = _Recombiner(rng, _pools(real.facts))
    entity_ids = [e.id for e in real.entities]
    wheres = [f.where for f in real.facts if f.where]
    facts = []
    for i in range(n):
        t = rng.choice(real.facts)
        name = names.any()
        asks = tuple(
            recombine.vary(
                q, "ask_fr" if _is_french(q) else "ask", name if rng.random() < 0.5 else None
            )
            for q in t.ask
        )
        entities = list(t.entities)
        if rng.random() < 0.3:
            extra = rng.choice(entity_ids)
            if extra not in entities:
                entities.append(extra)
        tags = [tag if rng.random() < 0.6 else rng.choice(recombine.pools["tag"]) for tag in t.tags]
        tags.append(name.lower())
        where = t.where
        if where is not None and rng.random() < 0.5:
            where = rng.choice(wheres)
        facts.append(
            replace(
                t,
                id=f"synthetic-{i:05d}",
                title=recombine.vary(t.title, "title", name),
                answer=recombine.vary(t.answer, "answer", name),
                answer_fr=recombine.vary(t.answer_fr, "answer_fr", name) if t.answer_fr else None,
                snippet=recombine.vary(t.snippet, "snippet", name),
                ask=asks,
                when=_random_when(rng, t.when.precision) if t.when is not None else None,
                where=where,
                entities=tuple(entities),
                tags=tuple(dict.fromkeys(tags)),
                file="<synthetic>",
                line=i + 1,
            )
        )
    return FactBase(real.root, real.sources, tuple(facts), real.entities, real.synonyms)


# ------------------------------------------------------------------ questions


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    kind: str  # "phrasing" | "typo" | "unrelated" | "unknown-name"
    fact_id: str | None  # the fact it was written for, if any


def _typo(rng: random.Random, text: str) -> str:
    """One or two keyboard slips (drop, double, swap or replace a letter) in longer words."""
    words = text.split()
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return text
    for i in rng.sample(long_words, min(len(long_words), rng.randint(1, 2))):
        w = words[i]
        j = rng.randint(1, len(w) - 2)
        op = rng.randrange(4)
        if op == 0:
            w = w[:j] + w[j + 1 :]
        elif op == 1:
            w = w[:j] + w[j] + w[j:]
        elif op == 2:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        else:
            w = w[:j] + rng.choice("aeioustrnl") + w[j + 1 :]
        words[i] = w
    return " ".join(words)


def _unknown_name(rng: random.Random, names: _Names, text: str) -> str | None:
    """The same question about something the fact base has never heard of."""
    words = text.split()
    caps = [i for i, w in enumerate(words[1:], 1) if w[:1].isupper()]
    if not caps:
        return None
    words[rng.choice(caps)] = names.body()
    return " ".join(words)


def question_set(base: Any, seed: int, known: int, typos: int, unknown: int) -> list[Question]:
    """Curated phrasings, typo'd copies, unrelated questions and questions about unknown names.

    Same seed, same questions, in a shuffled but fixed order.
    """
    rng = random.Random(seed + 1)
    names = _Names(rng)
    pairs = [(q, f.id) for f in base.facts for q in f.ask]
    picked = pairs if len(pairs) <= known else rng.sample(pairs, known)
    out = [Question(q, "phrasing", fid) for q, fid in picked]
    out += [
        Question(_typo(rng, q), "typo", fid)
        for q, fid in rng.sample(picked, min(typos, len(picked)))
    ]
    out += [Question(q, "unrelated", None) for q in _UNRELATED]
    made = 0
    for q, _ in rng.sample(pairs, len(pairs)):
        if made >= unknown:
            break
        text = _unknown_name(rng, names, q)
        if text is not None:
            out.append(Question(text, "unknown-name", None))
            made += 1
    rng.shuffle(out)
    return out


# ------------------------------------------------------------------ engines


def doc_text(fact: Any) -> str:
    """What the BM25 baselines index for a fact."""
    return " ".join((*fact.ask, fact.title, fact.answer, fact.snippet, *fact.tags))


def simple_tokens(text: str) -> list[str]:
    return _SIMPLE_TOKEN.findall(text.lower())


Search = Callable[[str], str | None]


def build_engine(engine: str, base: Any, texts: list[str] | None) -> Search:
    """Index the base; return a function from a question to the id of the top fact.

    The baselines tokenise `texts` here, so their build time and peak memory include it,
    as factbot's include its own analysis of the facts.
    """
    ids = [f.id for f in base.facts]
    if engine == "factbot":
        from bot.engine import Matcher

        matcher = Matcher(base)

        def factbot(question: str) -> str | None:
            answer = matcher.ask(question)
            top = answer.facts or answer.suggestions
            return top[0].fact.id if top else None

        return factbot
    assert texts is not None
    import numpy as np

    if engine == "bm25s":
        import bm25s  # type: ignore[import-untyped]

        retriever = bm25s.BM25()
        retriever.index([simple_tokens(t) for t in texts], show_progress=False)
        k = min(TOP_K, len(ids))

        def bm25s_search(question: str) -> str | None:
            docs, scores = retriever.retrieve(
                [simple_tokens(question)], k=k, show_progress=False, n_threads=0
            )
            return ids[int(docs[0][0])] if scores[0][0] > 0 else None

        return bm25s_search
    if engine == "rank-bm25":
        from rank_bm25 import BM25Okapi  # type: ignore[import-untyped]

        okapi = BM25Okapi([simple_tokens(t) for t in texts])
        k = min(TOP_K, len(ids))

        def rank_bm25_search(question: str) -> str | None:
            scores = okapi.get_scores(simple_tokens(question))
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top])]
            return ids[int(top[0])] if scores[top[0]] > 0 else None

        return rank_bm25_search
    raise ValueError(f"unknown engine {engine!r}")


# ------------------------------------------------------------------ one worker


def _status_kb(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[rank - 1]


def load_base(which: str, n: int, seed: int) -> Any:
    from bot.core.factbase import default_facts_dir, load_factbase

    real = load_factbase(default_facts_dir())
    return real if which == "real" else synthetic_factbase(real, n, seed)


def worker(engine: str, which: str, n: int, seed: int, quick: bool, trace: bool) -> dict[str, Any]:
    """Build one engine on one fact base and time every question: runs in its own process."""
    base = load_base(which, n, seed)
    if which == "real":
        questions = question_set(base, seed, known=10**9, typos=400, unknown=60)
    else:
        scale = 2 if quick else 1
        questions = question_set(
            base, seed, known=800 // scale, typos=400 // scale, unknown=60 // scale
        )
    texts = [doc_text(f) for f in base.facts] if engine != "factbot" else None
    if engine != "factbot":  # import the library before the baseline: its code is not its index
        import bm25s  # noqa: F401
        import numpy  # noqa: F401
        import rank_bm25  # noqa: F401
    else:
        import bot.engine  # noqa: F401
    gc.collect()
    rss_base = _status_kb("VmRSS")
    peak_reset = _reset_peak_rss()

    t0 = time.perf_counter()
    search = build_engine(engine, base, texts)
    build_s = time.perf_counter() - t0

    for q in questions[:WARMUP]:
        search(q.text)
    latencies: list[float] = []
    hits = known = 0
    for q in questions:
        start = time.perf_counter_ns()
        top = search(q.text)
        latencies.append((time.perf_counter_ns() - start) / 1e6)
        if q.fact_id is not None:
            known += 1
            hits += top == q.fact_id
    latencies.sort()
    result = {
        "engine": engine,
        "base": which,
        "facts": len(base.facts),
        "questions": len(questions),
        "build_s": build_s,
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "mean_ms": statistics.fmean(latencies),
        "max_ms": latencies[-1],
        "rss_base_mb": rss_base / 1024,
        "rss_peak_mb": _status_kb("VmHWM") / 1024,  # since the reset, else since start
        "peak_reset": peak_reset,
        "top1": hits / known if known else None,
        "traced_mb": None,
    }
    if trace:  # Python-heap size of a fresh index; slow (tracing costs ~3x), so opt-in.
        del search
        gc.collect()
        tracemalloc.start()
        keep = build_engine(engine, base, texts)
        result["traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        del keep
    return result


# ------------------------------------------------------------------ cold start


def cold_start(runs: int, cache_dir: str) -> dict[str, float]:
    """Wall time and peak RSS of `python -m bot ask "..."`, each run a fresh process.

    `cache_dir` is FACTBOT_CACHE_DIR: a fresh folder (the warm-up run builds the index
    kept there, the measured runs load it) or "off" (every run builds the index).
    The checkout's bytecode is compiled first, as a deployed tree's is: where
    PYTHONDONTWRITEBYTECODE keeps Python from rewriting stale `.pyc` files, every run
    would compile the largest modules from source (a slower start, ~7 MB more RSS),
    and two checkouts compared would not start alike.
    """
    compileall.compile_dir(ROOT / "bot", quiet=1)
    argv = [sys.executable, "-m", "bot", "ask", COLD_QUESTION]
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    env["FACTBOT_CACHE_DIR"] = cache_dir
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
    times: list[float] = []
    rss: list[float] = []
    here = os.getcwd()
    os.chdir(ROOT)  # `-m bot` imports the `bot` of the working directory: this checkout's
    try:
        for i in range(runs + 1):  # the first run only warms the page cache (and the index)
            start = time.perf_counter()
            pid = os.posix_spawn(sys.executable, argv, env, file_actions=actions)
            _, status, usage = os.wait4(pid, 0)
            elapsed = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"{shlex.join(argv)} failed with status {status}")
            if i:
                times.append(elapsed)
                rss.append(usage.ru_maxrss / 1024)
    finally:
        os.chdir(here)
        os.close(devnull)
    return {
        "runs": runs,
        "cache": cache_dir != "off",
        "median_s": statistics.median(times),
        "min_s": min(times),
        "peak_rss_mb": max(rss),
    }


# ------------------------------------------------------------------ report


@dataclass(frozen=True, slots=True)
class Machine:
    cpus: int
    cpu: str
    python: str
    system: str
    date: str
    code: str


def code_version() -> str:
    """The commit measured, and whether the matcher or the facts differ from it (read-only)."""

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)

    head = git("rev-parse", "--short", "HEAD")
    if head.returncode != 0:
        return "unknown (not a git checkout)"
    dirty = git("diff", "--name-only", "HEAD", "--", "bot", "facts").stdout.split()
    return head.stdout.strip() + (f" + uncommitted changes to {', '.join(dirty)}" if dirty else "")


def machine() -> Machine:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return Machine(
        os.cpu_count() or 0,
        cpu,
        platform.python_version(),
        f"{platform.system()} {platform.release()}",
        date.today().isoformat(),
        code_version(),
    )


def _fmt(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def render(
    results: list[dict[str, Any]],
    cold: dict[str, float],
    mach: Machine,
    command: str,
    markdown: bool,
) -> str:
    header: tuple[str, ...] = (
        "base",
        "engine",
        "facts",
        "questions",
        "build s",
        "p50 ms",
        "p99 ms",
        "mean ms",
        "RSS before MB",
        "peak RSS MB",
        "top-1",
    )
    rows: list[tuple[str, ...]] = [
        (
            r["base"],
            r["engine"],
            str(r["facts"]),
            str(r["questions"]),
            f"{r['build_s']:.3f}",
            f"{r['p50_ms']:.3f}",
            f"{r['p99_ms']:.3f}",
            f"{r['mean_ms']:.3f}",
            f"{r['rss_base_mb']:.1f}",
            f"{r['rss_peak_mb']:.1f}",
            _fmt(r["top1"], ".1%"),
        )
        for r in results
    ]
    if any(r["traced_mb"] is not None for r in results):
        header += ("index MB (traced)",)
        rows = [row + (_fmt(r["traced_mb"], ".1f"),) for row, r in zip(rows, results, strict=True)]

    def table(head: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
        if markdown:
            lines = [
                "| " + " | ".join(head) + " |",
                "|" + "|".join("---" if i < 2 else "--:" for i in range(len(head))) + "|",
            ]
            return lines + ["| " + " | ".join(row) + " |" for row in body]
        widths = [max(len(x) for x in col) for col in zip(head, *body, strict=True)]
        fmt = "  ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
        return [fmt.format(*head), fmt.format(*("-" * w for w in widths))] + [
            fmt.format(*row) for row in body
        ]

    by = {(r["base"], r["engine"]): r for r in results}
    ratio_rows = []
    for which in BASES:
        fb = by.get((which, "factbot"))
        if fb is None:
            continue
        for other in ENGINES[1:]:
            o = by.get((which, other))
            if o is not None:
                ratio_rows.append(
                    (
                        which,
                        f"factbot / {other}",
                        f"{fb['p50_ms'] / o['p50_ms']:.2f}",
                        f"{fb['p99_ms'] / o['p99_ms']:.2f}",
                        f"{fb['build_s'] / o['build_s']:.1f}",
                    )
                )
    syn = by.get(("synthetic", "factbot"))
    checks: list[tuple[str, str, str, str]] = []
    if syn is not None:
        rank = by.get(("synthetic", "rank-bm25"))
        peak = syn["rss_peak_mb"]
        n = syn["facts"]
        checks += [
            (
                f"p50 at {n} facts",
                f"<= {TARGET_P50_MS} ms",
                f"{syn['p50_ms']:.3f} ms",
                _verdict(syn["p50_ms"] <= TARGET_P50_MS),
            ),
            (
                f"p99 at {n} facts",
                f"<= {TARGET_P99_MS} ms",
                f"{syn['p99_ms']:.3f} ms",
                _verdict(syn["p99_ms"] <= TARGET_P99_MS),
            ),
        ]
        if rank is not None:
            checks.append(
                (
                    f"faster than rank-bm25 at {n} facts",
                    "ratio < 1 (p50 and p99)",
                    f"{syn['p50_ms'] / rank['p50_ms']:.2f} / {syn['p99_ms'] / rank['p99_ms']:.2f}",
                    _verdict(syn["p50_ms"] < rank["p50_ms"] and syn["p99_ms"] < rank["p99_ms"]),
                )
            )
        checks.append(
            (
                f"peak RSS at {n} facts",
                f"<= {TARGET_RSS_MB:.0f} MB",
                f"{peak:.1f} MB",
                _verdict(peak <= TARGET_RSS_MB),
            )
        )
    if cold:
        checks.append(
            (
                "cold start, real base (index kept on disk)",
                f"<= {TARGET_COLD_S} s",
                f"{cold['median_s']:.3f} s (median)",
                _verdict(cold["median_s"] <= TARGET_COLD_S),
            )
        )
        checks.append(
            (
                "cold start, real base, first run (index built)",
                f"<= {TARGET_COLD_S} s",
                f"{cold['nocache_median_s']:.3f} s (median)",
                _verdict(cold["nocache_median_s"] <= TARGET_COLD_S),
            )
        )
        if syn is not None:
            checks.append(
                (
                    f"cold start at {syn['facts']} facts (lower bound: index build only)",
                    f"<= {TARGET_COLD_S} s",
                    f">= {syn['build_s']:.2f} s",
                    _verdict(syn["build_s"] <= TARGET_COLD_S),
                )
            )

    out = [
        f"Machine: {mach.cpus} CPUs, {mach.cpu}; Python {mach.python}; {mach.system}; {mach.date}",
        f"Code: {mach.code}",
        "",
    ]
    out += ["Per-question latency, index build and peak RSS (each engine in its own process):", ""]
    out += table(header, rows)
    out += ["", "Ratios (factbot latency / baseline latency; > 1 means factbot is slower):", ""]
    out += table(("base", "ratio", "p50", "p99", "build"), ratio_rows)
    if cold:
        out += [
            "",
            f'Cold start of `python -m bot ask "{COLD_QUESTION}"` '
            f"({cold['runs']} runs, fresh processes):",
            "",
        ]
        out += table(
            ("index", "median s", "min s", "peak RSS MB"),
            [
                (
                    "kept on disk (FACTBOT_CACHE_DIR)",
                    f"{cold['median_s']:.3f}",
                    f"{cold['min_s']:.3f}",
                    f"{cold['peak_rss_mb']:.1f}",
                ),
                (
                    "built (FACTBOT_CACHE_DIR=off)",
                    f"{cold['nocache_median_s']:.3f}",
                    f"{cold['nocache_min_s']:.3f}",
                    f"{cold['nocache_peak_rss_mb']:.1f}",
                ),
            ],
        )
    out += ["", "Targets (issue 2):", ""]
    out += table(("target", "bar", "measured", "met"), checks)
    out += ["", "Reproduce with:", "", f"    {command}"]
    return "\n".join(out)


def _verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


# ------------------------------------------------------------------ main


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python bench/matcher.py", description=__doc__.split("\n")[0])
    p.add_argument(
        "--quick",
        action="store_true",
        help="2,000 synthetic facts, half the questions, 3 cold starts (~9 s)",
    )
    p.add_argument(
        "--facts",
        type=int,
        default=None,
        help="synthetic fact base size (default 10000, or 2000 with --quick)",
    )
    p.add_argument("--seed", type=int, default=20240607, help="random seed (default %(default)s)")
    p.add_argument(
        "--cold-runs", type=int, default=None, help="cold-start runs (default 7, or 3 with --quick)"
    )
    p.add_argument(
        "--engines", default=",".join(ENGINES), help="comma-separated subset of %(default)s"
    )
    p.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also rebuild each index under tracemalloc and report its Python heap",
    )
    p.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    p.add_argument("--json", type=Path, default=None, help="also write raw results here")
    p.add_argument("--worker", nargs=2, metavar=("ENGINE", "BASE"), help=argparse.SUPPRESS)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    n = args.facts or (2000 if args.quick else 10_000)
    if args.worker:
        engine, which = args.worker
        result = worker(engine, which, n, args.seed, args.quick, args.tracemalloc)
        print(json.dumps(result))
        return 0

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        print(f"unknown engine(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    common = ["--seed", str(args.seed), "--facts", str(n)]
    common += ["--quick"] * args.quick + ["--tracemalloc"] * args.tracemalloc
    results = []
    for which in BASES:
        for engine in engines:
            print(f"... {engine} on the {which} fact base", file=sys.stderr, flush=True)
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", engine, which, *common],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    runs = args.cold_runs if args.cold_runs is not None else (3 if args.quick else 7)
    cold: dict[str, float] = {}
    if runs > 0:
        print(f"... cold start x{runs}", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="factbot-bench-cache-") as cache:
            cold = cold_start(runs, cache)
        built = cold_start(runs, "off")
        cold.update({f"nocache_{k}": v for k, v in built.items() if k not in ("runs", "cache")})

    command = "python bench/matcher.py" + "".join(f" {a}" for a in _repro_flags(args))
    mach = machine()
    print(render(results, cold, mach, command, args.markdown))
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "machine": asdict(mach),
                    "command": command,
                    "results": results,
                    "cold_start": cold,
                },
                indent=2,
            )
        )
    return 0


def _repro_flags(args: argparse.Namespace) -> list[str]:
    """The flags that change the figures (not --markdown or --json)."""
    flags = ["--quick"] if args.quick else []
    if args.facts is not None:
        flags += ["--facts", str(args.facts)]
    if args.seed != _parser().get_default("seed"):
        flags += ["--seed", str(args.seed)]
    if args.cold_runs is not None:
        flags += ["--cold-runs", str(args.cold_runs)]
    if args.engines != ",".join(ENGINES):
        flags += ["--engines", args.engines]
    if args.tracemalloc:
        flags.append("--tracemalloc")
    return flags


if __name__ == "__main__":
    sys.exit(main())
