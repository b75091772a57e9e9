"""Where backfit keeps things on this computer: the catalog cache, the user catalog and
the training log, each movable with an environment variable, and otherwise where
platformdirs says this platform keeps them."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path

APP = "backfit"
CACHE_ENV = "BACKFIT_CACHE_DIR"
CONFIG_ENV = "BACKFIT_CONFIG"
HOME_ENV = "BACKFIT_HOME"


def cache_dir() -> Path:
    """$BACKFIT_CACHE_DIR, else ~/.cache/backfit (XDG), ~/Library/Caches/backfit or
    %LOCALAPPDATA%\\backfit\\Cache."""
    return _chosen(CACHE_ENV) or user_cache_path(APP, appauthor=False)


def config_dir() -> Path:
    """$BACKFIT_CONFIG, else ~/.config/backfit (XDG), ~/Library/Application Support/backfit
    or %LOCALAPPDATA%\\backfit."""
    return _chosen(CONFIG_ENV) or user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    """$BACKFIT_HOME, else ~/.local/share/backfit (XDG), ~/Library/Application
    Support/backfit or %LOCALAPPDATA%\\backfit."""
    return _chosen(HOME_ENV) or user_data_path(APP, appauthor=False)


def _chosen(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None
