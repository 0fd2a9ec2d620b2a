"""Sealed near misses: the fingerprint ignores float noise but not a real difference, a sealed
sentence opens only for the output it was sealed with, the public files give nothing of the
reference away, and a change that matches one failing case but not another is not named."""

from __future__ import annotations

import json
import re

import numpy as np

from autograder.build.source import source_notebooks
from conftest import REPO
from layerlab.judge.near_misses import (WHY, CaseNearMisses, NearMiss, agreeing, fingerprint, is_near_miss,
                                        seal)
from layerlab.judge.outcome import ErrorInfo

EXPECTED = REPO / "layerlab/checks/expected"


def _sealed(where: str, output, changes) -> CaseNearMisses:
    return CaseNearMisses(where, (NearMiss(*seal(where, fingerprint(output), changes)),))


def test_the_fingerprint_ignores_float_noise_but_not_a_real_difference():
    rng = np.random.RandomState(0)
    a = {"dW1": rng.randn(4, 3), "costs": [0.693, 0.5], "db": 0.25}
    noisy = {"dW1": a["dW1"] * (1 + 1e-13), "costs": [0.693 * (1 - 1e-14), 0.5], "db": np.float64(0.25)}
    assert fingerprint(a) == fingerprint(noisy)
    assert fingerprint(np.array([1, 2])) == fingerprint(np.array([1.0, 2.0]))
    assert fingerprint(np.array([1e-17, -3e-18])) == fingerprint(np.zeros(2))
    assert fingerprint(a) != fingerprint({**a, "db": 0.2501})
    assert fingerprint(np.ones((2, 1))) != fingerprint(np.ones((1, 2)))
    assert fingerprint(np.array([np.nan, np.inf])) != fingerprint(np.array([np.nan, -np.inf]))
    error = ErrorInfo("KeyError", ["KeyError", "LookupError", "Exception"], "'W0'")
    assert fingerprint(error=error) == fingerprint(error="KeyError: 'W0'") != fingerprint(error="KeyError: 'W3'")


def test_a_sealed_near_miss_opens_only_for_its_own_output_and_case():
    out = np.array([[0.5, 0.25]])
    near = _sealed("softmax/public/1", out, [("operator", "* instead of / in the line that sets s")])
    named = near.named(output=out * (1 + 1e-12))
    assert [d.id for d in named] == ["near-miss.operator"]
    assert named[0].sentence == f"* instead of / in the line that sets s ({WHY})" and is_near_miss(named[0].sentence)
    assert near.named(output=out + 1e-3) == []
    other_case = CaseNearMisses("softmax/public/2", near.misses)
    assert other_case.named(output=out) == []
    assert "instead" not in json.dumps(near.misses[0].__dict__)


def test_a_change_that_misses_one_failing_case_is_not_named():
    want1, want2 = np.zeros(3), np.ones(3)
    got1, got2 = np.full(3, 2.0), np.full(3, 5.0)
    both = [("name", "A1 instead of A2 in the line that sets Z2")]
    first_only = [("operator", "+ instead of * in the line that sets Z2")]
    case1 = CaseNearMisses("f/public/1", (NearMiss(*seal("f/public/1", fingerprint(got1), both + first_only)),))
    case2 = CaseNearMisses("f/public/2", (NearMiss(*seal("f/public/2", fingerprint(got2), both)),))
    agreed = agreeing([(case1, want1, got1, None), (case2, want2, got2, None)])
    assert [d.id for d in agreed[0].named(output=got1)] == ["near-miss.name"]
    # a case the student gets right says nothing about which change it was
    agreed = agreeing([(case1, want1, got1, None), (case2, want2, want2, None)])
    assert len(agreed[0].named(output=got1)) == 2


def test_an_output_too_many_changes_give_is_sealed_as_ambiguous_and_counts_for_nothing():
    got = np.full(3, 2.0)
    ambiguous = CaseNearMisses("f/public/1", (NearMiss(*seal("f/public/1", fingerprint(got), [])),))
    named = _sealed("f/public/2", got * 3, [("name", "A1 instead of A2")])
    agreed = agreeing([(ambiguous, np.zeros(3), got, None), (named, np.zeros(3), got * 3, None)])
    assert agreed[0].named(output=got) == []
    assert [d.id for d in agreed[1].named(output=got * 3)] == ["near-miss.name"]


def test_the_public_near_miss_files_hold_sealed_pairs_and_no_line_of_a_solution():
    lines = {line.strip() for nb in source_notebooks() for cell in nb.solution_cells()
             for line in cell.source.splitlines() if len(line.strip()) > 12 and not line.strip().startswith("#")}
    files = sorted(EXPECTED.glob("*.near.json"))
    assert len(files) == 5
    for path in files:
        text = path.read_text()
        data = json.loads(text)
        for cases in data["functions"].values():
            for case in cases:
                for lookup, box in case:
                    assert re.fullmatch(r"[0-9a-f]{24}", lookup) and re.fullmatch(r"[A-Za-z0-9+/=]+", box)
        assert not [line for line in lines if line in text]
        assert "instead of" not in text and "np." not in text
