"""Does importing layerlab choose the BLAS threads from the idle cores, re-check them while training,
and can a user opt out? (The decision logic is checked on given loads; how fast the chosen threads
train is measured by `make bench`, not here.)"""

import json
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


def test_import_chooses_the_threads_automatically_within_the_cores():
    probe = ("import json, layerlab, layerlab.threads as t; "
             "print(json.dumps([t.is_automatic(), t.current_blas_threads(), t.usable_cores()]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")
                              and k != "LAYERLAB_BLAS_THREADS"})
    assert out.returncode == 0, out.stderr
    automatic, threads, cores = json.loads(out.stdout)
    assert automatic is True
    assert len(set(threads)) == 1 and 1 <= threads[0] <= min(cores, 4)


@pytest.mark.parametrize("setting", ["1", "2"])
def test_a_blas_loaded_after_layerlab_runs_the_same_threads(setting):
    # scikit-learn loads SciPy's own OpenBLAS, after layerlab has limited NumPy's
    out = subprocess.run([sys.executable, "-c", "import layerlab, sklearn.linear_model, layerlab.threads as t; "
                          "print(t.current_blas_threads())"],
                         env={**{k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")},
                              "LAYERLAB_BLAS_THREADS": setting}, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert set(eval(out.stdout)) == {int(setting)}


def test_blas_threads_none_restores_the_environment():
    probe = ("import os, layerlab, layerlab.threads as t; before = os.environ.get('OPENBLAS_NUM_THREADS'); "
             "t.blas_threads(None); print(before, os.environ.get('OPENBLAS_NUM_THREADS'), "
             "os.environ.get('MKL_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS") and k != "LAYERLAB_BLAS_THREADS"}
    out = subprocess.run([sys.executable, "-c", probe], env={**env, "OPENBLAS_NUM_THREADS": "3",
                                                             "LAYERLAB_BLAS_THREADS": "1"},
                         capture_output=True, text=True)
    assert out.stdout.split() == ["1", "3", "None"], out.stderr


def test_a_number_sets_that_many_threads_for_good():
    out = _threads_after_import("2")
    assert set(eval(out.stdout)) == {2}
    probe = "import layerlab, layerlab.threads as t; print(t.is_automatic(), t.rechecking(len) is len)"
    out = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "LAYERLAB_BLAS_THREADS": "1"},
                         capture_output=True, text=True)
    assert out.stdout.split() == ["False", "True"], out.stderr


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


# ------------------------------------------------------------------------- the decision logic

@pytest.mark.parametrize("cores, others_busy, threads", [
    (2, 0.0, 2),     # an idle 2-core machine: both cores
    (2, 1.0, 1),     # one core kept busy by another process: one thread
    (2, 2.0, 1),     # everything busy: still one thread
    (2, 0.3, 2),     # a little background work does not cost a core
    (2, 0.7, 1),     # most of a core does
    (8, 0.0, 4),     # an idle laptop: at most MAX_AUTO_THREADS
    (8, 5.2, 3),
    (1, 0.0, 1),
    (4, -1.0, 4),    # a negative estimate (rounding of the counters) counts as idle
])
def test_threads_follow_the_idle_cores(cores, others_busy, threads):
    from layerlab.threads import choose_threads
    assert choose_threads(cores, others_busy) == threads


def test_choose_threads_rejects_no_cores():
    from layerlab.threads import choose_threads
    with pytest.raises(ValueError, match="at least 1"):
        choose_threads(0, 0.0)


def test_proc_stat_gives_busy_and_total_ticks():
    from layerlab.threads import parse_proc_stat
    text = ("cpu  100 5 50 800 40 3 2 0 7 0\n"
            "cpu0 50 2 25 400 20 1 1 0 3 0\nintr 12345\n")
    busy, total = parse_proc_stat(text)
    assert total == 100 + 5 + 50 + 800 + 40 + 3 + 2 + 0
    assert busy == total - 800 - 40
    with pytest.raises(ValueError):
        parse_proc_stat("intr 1 2 3\n")


def test_others_busy_cores_leave_out_this_process():
    from layerlab.threads import others_busy_cores
    # 2 cores, half of all ticks busy over 1 s: 1 core busy; this process used 1 s of CPU: others 0
    assert others_busy_cores(100, 200, 2, own_cpu_seconds=1.0, seconds=1.0) == pytest.approx(0.0)
    # all busy over 0.5 s while this process used 0.5 s (one core): the other core is someone else's
    assert others_busy_cores(100, 100, 2, own_cpu_seconds=0.5, seconds=0.5) == pytest.approx(1.0)
    assert others_busy_cores(0, 0, 2, 0.0, 0.0) == 0.0


def test_rechecking_calls_recheck_before_the_block_when_automatic():
    probe = ("import layerlab, layerlab.threads as t\n"
             "calls = []\n"
             "t.recheck = lambda: calls.append('recheck')\n"
             "block = t.rechecking(lambda x: calls.append(x) or x)\n"
             "print(t.is_automatic(), block(3), calls)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={**os.environ, "LAYERLAB_BLAS_THREADS": "auto"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True 3 ['recheck', 3]"
