"""The demo clinic, once per module, for the hostile-input and minimum-necessary tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from demo_world import Demo, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    built = build_demo(tmp_path_factory.mktemp("demo"))
    yield built
    built.backend.dispose()
