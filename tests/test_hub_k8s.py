"""The Zero to JupyterHub deployment files (hub/k8s/) are valid as far as this machine can tell.

The values are checked against the chart's own schema when ``LAYERLAB_Z2JH_CHART`` names the
chart's directory (``jupyterhub/`` of the zero-to-jupyterhub-k8s repository, or an unpacked
released chart): merged over the chart's ``values.yaml`` as Helm does, then validated with its
``values.schema.yaml`` (or ``values.schema.json``). The repository ships no copy of either;
without them that test skips.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML is not installed (the [test] extra has it)")

REPO_ROOT = Path(__file__).resolve().parents[1]
K8S = REPO_ROOT / "hub" / "k8s"
sys.path.insert(0, str(REPO_ROOT / "hub"))


def _values() -> dict:
    return yaml.safe_load((K8S / "config.yaml").read_text())


def test_values_validate_against_the_charts_schema():
    chart = os.environ.get("LAYERLAB_Z2JH_CHART")
    if not chart:
        pytest.skip("set LAYERLAB_Z2JH_CHART to the Helm chart's directory (zero-to-jupyterhub-"
                    "k8s repository: jupyterhub/) to check hub/k8s/config.yaml against its schema")
    jsonschema = pytest.importorskip("jsonschema")
    chart = Path(chart)
    schema_json = chart / "values.schema.json"
    schema = (json.loads(schema_json.read_text()) if schema_json.exists()
              else yaml.safe_load((chart / "values.schema.yaml").read_text()))
    defaults = yaml.safe_load((chart / "values.yaml").read_text())
    validator = jsonschema.Draft7Validator(schema)

    def problems(values):
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(_merged(defaults, values))]

    assert not problems(_values()), "\n".join(problems(_values()))
    # the schema does reject a mistake (the check can fail): a size must be a string
    broken = _values()
    broken["singleuser"]["storage"]["capacity"] = 2
    assert problems(broken)


def _merged(base, override):
    """Helm's merge of values: maps merge key by key, anything else is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = _merged(base.get(key), value) if key in base else value
        return merged
    return override


def test_the_hub_config_python_compiles():
    for name, source in _values()["hub"]["extraConfig"].items():
        compile(source, f"hub.extraConfig.{name}", "exec")
    compile((K8S / "nbgrader_config.py").read_text(), "nbgrader_config.py", "exec")


def test_the_image_uses_the_same_exchange_classes_as_make_hub():
    from hubsetup.course import EXCHANGE_CLASSES

    text = (K8S / "nbgrader_config.py").read_text()
    for name, cls in EXCHANGE_CLASSES.items():
        assert f'"{name}": "{cls}"' in text
    dockerfile = (K8S / "Dockerfile").read_text()
    for copied in re.findall(r"^COPY (hub/\S+)", dockerfile, flags=re.M):
        assert (REPO_ROOT / copied).is_file(), copied
    from hubsetup.environment import INSTRUCTOR_LAB_PLUGINS, INSTRUCTOR_SERVER_EXTENSIONS

    for item in INSTRUCTOR_LAB_PLUGINS + INSTRUCTOR_SERVER_EXTENSIONS:
        assert item in dockerfile, f"the student image does not disable {item}"
