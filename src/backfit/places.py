"""Where backfit keeps things on this computer: the catalog cache, the user catalog and
the training log, each movable with an environment variable.

The cache and config folders are worked out here by hand, following the same
conventions as platformdirs, because every command looks them up and importing
platformdirs would cost each run more than the catalog cache saves. The log's data
folder, needed only by the log commands, comes from platformdirs itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CACHE_ENV = "BACKFIT_CACHE_DIR"
CONFIG_ENV = "BACKFIT_CONFIG"
HOME_ENV = "BACKFIT_HOME"


def cache_dir() -> Path:
    """$BACKFIT_CACHE_DIR, else ~/.cache/backfit (XDG), ~/Library/Caches/backfit or
    %LOCALAPPDATA%\\backfit\\Cache."""
    return _chosen(CACHE_ENV) or _platform(
        xdg=("XDG_CACHE_HOME", ".cache"), mac="Library/Caches", windows="Cache"
    )


def config_dir() -> Path:
    """$BACKFIT_CONFIG, else ~/.config/backfit (XDG), ~/Library/Application Support/backfit
    or %LOCALAPPDATA%\\backfit."""
    return _chosen(CONFIG_ENV) or _platform(
        xdg=("XDG_CONFIG_HOME", ".config"), mac="Library/Application Support", windows=""
    )


def data_dir() -> Path:
    """$BACKFIT_HOME, else the platform's user data folder."""
    chosen = _chosen(HOME_ENV)
    if chosen:
        return chosen
    from platformdirs import user_data_path

    return user_data_path("backfit", appauthor=False)


def _chosen(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None


def _platform(*, xdg: tuple[str, str], mac: str, windows: str) -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "backfit" / windows
    if sys.platform == "darwin":
        return Path.home() / mac / "backfit"
    variable, default = xdg
    return Path(os.environ.get(variable) or Path.home() / default) / "backfit"
