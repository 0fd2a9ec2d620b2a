"""Hostile submissions, third round: exceptions posing as builtins, hostile numbers in the worker's
answers, NaN and infinite results, building blocks asked for huge arrays, notebooks of absurdly
many cells or values, look-alike names, links made inside the sandbox, and the protocol mimicked.

The first tests need no worker; then one grading run (``--jobs 2``) holds a control submission (the
reference solutions) and the attacks, each checked for what it gained (points), what it disclosed
(digits of the hidden inputs) and that the control was graded as usual.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import numpy as np
import pytest

import grading_corpus as corpus
from autograder.boundary import block_process, protocol
from autograder.build.helper_modules import served_blocks
from autograder.grading import disclosure
from autograder.grading.submission import MAX_CELLS, MAX_VALUES, SubmissionError, read_notebook
from grading_corpus import fn
from grading_tools import (ASSIGNMENT, NOTEBOOK, SOURCE, grade_attacked, grade_id, new_course, peak_mib,
                           release_with, results, submit, written)
from layerlab import block_wire, plaindata

# ----------------------------------------------------------------------------- without a worker

def test_an_exception_posing_as_a_builtin_is_shown_by_a_real_builtin_name():
    """A class may declare ``__module__ = "builtins"``, so the worker lists it among the built-in
    bases; only names that are exceptions of the grader's own builtins are shown."""
    context = disclosure.Context([{"filename": "<cell 1>", "source": "class ShapeTrouble(Exception):\n"
                                                                     "    pass\nclass E5488(Exception): pass"}])
    posing = ["E0_548813", "Exception", "BaseException"]
    assert context.type_name("E0_548813", posing) == "Exception"
    assert context.type_name("E0_548813", ["E0_548813", "E0_5488"]) == "Exception"
    assert context.type_name("E0_548813", []) == "object"
    assert context.type_name("E5488", ["E5488", "ValueError", "Exception"]) == "ValueError"  # digits
    assert context.type_name("ShapeTrouble", ["Exception"]) == "ShapeTrouble"
    assert context.type_name("ZeroDivisionError", ["ZeroDivisionError", "ArithmeticError"]) == "ZeroDivisionError"
    assert context.type_name("AxisError", ["ValueError", "IndexError"]) == "AxisError"


def _answer(output=None, raw: str | None = None, seconds=0.0) -> str:
    line = json.dumps({"type": "call", "seq": 0, "id": "f/1", "status": "ok", "seconds": seconds,
                       "output": output, "args_after": plaindata.encode(((), {})), "error": None,
                       "removed": []}, allow_nan=True)
    return line if raw is None else line.replace('"output": null', f'"output": {raw}')


def _array(dtype, shape, data):
    return {"ndarray": {"dtype": dtype, "shape": shape, "data": data}}


HOSTILE_ANSWERS = {
    "nested 200,000 deep": _answer(raw="[" * 200_000 + "]" * 200_000),
    "tuples 5,000 deep": _answer(raw='{"tuple": ' * 5_000 + "[]" + "}" * 5_000),
    "NaN seconds": _answer(1.0, seconds=float("nan")),
    "infinite seconds": _answer(1.0, seconds=float("inf")),
    "an integer of 5,000 digits": _answer(raw="1" + "0" * 5_000),
    "an integer beyond 64 bits": _answer(10**30),
    "a zero-size array 2**62 wide": _answer(_array("float64", [0, 2**62], [])),
    "a shape whose size overflows": _answer(_array("float64", [2**32, 2**32], [])),
    "70 dimensions": _answer(_array("float64", [1] * 70, [1.0])),
    "300 as int8": _answer(_array("int8", [1], [300])),
    "NaN as int64": _answer(_array("int64", [1], [float("nan")])),
    "a uint8 scalar of a million": _answer({"npscalar": {"dtype": "uint8", "value": 10**6}}),
    "object dtype": _answer(_array("object", [1], [1])),
    "float128": _answer(_array("float128", [1], [1])),
    "big-endian": _answer(_array(">f8", [1], [1])),
    "a key that is not text": _answer({"dict": [[1, 0]]}),
}


