"""The import graph: layers point down, no circles, no import hidden in a function.

Every `import` statement in `bot/` and `handlers/` counts, including those under
`if TYPE_CHECKING:`: a circle that only type checking sees is still a circle for
a reader. The layers, lowest first, are listed in LAYERS; the README's project
map shows the same cut.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Lowest first. A module may import its own layer or any layer below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot.core", "bot.data"),  # fact base, text, i18n, grammar records: pure
    ("bot.engine", "bot.settings"),  # the answering engine; settings
    ("bot.render", "bot.storage"),  # Block Kit and text; SQL. Neither imports the other.
    ("bot.services",),  # dependencies, delivery, admin, digest runner, the registry
    ("handlers",),  # one module per Slack surface
    ("bot.slack",),  # app factory, Slack's delivery rules, HTTP server
    ("bot.runner", "bot.console", "bot.cli", "bot.__main__", "bot"),  # entry points
)
#: Same-layer packages that must not import each other.
APART = (("bot.render", "bot.storage"),)
#: Imports allowed to point up a layer (at most one, per the layering issue).
ALLOWED_UP: frozenset[tuple[str, str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    files = [*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("handlers").rglob("*.py")]
    return {_module_name(f): f for f in files if "__pycache__" not in f.parts}


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every project import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module, child.lineno, in_function))
            visit(child, inside)

    visit(tree, False)
    return [f for f in found if f[0].split(".")[0] in ("bot", "handlers")]


def _layer(module: str) -> int:
    best, rank = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    if rank < 0:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS")
    return rank


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for target, _line, _inside in _imports(path):
            # `from bot.core import text` names a module too; keep the longest known name.
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in modules and target != name:
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_circles() -> None:
    assert _cycles(_graph()) == []


def test_no_import_hidden_inside_a_function() -> None:
    hidden = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in _modules().values()
        for target, line, inside in _imports(path)
        if inside
    ]
    assert hidden == []


def test_imports_point_down_the_layers() -> None:
    upward = []
    for name, targets in _graph().items():
        for target in targets:
            if _layer(target) > _layer(name) and (name, target) not in ALLOWED_UP:
                upward.append(f"{name} -> {target}")
            for a, b in APART:
                if {_package(name), _package(target)} == {a, b}:
                    upward.append(f"{name} -> {target} (kept apart)")
    assert sorted(upward) == []


def test_the_core_knows_nothing_of_slack_or_sql() -> None:
    core = [m for m in _modules() if m.startswith(("bot.core", "bot.engine", "bot.render"))]
    for name in core:
        tree = ast.parse(_modules()[name].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                for imported in names:
                    root = imported.split(".")[0]
                    assert root not in (
                        "slack_bolt",
                        "slack_sdk",
                        "aiosqlite",
                        "sqlite3",
                        "aiohttp",
                    ), f"{name} imports {imported}"


@pytest.mark.parametrize(
    ("importer", "imported"),
    [("bot.core.text", "bot.services.deps"), ("bot.services.deps", "handlers.commands")],
)
def test_the_check_catches_an_upward_import(importer: str, imported: str) -> None:
    """The layer check itself: an import from a lower to a higher layer is reported."""
    assert _layer(imported) > _layer(importer)


def test_the_check_catches_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]
