"""Command line of the instructor tools: ``python -m autograder <command>``.

    build            regenerate everything derived from source/: public-check fixtures, the
                     catalogue of mistakes (docs/mistakes.md), then the student release in assignments/
    build --check    change nothing; list what is stale and exit 1 if anything is
    build --ship-reference-helpers
                     also ship the reference building blocks an assignment builds on (dnn_utils.py
                     in the week-4 application): only after the earlier assignment is due
    student-kit      write dist/layerlab-student-kit.zip (release, layerlab wheel, student README)
    grade            grade the submissions in submitted/: results.json, feedback, gradebook
                     (``grade --help``; see autograder.grading)
    insights         what the class got wrong in an assignment: insights/<assignment>/insights.html
                     and .csv (``insights --help``; see autograder.insights)
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

# The grader runs several workers at once and serves building blocks to them: one BLAS thread in its
# own process (layerlab's automatic choice is for a student's training), unless set otherwise.
os.environ.setdefault("LAYERLAB_BLAS_THREADS", "1")

# jsonschema (which nbformat loads) imports rfc3987_syntax, isoduration (with arrow and dateutil)
# and rfc3986_validator, when installed, only to check the "iri", "duration" and "uri" string
# formats, which no notebook schema uses; rfc3987_syntax builds a parser and takes 1-2 s of every
# command, the others a few tenths. An entry of None makes the import fail, and jsonschema goes on
# without those formats.
for _unused in ("rfc3987_syntax", "isoduration", "rfc3986_validator"):
    sys.modules.setdefault(_unused, None)

# nbgrader's modules without its package's start-up (Jupyter Server and the rest of its server
# extensions), until something asks the package itself for a name (see nbgrader_import.py)
from autograder.grading.nbgrader_import import defer_package_start  # noqa: E402

defer_package_start()

from autograder.build import release  # noqa: E402
from autograder.build.source import SourceError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="regenerate fixtures and the release from source/")
    build.add_argument("--check", action="store_true",
                       help="only check that the generated files are current")
    build.add_argument("--assignment", metavar="ID", action="append",
                       help="only this assignment (repeatable); default: all of source/")
    build.add_argument("--ship-reference-helpers", action="store_true",
                       help="also ship the reference building blocks (dnn_utils.py) with the assignments "
                            "that build on them; only after the earlier assignment is due")
    kit = sub.add_parser("student-kit", help="write the student kit (release, layerlab wheel, README)")
    kit.add_argument("--output", metavar="ZIP", default=None,
                     help="where to write the kit (default: dist/layerlab-student-kit.zip)")
    from autograder.grading import cli as grading_cli
    from autograder.insights import cli as insights_cli
    grading_cli.add_parser(sub)
    insights_cli.add_parser(sub)
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except (release.ReleaseError, SourceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "grade":
        from autograder.grading import cli as grading_cli
        return grading_cli.run(args)
    if args.command == "insights":
        from autograder.insights import cli as insights_cli
        return insights_cli.run(args)
    if args.command == "student-kit":
        from autograder.build import student_kit
        path = student_kit.build(args.output)
        print(f"wrote {path}")
        return 0
    if args.command == "build":
        from autograder.build import fixtures, mistakes_doc  # imported here: `grade` starts without them
        ship = args.ship_reference_helpers
        if args.check:
            stale = (fixtures.stale_fixtures() + mistakes_doc.stale()
                     + release.stale_release(ship_helpers=ship))  # always all
            if stale:
                print("Generated files are out of date with source/ (run `make generated`):")
                print("\n".join(f"  {p}" for p in stale))
                return 1
            print("Generated files are up to date.")
            return 0
        for path in fixtures.write_fixtures(args.assignment) + mistakes_doc.write():
            print(f"wrote {path}")
        for aid in release.generate(assignments=args.assignment, ship_helpers=ship):
            print(f"released assignments/{aid}")
        return 0
    return 2


if __name__ == "__main__":
    code = main()
    # The run is over: without a last full garbage collection of everything nbgrader, Jupyter and
    # matplotlib loaded, Python ends about half a second sooner (atexit handlers still run).
    gc.freeze()
    sys.exit(code)
