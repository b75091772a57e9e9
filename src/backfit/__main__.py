"""Entry point for `backfit` and `python -m backfit`.

`--version` is answered here, before Typer and the catalog are imported, because it is
the one call scripts make most often and it needs none of them. Every other way a run
ends, this one's failures included, is turned into a message and an exit code by
`backfit.cli.failures`.

Python's cycle collector is switched off for the run: a command lives a fraction of a
second and makes almost no reference cycles, yet the collector would run dozens of
times while Typer, pydantic and Rich are imported (about a tenth of the start-up time
here). The guided session, which runs for minutes, turns it back on.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    gc.disable()
    if sys.argv[1:] == ["--version"]:
        from backfit import __version__
        from backfit.output import OutputError, guarded_stdout

        try:
            with guarded_stdout():
                print(f"backfit {__version__}")
        except OutputError as error:
            from backfit.cli.failures import output_failed

            sys.exit(output_failed(error))
        return
    # backfit uses no pydantic plugins; looking for them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from backfit.cli import app

    app(prog_name="backfit")


if __name__ == "__main__":
    main()
