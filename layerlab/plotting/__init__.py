"""Pictures that say more than numbers: cost curves, decision boundaries, image grids.

One module per kind of picture (``cost``, ``boundary``, ``images``). Every function draws into a
Matplotlib ``Axes`` it is given or creates, returns what it drew, and works headless (Agg), so the
notebooks call them and the tests can check them.
"""
