"""The untrusted side of grading: run one student's notebook, then call its graded functions.

Started by the grader as ``python -I worker.py PACKAGE_FOLDER`` (see
:mod:`autograder.boundary.launcher`) in a private temporary directory; ``PACKAGE_FOLDER`` holds the
``layerlab`` package the grader uses. It reads the header (the cells) from stdin, then one call at
a time, and writes one message per line to stdout, as :mod:`protocol` (the file next to this one)
describes; it needs nothing of the ``autograder`` package (only the files next to it:
``protocol.py``, ``worker_errors.py``, ``worker_inputs.py``, ``worker_outputs.py``,
``worker_plots.py``), so a sandbox can hide the course (solutions, hidden cases, gradebook) from it.

1. The code cells it receives (the grader already removed the test cells and the heavy demo cells)
   run in order in one IPython namespace: each cell goes through IPython's input transformation
   (so ``%magics`` work; ``%matplotlib`` is a no-op and figures are closed, shell escapes ``!cmd``
   are not run), then ``exec``. An error in a cell is reported and the next cell runs. What a cell
   printed, its last value and its figures go back with it (``worker_outputs.py``).
2. Each call, read only after the previous one was answered, gets fresh copies of its inputs
   that cannot be changed in place (``worker_inputs.py``: arrays, dicts and lists alike raise on a
   write), optionally with NumPy's global generator seeded, and
   its output (or the exception, with the student's own traceback lines only) goes back as plain
   data, together with the inputs as they are after the call.
3. A ``read`` request (a quiz answer) calls nothing: the variable's value goes back as plain data
   (a set as ``("set", [items])``, anything else as ``("value", x)``).

Nothing this process reports is trusted: the grader decodes it strictly and compares it with the
reference in its own process. Student code can make its own report wrong or missing, no more. A
call's arguments exist here only while it runs: after it is answered, the worker keeps no reference
to them (no request document, no frame), and the next call's arguments have not been sent yet.
"""

from __future__ import annotations

import linecache
import os
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
errors = None  # worker_errors.py (TimeLimit, the alarm, exceptions as protocol data): main() imports it


def main() -> int:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")  # our messages; fd 1 is the student's
    os.dup2(2, 1)                                          # their prints go where stderr goes
    requests = os.fdopen(os.dup(0), "rb")                 # the calls arrive here, one at a time
    first = requests.readline()
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)                                    # input() gets EOF instead of hanging

    if len(sys.argv) > 1:  # the folder holding the layerlab package the grader uses
        sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, HERE)
    global errors
    import protocol  # noqa: E402  (the files next to this one)
    import worker_errors as errors
    import worker_inputs
    import worker_outputs
    import worker_plots
    sys.path.remove(HERE)
    sys.path.insert(0, "")  # as in a Jupyter kernel: modules next to the notebook are importable
    worker_plots.seed_font_cache()
    import numpy as np
    worker_plots.defer_pyplot()

    def send(message: dict) -> None:
        _flush_prints()  # what the cell printed reaches the log before the grader hears of it
        channel.write(protocol.message_line(message))
        channel.flush()

    head = protocol.read_header(first)
    del first
    limits, cells = head["limits"], head.pop("cells")
    signal.signal(signal.SIGALRM, errors.on_alarm)
    shell = _make_shell()
    capture = worker_outputs.CellCapture(shell)
    send({"type": "ready", "protocol": protocol.PROTOCOL})  # no student code has run before this
    for index in range(len(cells)):
        cell, cells[index] = cells[index], None
        start = time.perf_counter()
        seconds = limits.get("cell_seconds", 60.0)
        with capture:
            error = _run_cell(shell, cell["filename"], cell["source"], seconds, capture)
            try:  # the figures, under the cell's time limit (one that takes longer is left out)
                errors.alarm(seconds)
                capture.figures()
            except BaseException:  # TimeLimit, or whatever the student's figure raises
                pass
            finally:
                errors.alarm(0)
        worker_plots.close_figures()
        send({"type": "cell", "index": index, "seconds": time.perf_counter() - start, "error": error,
              "outputs": capture.take()})
    while _serve_one(requests, shell, limits.get("call_seconds", 10.0), np, protocol, send,
                     worker_inputs.read_only_call):
        pass
    send({"type": "done"})
    channel.close()
    _flush_prints()
    os._exit(0)  # skip the student's atexit handlers and finalizers


