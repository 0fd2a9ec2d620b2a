"""A ninth held-out corpus, written blind: 41 realistic single mistakes in the two week-4 notebooks.

Written on 2026-12-06, while the team lead was building a new way of diagnosing mistakes for
issue 19 and another helper wrote the eighth corpus (weeks 2 and 3), without reading any part of
the diagnosis (the hint modules, the properties, the judge, the grader, the catalogue
docs/mistakes.md, the notebooks' corpora in tests/corpus and tests/judge, or the history after
1c41478): only the reference notebooks in source/, the course outline and the seven other held-out
corpora were read, the last for the format and for their week-4 mistakes, which those here do not
repeat (no entry is the same slip in the same function as one of theirs; none has their code).

Per notebook: deep_nn_step_by_step 25, deep_nn_application 16 (two_layer_model 8, L_layer_model 8).
The code and the words of all 41 were written before anything was run, and four replacements
with their words as well, for the entries thought most likely to pass. The entries were then run
once, with the checks of main at 1c41478, by a script that prints only "fails", "PASSES" or
"harness error" per entry, never a report: all 41 fail and none broke the harness, so none was
replaced (the four replacements were not needed and are not in this file), and no code or words
were changed after that run: the module's layout was (two lines wrapped, the models' common end of
the training loop made one constant), the 41 entries checked identical before and after, and run
again by the same script: 41 fail. Only then was the README's one-judge section, which outlines
the recognisers, read, to add this corpus to it.

Each mistake is one slip a student of the course makes in the function's own code, the notebook's
other functions called as the notebook calls them. The words that name each real cause were fixed
with the code, before anything was run, with several alternatives and short stems so that any
sentence naming the cause contains one, and without words that many sentences contain ("sign",
"order", "result", "shape"): the count is a lower-case substring test on the report's "Likely
mistake:" and "Hint:" lines. Each entry is (notebook, function, code of the mistaken function,
words naming the real cause), run and counted by :func:`checks.heldout_mistakes.measure` like the
other corpora. The module is self-contained: the correct bodies below are the reference solutions
of source/, and each mistake is one of them with one place written wrong, or a function written
out in full.
"""

from __future__ import annotations

STEP, APP = "deep_nn_step_by_step", "deep_nn_application"
TRAIN_ARGS = "X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False"

# the end of both models' training loops: one step of gradient descent, the cost kept every 100
TRAINING_STEP = """
    parameters = update_parameters(parameters, grads, learning_rate)
    if i % 100 == 0:
        costs.append(cost)
    if print_cost and i % 100 == 0:
        print(f"Cost after iteration {i}: {float(cost):.6f}")
return parameters, costs"""

