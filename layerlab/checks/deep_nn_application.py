"""Public checks of the week-4 application (``week4_deep_nn_application/deep_nn_application.ipynb``).

In the notebook::

    from layerlab.checks import deep_nn_application as checks
    checks.check_two_layer_model(two_layer_model)

The models are trained on small seeded problems (a few features, 5 to 10 examples, a few hundred
iterations, well under a second) and their returned ``(parameters, costs)`` compared with the
reference's, generated into ``expected/deep_nn_application.json``. The recognisers read the cost
history: a constant cost means training never moves (parameters initialised inside the loop, or
the updated parameters thrown away), a different first cost means a different starting point
(seed or initialisation) or another forward pass (the costs cannot tell which: both are named), a
cost that moves but hardly goes down while the expected one falls means parameters drawn anew
inside the loop (or a fixed learning rate), a cost that rises or becomes nan means updates that
climb the gradient or overshoot, a different number of recorded costs means the wrong recording
rule. A call of a building block that does not fit its def line (an argument left out, say) is
named from the error (:mod:`layerlab.judge.call_errors`).

Decisions worth knowing:
  * Every case sets NumPy's global seed to something other than 1 before the call: the models
    must call ``np.random.seed(1)`` themselves (the course's convention, so numbers are comparable).
  * ``learning_rate`` and ``num_iterations`` are passed by keyword, ``print_cost`` is left at its
    default (False): a model that prints when asked not to is not an error, just noisy.

The grader's hidden cases sit beside the public ones (``hidden=``, see
:mod:`layerlab.judge.contract`); every copy of layerlab that leaves the instructor's repository is
stripped of them, and of what describes them.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks.parameter_keys import exact_parameter_keys, first_of_pair
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.checks.training_report import condense_training, recorded_costs
from layerlab.judge.catalogue import mistake
from layerlab.judge.contract import Hidden, HiddenCase

NOTEBOOK = "deep_nn_application"


# --------------------------------------------------------------------------- hints

def _stops_early(want, got) -> bool:
    """Fewer recorded costs than expected (at least one), each equal to the expected one: the
    same training, cut short."""
    costs, expected = recorded_costs(got), recorded_costs(want)
    return (costs is not None and expected is not None and 0 < len(costs) < len(expected)
            and bool(np.allclose(costs, expected[:len(costs)], rtol=1e-6, atol=1e-9)))


@mistake("training.loop-stops-early", "the training loop runs fewer than num_iterations times",
         topic="model-assembly")
def _loop_stops_early(args, want, got):
    """The recorded costs are the first ones of the expected, and fewer."""
    if not _stops_early(want, got):
        return None
    return ("the recorded costs match the expected ones as far as they go, then stop: the loop "
            "ends early; it must run num_iterations times, for i in range(num_iterations) "
            "(range(num_iterations - 1) or a break stops one or more iterations short)")


@mistake("training.recording-rule", "not one recorded cost per 100 iterations",
         topic="model-assembly")
def _recording_rule(args, want, got):
    """Another number of recorded costs than the expected one (not a training cut short)."""
    costs = recorded_costs(got)
    if costs is None or len(costs) == len(want[1]) or _stops_early(want, got):
        return None
    n = len(want[1])
    return (f"record the cost when i % 100 == 0, that is at iterations 0, 100, 200, ...: "
            f"{n} costs for this number of iterations, not {len(costs)}")


@mistake("training.does-not-move", "the cost never changes: updates lost or parameters re-initialised in the loop",
         topic="model-assembly")
def _training_does_not_move(args, want, got):
    """Every recorded cost equals the first."""
    costs = recorded_costs(got)
    if costs is None or len(costs) < 2 or len(costs) != len(want[1]):
        return None
    if np.allclose(costs, costs[0], rtol=1e-10, atol=1e-12):
        return ("the cost never changes, so every iteration sees the same thing: compute the "
                "forward pass and the cost inside the loop, at every iteration, from the current "
                "parameters; initialise the parameters once, before the loop (not inside it); and "
                "keep what update_parameters returns for the next iteration")
    return None


def _hardly_trains(want, got) -> bool:
    """The expected costs fall below a third of the first, the student's never below half of
    theirs, and they are not all equal: training moves, but gets nowhere."""
    costs, expected = recorded_costs(got), recorded_costs(want)
    if costs is None or expected is None or len(costs) < 2 or len(costs) != len(expected):
        return False
    if np.allclose(costs, costs[0], rtol=1e-10, atol=1e-12):  # _training_does_not_move's case
        return False
    return bool(expected[-1] < expected[0] / 3 and np.min(costs[1:]) > costs[0] / 2)


def _training_gets_nowhere(forward_words: str):
    @mistake("training.gets-nowhere", "the cost moves but never comes down", topic="model-assembly")
    def hint(args, want, got):
        """The expected costs fall below a third of the first, the returned ones never below half
        of theirs; when the first cost already differs, the forward pass is the other suspect."""
        if not _hardly_trains(want, got):
            return None
        costs, expected = recorded_costs(got), recorded_costs(want)
        # no expected numbers in the words: the grader shows hints for hidden cases too
        what = ("the cost does not come down (the expected costs fall below a third of the first "
                "one; yours stay above half of yours)")
        if not np.isclose(costs[0], expected[0], rtol=1e-6, atol=1e-9):
            what = "the very first cost already differs, and " + what
            forward = "; or the forward pass computes something else: " + forward_words
        else:
            forward = ""
        return (what + ": draw the parameters once, before the loop (new ones drawn inside it "
                "restart training at every iteration), keep what update_parameters returns, and "
                "use the learning_rate argument (not a fixed number)" + forward)
    return hint


def _starting_point(init_words: str, forward_words: str):
    @mistake("training.starting-point", "the first cost differs: other starting parameters or another forward pass",
             topic="initialisation")
    def hint(args, want, got):
        """The first recorded cost (iteration 0) differs from the expected one: it comes before any
        update, so from the starting parameters or the forward pass (the costs cannot tell which)."""
        costs = recorded_costs(got)
        if costs is None or len(costs) == 0 or len(want[1]) == 0 or _hardly_trains(want, got):
            return None
        if not np.isclose(costs[0], recorded_costs(want)[0], rtol=1e-6, atol=1e-9):
            return ("the very first cost (iteration 0) already differs; it is computed before any "
                    "update, so either training starts from other parameters: call "
                    "np.random.seed(1) at the start of the function (the check sets another seed "
                    "before calling), then " + init_words + "; or the forward pass computes "
                    "something else: " + forward_words)
        return None
    return hint


def _goes_uphill(sign_words: str):
    @mistake("training.goes-uphill", "the cost rises or becomes nan: the updates climb the gradient or overshoot",
             topic="gradient-descent")
    def hint(args, want, got):
        """The first recorded cost matches and the expected ones fall, but a later returned cost is
        nan or infinite, or the last one is above the first."""
        costs, expected = recorded_costs(got), recorded_costs(want)
        if costs is None or expected is None or len(costs) < 2 or len(costs) != len(expected):
            return None
        if not (np.isclose(costs[0], expected[0], rtol=1e-6, atol=1e-9) and expected[-1] < expected[0]):
            return None
        if np.all(np.isfinite(costs)) and not costs[-1] > costs[0] * (1 + 1e-6):
            return None
        return ("the cost rises (or becomes nan) instead of falling, so the updates move the "
                "parameters up the gradient, or far too far: check the signs, " + sign_words +
                ", and that each parameter gets its own gradient (dW1 for W1, db1 for b1, ...)")
    return hint


def _later_costs(step_words: str):
    @mistake("training.another-path", "the first cost right, later costs differ",
             topic="model-assembly")
    def hint(args, want, got):
        """The first recorded cost matches, later ones differ but still fall (rising costs are
        :func:`_goes_uphill`'s)."""
        costs = recorded_costs(got)
        expected = recorded_costs(want)
        if costs is None or len(costs) != len(expected) or len(costs) < 2 or _hardly_trains(want, got):
            return None
        if not np.all(np.isfinite(costs)) or costs[-1] > costs[0]:
            return None
        if np.isclose(costs[0], expected[0]) and not np.allclose(costs, expected, rtol=1e-6, atol=1e-9):
            return ("the first cost is right but training takes another path, and the costs alone "
                    "do not tell which step differs: check that the learning_rate argument is used "
                    "(not a fixed number), " + step_words + ", and that each layer gets its own "
                    "cache and activation")
        return None
    return hint


# --------------------------------------------------------------------------- output contracts

@mistake("model.costs-not-a-list", "costs returned as an array, not a list", topic="return-values")
def _costs_is_a_list(args, got):
    """Property: the recorded costs are a Python list."""
    costs = got[1] if isinstance(got, (tuple, list)) and len(got) == 2 else None
    if costs is not None and not isinstance(costs, list):
        what = f"an array of shape {costs.shape}" if isinstance(costs, np.ndarray) else type(costs).__name__
        return f"costs must be a Python list (append each recorded cost to a list), got {what}"
    return None


PROPERTIES = [_costs_is_a_list, exact_parameter_keys(lambda args: len(args[2]) - 1, first_of_pair)]


# --------------------------------------------------------------------------- the cases

def _problem(seed: int, n_x: int, m: int) -> tuple:
    """A small, roughly linearly separable problem: X (n_x, m), Y (1, m) of 0/1."""
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    w = rng.randn(1, n_x)
    Y = (w @ X + 0.3 * rng.randn(1, m) > 0).astype(int)
    return X, Y


def _case(global_seed: int, seed: int, layers_dims, m: int) -> tuple:
    X, Y = _problem(seed, layers_dims[0], m)
    np.random.seed(global_seed)  # not 1: the model must seed itself
    return X, Y, layers_dims


def _hidden_problem(seed: int, n_x: int, m: int, dtype=np.int64) -> tuple:
    """X (n_x, m) and labels Y (1, m): label 1 when a fixed direction's projection (plus some noise)
    is above its median; both labels present, so the cost never reaches 0 in a few hundred steps."""
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    w = rng.randn(1, n_x)
    score = w @ X + 0.5 * rng.randn(1, m)
    Y = (score > np.median(score)).astype(dtype)
    return X, Y


def _hidden_case(seed: int, n_x: int, m: int, layers_dims, learning_rate: float, num_iterations: int,
                 global_seed: int, dtype=np.int64) -> HiddenCase:
    """A hidden case: small seeded problems that train in milliseconds (at most 12 examples and 201
    iterations; the grader serves the building blocks call by call), with other sizes than the
    public cases (one input feature, one hidden unit, a single step, L = 1, 4 and 5 layers, layer
    sizes as a tuple or a list, labels as ints or floats) and the same seeding convention (the
    grader sets ``global_seed`` right before the call)."""
    return HiddenCase(make=lambda: _hidden_problem(seed, n_x, m, dtype) + (layers_dims,),
                      kwargs={"learning_rate": learning_rate, "num_iterations": num_iterations},
                      seed=global_seed)


#: what the forward pass of each model must compute (the other cause of a different first cost)
TWO_LAYER_FORWARD = ('the hidden layer uses "relu" and the output layer "sigmoid", and the cost is '
                     "compute_cost(A2, Y)")
DEEP_FORWARD = "AL, caches = L_model_forward(X, parameters), then compute_cost(AL, Y)"

SPECS = {
    "two_layer_model": FunctionSpec("two_layer_model", [
        Case("X (5, 8), Y (1, 8), layers_dims = (5, 4, 1), learning_rate = 0.5, num_iterations = 301",
             lambda: _case(0, 1, (5, 4, 1), 8), {"learning_rate": 0.5, "num_iterations": 301}),
        Case("X (3, 6), Y (1, 6), layers_dims = (3, 2, 1), learning_rate = 1.0, num_iterations = 201",
             lambda: _case(5, 2, (3, 2, 1), 6), {"learning_rate": 1.0, "num_iterations": 201}),
    ], hints=[_loop_stops_early, _recording_rule, _training_does_not_move, _training_gets_nowhere(TWO_LAYER_FORWARD),
              _starting_point("parameters = initialize_parameters(n_x, n_h, n_y) with "
                              "(n_x, n_h, n_y) = layers_dims (it draws W1 ×0.01, then W2)", TWO_LAYER_FORWARD),
              _goes_uphill("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)) starts with a "
                           "minus sign, and update_parameters gets the positive learning_rate; "
                           'that each backward step uses the activation of its forward step ("sigmoid" '
                           'for layer 2, "relu" for layer 1)'),
              _later_costs("that dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)), the "
                           "derivative of the cost with respect to A2 (A2 - Y is already dZ2)")], properties=PROPERTIES, condense=condense_training, hidden=Hidden([
        _hidden_case(401, 4, 10, (4, 3, 1), 0.3, 201, global_seed=0),
        _hidden_case(402, 1, 6, (1, 5, 1), 0.5, 101, global_seed=7),       # one feature
        _hidden_case(403, 6, 12, [6, 1, 1], 0.2, 101, global_seed=3),      # one hidden unit, a list
        _hidden_case(404, 3, 5, (3, 8, 1), 0.1, 1, global_seed=42),        # one step, one cost
        _hidden_case(405, 5, 9, (5, 6, 1), 0.05, 101, global_seed=11, dtype=np.float64),
    ])),
    "L_layer_model": FunctionSpec("L_layer_model", [
        Case("X (5, 8), Y (1, 8), layers_dims = [5, 4, 3, 1], learning_rate = 0.1, num_iterations = 301",
             lambda: _case(0, 3, [5, 4, 3, 1], 8), {"learning_rate": 0.1, "num_iterations": 301}),
        Case("X (3, 5), Y (1, 5), layers_dims = [3, 1] (no hidden layer), learning_rate = 0.5, "
             "num_iterations = 201",
             lambda: _case(7, 4, [3, 1], 5), {"learning_rate": 0.5, "num_iterations": 201}),
        Case("X (6, 10), Y (1, 10), layers_dims = [6, 5, 4, 3, 1], learning_rate = 0.05, "
             "num_iterations = 301",
             lambda: _case(2, 5, [6, 5, 4, 3, 1], 10), {"learning_rate": 0.05, "num_iterations": 301}),
    ], hints=[_loop_stops_early, _recording_rule, _training_does_not_move, _training_gets_nowhere(DEEP_FORWARD),
              _starting_point("for l = 1, ..., L in order: W[l] = np.random.randn(n[l], n[l-1]) / "
                              "np.sqrt(n[l-1]) and b[l] = zeros (n[l], 1); not ×0.01, and not "
                              "initialize_parameters_deep, which seeds 3", DEEP_FORWARD),
              _goes_uphill("update_parameters gets the positive learning_rate, and the grads of "
                           "L_model_backward(AL, Y, caches) as they are"),
              _later_costs("that the grads come from L_model_backward(AL, Y, caches) of this "
                           "iteration's forward pass")], properties=PROPERTIES, condense=condense_training, hidden=Hidden([
        _hidden_case(411, 5, 10, [5, 6, 5, 4, 3, 1], 0.05, 201, global_seed=0),    # L = 5
        _hidden_case(412, 3, 8, [3, 4, 3, 2, 1], 0.1, 101, global_seed=9),         # L = 4
        _hidden_case(413, 4, 6, [4, 1], 0.5, 101, global_seed=5),                  # L = 1
        _hidden_case(414, 2, 12, (2, 6, 1), 0.3, 101, global_seed=21),             # a tuple
        _hidden_case(415, 6, 7, [6, 5, 4, 1], 0.2, 1, global_seed=3),              # one step
        _hidden_case(416, 1, 9, [1, 3, 3, 1], 0.1, 101, global_seed=13, dtype=np.float64),
    ])),
}

check_two_layer_model = make_check(NOTEBOOK, SPECS["two_layer_model"])
check_L_layer_model = make_check(NOTEBOOK, SPECS["L_layer_model"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
