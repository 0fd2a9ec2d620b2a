"""Interactive widgets powered by the student's own functions (ipywidgets 8 + ipympl).

Three widgets, one per week, each opened by a cell at the end of that week's notebook:

* :func:`explore_logistic_regression` (week 2): learning rate (log scale) and iterations; the cost
  curves of several runs overlaid; train and test accuracy; a browser over the pictures with each
  one's label and the model's probability. Uses the student's ``initialize_with_zeros``,
  ``optimize``, ``predict`` and ``sigmoid``.
* :func:`playground` (week 3): a TensorFlow-Playground-like trainer of the one-hidden-layer network:
  data set, noise, hidden units, learning rate, hidden activation, starting weights, steps per
  frame; Run / Pause / Step / Reset; live decision boundary, cost curve, train and test accuracy;
  the network drawn with its weights and every hidden unit's output over the plane (one large);
  lessons (presets with a sentence); Share / Load a setting as one line. Uses the student's
  ``initialize_parameters``, ``forward_propagation``, ``compute_cost``, ``backward_propagation``
  and ``update_parameters``.
* :func:`explore_deep_network` (week 4): depth and width of the hidden layers, learning rate,
  iterations; cost curve; train and test accuracy; the mislabeled test pictures, updated as the
  network learns. Uses ``L_model_forward``, ``compute_cost``, ``L_model_backward`` and
  ``update_parameters``.

Every widget draws into one figure, created once, whose artists are updated in place; it trains in
small chunks on the kernel's asyncio loop (Pause and the sliders respond while it trains); sliders
that retrain report their value only when released. A student function that is not implemented yet
or raises is named in the widget's status line, never shown as a traceback. Nothing trains until
the student presses a button, so the cells stay quick under *Run All*.

Standalone page (e.g. a lecture demo), with voila::

    voila demos/widgets.ipynb --Voila.ip=127.0.0.1 --port=8866 --no-browser      # or: make demo

Headless (tests, benchmarks): pass ``headless=True`` to draw on a plain Agg canvas; call a widget's
``step()`` / ``frame()`` to train synchronously, and inspect its artists and state.

Each widget is a trainer and a view: the trainer (:mod:`.logistic_trainer`, :mod:`.planar_trainer`,
:mod:`.deep_trainer`) holds the model and trains it with the student's functions, in plain NumPy
(no ipywidgets, no Matplotlib); the view builds the controls and the figure around it. The widgets
are imported from here when first asked for, so ``import layerlab.widgets.deep_trainer`` works
without ipywidgets.

Views: :mod:`.logistic` (week 2), :mod:`.planar_playground` (week 3), :mod:`.deep` (week 4);
:mod:`.figure` (the ipympl or Agg figure), :mod:`.runner` (the asyncio training loop),
:mod:`.student` (calling the student's functions), :mod:`.controls`, :mod:`.planar_data`,
:mod:`.other_activations` (the playground's non-tanh forward pass; gradients from two calls of the
student's backward_propagation). The playground's parts: :mod:`.planar_trainer` (the network and
its training, plain NumPy), :mod:`.playground_checks`, :mod:`.playground_figures`,
:mod:`.unit_views` (network drawing, unit maps), :mod:`.playground_setting` (the shared line),
:mod:`.playground_presets` (lessons), :mod:`.playground_controls` (lesson, Share, Load).
"""

from importlib import import_module

#: name -> the module that defines it (imported on first use: see the docstring)
_WHERE = {"playground": ".planar_playground", "Playground": ".planar_playground",
          "explore_logistic_regression": ".logistic", "LogisticRegressionExplorer": ".logistic",
          "explore_deep_network": ".deep", "DeepNetworkExplorer": ".deep", "NotReady": ".student"}

__all__ = list(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE[name], __name__), name)


def __dir__():
    return sorted(list(globals()) + __all__)
