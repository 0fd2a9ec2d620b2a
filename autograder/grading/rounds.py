"""Run one notebook's cells and calls in workers, starting a new worker when one stops early.

A worker that ends before it has answered everything (an endless loop past its time limit, a
crash, ``exit()``, a resource limit) is reported at the cell or call it was in, with the reason in
plain words, and a new worker runs the rest: at most :data:`MAX_ROUNDS` workers, within the
notebook's time limit. Used by :class:`autograder.grading.grader.Grader`.
"""

from __future__ import annotations

import signal
from typing import Callable

from autograder.boundary import block_server, launcher, protocol
from autograder.grading import execute
from autograder.grading.run_settings import Settings

#: a worker that stops early is started again for the rest of the notebook at most this often.
MAX_ROUNDS = 6


def run_rounds(settings: Settings, run: Callable[[execute.Job], launcher.WorkerRun], name: str,
               text: str, files: dict[str, bytes], cells: list[dict], calls: list[dict],
               blocks: str | None = None) -> tuple[protocol.Response, launcher.WorkerRun, str | None]:
    """Run the notebook's cells and calls in a worker (``run``), as often as needed. Returns the
    merged response, the last run and, if the notebook could not be finished, why (a sentence for
    the student). :class:`RuntimeError` (from ``worker_failed``) when the very first worker did not
    even start."""
    merged = protocol.Response()
    todo_cells = list(enumerate(cells))   # (index in the notebook's cells, cell)
    todo_calls = list(calls)
    budget = settings.notebook_seconds
    # a call whose building blocks the grader serves waits for thousands of round trips
    call_seconds = settings.call_seconds * (block_server.CALL_TIME_FACTOR if blocks else 1)
    limits = {"cell_seconds": settings.cell_seconds, "call_seconds": call_seconds}
    log = []
    for attempt in range(MAX_ROUNDS):
        job = execute.Job((f"{name}.ipynb", text), files,
                          protocol.header([c for _, c in todo_cells], limits),
                          tuple((c["id"], protocol.call_line(seq, c), c.get("max_bytes"))
                                for seq, c in enumerate(todo_calls)),
                          len(todo_cells), budget, settings.cell_seconds, call_seconds,
                          None if settings.insecure else settings.limits, blocks=blocks)
        worker = run(job)
        budget -= worker.seconds
        log.append(worker.log)
        response = worker.response
        if not response.ready and not (worker.timed_out or worker.stalled) and attempt == 0:
            raise WorkerDidNotStart(f"the worker did not start (exit status {worker.returncode}):\n"
                                    f"{worker.log[-2000:]}")
        _merge(merged, response, todo_cells, todo_calls)
        if response.done:
            merged.done = True
            break
        if worker.timed_out or budget <= 1 or not response.ready:
            merged.done = False
            worker.log = "\n".join(part for part in log if part)
            return merged, worker, why_stopped(settings, worker, "notebook")
        in_cells = len(response.cells) < len(todo_cells)
        why = why_stopped(settings, worker, "cell" if in_cells else "call")
        stop = protocol.ErrorInfo("Stopped", [], why, [])
        if in_cells:
            culprit = min(set(range(len(todo_cells))) - set(response.cells))
            original = todo_cells[culprit][0]
            merged.cells[original] = protocol.CellReport(original, 0.0, stop)
            del todo_cells[culprit]
        else:
            left = [c for c in todo_calls
                    if c["id"] not in response.calls and c["id"] not in response.conflicting]
            merged.calls[left[0]["id"]] = protocol.CallReport(left[0]["id"], "timeout", 0.0, error=stop)
            todo_calls = left[1:]  # a new worker runs the cells again, then the calls left
        if not todo_calls:
            merged.done = True
            break
    else:
        worker.log = "\n".join(part for part in log if part)
        return merged, worker, (f"Your notebook was stopped {MAX_ROUNDS} times (see the messages "
                                f"above); the rest of it was not graded.")
    worker.log = "\n".join(part for part in log if part)
    explain_memory(settings, merged)
    return merged, worker, None


class WorkerDidNotStart(RuntimeError):
    """The first worker of a notebook sent nothing: the grader, not the notebook, is at fault."""


def _merge(merged: protocol.Response, response: protocol.Response, todo_cells: list, todo_calls: list) -> None:
    """Add one worker's answers to the notebook's, with the cells' original indices."""
    merged.ready |= response.ready
    merged.malformed += response.malformed
    merged.oversized += response.oversized
    merged.oversized_calls.update(response.oversized_calls)
    merged.conflicting |= response.conflicting
    for index, report in response.cells.items():
        if index < len(todo_cells):
            original = todo_cells[index][0]
            merged.cells.setdefault(original, protocol.CellReport(original, report.seconds, report.error,
                                                                  report.outputs))
    wanted = {c["id"] for c in todo_calls}
    for call_id, report in response.calls.items():
        if call_id in wanted:
            merged.calls[call_id] = report


def why_stopped(settings: Settings, run: launcher.WorkerRun, where: str) -> str:
    """Why a worker ended early, in plain words; ``where`` is "cell", "call" or "notebook"."""
    s, limits = settings, settings.limits
    this = {"cell": "this cell", "call": "this call", "notebook": "your notebook"}[where]
    if run.timed_out or where == "notebook" and run.stalled:
        return (f"Your notebook did not finish within {s.notebook_seconds:g} s and was stopped: "
                f"a cell or a function runs too long (an endless loop?).")
    if run.stalled:
        seconds = s.cell_seconds if where == "cell" else s.call_seconds
        return f"{this.capitalize()} took longer than {seconds:g} s and was stopped (an endless loop?)."
    if run.flooded:
        return (f"{this.capitalize()} sent more than {launcher.MAX_MESSAGE_BYTES // 2**20} MiB "
                f"of output and was stopped.")
    code = run.returncode
    # killed by a signal: a negative status, or 128 + the signal through bubblewrap
    sig = (-code if code < 0 else code - 128 if code > 128 else 0) if code is not None else 0
    if sig in set(signal.Signals):
        if sig == signal.SIGXCPU or (sig == signal.SIGKILL and run.seconds >= limits.cpu_seconds):
            return f"{this.capitalize()} used more than {limits.cpu_seconds} s of CPU time and was stopped."
        if sig == signal.SIGXFSZ:
            return (f"{this.capitalize()} wrote a file larger than the "
                    f"{limits.describe_file_size()} limit and was stopped.")
        if sig in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGKILL):
            return (f"{this.capitalize()} crashed Python (signal {signal.Signals(sig).name}); "
                    f"running out of the {limits.describe_memory()} memory limit can do that.")
    return (f"The Python process running {this} stopped early (exit status {code}): does it "
            f"call exit(), os._exit() or crash Python?")


def explain_memory(settings: Settings, response: protocol.Response) -> None:
    """A MemoryError under the sandbox's limit says which limit it hit."""
    if settings.insecure:
        return
    for report in [*response.cells.values(), *response.calls.values()]:
        if report.error is not None and report.error.type == "MemoryError":
            report.error.message = (f"ran out of the {settings.limits.describe_memory()} "
                                    f"memory limit" + (f" ({report.error.message})"
                                                       if report.error.message else ""))
