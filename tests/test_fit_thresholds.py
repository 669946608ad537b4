"""scripts/fit_thresholds.py --write: the fitted bars go into weights.py, and nothing else.

The bars are never set by hand, so the script's writing is the only way they change: it
must write each value where `Thresholds` reads it, and leave every other line (the
other constants, the comments, the bars' own comments) as it was.
"""

from __future__ import annotations

import difflib
import importlib.util
import sys
from dataclasses import astuple
from pathlib import Path
from types import ModuleType

from bot.engine.weights import Thresholds

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path, name: str) -> ModuleType:
    """The module at `path` (registered while it runs: its dataclasses look it up)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


FIT = _load(ROOT / "scripts" / "fit_thresholds.py", "fit_thresholds")


def test_write_sets_the_fitted_values_and_leaves_the_rest_of_weights_py(tmp_path: Path) -> None:
    assert FIT.WEIGHTS == ROOT / "bot" / "engine" / "weights.py"
    copy = tmp_path / "weights.py"
    before = FIT.WEIGHTS.read_text(encoding="utf-8")
    copy.write_text(before, encoding="utf-8")
    fitted = Thresholds(
        min_coverage=0.77,
        clear_lead_coverage=0.45,
        clear_lead_ratio=2.0,
        clear_lead_held=4,
        unknown_word_factor=0.55,
        sibling_lead_coverage=0.65,
        held_coverage=0.55,
    )
    assert fitted != Thresholds()  # each value differs from the one written now
    assert all(a != b for a, b in zip(astuple(fitted), astuple(Thresholds()), strict=True))

    FIT._write(fitted, copy)

    after = copy.read_text(encoding="utf-8")
    written = _load(copy, "written_weights")
    assert astuple(written.Thresholds()) == astuple(fitted)
    names = (
        "MIN_COVERAGE",
        "CLEAR_LEAD_COVERAGE",
        "CLEAR_LEAD_RATIO",
        "CLEAR_LEAD_HELD",
        "UNKNOWN_WORD_FACTOR",
        "SIBLING_LEAD_COVERAGE",
        "HELD_COVERAGE",
    )
    assert tuple(getattr(written, n) for n in names) == astuple(fitted)
    changed = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith(("- ", "+ "))
    ]
    assert len(changed) == 2 * len(names)  # each line out, the same line in
    for old, new in zip(changed[::2], changed[1::2], strict=True):
        assert old.startswith("- ") and new.startswith("+ ")
        name = old[2:].split(" = ")[0]
        assert name in names and new[2:].startswith(f"{name} = ")
        # The value changes, its comment stays.
        assert old.split("#", 1)[1] == new.split("#", 1)[1]
