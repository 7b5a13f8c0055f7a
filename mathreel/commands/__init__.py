"""What each CLI command does, as library functions: pick the scenes or
lessons a command names, run the engine, stitch or publish, and report.

:mod:`mathreel.cli` only parses arguments, calls one function of this
package and prints what it returns. Problems are raised as the two
exceptions below; the CLI turns them into one-line errors.
"""

from __future__ import annotations


class InputError(ValueError):
    """Input the user can correct (an unknown lesson, a missing render):
    the CLI exits with code 2."""


class Failure(RuntimeError):
    """Something that ran failed (a scene, a join, a rule broken): the CLI
    exits with code 1."""