def _flush_prints() -> None:
    """Flush what the notebook printed (block-buffered: its stdout is a pipe) to the log."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # a stream the student replaced or broke
            pass


# ----------------------------------------------------------------------------- the notebook

def _make_shell():
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(config=config)
    shell.register_magic_function(lambda line="": None, magic_kind="line", magic_name="matplotlib")

    def no_shell_commands(cmd, *args, **kwargs):
        print(f"(grading: the shell command {str(cmd)[:60]!r} was not run)")
        return []

    shell.system = shell.system_raw = shell.system_piped = shell.getoutput = no_shell_commands
    return shell


def _run_cell(shell, filename: str, source: str, seconds: float, capture):
    """Run one cell; return None, or the error as protocol data. The value of a last expression
    (not ended by ``;``) goes to ``capture``, as JupyterLab would show it."""
    try:
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        code, last = capture.compile(shell.transform_cell(source), filename)
    except BaseException as exc:  # SyntaxError, or a student's input transformer failing
        return errors.error_info(exc)
    try:
        errors.alarm(seconds)
        exec(code, shell.user_ns)
        if last is not None:
            capture.result(shell, eval(last, shell.user_ns))
    except errors.TimeLimit:
        return {"type": "TimeLimit", "bases": [], "traceback": [],
                "message": f"the cell took longer than {seconds:g} s and was stopped"}
    except BaseException as exc:  # anything, SystemExit included: report it and go on
        return errors.error_info(exc)
    finally:
        errors.alarm(0)
    return None


# ----------------------------------------------------------------------------- the calls

def _serve_one(requests, shell, seconds: float, np, protocol, send, read_only) -> bool:
    """Read one call, run it, answer it; False at the end. Its arguments live in this frame and
    the call's own only, and are gone when this returns."""
    try:
        got = protocol.read_call(requests.readline())
    except Exception:  # a request line the student's code tampered with: stop here
        return False
    if got is None:
        return False
    seq, call = got
    message = _call(shell, call, seconds, np, read_only)
    message["seq"] = seq
    call.clear()
    del got, call
    send(message)
    return True


def _call(shell, call: dict, seconds: float, np, read_only) -> dict:
    from layerlab import plaindata

    message = {"type": "call", "id": call["id"], "status": "ok", "seconds": 0.0, "output": None,
               "args_after": None, "error": None, "removed": []}
    if call.get("read"):
        return _read(shell, call["function"], message, plaindata)
    fn = shell.user_ns.get(call["function"], _MISSING)
    if fn is _MISSING:
        message["status"] = "missing"
        return message
    if not callable(fn):
        message["status"] = "not_callable"
        message["error"] = {"type": type(fn).__name__, "bases": [], "traceback": [],
                            "message": f"{call['function']} is a {type(fn).__name__}"}
        return message
    args, kwargs = read_only(fn, call["args"], call["kwargs"], np)
    removed = _remove_notebook_variables(shell) if call.get("isolated") else {}
    message["removed"] = sorted(removed)
    start = time.perf_counter()
    try:
        if call.get("seed") is not None:
            np.random.seed(call["seed"])
        errors.alarm(seconds)
        output = fn(*args, **kwargs)
        try:
            message["output"] = plaindata.encode(output)
        except (plaindata.PlainDataError, RecursionError, TypeError, ValueError) as exc:
            message["status"] = "not_plain"
            message["error"] = {"type": type(output).__name__, "bases": [], "traceback": [],
                                "message": errors.text_of(exc)}
        try:
            message["args_after"] = plaindata.encode((args, kwargs))
        except (plaindata.PlainDataError, RecursionError, TypeError, ValueError):
            message["args_after"] = None  # an argument now holds something that is not plain data
    except errors.TimeLimit:
        message["status"] = "timeout"
        message["error"] = {"type": "TimeLimit", "bases": [], "traceback": [],
                            "message": f"the call took longer than {seconds:g} s and was stopped"}
    except BaseException as exc:
        message["status"] = "error"
        message["error"] = errors.error_info(exc)
    finally:
        errors.alarm(0)
        shell.user_ns.update(removed)
    message["seconds"] = time.perf_counter() - start
    if message["status"] != "ok":
        message["output"] = message["args_after"] = None
    return message


def _read(shell, name: str, message: dict, plaindata) -> dict:
    """A quiz answer: the variable ``name`` as plain data. Only a set or frozenset of exactly that
    type becomes ``("set", [items])`` (plain data has no sets); anything else goes as it is, and
    whatever is not plain data (an object of the student's making) is reported, not sent."""
    value = shell.user_ns.get(name, _MISSING)
    if value is _MISSING:
        message["status"] = "missing"
        return message
    try:
        envelope = ("set", list(value)) if type(value) in (set, frozenset) else ("value", value)
        message["output"] = plaindata.encode(envelope)
        message["args_after"] = plaindata.encode(((), {}))
    except BaseException as exc:  # not plain data, or a set item that fails on the way
        message.update(status="not_plain", output=None, args_after=None,
                       error={"type": type(value).__name__[:100], "bases": [], "traceback": [],
                              "message": errors.text_of(exc)})
    return message


def _remove_notebook_variables(shell) -> dict:
    """Take the notebook's data variables (arrays, numbers, strings, containers) out of the
    namespace; modules, functions and classes stay, and so do constants named in capitals."""
    import numpy as np

    data = (np.ndarray, np.generic, int, float, complex, str, bytes, list, tuple, dict, set, frozenset)
    hidden = set(shell.user_ns_hidden)
    removed = {}
    for name, value in list(shell.user_ns.items()):
        kind = type(value)  # not isinstance: that would load a module that is still lazy (pyplot)
        if name.startswith("_") or name in hidden or not issubclass(kind, data):
            continue
        constant = len(name) > 1 and name.isupper() and issubclass(kind, (int, float, str, np.generic))
        if not constant:
            removed[name] = shell.user_ns.pop(name)
    return removed


_MISSING = object()


if __name__ == "__main__":
    sys.exit(main())
