"""Where backfit keeps things on this computer: the catalog cache, the user catalog and
the training log, each movable with an environment variable, and otherwise where
platformdirs says this platform keeps them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from platformdirs import PlatformDirs

APP = "backfit"
CACHE_ENV = "BACKFIT_CACHE_DIR"
CONFIG_ENV = "BACKFIT_CONFIG"
HOME_ENV = "BACKFIT_HOME"
JOURNAL_FILE = "backfit.sqlite3"  # the training log, in the data folder


def cache_dir() -> Path:
    """$BACKFIT_CACHE_DIR, else ~/.cache/backfit (XDG), ~/Library/Caches/backfit or
    %LOCALAPPDATA%\\backfit\\Cache."""
    return _chosen(CACHE_ENV) or _platform().user_cache_path


def config_dir() -> Path:
    """$BACKFIT_CONFIG, else ~/.config/backfit (XDG), ~/Library/Application Support/backfit
    or %LOCALAPPDATA%\\backfit."""
    return _chosen(CONFIG_ENV) or _platform().user_config_path


def data_dir() -> Path:
    """$BACKFIT_HOME, else ~/.local/share/backfit (XDG), ~/Library/Application
    Support/backfit or %LOCALAPPDATA%\\backfit."""
    return _chosen(HOME_ENV) or _platform().user_data_path


def journal_path() -> Path:
    """backfit.sqlite3 in the user's data folder ($BACKFIT_HOME moves it): here, so that a
    command can tell whether a log exists without importing SQLite."""
    return data_dir() / JOURNAL_FILE


def _chosen(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None


def _platform() -> PlatformDirs:
    """platformdirs' folders for backfit, imported only when no variable has chosen the
    folder: the import costs a quick command (`--help`, a Tab) about 5 ms."""
    from platformdirs import PlatformDirs

    return PlatformDirs(APP, appauthor=False)