@pytest.mark.parametrize("kind", HOSTILE_ANSWERS)
def test_a_hostile_answer_fails_its_call_and_never_the_grader(kind):
    session = protocol.Session(cells=0)
    session.accept(json.dumps({"type": "ready", "protocol": protocol.PROTOCOL}))
    session.ask(0, "f/1", 64 * 2**20)
    session.accept(HOSTILE_ANSWERS[kind])  # never raises
    report = session.response.calls.get("f/1")
    assert report is None or report.status == "not_plain" and report.output is None or \
        kind == "70 dimensions" and report.status == "not_plain", (kind, report)


def _block(references, name: str, *args, **kwargs) -> tuple[dict, object]:
    """The reply (envelope, value) of the block process's references to one call."""
    frame = block_wire.encode({"id": 7, "block": name}, (args, kwargs))
    reply = references.answer(frame[1], bytearray(b"".join(frame[2:])))
    return block_wire.decode(reply[1], bytearray(b"".join(reply[2:])))


def test_a_building_block_asked_for_a_huge_array_refuses_before_it_computes():
    """Requests of a few bytes whose sizes would make the reference create arrays of hundreds of
    MB, or that pass arrays of more dimensions than a block uses, get a plain error instead; the
    course's sizes (the cat images, 12288 x 209) are still served."""
    references = block_process.References(served_blocks("week4_deep_nn_application"))
    for request in (("initialize_parameters_deep", [6000, 6000]),
                    ("initialize_parameters_deep", np.array([3, 6000, 6000])),
                    ("initialize_parameters", 6000, 6000, 1),
                    ("relu", np.zeros((2, 2, 2)))):
        reply, _ = _block(references, *request)
        assert reply["id"] == 7 and reply["error"][0] == "ValueError", reply
        assert "more than 16,777,216 numbers" in reply["error"][1]
    _, params = _block(references, "initialize_parameters_deep", [12288, 20, 7, 5, 1])
    assert params["W1"].shape == (20, 12288) and params["b4"].shape == (1, 1)
    X = np.full((12288, 209), 1e-3)
    _, output = _block(references, "linear_forward", X, params["W1"], params["b1"])
    assert output[0].shape == (20, 209)


def test_notebooks_of_absurdly_many_cells_or_values_are_refused_before_parsing(tmp_path):
    base = json.loads(nbformat.writes(nbformat.read(SOURCE, 4)))
    cells = dict(base, cells=base["cells"] + [nbformat.v4.new_code_cell("pass")] * MAX_CELLS)
    (tmp_path / "cells.ipynb").write_text(json.dumps(cells))
    with pytest.raises(SubmissionError, match="cells, more than the 2,000"):
        read_notebook(tmp_path / "cells.ipynb")
    values = "[" + "0.5," * MAX_VALUES + "0.5]"
    text = json.dumps(base).replace('"metadata": {', '"metadata": {"x": ' + values + ", ", 1)
    (tmp_path / "values.ipynb").write_text(text)
    with pytest.raises(SubmissionError, match="more than 4,000,000 values"):
        read_notebook(tmp_path / "values.ipynb")
    assert len(read_notebook(SOURCE).cells) == len(base["cells"])


# ----------------------------------------------------------------------------- one grading run


# Every graded function raises an exception whose class poses as a builtin and whose name and
# message carry the digits of its first input: as one word, in groups, one by one, as Arabic digits.
POSE = r'''
def _pose(value):
    digits = "".join(c for c in repr(float(np.ravel(np.asarray(value, dtype=float))[0])) if c.isdigit())
    kind = type("E" + digits, (ValueError,), {"__module__": "builtins"})
    raise kind(f"v{digits} {digits[:3]}-{digits[3:6]} (" + ", ".join(digits) + ") axis " + " axis ".join(digits)
               + " " + "".join(chr(0x660 + int(d)) for d in digits))
'''
POSER_FUNCTIONS = {name: fn(name, args, f"_pose({args.split(',')[0]})") for name, args in corpus.ARGS.items()}

