"""A call's inputs cannot be changed in place, whatever container holds them, and correct code that
reads or copies them works as on plain data: unit checks of ``worker_inputs``, then a real worker
(without the sandbox, which changes nothing here) whose own report is forged by the notebook."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pytest

from autograder.boundary import launcher, protocol, worker_inputs
from layerlab.judge import errors

PARAMS = {"W1": np.arange(6.0).reshape(2, 3), "b1": [1.0, 2.0], "pair": (np.zeros(2), [3, {"k": 4}])}


def _inputs():
    return worker_inputs.read_only(PARAMS, np)


CHANGES = {
    "set": lambda p: p.__setitem__("W1", 0), "delete": lambda p: p.__delitem__("b1"),
    "update": lambda p: p.update(W2=1), "setdefault": lambda p: p.setdefault("W2", 1),
    "pop": lambda p: p.pop("W1"), "popitem": lambda p: p.popitem(), "clear": lambda p: p.clear(),
    "init again": lambda p: p.__init__(W1=1), "or in place": lambda p: p.__ior__({"W2": 1}),
    "array in place": lambda p: p["W1"].__isub__(1), "array item": lambda p: p["W1"].__setitem__(0, 1),
    "append": lambda p: p["b1"].append(3.0), "extend": lambda p: p["b1"].extend([3.0]),
    "insert": lambda p: p["b1"].insert(0, 3.0), "list pop": lambda p: p["b1"].pop(),
    "remove": lambda p: p["b1"].remove(1.0), "sort": lambda p: p["b1"].sort(),
    "reverse": lambda p: p["b1"].reverse(), "list item": lambda p: p["b1"].__setitem__(0, 3.0),
    "list slice": lambda p: p["b1"].__setitem__(slice(0, 1), []), "list +=": lambda p: p["b1"].__iadd__([1]),
    "list *=": lambda p: p["b1"].__imul__(2), "list clear": lambda p: p["b1"].clear(),
    "nested": lambda p: p["pair"][1][1].__setitem__("k", 5),
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_in_place_change_raises_the_read_only_error_the_grader_recognises(change):
    params = _inputs()
    with pytest.raises(ValueError, match="read-only") as raised:
        CHANGES[change](params)
    error = protocol.ErrorInfo("ValueError", ["ValueError", "Exception", "BaseException"], str(raised.value), [])
    assert errors.explain(error).id == errors.CHANGED_IN_PLACE
    assert json.dumps(list(params)) == '["W1", "b1", "pair"]' and params["b1"] == [1.0, 2.0]


COPIES = {"dict()": dict, "copy()": lambda p: p.copy(), "{**}": lambda p: {**p}, "|": lambda p: p | {},
          "copy.copy": copy.copy, "copy.deepcopy": copy.deepcopy, "pickle": lambda p: pickle.loads(pickle.dumps(p)),
          "comprehension": lambda p: {k: v for k, v in p.items()}}


@pytest.mark.parametrize("how", COPIES)
def test_a_copy_is_a_plain_container_that_may_change(how):
    params = _inputs()
    mine = COPIES[how](params)
    assert type(mine) is dict and set(mine) == set(PARAMS)
    mine["W2"] = 1
    assert "W2" not in params
    if how in ("copy.deepcopy", "pickle"):
        mine["W1"] -= 1          # a deep copy's arrays and lists are its own
        mine["b1"].append(3.0)
        assert params["W1"][0, 0] == 0.0 and len(params["b1"]) == 2


def test_reading_works_as_on_plain_data():
    params = _inputs()
    assert isinstance(params, dict) and isinstance(params["b1"], list) and len(params) == 3
    assert "W1" in params and 2.0 in params["b1"] and sorted(params) == ["W1", "b1", "pair"]
    assert [k for k in params] == list(params.keys()) and params.get("nothing") is None
    assert params["b1"][:] == [1.0, 2.0] and type(params["b1"][:]) is list
    assert type(params["b1"] + [3.0]) is list and list(reversed(params["b1"])) == [2.0, 1.0]
    assert np.array_equal(params["W1"] * 2, PARAMS["W1"] * 2) and params["W1"].shape == (2, 3)
    assert json.loads(json.dumps({"b1": params["b1"]})) == {"b1": [1.0, 2.0]}
    with pytest.raises(TypeError):
        params.__class__ = dict  # no way back to a writeable type by assigning the class


def _run(cells, calls):
    workdir = launcher.make_workdir("{}")
    try:
        head = protocol.header([{"filename": f"<cell {i + 1}>", "source": s} for i, s in enumerate(cells)],
                               {"cell_seconds": 10, "call_seconds": 10})
        lines = [(c["id"], protocol.call_line(seq, c), None) for seq, c in enumerate(calls)]
        return launcher.run_worker(launcher.worker_command(workdir), head, lines, len(cells), 60).response
    finally:
        launcher.remove_workdir(workdir)


# The notebook replaces the worker's report of every call: "no error, nothing changed".
FORGE = r'''
import sys
_frame = sys._getframe()
while _frame is not None and "_call" not in _frame.f_globals:
    _frame = _frame.f_back
_worker = _frame.f_globals
_original = _worker["_call"]
def _forged(shell, call, *rest):
    message = _original(shell, call, *rest)
    if message["status"] == "error":
        message.update(status="ok", error=None, output=None)
    from layerlab import plaindata
    message["args_after"] = plaindata.encode((call["args"], call["kwargs"]))
    return message
_worker["_call"] = _forged
'''
FUNCTIONS = '''
import copy
def rebind(params, lr):
    for key in ("W1", "b1"):
        params[key] = params[key] - lr
    return params
def grow(items):
    items.append(0.0)
    return len(items)
def correct(params, lr):
    a, b, c = dict(params), params.copy(), copy.deepcopy(params)
    a["W1"] = a["W1"] - lr
    c["W1"] -= lr
    return {"same": float(np.sum(a["W1"] - c["W1"])), "n": len(params), "has": "b1" in params,
            "keys": sorted(k for k in params), "b": b["b1"][0]}
'''


def test_a_forged_report_cannot_hide_an_in_place_change_and_correct_code_works():
    calls = [{"id": "rebind/1", "function": "rebind", "args": ({"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}, 0.5)},
             {"id": "grow/1", "function": "grow", "args": ([1.0, 2.0],)},
             {"id": "correct/1", "function": "correct", "args": ({"W1": np.ones((2, 2)), "b1": [7.0]}, 0.5)}]
    response = _run(["import numpy as np\n" + FUNCTIONS, FORGE], calls)
    assert response.done and all(c.error is None for c in response.cells.values())
    for call_id in ("rebind/1", "grow/1"):
        report = response.calls[call_id]
        # the forged "ok" carries no output: the change raised, so no result exists to send
        assert report.output is None, (call_id, report)
    correct = response.calls["correct/1"]
    assert correct.status == "ok" and correct.output == {"same": 0.0, "n": 2, "has": True,
                                                         "keys": ["W1", "b1"], "b": 7.0}


def test_without_forgery_the_change_is_reported_as_the_read_only_error():
    calls = [{"id": "rebind/1", "function": "rebind", "args": ({"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}, 0.5)},
             {"id": "grow/1", "function": "grow", "args": ([1.0, 2.0],)}]
    response = _run(["import numpy as np\n" + FUNCTIONS], calls)
    for report in response.calls.values():
        assert report.status == "error" and errors.explain(report.error).id == errors.CHANGED_IN_PLACE, report


def test_the_error_names_the_input_that_was_changed():
    """The student reads which argument (by its parameter name, and where inside it) the grader
    passed read-only, and how to copy it; the grader still recognises the change."""
    calls = [{"id": "rebind/1", "function": "rebind", "args": ({"W1": np.ones((2, 2)), "b1": np.zeros((2, 1))}, 0.5)},
             {"id": "grow/1", "function": "grow", "args": ([1.0, 2.0],)},
             {"id": "nested/1", "function": "nested", "args": (), "kwargs": {"caches": [({"A": [1.0]}, 2)]}},
             {"id": "star/1", "function": "star", "args": (1, [2.0])}]
    cells = ["import numpy as np\n" + FUNCTIONS + "def nested(caches):\n    caches[0][0]['A'].append(1)\n"
             "def star(*values):\n    values[1].append(1)\n"]
    response = _run(cells, calls)
    said = {call_id: report.error.message for call_id, report in response.calls.items()}
    assert said["rebind/1"].startswith("params is read-only here: the grader passed it read-only; "
                                       "make a copy (dict(params)) and change the copy"), said
    assert said["grow/1"].startswith("items is read-only here") and "list(items)" in said["grow/1"]
    assert said["nested/1"].startswith("caches[0][0]['A'] is read-only here"), said
    assert said["star/1"].startswith("argument 2 is read-only here") and "list(...)" in said["star/1"]
    assert all(errors.explain(r.error).id == errors.CHANGED_IN_PLACE for r in response.calls.values())
