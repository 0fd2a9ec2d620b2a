"""Mistakes read from a graded function's code rather than from its values, so they hold for any
function of the course: a call with its arguments in another order than the callee's def line,
an argument the function never reads, a value computed and never used while a similar name is,
training and test data mixed in one call.

Each recogniser takes the :class:`~layerlab.judge.code_facts.CodeFacts` of the function (plain
data, the same from its bytecode and from its source) and returns a
:class:`~layerlab.judge.outcome.Diagnosis` or None. :func:`findings` runs them; both paths show
what they find on every failing case of the function only (a right function is never told about
its style): the argument order first (it is certain), the others after the case's first
diagnosis (a recogniser of the function that names the same mistake more precisely speaks first).
"""

from __future__ import annotations

from layerlab.judge.catalogue import mistake
from layerlab.judge import near_misses
from layerlab.judge.code_facts import CodeFacts
from layerlab.judge.outcome import Diagnosis

ORDER = "call.arguments-out-of-order"
UNUSED_ARGUMENT = "code.argument-never-used"
UNUSED_VALUE = "code.value-never-used"
MIXED_SETS = "code.train-and-test-mixed"
#: arguments a correct solution may leave unread (print_cost; Y_test, which model reads only to
#: print the test accuracy), and values it computes without using them (dA0: the input's
#: gradient, which the course's backward step returns and training ignores).
MAY_STAY_UNUSED = {"print_cost", "Y_test", "dA0", "cache", "caches", "costs", "cost", "grads", "i", "l"}
#: and local values that may stay unused too: b, unpacked from linear_backward's cache
#: (A_prev, W, b) with the rest and not needed for the gradients (an argument b must be read).
VALUES_MAY_STAY_UNUSED = MAY_STAY_UNUSED | {"b"}


@mistake(ORDER, "a function called with its arguments in another order than its def line",
         topic="python-basics")
def out_of_order(facts: CodeFacts) -> Diagnosis | None:
    """A call, without keyword arguments, that passes at least two of the callee's own parameter
    names at other positions than its def line has them."""
    for call in facts.calls:
        params = list(facts.signatures.get(call.callee, ()))
        if call.keywords or not params:
            continue
        misplaced = [(i, a) for i, a in enumerate(call.args)
                     if a in params and i < len(params) and params.index(a) != i]
        if len(misplaced) < 2:
            continue
        where = "; ".join(f"`{a}` is passed where `{params[i]}` belongs" for i, a in misplaced)
        return Diagnosis(ORDER, f"`{call.callee}({', '.join(call.args)})` passes its arguments in "
                                f"another order than its def line `{call.callee}({', '.join(params)})`: "
                                f"{where}; Python matches arguments by position, so pass them in the "
                                f"def line's order")
    return None


@mistake(UNUSED_ARGUMENT, "an argument of the def line never read", topic="python-basics")
def argument_never_used(facts: CodeFacts) -> Diagnosis | None:
    """A parameter of the function (other than ``print_cost``) that its code never reads: the
    check passes a value the function ignores (a fixed number, or another name, in its place)."""
    unused = [p for p in facts.params if p not in facts.loaded and p not in MAY_STAY_UNUSED
              and not p.startswith("_")]
    if not unused:
        return None
    listed = " and ".join(f"`{p}`" for p in unused)
    return Diagnosis(UNUSED_ARGUMENT, f"`{facts.name}` never reads its argument{'s' if len(unused) > 1 else ''} "
                                      f"{listed}: the check passes a value your code ignores; use it where "
                                      f"it belongs (is a fixed number or another name in its place?)")


@mistake(UNUSED_VALUE, "a value computed and never used, while a similar name is", topic="python-basics")
def value_never_used(facts: CodeFacts) -> Diagnosis | None:
    """A local name that is assigned but never read, while a name like it (one is the start or
    the end of the other, or they differ in one character: ``AL`` and ``A``, ``ds`` and ``s``,
    ``dA1`` and ``dA2``) is read: the one computed is likely the one meant."""
    for name in sorted(facts.stored - facts.loaded - facts.loop_variables - set(facts.params)):
        if name in VALUES_MAY_STAY_UNUSED or name.startswith("_"):
            continue
        similar = sorted(u for u in facts.loaded if u != name and _alike(u, name))
        if similar:
            return Diagnosis(UNUSED_VALUE, f"`{name}` is computed but never used, while `{similar[0]}` "
                                           f"is: is `{name}` the value meant there (returned or "
                                           f"passed on)?")
    return None


@mistake(MIXED_SETS, "training and test data mixed in one call", topic="python-basics")
def train_and_test_mixed(facts: CodeFacts) -> Diagnosis | None:
    """One call whose arguments (or the name its result is stored in) end in both ``_train`` and
    ``_test``: examples, labels and predictions of one call belong to the same set."""
    for call in facts.calls:
        names = [*call.args, *([call.target] if call.target else [])]
        train = [n for n in names if n.endswith("_train")]
        test = [n for n in names if n.endswith("_test")]
        if train and test:
            return Diagnosis(MIXED_SETS, f"`{call.callee}` gets {_listed(train)} together with "
                                         f"{_listed(test)}: the examples, labels and predictions of "
                                         f"one call belong to the same set (all training or all test)")
    return None


def findings(facts: CodeFacts | None) -> tuple[list[Diagnosis], list[Diagnosis]]:
    """(diagnoses to show first, diagnoses to show after a case's first one) for ``facts``."""
    if facts is None:
        return [], []
    found = [d for d in (out_of_order(facts),) if d]
    later = [d for d in (argument_never_used(facts), train_and_test_mixed(facts), value_never_used(facts)) if d]
    return found, later


def place(first: list[str], later: list[str], existing: list[str]) -> list[str]:
    """``existing`` (a case's sentences, or its mistake ids) with the findings' ``first`` before
    all and ``later`` after the first one, or before it when it is a near miss (a finding read
    from the code is as certain, and says where); each once."""
    at = 0 if existing and near_misses.is_near_miss(existing[0]) else 1
    return list(dict.fromkeys([*first, *existing[:at], *later, *existing[at:]]))


def _alike(a: str, b: str) -> bool:
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return True
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b)) == 1


def _listed(names: list[str]) -> str:
    return " and ".join(f"`{n}`" for n in names)
