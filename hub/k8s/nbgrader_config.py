"""nbgrader settings of every server in the Kubernetes deployment (hub/k8s/config.yaml).

Each student's pod mounts only its own inbound directory (read-write) and the outbound and
feedback directories (read-only) of the shared exchange volume at EXCHANGE; the instructor's pod
mounts all of it. All students run as the same uid there, so the mounts, not file owners, keep
them apart, and the collector trusts the directory names (every student can write only theirs).
"""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "layerlab"
c.Exchange.root = os.environ.get("LAYERLAB_EXCHANGE", "/srv/nbgrader/exchange")
for name, cls in {"submit": "Submit", "collect": "Collect", "list": "List",
                  "fetch_assignment": "FetchAssignment", "fetch_feedback": "FetchFeedback",
                  "release_assignment": "ReleaseAssignment",
                  "release_feedback": "ReleaseFeedback"}.items():
    setattr(c.ExchangeFactory, name, f"layerlab.exchange.Exchange{cls}")
c.ExchangeCollect.trust_directory_names = True