BODIES = {
    "initialize_parameters": ("n_x, n_h, n_y", """
np.random.seed(1)
W1 = np.random.randn(n_h, n_x) * 0.01
b1 = np.zeros((n_h, 1))
W2 = np.random.randn(n_y, n_h) * 0.01
b2 = np.zeros((n_y, 1))
parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
return parameters"""),
    "initialize_parameters_deep": ("layer_dims", """
np.random.seed(3)
parameters = {}
L = len(layer_dims) - 1
for l in range(1, L + 1):
    parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
    parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
return parameters"""),
    "linear_forward": ("A, W, b", """
Z = np.dot(W, A) + b
cache = (A, W, b)
return Z, cache"""),
    "linear_activation_forward": ("A_prev, W, b, activation", """
Z, linear_cache = linear_forward(A_prev, W, b)
if activation == "sigmoid":
    A, activation_cache = sigmoid(Z)
elif activation == "relu":
    A, activation_cache = relu(Z)
cache = (linear_cache, activation_cache)
return A, cache"""),
    "L_model_forward": ("X, parameters", """
caches = []
A = X
L = len(parameters) // 2
for l in range(1, L):
    A_prev = A
    A, cache = linear_activation_forward(A_prev, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
    caches.append(cache)
AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
caches.append(cache)
return AL, caches"""),
    "compute_cost": ("AL, Y", """
m = Y.shape[1]
cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
cost = np.squeeze(cost)
return cost"""),
    "linear_backward": ("dZ, cache", """
A_prev, W, b = cache
m = A_prev.shape[1]
dW = np.dot(dZ, A_prev.T) / m
db = np.sum(dZ, axis=1, keepdims=True) / m
dA_prev = np.dot(W.T, dZ)
return dA_prev, dW, db"""),
    "linear_activation_backward": ("dA, cache, activation", """
linear_cache, activation_cache = cache
if activation == "relu":
    dZ = relu_backward(dA, activation_cache)
elif activation == "sigmoid":
    dZ = sigmoid_backward(dA, activation_cache)
dA_prev, dW, db = linear_backward(dZ, linear_cache)
return dA_prev, dW, db"""),
    "L_model_backward": ("AL, Y, caches", """
grads = {}
L = len(caches)
Y = Y.reshape(AL.shape)
dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
grads["dA" + str(L - 1)] = dA_prev
grads["dW" + str(L)] = dW
grads["db" + str(L)] = db
for l in reversed(range(L - 1)):
    current_cache = caches[l]
    dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
    grads["dA" + str(l)] = dA_prev
    grads["dW" + str(l + 1)] = dW
    grads["db" + str(l + 1)] = db
return grads"""),
    "update_parameters": ("params, grads, learning_rate", """
L = len(params) // 2
parameters = {}
for l in range(1, L + 1):
    parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
return parameters"""),
    "two_layer_model": (TRAIN_ARGS, """
np.random.seed(1)
costs = []
n_x, n_h, n_y = layers_dims
parameters = initialize_parameters(n_x, n_h, n_y)
for i in range(num_iterations):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
    A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
    cost = compute_cost(A2, Y)
    dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
    dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
    dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}""" + TRAINING_STEP),
    "L_layer_model": (TRAIN_ARGS, """
np.random.seed(1)
costs = []
parameters = {}
for l in range(1, len(layers_dims)):
    parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(layers_dims[l - 1])
    parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
for i in range(num_iterations):
    AL, caches = L_model_forward(X, parameters)
    cost = compute_cost(AL, Y)
    grads = L_model_backward(AL, Y, caches)""" + TRAINING_STEP),
}


def written(name: str, args: str, body: str) -> str:
    """The source of ``def name(args):`` with ``body`` indented under it."""
    return f"def {name}({args}):\n" + "\n".join("    " + line for line in body.strip("\n").splitlines()) + "\n"


def slip(name: str, right: str, wrong: str) -> str:
    """The correct ``name`` of :data:`BODIES` with its text ``right`` (found exactly once) written as ``wrong``."""
    args, body = BODIES[name]
    if body.count(right) != 1:
        raise ValueError(f"{right!r} must occur exactly once in the correct body of {name}")
    return written(name, args, body.replace(right, wrong))


TWO_ENTRIES = ["// 2", "half", "two entries per layer", "two per layer", "w and b for each", "twice the number",
               "len(parameters) // 2", "counts b", "both w and b"]