NAN_FUNCTIONS = {
    "basic_sigmoid": fn("basic_sigmoid", "x", "return float('nan')"),
    "sigmoid": fn("sigmoid", "x", "return np.full(np.shape(x), np.nan)"),
    "sigmoid_derivative": fn("sigmoid_derivative", "x", "return np.full(np.shape(x), np.inf)"),
    "image2vector": fn("image2vector", "image", "return np.full((image.size, 1), -np.inf)"),
    "normalize_rows": fn("normalize_rows", "x", "return x * np.nan"),
    "softmax": fn("softmax", "x", "return np.full(x.shape, np.float16(1e5))"),
    "L1": fn("L1", "yhat, y", "return float('inf')"),
    "L2": fn("L2", "yhat, y", "return np.float64('nan')"),
}

# Look-alike names: the right code under names spelled with Cyrillic letters, the real names left
# as stubs, and the solution cells' grade ids changed to look-alikes too.
CYRILLIC = str.maketrans({"a": "\u0430", "e": "\u0435", "o": "\u043e", "i": "\u0456", "s": "\u0455",
                          "L": "\u13de"})   # (Cherokee: NFKC keeps it, unlike a Roman numeral)

# Links, a FIFO and replaced files made inside the sandbox while the notebook runs.
LINKER_CELL = r'''
for _i, _target in enumerate(["/", "/etc/passwd", "/proc/self/environ", "/proc/1/root", os.getcwd()]):
    for _folder in (os.getcwd(), os.path.expanduser("~"), "/tmp"):
        try:
            os.symlink(_target, os.path.join(_folder, f"link{_i}"))
        except OSError:
            pass
for _name in ("numpy_basics.ipynb", "timestamp.txt", "results.json"):
    try:
        os.remove(_name)
    except OSError:
        pass
    try:
        os.symlink("/etc/passwd", _name)
    except OSError:
        pass
try:
    os.mkfifo("/tmp/results.json")
except OSError:
    pass
'''

# The protocol mimicked: a whole fake session printed, and written to every open descriptor.
MIMIC_CELL = r'''
import json, os
_lines = [{{"type": "ready", "protocol": 2}}] + [{{"type": "cell", "index": i, "seconds": 0.0, "error": None}}
                                                 for i in range(60)]
for _seq in range(80):
    for _name in {functions!r}:
        for _n in range(1, 10):
            _lines.append({{"type": "call", "seq": _seq, "id": f"{{_name}}/{{_n}}", "status": "ok", "seconds": 0.0,
                           "output": 0.5, "args_after": {{"tuple": [{{"tuple": []}}, {{"dict": []}}]}},
                           "error": None, "removed": []}})
_lines.append({{"type": "done"}})
_text = "".join(json.dumps(line) + "\n" for line in _lines)
print(_text)
for _fd in range(0, 64):
    try:
        os.write(_fd, ("\n" + _text).encode())
    except OSError:
        pass
'''


def _confusables():
    nb = release_with({})
    source = {grade_id(c): c.source for c in nbformat.read(SOURCE, 4).cells if grade_id(c)}
    for cell in nb.cells:
        name = grade_id(cell)
        if name in corpus.ARGS:
            cell.source = source[name].replace(f"def {name}(", f"def {name.translate(CYRILLIC)}(")
            cell.metadata["nbgrader"]["grade_id"] = name.translate(CYRILLIC)
    return nb


def _hidden_digits() -> set[str]:
    """Every run of 5 digits of the hidden inputs' first values, as Python writes them."""
    from autograder.build.source import SourceNotebook
    from autograder.grading.plan import build_plan

    runs = set()
    for f in build_plan(SourceNotebook(SOURCE)).functions:
        for case in f.cases:
            digits = "".join(c for c in repr(float(np.ravel(np.asarray(case.args[0], dtype=float))[0]))
                             if c.isdigit()).lstrip("0")
            runs.update(digits[i:i + 5] for i in range(len(digits) - 4))
    return runs


