"""Entry point for `backfit` and `python -m backfit`.

`--version` is answered here, before Typer and the catalog are imported, because it is
the one call scripts make most often and it needs none of them. Every other way a run
ends is turned into a message and an exit code by `backfit.cli.failures`.
"""

import contextlib
import gc
import os
import sys

from backfit import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.exit(_version())
    # A command lives a fraction of a second and makes few reference cycles, yet Python's
    # collector would run hundreds of times while Typer, pydantic and Rich load, and then
    # look again at everything they made. So: collect every 100,000 allocations instead of
    # every 700, and freeze what the imports made (it lives for the whole run anyway), so
    # no later collection walks it. `list` runs 907M instructions instead of 930M with the
    # threshold alone, 874M with both (callgrind); the coach, which runs for minutes, still
    # collects what it makes. Nothing turns any of this back.
    gc.set_threshold(100_000)
    # backfit uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _choose_language(sys.argv[1:])
    from backfit.cli.main import app  # Typer: only for the commands that need it

    gc.freeze()
    app(prog_name="backfit")


def _choose_language(args: list[str]) -> None:
    """Speak the language chosen (see `backfit.i18n`) before the command line's words are
    imported. A settings file that cannot be read is said by the command line later."""
    from backfit import i18n
    from backfit.output import ascii_only

    flag, plain = None, ascii_only()  # BACKFIT_ASCII, a C locale, an output in ASCII
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args):
            flag = args[n + 1]
        elif arg.startswith("--lang="):
            flag = arg.removeprefix("--lang=")
        plain = plain or arg == "--ascii"
    from backfit.config import ConfigError, config_path, read_config

    settings = {}
    with contextlib.suppress(ConfigError):  # said by the command line later
        settings = read_config(config_path())
    setting = settings.get("language")
    language = i18n.chosen(flag, setting if isinstance(setting, str) else None)
    plain = plain or settings.get("ascii") is True
    if plain or not i18n.can_write(language, getattr(sys.stdout, "encoding", None) or "utf-8"):
        language = i18n.ENGLISH  # ASCII cannot show Chinese (it would be \u escapes)
    i18n.speak(language)
    from backfit import regions

    regions.choose(os.environ)  # where help is: the emergency number of the locale's region


def _version() -> int:
    """Print the version; a closed pipe is quiet (141), another failed write says so (5)."""
    from backfit.cli.exits import EXIT_OK, output_failed  # its messages: English, unchosen
    from backfit.output import guarded_stdout
    from backfit.writing import OutputError

    try:
        with guarded_stdout():
            print(f"backfit {__version__}")
    except OutputError as error:
        return output_failed(error)
    return EXIT_OK


if __name__ == "__main__":
    main()
