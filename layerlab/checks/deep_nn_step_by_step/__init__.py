"""Public checks of the week-4 step-by-step assignment
(``week4_deep_nn_step_by_step/deep_nn_step_by_step.ipynb``).

In the notebook::

    from layerlab.checks import deep_nn_step_by_step as checks
    checks.check_L_model_backward(L_model_backward)

Each ``check_<name>`` runs the student's function on small seeded cases (networks of 1 to 4
layers, 2 to 5 examples), compares with the expected outputs generated from the reference solution
(``expected/deep_nn_step_by_step.json``), and names the likely mistake when it recognises one.
The recognisers look at relations between the inputs, the expected and the returned values (which
rows of a gradient are exactly zero, a flipped sign, activations outside (0, 1), a key numbered
from 0, ...); they contain no solution. They live in :mod:`layerlab.checks.deep_forward`
(initialisers, forward pass, cost) and :mod:`layerlab.checks.deep_backward` (backward pass,
update); the cost's value recognisers are shared with week 3 (:mod:`layerlab.checks.cross_entropy`).

Decisions worth knowing:
  * The initialisers must seed NumPy themselves (``np.random.seed(1)`` / ``np.random.seed(3)``):
    every case sets a *different* global seed right before the call, so relying on a seed set
    outside the function fails.
  * The backward cases hand over caches with random values (not produced by a forward pass):
    backward steps only read ``A_prev``, ``W`` and ``Z`` from them. Each ReLU layer's ``Z`` has one
    unit that is negative for every example, so a correct ReLU backward step gives that unit's
    ``dW`` row and ``db`` entry exactly 0, and a sigmoid step does not; that tells the two apart.
  * ``compute_cost`` must return one number: a Python float, a NumPy scalar or a 0-d array pass;
    a ``(1, 1)`` array does not (the check says to ``np.squeeze`` it).
  * ``L_model_forward``'s caches must be a list of L pairs ``((A_prev, W, b), Z)``.

The grader's hidden cases sit beside the public ones (``hidden=``, see
:mod:`layerlab.judge.contract`); every copy of layerlab that leaves the instructor's repository is
stripped of them, and of what describes them. The output contracts checked on both kinds of
cases live in :mod:`.properties` (the parameters' keys: :mod:`layerlab.checks.parameter_keys`), the
public cases' inputs in :mod:`.public_inputs`; recognisers of an exception that read the call's
arguments (``error_hints``) and of the right arrays put together wrongly in
:mod:`layerlab.checks.deep_wrong_input`.
"""

from __future__ import annotations

import numpy as np

from layerlab.checks import cross_entropy
from layerlab.checks import deep_backward as backward
from layerlab.checks import deep_forward as forward
from layerlab.checks import deep_wrong_input as wrong_input
from layerlab.checks.deep_nn_step_by_step import hidden_inputs
from layerlab.checks.deep_nn_step_by_step import public_inputs as public
from layerlab.checks.deep_nn_step_by_step import properties
from layerlab.checks.parameter_keys import exact_parameter_keys, layers
from layerlab.checks.planar_classification.properties import float_biases  # week 3's, every b{l}
from layerlab.checks.runner import Case, FunctionSpec, make_check
from layerlab.judge.contract import Hidden, HiddenCase

NOTEBOOK = "deep_nn_step_by_step"


# --------------------------------------------------------------------------- the cases