CORPUS = [
    # ------------------------------------------------------------------ deep_nn_step_by_step
    (STEP, "initialize_parameters", slip("initialize_parameters", "np.random.seed(1)\n", ""),
     ["seed(1)", "seed with 1", "seeded with 1", "seed 1", "np.random.seed", "no seed", "not seeded",
      "without seeding", "without a seed", "unseeded", "forgot the seed", "missing seed"]),
    (STEP, "initialize_parameters",
     slip("initialize_parameters", "np.random.randn(n_y, n_h)", "np.random.randn(n_y, n_x)"),
     ["(n_y, n_h)", "n_x instead of n_h", "instead of n_h", "n_h columns", "w2 with n_x", "w2 uses n_x",
      "n_x for w2", "copied from w1", "copy of w1"]),
    (STEP, "initialize_parameters_deep",
     slip("initialize_parameters_deep", "layer_dims[l - 1]) * 0.01", "layer_dims[l - 1] * 0.01)"),
     ["parenthes", "bracket", "outside the call", "inside the call", "0.01 inside", "inside randn",
      "inside np.random.randn", "after the call", "multiplies the dimension", "dimension by 0.01"]),
    (STEP, "initialize_parameters_deep",
     slip("initialize_parameters_deep", "L = len(layer_dims) - 1", "L = len(layer_dims)"),
     ["len(layer_dims) - 1", "len(layer_dims)-1", "one layer too many", "counts the input", "l + 1 entries",
      "l+1 entries", "one too many", "past the last", "len(layer_dims) layers"]),
    (STEP, "initialize_parameters_deep",
     slip("initialize_parameters_deep", "np.zeros((layer_dims[l], 1))", "np.zeros(layer_dims[l])"),
     ["rank-1", "rank 1", "(layer_dims[l], 1)", "1-d", "one-dimensional", "column vector", "two dimensions", "2-d",
      "(n[l], 1)", "second axis", "trailing 1"]),
    (STEP, "initialize_parameters_deep", slip("initialize_parameters_deep",
                                              "parameters = {}\nL = len(layer_dims) - 1\nfor l in range(1, L + 1):\n",
                                              "L = len(layer_dims) - 1\nfor l in range(1, L + 1):\n"
                                              "    parameters = {}\n"),
     ["overwrit", "rebuil", "recreat", "re-creat", "new dict", "empty dict", "parameters = {}", "only the last layer",
      "last layer only", "earlier layers", "parameters = {} inside", "dict inside the loop", "emptied", "reset"]),
    (STEP, "linear_forward", slip("linear_forward", "cache = (A, W, b)", "cache = (Z, W, b)"),
     ["(a, w, b)", "z instead of a", "a instead of z", "instead of the input", "the input a", "z in the cache",
      "cache holds z", "cache stores z", "stores z", "(z, w, b)", "a_prev in the cache", "input activations"]),
    (STEP, "linear_forward", slip("linear_forward", "np.dot(W, A)", "np.dot(W.T, A)"),
     ["w.t", "transpos", "np.dot(w, a)", "without .t", "no .t", "drop the .t", "remove the .t", ".t on the first",
      "first operand"]),
    (STEP, "linear_activation_forward", slip("linear_activation_forward", "    A, activation_cache = relu(Z)",
                                             "    A = np.tanh(Z)\n    activation_cache = Z"),
     ["tanh", "relu(z)", "np.maximum", "max(0", "relu instead", "instead of relu", "not relu", "relu, not"]),
    (STEP, "linear_activation_forward",
     slip("linear_activation_forward", "cache = (linear_cache, activation_cache)", "cache = linear_cache"),
     ["(linear_cache, activation_cache)", "activation_cache", "activation cache", "both caches", "pair of caches",
      "two caches", "z as well"]),
    (STEP, "L_model_forward", slip("L_model_forward", "L = len(parameters) // 2", "L = len(parameters)"), TWO_ENTRIES),
    (STEP, "L_model_forward", written("L_model_forward", "X, parameters", BODIES["L_model_forward"][1].replace(
        "caches.append(cache)", "caches += cache")),
     ["append", "+=", "extend", "flatten", "one cache per layer", "one entry per layer", "2l", "two entries per layer",
      "tuple per layer"]),
    (STEP, "L_model_forward", slip("L_model_forward", 'parameters["W" + str(L)], parameters["b" + str(L)]',
                                   'parameters["W" + str(l)], parameters["b" + str(l)]'),
     ["str(l)", "loop variable", "l instead of", "lower-case l", "lowercase l", "capital l", "last layer's w",
      "layer l-1", "layer l - 1", "l - 1 instead", "previous layer's w", "hidden layer's w"]),
    (STEP, "compute_cost", slip("compute_cost", "np.log(1 - AL)) / m", "np.log(1 - AL), axis=0) / m"),
     ["axis=0", "axis 0", "no axis", "without axis", "single number", "one number", "per example", "one cost per",
      "sum over all", "every example", "scalar", "0-d"]),
    (STEP, "compute_cost", slip("compute_cost", "cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m",
                                "cost = -(1 / m) * np.sum(Y * np.log(AL)) + (1 - Y) * np.log(1 - AL)"),
     ["parenthes", "bracket", "inside the sum", "outside the sum", "inside np.sum", "outside np.sum", "both terms",
      "second term", "whole bracket", "not summed", "isn't summed", "is not summed"]),
    (STEP, "compute_cost", slip("compute_cost", "np.log(AL) + (1 - Y)", "np.log(AL) - (1 - Y)"),
     ["+ (1 - y)", "plus", "minus between", "- (1 - y)", "+ instead of -", "- instead of +", "subtract",
      "should be added", "add the two", "add both", "second term", "sign of the second", "opposite sign",
      "flipped sign"]),
    (STEP, "linear_backward", slip("linear_backward", "np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)"),
     ["keepdims", "rank-1", "rank 1", "(n, 1)", "1-d", "one-dimensional", "column vector", "two dimensions", "2-d"]),
    (STEP, "linear_backward", slip("linear_backward", "np.dot(dZ, A_prev.T)", "np.dot(dZ, A_prev)"),
     ["a_prev.t", "transpos", "second operand", ".t on the second", "np.dot(dz, a_prev.t)"]),
    (STEP, "linear_activation_backward", slip("linear_activation_backward",
                                              "    dZ = sigmoid_backward(dA, activation_cache)",
                                              "    s = sigmoid(activation_cache)\n    dZ = dA * s * (1 - s)"),
     ["tuple", "unpack", "two values", "returns a pair", "(a, z)", "a, _ =", "s, _ =", "first element",
      "sigmoid_backward"]),
    (STEP, "linear_activation_backward", slip("linear_activation_backward", "linear_backward(dZ, linear_cache)",
                                              "linear_backward(dZ, cache)"),
     ["linear_cache", "whole cache", "full cache", "entire cache", "both caches", "pair of caches",
      "(linear_cache, activation_cache)", "outer cache"]),
    (STEP, "L_model_backward", slip("L_model_backward", "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                                    "m = AL.shape[1]\ndAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / m"),
     ["/ m", "divided by m", "divide by m", "division by m", "extra division", "twice", "m times too small",
      "times too small", "linear_backward already"]),
    (STEP, "L_model_backward", slip("L_model_backward",
                                    '    grads["dW" + str(l + 1)] = dW\n    grads["db" + str(l + 1)]',
                                    '    grads["dW" + str(l)] = dW\n    grads["db" + str(l)]'),
     ["str(l + 1)", "dw{l + 1}", "dw{l+1}", "off by one", "dw0", "db0", "one layer off", "numbered from 1",
      "layer l + 1"]),
    (STEP, "L_model_backward", slip("L_model_backward", 'caches[L - 1], "sigmoid")', 'caches[L - 1], "relu")'),
     ['"sigmoid"', "'sigmoid'", "`sigmoid`", "sigmoid_backward", "sigmoid for the output", "output layer's sigmoid",
      "output layer is sigmoid", "last layer is sigmoid", "sigmoid layer", "relu instead of sigmoid", "relu where"]),
    (STEP, "update_parameters", written("update_parameters", "params, grads, learning_rate", """
parameters = params
L = len(parameters) // 2
for l in range(L):
    parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
    parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
return parameters"""),
     ["in place", "in-place", "modif", "-=", "copy", "same dict", "alias", "changes params", "your input",
      "not modified", "caller"]),
    (STEP, "update_parameters", slip("update_parameters", 'params["b" + str(l)] - learning_rate * grads',
                                     'params["b" + str(l)] - grads'),
     ["learning_rate * grads", "learning_rate * db", "without the learning rate", "without learning_rate",
      "missing learning", "forgot the learning", "not scaled", "unscaled", "full gradient", "learning rate for b",
      "times the learning rate", "multiply db", "multiplied by the learning"]),
    # ------------------------------------------------------------------ deep_nn_application
    (APP, "two_layer_model", slip("two_layer_model", 'linear_activation_backward(dA1, cache1, "relu")',
                                  'linear_activation_backward(dA1, cache1, "sigmoid")'),
     ['"relu"', "'relu'", "`relu`", "relu_backward", "relu's derivative", "derivative of relu", "hidden layer is relu",
      "relu layer", "sigmoid instead of relu", "sigmoid where", "relu hidden"]),
    (APP, "two_layer_model", slip("two_layer_model", 'linear_activation_forward(A1, W2, b2, "sigmoid")',
                                  'linear_activation_forward(A1, W2, b2, "relu")'),
     ['"sigmoid"', "'sigmoid'", "`sigmoid`", "sigmoid output", "output layer is sigmoid", "sigmoid for the output",
      "output layer's sigmoid", "sigmoid on the output", "relu instead of sigmoid", "relu on the output",
      "relu where"]),
    (APP, "two_layer_model", slip("two_layer_model", '"db2": db2}', '"db2": db1}'),
     ['"db2": db2', "'db2': db2", "db1 instead", "instead of db2", "db1 for b2", "db1 as db2", "db2 is db1",
      "b2 with db1", "b2 updated with db1", "gradient of b1"]),
    (APP, "two_layer_model", slip("two_layer_model", 'parameters["W1"], parameters["b1"]',
                                  'parameters["W1"], parameters["b2"]'),
     ['parameters["b1"]', "parameters['b1']", "b2 instead of b1", "instead of b1", "b1 is b2", "b2 as b1",
      "b2 for layer 1", "b1 = parameters"]),
    (APP, "two_layer_model", slip("two_layer_model", "range(num_iterations)", "range(1, num_iterations)"),
     ["range(num_iterations)", "start at 0", "starts at 1", "start from 0", "starts from 1", "iteration 0",
      "iterations 0, 100", "one iteration short", "one fewer", "range(1,", "first iteration", "one iteration too few"]),
    (APP, "two_layer_model", slip("two_layer_model", "return parameters, costs", "return costs, parameters"),
     ["parameters, costs", "(parameters, costs)", "swapped", "other way round", "returns costs first", "costs first",
      "order it returns", "return order", "parameters first"]),
    (APP, "two_layer_model", slip("two_layer_model", """    if i % 100 == 0:
        costs.append(cost)
    if print_cost and i % 100 == 0:
""", """    if print_cost and i % 100 == 0:
        costs.append(cost)
"""), ["print_cost", "only when printing", "only if printing", "when printing", "whether it prints",
       "independent of print", "regardless of print"]),
    (APP, "two_layer_model", slip("two_layer_model", "n_x, n_h, n_y = layers_dims",
                                  "n_x, n_h, n_y = X.shape[1], layers_dims[1], layers_dims[2]"),
     ["shape[0]", "number of features", "features", "rows of x", "n_x from layers_dims", "layers_dims[0]",
      "number of examples", "examples instead", "shape[1] is m", "x.shape[1]"]),
    (APP, "L_layer_model", slip("L_layer_model", "update_parameters(parameters, grads, learning_rate)",
                                "update_parameters(grads, parameters, learning_rate)"),
     ["argument order", "arguments swapped", "swapped", "(parameters, grads", "grads and parameters",
      "parameters and grads", "parameters first", "params first"]),
    (APP, "L_layer_model", slip("L_layer_model", "np.zeros((layers_dims[l], 1))", "np.random.randn(layers_dims[l], 1)"),
     ["np.zeros", "zeros", "zero bias", "biases start at zero", "bias to zero", "biases to zero", "random bias",
      "random b", "b random", "biases random", "draws for b", "drawing b"]),
    (APP, "L_layer_model", slip("L_layer_model", "/ np.sqrt(layers_dims[l - 1])", "/ layers_dims[l - 1]"),
     ["sqrt", "square root", "√"]),
    (APP, "L_layer_model", slip("L_layer_model", "np.random.seed(1)", "np.random.seed(3)"),
     ["seed(1)", "seed 1", "seed of 1", "seeded with 1", "seed is 1", "seed with 1", "seed(3)", "seed 3",
      "seed of 3"]),
    (APP, "L_layer_model", slip("L_layer_model", "np.random.randn(layers_dims[l], layers_dims[l - 1])",
                                "np.random.randn(layers_dims[l - 1], layers_dims[l])"),
     ["transpos", "(layers_dims[l], layers_dims[l - 1])", "(n[l], n[l-1])", "(n[l], n[l - 1])", "rows and columns",
      "swapped", "the other way round", "dimensions reversed", "reversed dimensions"]),
    (APP, "L_layer_model", slip("L_layer_model", "L_model_backward(AL, Y, caches)", "L_model_backward(AL, Y, cache)"),
     ["did you mean", "typo", "misspel", "spelled", "spelling", "`caches`", "'caches'", '"caches"']),
    (APP, "L_layer_model", slip("L_layer_model", "return parameters, costs", "return parameters"),
     ["parameters, costs", "(parameters, costs)", "two values", "return costs", "also return", "costs as well",
      "and costs", "a pair", "costs too", "both values"]),
    (APP, "L_layer_model", slip("L_layer_model", 'parameters["b" + str(l)] = np.zeros',
                                'parameters["W" + str(l)] = np.zeros'),
     ['"b" + str(l)', "'b' + str(l)", "key 'b", 'key "b', "overwrit", "no entry 'b1'", 'no entry "b1"', "b1 missing",
      "missing b", "biases missing", "no biases", "no bias", "w1 is a column of zeros", "zeros for w",
      "w set to zeros", "w replaced"]),
]
