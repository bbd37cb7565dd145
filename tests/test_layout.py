"""The layout issue 19 asks for, checked: what the web app loads, what bench/ imports, no import
cycles, one home for the Vietnam time zone, and docs/ARCHITECTURE.md naming modules that exist."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(code: str, tmp_path: Path) -> list[str]:
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


def test_create_app_loads_neither_scrapy_nor_the_crawler(tmp_path: Path) -> None:
    """The web layer's app must not pay for Scrapy (about a second) nor depend on crawler/."""
    out = _run(
        "import sys; from web import create_app; create_app(); "
        "print('scrapy' in sys.modules, any(m.startswith('crawler') for m in sys.modules))",
        tmp_path,
    )
    assert out == ["False", "False"]


def test_pages_that_list_outlets_do_not_load_scrapy(tmp_path: Path) -> None:
    """The outlet names the search page and the admin's outlet page show come from the registry
    (YAML + dataclasses) through the composition root: reading them must not pull in Scrapy."""
    out = _run(
        "import sys; from presswatch.app import create_app; app = create_app()\n"
        "from web import services; from web.admin.outlets import registry_outlets\n"
        "with app.app_context():\n"
        "    names = services.outlet_names(); rows = registry_outlets()\n"
        "print(len(names) > 50, len(rows) > 50, 'scrapy' in sys.modules)",
        tmp_path,
    )
    assert out == ["True", "True", "False"]


def test_the_presswatch_command_loads_no_file_writer_nor_the_elasticsearch_client(tmp_path: Path) -> None:
    """Every `presswatch` command builds the app (a Flask CLI group); on the embedded index it must not
    load the report file writers (matplotlib, fpdf2, python-docx, openpyxl) nor the Elasticsearch
    client (with aiohttp): together about 2.5 s of CPU at each start, paid by cron jobs and by
    every CLI test. They load when a file is made or a node is asked."""
    heavy = ("matplotlib", "fpdf", "docx", "openpyxl", "elasticsearch", "aiohttp")
    out = _run(
        "import sys; from presswatch.cli import main; from presswatch.app import create_app; create_app()\n"
        f"print(*[m for m in {heavy!r} if m in sys.modules] or ['none'])",
        tmp_path,
    )
    assert out == ["none"]


# --- the import graph, from the source (ast), top-level imports only ---------------------------

PACKAGES = ("crawler", "search", "web", "presswatch", "devtools")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    return {
        _module_name(path): path for package in packages for path in sorted((REPO / package).rglob("*.py"))
    }


def _imports(name: str, path: Path, known: set[str], *, deferred: bool) -> set[str]:
    """The project modules ``name`` imports when it is imported: module-level statements (also
    inside a top-level ``try``/``if``). With ``deferred``, also the imports inside functions and
    ``if TYPE_CHECKING:`` blocks (dependencies all the same, only postponed)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def add(node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            return
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - node.level + 1]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            add(node)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) and not deferred:
            return
        elif (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
            and not deferred
        ):
            for child in node.orelse:
                visit(child)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {module for module in found if module in known and module != name}


def _import_graph(packages: tuple[str, ...] = PACKAGES, *, deferred: bool = False) -> dict[str, set[str]]:
    modules = _modules(packages)
    return {name: _imports(name, path, set(modules), deferred=deferred) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
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
            connect(node)
    return found


def _imports_of(package: str) -> dict[str, set[str]]:
    """Every project module each module of ``package`` imports, deferred imports included."""
    graph = _import_graph(deferred=True)
    return {name: targets for name, targets in graph.items() if name.split(".")[0] == package}


def test_the_layers_import_neither_the_composition_root_nor_a_layer_above() -> None:
    """Data flows crawler → search → web; presswatch/ wires them and nothing imports it. Read from
    the source (any import, also inside a function or under TYPE_CHECKING), so no lazy import
    hides a dependency."""
    above = {
        "crawler": {"web", "presswatch"},
        "search": {"crawler", "web", "presswatch"},
        "web": {"crawler", "presswatch"},
    }
    offenders = sorted(
        f"{name} → {target}"
        for package, banned in above.items()
        for name, targets in _imports_of(package).items()
        for target in targets
        if target.split(".")[0] in banned
    )
    assert offenders == []


def test_the_graph_finds_a_cycle() -> None:
    """The checker itself: a two-module cycle and a three-module one are found, a chain is not."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": set()}) == [["a", "b"]]
    assert _cycles({"x": {"y"}, "y": {"z"}, "z": {"x"}}) == [["x", "y", "z"]]


