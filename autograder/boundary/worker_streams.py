"""The worker's three pipes, read and written by threads of the grader: its stdin fed in order,
its stdout cut into bounded lines, and an excerpt of what it prints (stderr) in bounded memory.
"""

from __future__ import annotations

import functools
import queue
import select
import threading
import time

#: the longest line read from the worker's stdout at once (a longer one comes in parts).
MAX_LINE_BYTES = 64 * 2**20
#: the longest wait, when the first call is sent, for the cells' output still in the pipe.
SETTLE_SECONDS = 1.0


def feed(pipe, outbox: queue.Queue) -> None:
    """Write what the grader sends, in order, until None; then close the worker's stdin."""
    try:
        while True:
            data = outbox.get()
            if data is None:
                break
            pipe.write(data)
            pipe.flush()
    except (BrokenPipeError, OSError, ValueError):
        pass
    finally:
        try:
            pipe.close()
        except (OSError, ValueError):
            pass


def read_lines(pipe, lines: queue.Queue) -> None:
    """Lines of the worker's stdout as bytes (a line longer than MAX_LINE_BYTES comes in parts,
    each of which fails its budget); bounded read-ahead, so a flood waits for the checking."""
    try:
        for line in iter(functools.partial(pipe.readline, MAX_LINE_BYTES), b""):
            lines.put(line)
    except (OSError, ValueError):
        pass
    finally:
        lines.put(None)


class Excerpt:
    """The beginning and the end of a byte stream of any length, in bounded memory."""

    def __init__(self, keep: int, pipe=None):
        self.keep = keep
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
        self.frozen = False
        self.hidden = 0   # bytes after freeze(): counted, not kept
        self.pipe = pipe  # the pipe read (given here, or by read_from)
        self._lock = threading.Lock()

    def freeze(self, settle: float = SETTLE_SECONDS) -> None:
        """Keep nothing read from now on (it may hold a hidden case's arguments). First, for at
        most ``settle`` seconds, let the reading thread take what is already in the pipe: the
        worker flushes what a cell printed before it reports the cell, so on a busy machine that
        output may still wait there, and it holds no hidden argument (no call was sent yet)."""
        deadline = time.monotonic() + settle
        while self.pipe is not None and time.monotonic() < deadline:
            try:
                pending, _, _ = select.select([self.pipe], [], [], 0)
            except (OSError, ValueError):
                break
            if not pending:
                break
            time.sleep(0.002)
        with self._lock:
            self.frozen = True

    def read_from(self, pipe) -> None:
        self.pipe = pipe
        try:
            for chunk in iter(functools.partial(pipe.read1, 65536), b""):
                with self._lock:
                    self.total += len(chunk)
                    if self.frozen:
                        self.hidden += len(chunk)
                        continue
                    room = self.keep - len(self.head)
                    if room > 0:
                        self.head += chunk[:room]
                        chunk = chunk[room:]
                    if chunk:
                        self.tail += chunk
                        del self.tail[:-self.keep]
        except (OSError, ValueError):
            pass

    def text(self) -> str:
        with self._lock:
            head = self.head.decode("utf-8", "replace")
            tail = self.tail.decode("utf-8", "replace")
            left_out = self.total - self.hidden - len(self.head) - len(self.tail)
            hidden = self.hidden
        text = head + tail if left_out <= 0 else f"{head}\n[... {left_out} bytes left out ...]\n{tail}"
        if hidden:
            text += (f"\n[... {hidden} bytes printed while the hidden cases ran are not shown: they "
                     f"could hold the hidden inputs ...]")
        return text
