"""Every identifier a recogniser carries is in the catalogue, and every catalogue entry is carried
by a recogniser that the judge runs (a contract's hint or property, used on the public and the
hidden cases, an exception explanation (also one that reads the call's arguments), an input check, the
order of the arguments in the calls the function makes)."""

from __future__ import annotations

import importlib
import pkgutil

import layerlab.checks
from layerlab.judge import call_errors, code_mistakes, errors, input_relations, inputs, root_cause
from layerlab.judge.catalogue import MISTAKES, TOPICS, identify


def _recognisers() -> dict[str, list]:
    """Where each recogniser the judge runs comes from -> the recognisers."""
    found: dict[str, list] = {"errors": list(errors.RECOGNISERS),
                              "inputs": list(inputs.RECOGNISERS),
                              "root causes": list(root_cause.RECOGNISERS),
                              "a graded function's own def line": [call_errors.def_line_changed],
                              "the function's code": [code_mistakes.out_of_order, code_mistakes.argument_never_used,
                                                      code_mistakes.value_never_used,
                                                      code_mistakes.train_and_test_mixed],
                              "relations to the inputs": list(input_relations.RELATIONS)}
    for info in pkgutil.iter_modules(layerlab.checks.__path__):
        module = importlib.import_module(f"layerlab.checks.{info.name}")
        for name, spec in getattr(module, "SPECS", {}).items():
            found[f"{info.name}.{name}"] = [*spec.hints, *spec.properties, *spec.error_hints]
    return found


def test_every_identifier_a_recogniser_carries_is_in_the_catalogue():
    unknown = [(where, identify(r)) for where, rs in _recognisers().items() for r in rs
               if identify(r) is not None and identify(r) not in MISTAKES]
    assert not unknown


def _near_miss_kinds() -> set[str]:
    """The catalogue identifiers of the near misses the course's reference solutions have."""
    from autograder.build.mutations import mutations
    from autograder.build.source import source_notebooks

    return {m.id for nb in source_notebooks() for fdef in nb.solution_definitions().values()
            for m in mutations(fdef)}


def test_every_catalogue_entry_is_carried_by_a_recogniser_the_judge_runs():
    carried = {identify(r) for rs in _recognisers().values() for r in rs} | _near_miss_kinds()
    assert sorted(set(MISTAKES) - carried) == []


def test_every_entry_has_a_known_topic_and_a_title():
    for entry in MISTAKES.values():
        assert entry.topic in TOPICS and entry.title.strip(), entry