SPECS = {
    "initialize_parameters": FunctionSpec("initialize_parameters", [
        Case("n_x = 3, n_h = 2, n_y = 1 (NumPy's global seed set to 0 before the call)",
             lambda: public.global_seed(0, (3, 2, 1))),
        Case("n_x = 4, n_h = 5, n_y = 2 (global seed 7 before the call)",
             lambda: public.global_seed(7, (4, 5, 2))),
    ], hints=[forward.rand_not_randn, forward.seed_hint(1, "W1", "W2"), forward.scale_hint,
             forward.bias_hint, forward.bias_shape_hint],
        properties=[exact_parameter_keys(lambda args: 2), float_biases], hidden=Hidden([
        HiddenCase(lambda: (6, 4, 2), seed=3),
        HiddenCase(lambda: (1, 1, 1), seed=17),
        HiddenCase(lambda: (2, 9, 1), seed=0),
        HiddenCase(lambda: (12, 3, 3), seed=2024),
        HiddenCase(lambda: (7, 10, 1), seed=5),
    ])),
    "initialize_parameters_deep": FunctionSpec("initialize_parameters_deep", [
        Case("layer_dims = [5, 4, 3] (global seed 0 before the call)", lambda: public.global_seed(0, ([5, 4, 3],))),
        Case("layer_dims = [4, 3, 2, 1] (global seed 5 before the call)",
             lambda: public.global_seed(5, ([4, 3, 2, 1],))),
        Case("layer_dims = [3, 1]: one layer, L = 1 (global seed 2 before the call)",
             lambda: public.global_seed(2, ([3, 1],))),
    ], hints=[forward.deep_keys_hint, forward.rand_not_randn,
             forward.seed_hint(3, "W1", "W2, W3, ... in layer order"), forward.scale_hint, forward.bias_hint,
             forward.bias_shape_hint],
        properties=[exact_parameter_keys(lambda args: len(args[0]) - 1), float_biases], hidden=Hidden([
        HiddenCase(lambda: ([6, 5, 4, 3, 1],), seed=1),                # L = 4
        HiddenCase(lambda: ([3, 7, 1],), seed=11),
        HiddenCase(lambda: ([8, 6, 5, 4, 3, 2],), seed=0),             # L = 5
        HiddenCase(lambda: ([4, 4],), seed=5),                         # L = 1, a square W1
        HiddenCase(lambda: ([1, 2, 1],), seed=21),                     # one input feature
        HiddenCase(lambda: ([10, 9, 8, 7, 6, 5, 1],), seed=2),         # L = 6
    ])),
    "linear_forward": FunctionSpec("linear_forward", [
        Case("A = [[1, 2], [3, 4], [5, 6]], W = [[1, -1, 2]], b = [[0.5]]",
             lambda: (public.array(public.EXAMPLE_A), public.array(public.EXAMPLE_W[:1]), public.array([[0.5]]))),
        Case("random A (5, 4), W (3, 5), b (3, 1)",
             lambda: public.linear_cache(public.seeded(11), 3, 5, 4, nonnegative=True)),
        Case("random A (2, 2), W (4, 2), b (4, 1)",
             lambda: public.linear_cache(public.seeded(12), 4, 2, 2, nonnegative=False)),
    ], hints=[forward.forgot_bias, forward.linear_cache_order],
        error_hints=[wrong_input.elementwise_product_error], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.linear_case(301, 4, 6, 7)),
        HiddenCase(lambda: hidden_inputs.linear_case(302, 1, 1, 1)),                 # one unit, one example
        HiddenCase(lambda: hidden_inputs.linear_case(303, 5, 5, 3)),                 # a square W
        HiddenCase(lambda: hidden_inputs.linear_case(304, 2, 8, 12)),
        HiddenCase(lambda: hidden_inputs.linear_case(305, 6, 3, 1)),                 # one example
    ])),
    "linear_activation_forward": FunctionSpec("linear_activation_forward", [
        Case('A_prev = [[1, 2], [3, 4], [5, 6]], W = [[1, -1, 2], [-2, 0, -1]], b = [[0.5], [0]], "relu"',
             lambda: (public.array(public.EXAMPLE_A), public.array(public.EXAMPLE_W), public.array([[0.5], [0.]]), "relu")),
        Case('the same A_prev, W, b, "sigmoid"',
             lambda: (public.array(public.EXAMPLE_A), public.array(public.EXAMPLE_W), public.array([[0.5], [0.]]), "sigmoid")),
        Case('random A_prev (4, 3), W (3, 4), b (3, 1), "relu"',
             lambda: public.linear_cache(public.seeded(21), 3, 4, 3, nonnegative=False) + ("relu",)),
        Case('random A_prev (4, 3), W (3, 4), b (3, 1), "sigmoid"',
             lambda: public.linear_cache(public.seeded(21), 3, 4, 3, nonnegative=False) + ("sigmoid",)),
    ], hints=[forward.cache_pair_swapped, forward.cache_part_missing, forward.activation_cache_unpacked,
             forward.activation_skipped,
             forward.sigmoid_for_relu, forward.relu_for_sigmoid], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.activation_case(311, 4, 6, 5, "relu")),
        HiddenCase(lambda: hidden_inputs.activation_case(312, 3, 2, 7, "sigmoid")),
        HiddenCase(lambda: hidden_inputs.activation_case(313, 1, 5, 9, "sigmoid")),  # the output layer
        HiddenCase(lambda: hidden_inputs.activation_case(314, 5, 3, 1, "relu")),     # one example
        HiddenCase(lambda: hidden_inputs.activation_case(315, 2, 7, 4, "relu")),
        HiddenCase(lambda: hidden_inputs.activation_case(316, 6, 4, 3, "sigmoid")),
    ])),
    "L_model_forward": FunctionSpec("L_model_forward", [
        Case("X (4, 3) and random parameters of a 2-layer network, layer_dims [4, 3, 1]",
             lambda: public.forward_case(31, [4, 3, 1], 3)),
        Case("X (5, 4) and a 3-layer network, layer_dims [5, 4, 3, 1]",
             lambda: public.forward_case(32, [5, 4, 3, 1], 4)),
        Case("X (3, 2) and a 1-layer network (logistic regression), layer_dims [3, 1]",
             lambda: public.forward_case(33, [3, 1], 2)),
        Case("X (6, 5) and a 4-layer network, layer_dims [6, 5, 4, 3, 1]",
             lambda: public.forward_case(34, [6, 5, 4, 3, 1], 5)),
    ], hints=[forward.forward_layer_count, forward.forward_cache_structure, forward.output_not_sigmoid,
             forward.sigmoid_in_hidden_layers, wrong_input.layer_input_value],
        error_hints=[wrong_input.layer_input_error, wrong_input.own_output_error], properties=[forward.caches_are_a_list], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.forward_case(321, [7, 6, 5, 4, 3, 1], 6)),     # L = 5
        HiddenCase(lambda: hidden_inputs.forward_case(322, [3, 5, 4, 2, 1], 12)),       # L = 4
        HiddenCase(lambda: hidden_inputs.forward_case(323, [2, 3, 1], 1)),              # one example
        HiddenCase(lambda: hidden_inputs.forward_case(324, [10, 1], 7)),                # L = 1
        HiddenCase(lambda: hidden_inputs.forward_case(325, [4, 8, 8, 8, 8, 1], 9)),     # L = 5, wide layers
        HiddenCase(lambda: hidden_inputs.forward_case(326, [1, 4, 3, 1], 8)),           # one feature
    ])),
    "compute_cost": FunctionSpec("compute_cost", [
        Case("AL = [[0.8, 0.9, 0.4]], Y = [[1, 1, 0]]",
             lambda: (public.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))),
        Case("random AL (1, 5), Y = [[1, 0, 0, 1, 1]]",
             lambda: (public.seeded(41).uniform(0.05, 0.95, (1, 5)), np.array([[1, 0, 0, 1, 1]]))),
        Case("AL = [[0.3, 0.6]], Y = [[0, 1]]", lambda: (public.array([[0.3, 0.6]]), np.array([[0, 1]]))),
    ], hints=[forward.cost_not_summed, *cross_entropy.HINTS], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.cost_case(331, 8)),
        HiddenCase(lambda: hidden_inputs.cost_case(332, 1)),                          # a single example
        HiddenCase(lambda: hidden_inputs.cost_case(333, 13, np.float64)),             # float labels
        HiddenCase(lambda: hidden_inputs.cost_case(334, 40)),
        HiddenCase(lambda: hidden_inputs.cost_case(335, 6, np.float64)),
    ])),
    "linear_backward": FunctionSpec("linear_backward", [
        Case("dZ (3, 4), cache = (A_prev (5, 4), W (3, 5), b (3, 1)), random values",
             lambda: (public.seeded(51).randn(3, 4), public.linear_cache(public.seeded(52), 3, 5, 4, nonnegative=True))),
        Case("dZ (1, 2), cache = (A_prev (3, 2), W (1, 3), b (1, 1)), random values",
             lambda: (public.seeded(53).randn(1, 2), public.linear_cache(public.seeded(54), 1, 3, 2, nonnegative=True))),
        Case("dZ (3, 5), cache = (A_prev (3, 5), W (3, 3), b (3, 1)), random values",
             lambda: (public.seeded(55).randn(3, 5), public.linear_cache(public.seeded(56), 3, 3, 5, nonnegative=False))),
    ], hints=[backward.transpose_of_w_missing, backward.dW_argument_order,
             backward.layer_not_averaged, backward.m_from_the_wrong_axis,
             backward.return_order("dA_prev, dW, db")], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.linear_backward_case(341, 2, 6, 7)),
        HiddenCase(lambda: hidden_inputs.linear_backward_case(342, 5, 5, 3)),         # a square W
        HiddenCase(lambda: hidden_inputs.linear_backward_case(343, 1, 4, 1)),         # one unit, one example
        HiddenCase(lambda: hidden_inputs.linear_backward_case(344, 6, 2, 10)),
        HiddenCase(lambda: hidden_inputs.linear_backward_case(345, 4, 4, 9)),         # a square W
    ])),
    "linear_activation_backward": FunctionSpec("linear_activation_backward", [
        Case('dA (3, 4), random cache with A_prev (5, 4), unit 0 of Z negative everywhere, "relu"',
             lambda: public.backward_layer_case(61, 3, 5, 4, "relu")),
        Case('the same dA and cache, "sigmoid"', lambda: public.backward_layer_case(61, 3, 5, 4, "sigmoid")),
        Case('dA (1, 3), random cache with A_prev (2, 3), "sigmoid"',
             lambda: public.backward_layer_case(62, 1, 2, 3, "sigmoid")),
        Case('dA (4, 2), random cache with A_prev (3, 2), "relu"',
             lambda: public.backward_layer_case(63, 4, 3, 2, "relu")),
    ], hints=[wrong_input.activation_step_skipped, backward.sigmoid_backward_for_relu("layer"),
             backward.relu_backward_for_sigmoid("layer"),
             backward.return_order("dA_prev, dW, db")], error_hints=[wrong_input.cache_part_error],
        hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.activation_backward_case(351, 4, 6, 5, "relu")),
        HiddenCase(lambda: hidden_inputs.activation_backward_case(352, 4, 6, 5, "sigmoid")),
        HiddenCase(lambda: hidden_inputs.activation_backward_case(353, 1, 3, 8, "sigmoid")),   # the output layer
        HiddenCase(lambda: hidden_inputs.activation_backward_case(354, 6, 2, 1, "relu")),      # one example
        HiddenCase(lambda: hidden_inputs.activation_backward_case(355, 3, 7, 11, "relu")),
        HiddenCase(lambda: hidden_inputs.activation_backward_case(356, 5, 5, 4, "sigmoid")),
    ])),
    "L_model_backward": FunctionSpec("L_model_backward", [
        Case("AL, Y (1, 3) and the caches of a 2-layer network [4, 3, 1] (random values)",
             lambda: public.backward_case(71, [4, 3, 1], 3)),
        Case("AL, Y (1, 4) and the caches of a 3-layer network [5, 4, 3, 1]",
             lambda: public.backward_case(72, [5, 4, 3, 1], 4)),
        Case("AL, Y (1, 2) and the cache of a 1-layer network [3, 1]",
             lambda: public.backward_case(73, [3, 1], 2)),
        Case("AL, Y (1, 5) and the caches of a 4-layer network [6, 5, 4, 3, 1]",
             lambda: public.backward_case(74, [6, 5, 4, 3, 1], 5)),
    ], hints=[backward.grads_numbering, backward.dAL_sign, backward.backward_stops_early, backward.network_not_averaged,
             backward.sigmoid_backward_for_relu("network"), backward.relu_backward_for_sigmoid("network"),
             backward.output_step_differs, backward.first_wrong_hidden_layer],
        properties=[properties.grads_keys], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.backward_case(361, [7, 6, 5, 4, 3, 1], 6)),           # L = 5
        HiddenCase(lambda: hidden_inputs.backward_case(362, [3, 5, 4, 2, 1], 12, np.float64)),  # L = 4, float labels
        HiddenCase(lambda: hidden_inputs.backward_case(363, [2, 3, 1], 1)),                    # one example
        HiddenCase(lambda: hidden_inputs.backward_case(364, [10, 1], 7)),                      # L = 1
        HiddenCase(lambda: hidden_inputs.backward_case(365, [4, 8, 8, 8, 8, 1], 9)),           # L = 5, wide layers
        HiddenCase(lambda: hidden_inputs.backward_case(366, [1, 4, 3, 1], 8)),                 # one feature
    ])),
    "update_parameters": FunctionSpec("update_parameters", [
        Case('parameters = {"W1": [[1, 2]], "b1": [[0.5]]}, grads = {"dW1": [[10, -10]], '
             '"db1": [[1]]}, learning_rate = 0.1',
             lambda: ({"W1": public.array([[1, 2]]), "b1": public.array([[0.5]])},
                      {"dW1": public.array([[10, -10]]), "db1": public.array([[1]])}, 0.1)),
        Case("random parameters and grads (also holding dA0) of a 2-layer network [3, 4, 1], "
             "learning_rate = 0.1", lambda: public.update_case(81, [3, 4, 1], 0.1)),
        Case("random parameters and grads of a 3-layer network [4, 3, 2, 1], learning_rate = 0.5",
             lambda: public.update_case(82, [4, 3, 2, 1], 0.5)),
    ], hints=[backward.update_direction, backward.update_misses_last_layer,
             backward.implied_learning_rate, backward.wrong_gradient, backward.divided_by_rate],
        properties=[exact_parameter_keys(lambda args: layers(args[0]))], hidden=Hidden([
        HiddenCase(lambda: hidden_inputs.update_case(371, [5, 4, 3, 2, 1], 0.05)),             # L = 4
        HiddenCase(lambda: hidden_inputs.update_case(372, [3, 6, 5, 4, 3, 1]),                 # L = 5, by keyword
              kwargs={"learning_rate": 1.0}),
        HiddenCase(lambda: hidden_inputs.update_case(373, [2, 1], 0.0075)),                    # L = 1
        HiddenCase(lambda: hidden_inputs.update_case(374, [8, 8, 1], 2.5)),
        HiddenCase(lambda: hidden_inputs.update_case(375, [1, 3, 3, 1], 0.3)),
    ])),
}

check_initialize_parameters = make_check(NOTEBOOK, SPECS["initialize_parameters"])
check_initialize_parameters_deep = make_check(NOTEBOOK, SPECS["initialize_parameters_deep"])
check_linear_forward = make_check(NOTEBOOK, SPECS["linear_forward"])
check_linear_activation_forward = make_check(NOTEBOOK, SPECS["linear_activation_forward"])
check_L_model_forward = make_check(NOTEBOOK, SPECS["L_model_forward"])
check_compute_cost = make_check(NOTEBOOK, SPECS["compute_cost"])
check_linear_backward = make_check(NOTEBOOK, SPECS["linear_backward"])
check_linear_activation_backward = make_check(NOTEBOOK, SPECS["linear_activation_backward"])
check_L_model_backward = make_check(NOTEBOOK, SPECS["L_model_backward"])
check_update_parameters = make_check(NOTEBOOK, SPECS["update_parameters"])

__all__ = ["SPECS"] + [f"check_{name}" for name in SPECS]
