"""Mistakes in ``week4_deep_nn_application/deep_nn_application.ipynb`` (see :mod:`corpus`), and solutions that are correct in
another way; run through both judges (tests/judge) and the sandboxed grader (tests/autograder)."""

from __future__ import annotations

from corpus import fn

ASSIGNMENT = "week4_deep_nn_application"
NOTEBOOK = "deep_nn_application"
SIGNATURE = "X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False"


def _indent(code: str) -> str:
    return "\n".join("    " + line for line in code.strip("\n").splitlines())


def _two_layer(start: str = "parameters = initialize_parameters(n_x, n_h, n_y)", inside: str = "",
               dA2: str = "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))", rate: str = "learning_rate",
               record: str = "i % 100 == 0", seed: str = "np.random.seed(1)", sizes: str = "n_x, n_h, n_y = layers_dims",
               costs: str = "costs", before: str = "") -> str:
    return before + fn("two_layer_model", SIGNATURE, f"""
{seed}
costs = []
{sizes}
{start}
for i in range(num_iterations):
{_indent(inside) if inside else ""}
    A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = {dA2}
    dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
    grads = {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
    parameters = update_parameters(parameters, grads, {rate})
    if {record}:
        costs.append(cost)
return parameters, {costs}
""")


DEEP_INIT = """parameters = {}
for l in range(1, len(layers_dims)):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))"""


def _L_layer(init: str = DEEP_INIT, inside: str = "", rate: str = "learning_rate", record: str = "i % 100 == 0",
             seed: str = "np.random.seed(1)", keep: str = "parameters = ") -> str:
    return fn("L_layer_model", SIGNATURE, f"""
{seed}
costs = []
{init}
for i in range(num_iterations):
{_indent(inside) if inside else ""}
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches)
    {keep}update_parameters(parameters, grads, {rate})
    if {record}:
        costs.append(cost)
return parameters, costs
""")


# ----------------------------------------------------------------------------- common mistakes
# (function, solution cell, words the grader's messages must contain, mistake id or None)
MISTAKES = [
    ("two_layer_model", _two_layer(inside="parameters = initialize_parameters(n_x, n_h, n_y)"),
     "the cost never changes", "training.does-not-move"),
    ("two_layer_model", _two_layer(start="initialize_parameters_deep = blocks.initialize_parameters_deep\n"
                                         "parameters = initialize_parameters_deep([n_x, n_h, n_y])"),
     "parameters = initialize_parameters(n_x, n_h, n_y)", "training.starting-point"),
    ("two_layer_model", _two_layer(dA2="np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)"),
     "starts with a minus sign", "training.goes-uphill"),
    ("two_layer_model", _two_layer(record="True"), "record the cost when i % 100 == 0", "training.recording-rule"),
    ("two_layer_model", _two_layer(rate="0.0075"), "use the learning_rate argument", "training.gets-nowhere"),
    ("two_layer_model", _two_layer(sizes="", before="n_x, n_h, n_y = 12288, 7, 1\n\n"),
     "matrix product don't match", "error.matmul-shapes"),
    ("L_layer_model", _L_layer(inside="np.random.seed(1)\n" + DEEP_INIT), "initialise the parameters once, before the loop", "training.does-not-move"),
    ("L_layer_model", _L_layer(keep=""), "keep what update_parameters returns", "training.does-not-move"),
    ("L_layer_model", _L_layer(seed=""), "call np.random.seed(1) at the start of the function", "training.starting-point"),
    ("L_layer_model", _L_layer(record="i % 50 == 0"), "record the cost when i % 100 == 0", "training.recording-rule"),
    ("L_layer_model", _L_layer().replace("return parameters, costs", "return parameters"), "expected a tuple of 2 items", None),
    ("L_layer_model", _L_layer(init=DEEP_INIT.replace("range(1, len(layers_dims))", "range(1, len(layers_dims) - 1)")),
     "there is no entry", "near-miss.index"),
    ("two_layer_model", _two_layer().replace('linear_activation_backward(dA1, cache1, "relu")',
                                             'linear_activation_backward(dA1, cache1, "sigmoid")'),
     "each layer gets its own cache and activation", "training.another-path"),
    # round 4: calls that do not match the called block's def line
    ("two_layer_model", _two_layer().replace("(parameters, grads, learning_rate)", "(parameters, grads)"),
     "without its argument `learning_rate`", "error.argument-left-out"),
    ("two_layer_model", _two_layer(start="initialize_parameters_deep = blocks.initialize_parameters_deep\n"
                                         "parameters = initialize_parameters_deep(n_x, n_h, n_y)"),
     "takes 1 positional argument but got 3", "error.argument-too-many"),
    ("L_layer_model", _L_layer(rate="lr=learning_rate"), "has no argument named `lr`", "error.unknown-keyword"),
    ("L_layer_model", _L_layer().replace("for i in range(num_iterations):", "for i in range(num_iterations - 1):"),
     "the loop ends early", "training.loop-stops-early"),
    ("two_layer_model", _two_layer().replace("costs.append(cost)", "costs.append(float(np.squeeze(A2)))"),
     "float() and int() also take one value only", "error.math-on-array"),
]

