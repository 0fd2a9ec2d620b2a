"""Set up layerlab's demo course on JupyterHub (``make hub``): system users, the instructor's
course directory, a hardened nbgrader exchange and the students' Python environment.

Run as root: ``python -m hubsetup`` (with ``hub/`` on ``sys.path``); ``--help`` lists the options.
Every step checks what exists and reuses it, and says what it creates.
"""