@pytest.fixture(scope="module")
def attacked():
    course = new_course(Path(tempfile.mkdtemp(prefix="layerlab-attacks3-")))
    submit(course, "control", nbformat.read(SOURCE, 4))
    submit(course, "poser", release_with(POSER_FUNCTIONS, extra=POSE))
    submit(course, "nan", release_with(NAN_FUNCTIONS))
    submit(course, "confusables", _confusables())
    submit(course, "linker", release_with(corpus.WRONG, extra=LINKER_CELL))
    submit(course, "mimic", release_with(corpus.WRONG, extra=MIMIC_CELL.format(functions=list(corpus.ARGS))))
    cells = release_with(corpus.WRONG)
    cells.cells += [nbformat.v4.new_code_cell("pass") for _ in range(3 * MAX_CELLS)]
    submit(course, "cells", cells)
    values = json.loads(nbformat.writes(release_with(corpus.WRONG)))
    values["cells"][0]["metadata"]["x"] = "VALUES"
    submit(course, "values", json.dumps(values).replace('"VALUES"', "[" + "0.5," * (2 * MAX_VALUES) + "0.5]"))
    proc = grade_attacked(course)
    yield course, proc
    shutil.rmtree(course, ignore_errors=True)


def test_the_run_succeeds_and_the_control_is_graded_in_full(attacked):
    course, proc = attacked
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    result = results(course, "control", ASSIGNMENT)
    assert result["score"] == result["max_score"] == 10, result["errors"]
    peak = peak_mib(attacked[1])
    assert peak < 900, f"the grader peaked at {peak:.0f} MiB"


def test_an_exception_posing_as_a_builtin_discloses_no_digits(attacked):
    course, _ = attacked
    received = written(course, "poser")
    runs = _hidden_digits()
    assert len(runs) > 20
    leaked = sorted(r for r in runs if r in received or " ".join(r) in received or ", ".join(r) in received)
    assert not leaked, leaked
    assert not re.search("[\u0660-\u0669]", received)
    result = results(course, "poser", ASSIGNMENT)
    assert result["score"] == 0
    messages = "\n".join(m for f in result["functions"].values() for m in f["messages"])
    assert "ValueError" in messages and "E0" not in messages and "v0" not in messages


def test_nan_and_infinite_results_score_nothing_and_are_written_as_text(attacked):
    result = results(attacked[0], "nan", ASSIGNMENT)
    assert result["score"] == 0
    assert all(f["score"] == 0 for f in result["functions"].values())


def test_look_alike_names_gain_nothing(attacked):
    result = results(attacked[0], "confusables", ASSIGNMENT)
    assert result["score"] == 0, {n: f["messages"] for n, f in result["functions"].items()}


def test_links_made_inside_the_sandbox_reach_nothing_outside_it(attacked):
    course, _ = attacked
    assert results(course, "linker", ASSIGNMENT)["score"] == 0
    received = written(course, "linker")
    assert "root:" not in received and "PATH=" not in received
    odd = [str(p) for p in course.rglob("*") if p.is_symlink() or p.exists() and not (p.is_file() or p.is_dir())]
    assert not odd, odd


def test_a_mimicked_protocol_gains_nothing(attacked):
    """Its forged cell reports make the grader send the first call early, so a forged answer can
    meet an asked call: then the real answer conflicts with it and the case fails; no case passes."""
    result = results(attacked[0], "mimic", ASSIGNMENT)
    assert result["score"] == 0
    for name, function in result["functions"].items():
        assert function["cases"] >= 5 and function["passed"] == 0, (name, function["messages"])


@pytest.mark.parametrize("student, words", [("cells", "cells, more than the 2,000"),
                                            ("values", "more than 4,000,000 values")])
def test_absurd_notebooks_are_refused_with_a_plain_sentence(attacked, student, words):
    result = results(attacked[0], student, ASSIGNMENT)
    assert result["score"] == 0
    assert any(words in e for e in result["errors"]), result["errors"]
