"""The catalog cache: used when fresh, ignored when stale, broken or unwritable."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import MINIMAL

from backfit.catalog import cache
from backfit.catalog.completion import entry_names
from backfit.catalog.errors import CatalogError
from backfit.catalog.loader import load_catalog


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
    [entry] = own_cache.glob("catalog-*.pickle")
    header = json.loads(entry.read_bytes().split(b"\n", 1)[0])
    assert header["key"][-1][0][0] == str(path.resolve())
    assert header["names"] == [["first-move", "First move"], ["second-move", "Second move"]]
    assert cache.read([path]) is not None
    assert load_catalog(path) == first
    assert entry_names([path]) == [("first-move", "First move"), ("second-move", "Second move")]


def test_the_cached_copy_is_used_without_reading_the_files(
    catalog_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = catalog_file(MINIMAL)
    first = load_catalog(path)
    from backfit.catalog import loader

    def unread(*_: object) -> None:
        raise AssertionError("read the YAML although a fresh copy was cached")

    monkeypatch.setattr(loader, "_read_all", unread)
    assert load_catalog(path) == first
    with pytest.raises(AssertionError):
        load_catalog(path, use_cache=False)  # as `validate` does


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


def test_a_broken_copy_is_ignored(catalog_file: Callable[[str], Path], own_cache: Path) -> None:
    path = catalog_file(MINIMAL)
    load_catalog(path)
    [entry] = own_cache.glob("catalog-*.pickle")
    header, data = entry.read_bytes().split(b"\n", 1)
    for broken in (header + b"\n" + data[: len(data) // 2], header + b"\n" + pickle.dumps(
        {"exercises": []}), header + b"\nnot a pickle", b"garbage"):  # fmt: skip
        entry.write_bytes(broken)
        entry.chmod(0o600)
        assert cache.read([path]) is None
        assert load_catalog(path).exercises[0].dose.sets == 2  # read from the YAML instead
        assert entry_names([path])[0] == ("first-move", "First move")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners here")
def test_a_copy_others_could_have_written_is_not_trusted(
    catalog_file: Callable[[str], Path], own_cache: Path
) -> None:
    path = catalog_file(MINIMAL)
    load_catalog(path)
    [entry] = own_cache.glob("catalog-*.pickle")
    entry.chmod(0o666)
    assert cache.read([path]) is None
    assert cache.names([path]) is None
    entry.chmod(0o644)
    assert cache.read([path]) is not None


def test_a_change_to_the_models_makes_the_copy_stale(
    catalog_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = catalog_file(MINIMAL)
    load_catalog(path)
    assert cache.read([path]) is not None
    monkeypatch.setattr(cache, "__version__", "0.0.0+other")
    assert cache.read([path]) is None


def test_an_unwritable_cache_is_no_error(
    catalog_file: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BACKFIT_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    assert load_catalog(catalog_file(MINIMAL)).exercises[0].slug == "first-move"


def test_completion_on_a_fresh_install_writes_the_cache_for_the_next_tab(
    catalog_file: Callable[[str], Path], own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = catalog_file(MINIMAL)
    assert not own_cache.exists()
    names = [("first-move", "First move"), ("second-move", "Second move")]
    assert entry_names([path]) == names
    [_entry] = own_cache.glob("catalog-*.pickle")
    from backfit.catalog import loader

    def unread(*_: object) -> None:
        raise AssertionError("read the YAML again although completion cached it")

    monkeypatch.setattr(loader, "_read_all", unread)
    assert entry_names([path]) == names  # the next Tab reads the header alone


def test_completion_of_a_broken_catalog_still_offers_what_it_can_read(
    catalog_file: Callable[[str], Path], own_cache: Path
) -> None:
    path = catalog_file(MINIMAL.replace("title:", "titel:"))
    assert entry_names([path]) == [("first-move", "First move"), ("second-move", "Second move")]
    assert list(own_cache.glob("catalog-*.pickle")) == []
