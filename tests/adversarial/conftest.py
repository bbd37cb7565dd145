from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.adversarial.hostile import HostileServer


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server
