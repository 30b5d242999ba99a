"""The package's import graph: no cycles, and no private name used across modules.

Every import of a newsctl module counts, also those inside functions (they are how heavy
modules load lazily, and a lazy cycle is still a cycle for whoever reads the code).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cli" / "newsctl"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[tuple[str, tuple[str, ...]]]]:
    """Module -> the newsctl modules it imports, with the names it takes from each."""
    graph: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        edges: set[tuple[str, tuple[str, ...]]] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsctl"):
                names = tuple(alias.name for alias in node.names)
                # "from newsctl import api" imports the module newsctl.api
                for alias in names:
                    if f"{node.module}.{alias}" in modules:
                        edges.add((f"{node.module}.{alias}", ()))
                edges.add((node.module, names))
            elif isinstance(node, ast.Import):
                edges.update((alias.name, ()) for alias in node.names if alias.name.startswith("newsctl"))
        graph[name] = {(target, names) for target, names in edges if target != name}
    return graph


def test_no_import_cycles() -> None:
    graph = {module: {target for target, _ in edges if target != "newsctl"}
             for module, edges in _imports().items()}
    state: dict[str, int] = {}   # 1 on the stack, 2 done
    cycles: list[list[str]] = []

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, [*stack, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_no_private_names_cross_modules() -> None:
    crossing = sorted(f"{module} takes {name} from {target}"
                      for module, edges in _imports().items() for target, names in edges
                      for name in names if name.startswith("_") and not name.startswith("__"))
    assert crossing == []


def test_the_library_never_imports_the_command_line_layer() -> None:
    """typer, rich and the command line live in ``newsctl.cli`` only (the app, its options and
    guard, the pipeline that wires inputs to outputs, the writers and progress bar, the report
    tables): no module of the library (``engine``, ``io``, ``jobs``, ``cleaning``,
    ``segmenting``, ``text``) imports them."""
    def in_cli(name: str) -> bool:
        return name == "newsctl.cli" or name.startswith("newsctl.cli.") or name == "newsctl.__main__"

    library = [p for p in PACKAGE.rglob("*.py") if not in_cli(_module_name(p))]
    offenders = []
    for path in library:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for target in targets:
                if target.split(".")[0] in ("typer", "rich") or in_cli(target):
                    offenders.append(f"{_module_name(path)} imports {target}")
    assert library and offenders == []