def test_no_import_cycles_among_the_project_modules() -> None:
    """No two modules import each other when they are imported. A package's __init__ importing
    its submodules is not a cycle: submodules are not counted as importing their parent."""
    assert _cycles(_import_graph()) == []


# Imports postponed into a function or an ``if TYPE_CHECKING:`` block that close a cycle, left
# while other work changes these modules (the digest's alerts ↔ runner, the sample press's
# faults ↔ server and the registry ↔ succession were such cycles and are gone). No new ones.
KNOWN_DEFERRED_BACK_EDGES = {
    ("web.db", "web.basket"),  # the app database's schema setup reads the basket's SCHEMA
    ("crawler.succession", "crawler.registry"),  # annotations only (Outlet)
}


def test_no_new_cycles_through_deferred_imports() -> None:
    graph = _import_graph(deferred=True)
    for source, target in KNOWN_DEFERRED_BACK_EDGES:
        graph[source].discard(target)
    assert _cycles(graph) == []


def test_no_module_loads_a_sibling_through_importlib() -> None:
    """Modules import their siblings with import statements, so readers (and tools) see them."""
    # devtools.analysis_ab times two checkouts of the same modules in one process: it must load
    # them by name from each checkout's path, which an import statement cannot do.
    loads_other_checkouts = {"devtools.analysis_ab"}
    offenders = [
        name
        for name, path in _modules().items()
        if name not in loads_other_checkouts
        and "importlib.import_module" in path.read_text(encoding="utf-8")
        or "inspect.getmodule" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_bench_imports_no_test_module() -> None:
    """bench/ uses devtools/ (or itself), never tests/: a benchmark must not depend on the suite."""
    offenders = []
    for path in sorted((REPO / "bench").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n == "tests" or n.startswith("tests.")]
    assert offenders == []


def test_devtools_is_not_shipped() -> None:
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    shipped = find_packages(str(REPO), include=config["include"], exclude=config.get("exclude", ()))
    assert {"crawler", "search", "web"} <= set(shipped)
    assert not [name for name in shipped if name.split(".")[0] in ("devtools", "tests", "bench")]


def test_the_vietnam_time_zone_is_named_once() -> None:
    """search/config.py names it (``TIME_ZONE``, ``LOCAL_TZ``); every other module imports it."""
    names = {"Asia/Ho_Chi_Minh", "Asia/Saigon"}
    found = []
    for package in (*PACKAGES, "bench"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                named = isinstance(node, ast.Constant) and node.value in names
                fixed_offset = (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", "") == "timezone"
                    and "hours=7" in ast.unparse(node)
                )
                if named or fixed_offset:
                    found.append(str(path.relative_to(REPO)))
    assert found == ["search/config.py"]
    from search.config import LOCAL_TZ, TIME_ZONE

    assert str(LOCAL_TZ) == TIME_ZONE == "Asia/Ho_Chi_Minh"


# --- settings: one module reads the environment ------------------------------------------------


def _environment_reads(tree: ast.AST) -> list[tuple[int, str]]:
    """``os.environ.get(X)``, ``os.getenv(X)``, ``os.environ[X]`` where X is a PRESSWATCH_ name or
    not a constant (a name built at run time may be one). Copying the environment for a child
    process (``{**os.environ, ...}``) is not reading a setting."""
    found = []
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.Call) and node.args:
            func = ast.unparse(node.func)
            if func in ("os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.pop"):
                target = node.args[0]
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and ast.unparse(node.value) in ("os.environ", "environ")
        ):
            target = node.slice
        if target is None:
            continue
        constant = isinstance(target, ast.Constant) and isinstance(target.value, str)
        if not constant or target.value.startswith("PRESSWATCH_"):
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_checker_finds_environment_reads() -> None:
    code = (
        'import os\nos.environ.get("PRESSWATCH_X")\nos.getenv("PRESSWATCH_Y", "1")\n'
        'os.environ["PRESSWATCH_Z"]\nos.environ.get(name)\nos.environ.get("PATH")\n'
        'env = {**os.environ, "PRESSWATCH_DATA_DIR": "x"}\n'
    )
    assert [line for line, _text in _environment_reads(ast.parse(code))] == [2, 3, 4, 5]


