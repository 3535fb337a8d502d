"""The house rules of docs/architecture.md, read from the code itself.

Every import statement of the project's modules (tests and migrations aside) counts,
including those inside functions: an import moved into a function to dodge a cycle is
still a dependency.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
APPS = ("careerapp", "goals", "assessments", "reviews")
# Which app may import which (docs/architecture.md, "Who imports whom").
ALLOWED = {
    "careerapp": set(),
    "assessments": {"careerapp"},
    "goals": {"careerapp", "assessments"},
    "reviews": {"careerapp", "goals", "assessments"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for app in APPS:
        for path in sorted((BASE_DIR / app).rglob("*.py")):
            parts = path.relative_to(BASE_DIR).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(module: str, path: Path) -> set[str]:
    """The project modules ``module`` imports, wherever the import statement stands."""
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, path, node)
            # "from goals import services" names a module; "from goals.models import Goal"
            # names a thing in one.
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
    return targets


GRAPH = {module: _targets(module, path) for module, path in MODULES.items()}


def _app(module: str) -> str:
    return module.split(".", 1)[0]


def test_each_app_imports_only_the_apps_it_may():
    forbidden = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _app(target) != _app(module) and _app(target) not in ALLOWED[_app(module)]
    )
    assert forbidden == [], "\n".join(forbidden)


def test_no_app_imports_another_apps_views():
    found = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _app(target) != _app(module) and target.split(".")[1:2] == ["views"]
    )
    assert found == [], "\n".join(found)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_cycle_between_modules():
    # A package's __init__ re-exporting its submodules is not a cycle of logic.
    graph = {
        module: {t for t in targets if not t.startswith(f"{module}.")}
        for module, targets in GRAPH.items()
    }
    assert _cycles(graph) == []


def test_no_cycle_between_apps():
    apps: dict[str, set[str]] = defaultdict(set)
    for module, targets in GRAPH.items():
        apps[_app(module)].update(_app(t) for t in targets if _app(t) != _app(module))
    assert _cycles(dict(apps)) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, expected):
    assert _cycles(graph) == expected


def test_the_reader_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "weekly.py"
    source.write_text("def f():\n    from careerapp.tasks import send_weekly_emails\n")
    assert "careerapp.tasks" in _targets("careerapp.weekly", source)
