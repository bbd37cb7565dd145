"""The layout issue 19 asks for, checked: what the web app loads, what bench/ imports, no import
cycles, one home for the Vietnam time zone, and docs/ARCHITECTURE.md naming modules that exist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(code: str, tmp_path: Path) -> list[str]:
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.split()


def test_create_app_loads_neither_scrapy_nor_the_crawler(tmp_path: Path) -> None:
    """`flask --app web run` must not pay for Scrapy (about a second) nor depend on crawler/."""
    out = _run("import sys; from web import create_app; create_app(); "
               "print('scrapy' in sys.modules, any(m.startswith('crawler') for m in sys.modules))",
               tmp_path)
    assert out == ["False", "False"]


def test_pages_that_list_outlets_do_not_load_scrapy(tmp_path: Path) -> None:
    """The outlet names the search page and the admin's outlet page show come from the registry
    (YAML + dataclasses): reading them must not pull in Scrapy either."""
    out = _run("import sys; from web import create_app; app = create_app()\n"
               "from web import services; from web.admin.outlets import registry_outlets\n"
               "with app.app_context():\n"
               "    names = services.outlet_names(); rows = registry_outlets()\n"
               "print(len(names) > 50, len(rows) > 50, 'scrapy' in sys.modules)", tmp_path)
    assert out == ["True", "True", "False"]