def test_only_the_settings_module_reads_presswatch_variables() -> None:
    """search/config.py reads the environment into ``Settings``; everyone else asks ``settings()``."""
    offenders = [
        f"{path.relative_to(REPO)}:{line}: {text}"
        for package in ("crawler", "search", "web", "presswatch")
        for path in sorted((REPO / package).rglob("*.py"))
        if path != REPO / "search" / "config.py"
        for line, text in _environment_reads(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []


# --- docs/ARCHITECTURE.md matches the code -------------------------------------------------------

LAYOUT_PACKAGES = ("crawler", "search", "web", "presswatch", "devtools")


def _architecture_paths() -> set[str]:
    """The module and folder paths docs/ARCHITECTURE.md names in backticks: repository paths
    (``crawler/items.py``), and in a package's table (``## web/ — …``) paths relative to it — the
    first cell's, and in the other cells bare names inside the folder the first cell names
    (``discovery/`` … ``feeds.py``)."""
    import re

    section, named = None, set()
    for line in (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            match = re.match(r"## (\w+)/ ", line)
            section = match.group(1) if match and match.group(1) in LAYOUT_PACKAGES else None
            if section:
                named.add(section)
            continue
        cells = line.strip().strip("|").split("|") if line.startswith("| ") and section else [line]
        folder = ""
        for number, cell in enumerate(cells):
            for token in re.findall(r"`([\w./]+)`", cell):
                if not token.endswith((".py", "/")):
                    continue
                if token.split("/")[0] in LAYOUT_PACKAGES:
                    path = token
                elif section and number == 0:
                    path = f"{section}/{token}"
                    folder = folder or (path if token.endswith("/") else "")
                elif section and "/" not in token.rstrip("/"):
                    path = f"{folder or section + '/'}{token}"
                elif section:
                    path = f"{section}/{token}"
                else:
                    continue  # a bare name outside a package's section: which package is not said
                named.add(path.rstrip("/"))
    return named


def test_architecture_names_only_modules_that_exist() -> None:
    missing = sorted(path for path in _architecture_paths() if not (REPO / path).exists())
    assert missing == []


def test_architecture_names_every_package() -> None:
    named = _architecture_paths()
    packages = sorted(
        str(init.parent.relative_to(REPO))
        for top in LAYOUT_PACKAGES
        for init in (REPO / top).rglob("__init__.py")
    )
    unnamed = [
        package
        for package in packages
        if not any(path == package or path.startswith(package + "/") for path in named)
    ]
    assert unnamed == []


def test_blueprints_follow_one_naming_rule() -> None:
    """``bp = Blueprint("<feature>", __name__, …)``: the module's name, its package's for
    ``views.py``/``blueprint.py``, without a ``_views`` suffix (docs/ARCHITECTURE.md)."""
    found, wrong = 0, []
    for path in sorted((REPO / "web").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Blueprint"):
                continue
            found += 1
            stem = path.parent.name if path.stem in ("views", "blueprint", "__init__") else path.stem
            expected = stem.removesuffix("_views")
            name = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
            if name != expected:
                wrong.append(f"{path.relative_to(REPO)}: {name!r}, expected {expected!r}")
    assert found >= 10 and wrong == []


def test_crawl_state_is_reached_through_the_crawler() -> None:
    """Scrapy components get the run's crawl state from the crawler their ``from_crawler`` was
    given (``crawler.extensions.crawl_state``), not from an attribute hung on the spider."""
    hung = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "crawler").rglob("*.py"))
        if "state_store" in path.read_text(encoding="utf-8")
    ]
    assert hung == []


def test_the_data_folders_files_are_named_once() -> None:
    """search/config.py names every file of the data folder (``*_FILE``); backups and owners
    import the names, so a new file cannot be forgotten by one of them."""
    found = []
    for package in ("crawler", "search", "web", "presswatch"):
        for path in sorted((REPO / package).rglob("*.py")):
            if path == REPO / "search" / "config.py" or "sample_press" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and node.value.endswith(".sqlite3")
                    and "/" not in node.value
                ):
                    found.append(f"{path.relative_to(REPO)}: {node.value}")
    assert found == []
    from search.config import BACKED_UP_DATABASES, INDEX_FILE, VERSIONS_FILE

    assert {INDEX_FILE, VERSIONS_FILE} <= set(BACKED_UP_DATABASES)
