"""The catalog cache: used when fresh, ignored when stale, broken or unwritable."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL

from backfit.catalog import cache
from backfit.catalog.loader import CatalogError, entry_names, load_catalog


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BACKFIT_CACHE_DIR", str(folder))
    return folder


def test_a_valid_catalog_is_cached_and_reused(
    catalog_file: Callable[[str], Path], own_cache: Path
) -> None:
    path = catalog_file(MINIMAL)
    first = load_catalog(path)
    [entry] = own_cache.glob("catalog-*.json")
    header, data = entry.read_text().split("\n", 1)
    assert json.loads(header)["key"][1][0][0] == str(path.resolve())
    assert json.loads(data)["exercises"][0]["slug"] == "first-move"
    assert cache.read([path]) is not None
    assert load_catalog(path) == first
    assert entry_names([path]) == [("first-move", "First move"), ("second-move", "Second move")]


def test_an_edited_catalog_is_read_again(catalog_file: Callable[[str], Path]) -> None:
    path = catalog_file(MINIMAL)
    load_catalog(path)
    catalog_file(MINIMAL.replace("name: First move", "name: Opening move"))
    os.utime(path, ns=(1, 1))  # a different mtime even on a coarse clock
    assert load_catalog(path).exercises[0].name == "Opening move"


def test_an_invalid_catalog_is_never_cached(
    catalog_file: Callable[[str], Path], own_cache: Path
) -> None:
    path = catalog_file(MINIMAL.replace("sets: 2", "sets: 0"))
    with pytest.raises(CatalogError):
        load_catalog(path)
    assert not own_cache.exists()


def test_a_tampered_cache_cannot_smuggle_in_a_bad_catalog(
    catalog_file: Callable[[str], Path], own_cache: Path
) -> None:
    path = catalog_file(MINIMAL)
    load_catalog(path)
    [entry] = own_cache.glob("catalog-*.json")
    header, text = entry.read_text().split("\n", 1)
    data = json.loads(text)
    data["exercises"][0]["dose"]["sets"] = -1
    entry.write_text(f"{header}\n{json.dumps(data)}")
    assert load_catalog(path).exercises[0].dose.sets == 2  # read from the YAML instead
    entry.write_text(f"{header}\n{{not json")
    assert load_catalog(path).exercises[0].dose.sets == 2
    entry.write_text("garbage")
    assert load_catalog(path).exercises[0].dose.sets == 2


def test_an_unwritable_cache_is_no_error(
    catalog_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BACKFIT_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    assert load_catalog(catalog_file(MINIMAL)).exercises[0].slug == "first-move"
