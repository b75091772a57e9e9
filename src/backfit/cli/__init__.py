"""The command line: the only part of backfit that knows Typer, options and exit codes.

Each command parses its options, makes one call into the domain, prints what comes
back, and chooses the exit code. `backfit.cli.main` puts the commands together; they live
in modules by what they touch: the catalog, figures, a guided session, the training log.
"""
