"""Worker processes that end with their parent: a killed or crashed parent leaves no orphan evaluating on its own.

Nothing tells a child process that its parent has died (a ``kill -9`` runs no clean-up), but its parent process id
changes then: the orphan is adopted by init or a subreaper. A daemon thread in each worker looks twice a second
and ends the worker when it sees that. It works the same for every start method, for the fork server too (which
itself ends when the parent does), and costs nothing measurable.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["CHECK_EVERY_SECONDS", "EXIT_ORPHANED", "exit_with_parent"]

CHECK_EVERY_SECONDS = 0.5
EXIT_ORPHANED = 75  # EX_TEMPFAIL: the work was not done, and nobody is left to take it


def exit_with_parent(creator: int) -> threading.Thread:
    """Start the watch in this (worker) process; ``creator`` is the process id of the one that started the pool."""
    parent = os.getppid()
    watch = threading.Thread(target=_watch, args=(parent, creator), name="exit-with-parent", daemon=True)
    watch.start()
    return watch


def _watch(parent: int, creator: int) -> None:
    while True:
        if os.getppid() != parent or not _exists(creator):
            # os._exit: no clean-up that could wait on the dead parent's queues.
            os._exit(EXIT_ORPHANED)
        time.sleep(CHECK_EVERY_SECONDS)


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user (a reused id): leave the decision to the parent check
        return True
    return True
