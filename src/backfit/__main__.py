"""Entry point for `backfit` and `python -m backfit`.

`--version` is answered here, before Typer and the catalog are imported, because it is
the one call scripts make most often and it needs none of them.
"""

from __future__ import annotations

import signal
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from backfit import __version__

        print(f"backfit {__version__}")
        return
    if hasattr(signal, "SIGPIPE"):
        # `backfit list | head -1`: die quietly like any Unix tool, not with a traceback.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    from backfit.cli import app

    app(prog_name="backfit")


if __name__ == "__main__":
    main()
