"""The cyclic garbage collector paused while one document is read or audited.

A document's objects (blocks, cells, facts) live until its result is made; each pass of the
collector over them costs in proportion to all of them, so passes made while the document grows
add up to more than its size (about 15% of an audit at 400 KB). Cyclic garbage made meanwhile is
collected after, as usual; reference counting frees everything else at once."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
