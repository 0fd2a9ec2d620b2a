"""Relations between a wrong output and the call's inputs that hold for any graded function: the
result is one of the inputs unchanged, or it is right for the inputs of one sign and wrong for
the others. The judge tries them on a failing case that no recogniser of the function explained,
before the comparison's own observations; each returns a sentence or None.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from layerlab.judge.catalogue import identify, mistake
from layerlab.judge.outcome import Diagnosis
from layerlab.judge.recognise import safely


@mistake("values.input-returned", "an input returned unchanged instead of the result", topic="return-values")
def input_returned(args: tuple, want: Any, got: Any, parameters: Sequence[str]) -> str | None:
    """The output equals one of the array arguments (while the expected output does not): what is
    returned is not what was computed."""
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "biuf":
        return None
    for i, arg in enumerate(args):
        if (isinstance(arg, np.ndarray) and arg.shape == got.shape and np.allclose(arg, got)
                and not (np.shape(want) == arg.shape and np.allclose(want, arg))):
            name = parameters[i] if i < len(parameters) else f"argument {i + 1}"
            return (f"the result is the input `{name}` unchanged: return the value your code computes "
                    f"from it (is another name, or a copy, what was computed?)")
    return None


@mistake("values.wrong-for-one-sign", "right for inputs of one sign, wrong for the others", topic="activations")
def wrong_for_one_sign(args: tuple, want: Any, got: Any, parameters: Sequence[str]) -> str | None:
    """An element-wise result (one array argument, output of its shape) that is right exactly
    where the input is positive (or negative) and wrong everywhere else."""
    arrays = [a for a in args if isinstance(a, np.ndarray) and a.dtype.kind == "f"]
    if len(arrays) != 1 or not isinstance(got, np.ndarray) or got.shape != arrays[0].shape:
        return None
    x, want = arrays[0], np.asarray(want, dtype=float)
    if want.shape != x.shape:
        return None
    wrong = ~np.isclose(np.asarray(got, dtype=float), want, rtol=1e-6, atol=1e-9)
    if not wrong.any() or wrong.all():
        return None
    for sign, where in (("negative", x < 0), ("positive", x > 0)):
        if np.array_equal(wrong, where):
            return (f"the result is right wherever the input is {'at least 0' if sign == 'negative' else 'at most 0'} "
                    f"and wrong wherever it is {sign}: look at what your formula does with the sign "
                    f"of the input (an abs, a max, a minus sign or a condition too many?)")
    return None


RELATIONS = (input_returned, wrong_for_one_sign)


def observed(args: tuple, want: Any, got: Any, parameters: Sequence[str]) -> list[Diagnosis]:
    """The relations that hold for a failing case, as diagnoses."""
    found = []
    for relation in RELATIONS:
        sentence = safely(relation, args, want, got, parameters)
        if sentence:
            found.append(Diagnosis(identify(relation), sentence))
    return found
