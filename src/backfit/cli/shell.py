"""`backfit completion SHELL`: the completion script on stdout, for a package to ship or a
dotfile to keep (`--install-completion` writes it into the shell's own files instead)."""

from typing import Annotated

import typer

from backfit.cli.app import command
from backfit.cli.options import choices, one_of
from backfit.i18n import _

SHELLS = ("bash", "zsh", "fish")


@command("completion", short_help=_("Print the shell completion script: bash, zsh or fish."))
def completion(
    ctx: typer.Context,
    shell: Annotated[
        str,
        typer.Argument(
            metavar="SHELL", parser=one_of(SHELLS), help=f"The shell: {choices(SHELLS)}."
        ),
    ],
) -> None:
    """Print the shell completion script for bash, zsh or fish, e.g. for your dotfiles:
    backfit completion bash > ~/.local/share/bash-completion/completions/backfit"""
    root = ctx.find_root()
    # Typer's own --show-completion writes the script: ask it, as the option would
    shown = next(p for p in root.command.params if "--show-completion" in p.opts)
    if shown.callback is not None:
        shown.callback(root, shown, shell)
