"""Does importing layerlab pin BLAS to one thread, and can a user opt out?"""

import os
import subprocess
import sys

import pytest

PROBE = "import layerlab, layerlab.threads as t; print(t.current_blas_threads())"


def _threads_after_import(setting):
    env = dict(os.environ)
    env.pop("LAYERLAB_BLAS_THREADS", None)
    env.pop("OPENBLAS_NUM_THREADS", None)
    env.pop("OMP_NUM_THREADS", None)
    if setting is not None:
        env["LAYERLAB_BLAS_THREADS"] = setting
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    return out


def test_import_limits_blas_to_one_thread():
    out = _threads_after_import(None)
    assert out.returncode == 0, out.stderr
    assert set(eval(out.stdout)) == {1}


def test_a_blas_loaded_after_layerlab_also_runs_one_thread():
    # scikit-learn loads SciPy's own OpenBLAS, after layerlab has limited NumPy's
    out = subprocess.run([sys.executable, "-c", "import layerlab, sklearn.linear_model, layerlab.threads as t; "
                          "print(t.current_blas_threads())"],
                         env={k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")
                              and k != "LAYERLAB_BLAS_THREADS"}, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert set(eval(out.stdout)) == {1}


def test_blas_threads_none_restores_the_environment():
    probe = ("import os, layerlab, layerlab.threads as t; before = os.environ.get('OPENBLAS_NUM_THREADS'); "
             "t.blas_threads(None); print(before, os.environ.get('OPENBLAS_NUM_THREADS'), "
             "os.environ.get('MKL_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS") and k != "LAYERLAB_BLAS_THREADS"}
    out = subprocess.run([sys.executable, "-c", probe], env={**env, "OPENBLAS_NUM_THREADS": "3"},
                         capture_output=True, text=True)
    assert out.stdout.split() == ["1", "3", "None"], out.stderr


def test_a_number_sets_that_many_threads():
    out = _threads_after_import("2")
    assert set(eval(out.stdout)) == {2}


def test_default_leaves_blas_alone():
    baseline = subprocess.run([sys.executable, "-c", "import numpy, threadpoolctl as t; "
                               "print([i['num_threads'] for i in t.threadpool_info() if i['user_api']=='blas'])"],
                              env={k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")},
                              capture_output=True, text=True).stdout
    assert _threads_after_import("default").stdout == baseline


def test_a_bad_setting_says_what_to_do():
    out = _threads_after_import("many")
    assert out.returncode != 0
    assert "LAYERLAB_BLAS_THREADS='many' is not understood" in out.stderr


def test_blas_threads_rejects_zero():
    from layerlab.threads import blas_threads
    with pytest.raises(ValueError, match="at least 1"):
        blas_threads(0)