# Mistakes whose first diagnosis differs between the paths: the public cases train for a few
# hundred iterations and see the cost get nowhere, the hidden ones record one to four costs and see
# where it starts or that it does not move; both paths must take points and the grader's words say
# what to fix.
PATHS_DIFFER = [
    ("L_layer_model", _L_layer(init="initialize_parameters_deep = blocks.initialize_parameters_deep\n"
                                    "parameters = initialize_parameters_deep(layers_dims)"),
     "not initialize_parameters_deep, which seeds 3", "error.undefined-name"),
    ("L_layer_model", _L_layer(init=DEEP_INIT.replace("/ np.sqrt(layers_dims[l - 1])", "* 0.01")), "not ×0.01", None),
    ("L_layer_model", _L_layer(rate="0.0075"), "use the learning_rate argument", None),
    ("L_layer_model", _L_layer(inside=DEEP_INIT), "draw the parameters once, before the loop", None),
    ("two_layer_model", _two_layer(dA2="A2 - Y"), "A2 - Y is already dZ2", None),
]

# Mistakes only the grader can see: the hidden cases check contracts the public checks do not.
GRADER_ONLY = [
    ("two_layer_model", _two_layer(costs="np.array(costs)"), "costs must be a Python list", "model.costs-not-a-list"),
]

# ----------------------------------------------------------------------------- correct, differently
VARIANTS = [
    ("two_layer_model", fn("two_layer_model", SIGNATURE, """
np.random.seed(1)
parameters = initialize_parameters(*layers_dims)
costs = []
i = 0
while i < num_iterations:
    A2, caches = L_model_forward(X, parameters)      # the same network: relu, then sigmoid
    cost = compute_cost(A2, Y)
    parameters = update_parameters(parameters, L_model_backward(A2, Y, caches), learning_rate=learning_rate)
    if i % 100 == 0:
        costs.append(float(cost))
        if print_cost:
            print("Cost after iteration", i, ":", float(cost))
    i += 1
return parameters, costs
""")),
    ("two_layer_model", fn("two_layer_model", SIGNATURE, """
np.random.seed(1)
n_x, n_h, n_y = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
m = X.shape[1]
costs = []
for i in range(num_iterations):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = W1 @ X + b1
    A1 = np.maximum(0, Z1)
    A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
    if i % 100 == 0:
        costs.append(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
    dZ2 = A2 - Y
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    grads = {"dW2": dZ2 @ A1.T / m, "db2": dZ2.mean(axis=1, keepdims=True),
             "dW1": dZ1 @ X.T / m, "db1": dZ1.mean(axis=1, keepdims=True)}
    parameters = {k: parameters[k] - learning_rate * grads["d" + k] for k in parameters}
return parameters, costs
""")),
    ("L_layer_model", fn("L_layer_model", SIGNATURE, """
np.random.seed(1)
parameters = {}
for l, (n_prev, n) in enumerate(zip(layers_dims[:-1], layers_dims[1:]), start=1):
    parameters[f"W{l}"] = np.random.randn(n, n_prev) * np.sqrt(1 / n_prev)
    parameters[f"b{l}"] = np.zeros((n, 1))
costs = []
for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)
    grads = L_model_backward(AL, Y, caches)
    if i % 100 == 0:
        costs.append(float(compute_cost(AL, Y)))
    if print_cost and i % 100 == 0:
        print(f"Cost after iteration {i}: {costs[-1]:f}")
    parameters = update_parameters(parameters, grads, learning_rate)
return parameters, costs
""")),
    ("L_layer_model", fn("L_layer_model", SIGNATURE, """
np.random.seed(1)
sizes = list(layers_dims)
parameters = {}
for l in range(1, len(sizes)):
    parameters["W%d" % l] = np.random.standard_normal((sizes[l], sizes[l - 1])) / sizes[l - 1] ** 0.5
    parameters["b%d" % l] = np.zeros((sizes[l], 1), dtype=float)
costs = [compute_cost(L_model_forward(X, parameters)[0], Y)]
for i in range(1, num_iterations + 1):
    AL, caches = L_model_forward(X, parameters)
    parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
    if i % 100 == 0 and i < num_iterations:
        costs.append(compute_cost(L_model_forward(X, parameters)[0], Y))
return parameters, costs
""")),
]
