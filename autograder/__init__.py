"""Instructor side of layerlab: reference extraction from ``source/``, generated fixtures and the
release pipeline. Never shipped to students' kernels as a source of answers."""
