"""Every identifier a recogniser carries is in the catalogue, and every catalogue entry is carried
by a recogniser that the judge runs (a public or hidden spec's hint or property, an exception
explanation, an input check)."""

from __future__ import annotations

import importlib
import pkgutil

import autograder.cases
import layerlab.checks
from autograder import cases as hidden_cases
from layerlab.judge import errors, inputs
from layerlab.judge.catalogue import MISTAKES, TOPICS, identify


def _recognisers() -> dict[str, list]:
    """Where each recogniser the judge runs comes from -> the recognisers."""
    found: dict[str, list] = {"errors": list(errors.RECOGNISERS),
                              "inputs": list(inputs.RECOGNISERS)}
    for info in pkgutil.iter_modules(layerlab.checks.__path__):
        module = importlib.import_module(f"layerlab.checks.{info.name}")
        for name, spec in getattr(module, "SPECS", {}).items():
            found[f"public {info.name}.{name}"] = [*spec.hints, *spec.properties]
    for info in pkgutil.iter_modules(autograder.cases.__path__):
        for name, spec in (hidden_cases.load(info.name) or {}).items():
            found[f"hidden {info.name}.{name}"] = [*spec.hints, *spec.properties]
    return found


def test_every_identifier_a_recogniser_carries_is_in_the_catalogue():
    unknown = [(where, identify(r)) for where, rs in _recognisers().items() for r in rs
               if identify(r) is not None and identify(r) not in MISTAKES]
    assert not unknown


def test_every_catalogue_entry_is_carried_by_a_recogniser_the_judge_runs():
    carried = {identify(r) for rs in _recognisers().values() for r in rs}
    assert sorted(set(MISTAKES) - carried) == []


def test_every_entry_has_a_known_topic_and_a_title():
    for entry in MISTAKES.values():
        assert entry.topic in TOPICS and entry.title.strip(), entry
