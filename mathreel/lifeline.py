"""Worker processes that die with the process that started them.

A plain ``kill`` (SIGTERM) or a SIGKILL of ``mathreel`` must not leave its
render processes running: nobody would read their results, and they hold
cores and memory. Linux lets a process ask for a signal when its parent
dies (``prctl(PR_SET_PDEATHSIG)``); each zygote asks for SIGKILL when the
``mathreel`` process goes, and each render child when its zygote goes, so
the whole tree follows. The request is checked against the parent it was
meant for: a parent that died before the request was made is noticed too.
Elsewhere than Linux this is a no-op.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

#: the pid a worker must die with, passed to ``python -m mathreel.runner``
PARENT_ENV = "MATHREEL_PARENT_PID"
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None) -> None:
    """SIGKILL this process when its parent dies; exit now if ``parent``
    (the pid it was started by) is already gone."""
    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the request: nobody waits for us
        os._exit(1)


def parent_from_env() -> int | None:
    try:
        return int(os.environ.get(PARENT_ENV, ""))
    except ValueError:
        return None
