"""Where backfit keeps things: platformdirs' folders, each movable by its variable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from backfit import places


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_the_folders_are_the_xdg_ones_unless_moved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in (places.CACHE_ENV, places.CONFIG_ENV, places.HOME_ENV, "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", "")  # empty: the default
    assert places.cache_dir() == tmp_path / "cache" / "backfit"
    assert places.config_dir() == tmp_path / ".config" / "backfit"
    assert places.data_dir() == tmp_path / ".local" / "share" / "backfit"
    monkeypatch.setenv(places.HOME_ENV, str(tmp_path / "log"))
    assert places.data_dir() == tmp_path / "log"
