"""The settings a person keeps between runs: `config.toml` in the config folder, read with
the standard library's tomllib and written whole with tomli-w (beside it, then renamed over
it), so that a run stopped half-way never leaves half a file. What the keys mean is the
command line's business; here a file is read, checked to be TOML, and written back with
every key it held, known or not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backfit.places import config_dir
from backfit.writing import write_file

CONFIG_FILE = "config.toml"


class ConfigError(ValueError):
    """The settings file cannot be read or is not TOML: `str()` says which file, and where."""


def config_path() -> Path:
    """config.toml in the user's config folder ($BACKFIT_CONFIG moves it)."""
    return config_dir() / CONFIG_FILE


def read_config(path: Path) -> dict[str, Any]:
    """The file's table; an empty one where there is no file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    import tomllib  # only where there is a file to read

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None


def write_config(path: Path, table: dict[str, Any]) -> None:
    """`table` as the whole file (an OSError leaves the file as it was); with nothing left
    in it, the file is removed."""
    if not table:
        path.unlink(missing_ok=True)
        return
    import tomli_w

    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, tomli_w.dumps(table))
