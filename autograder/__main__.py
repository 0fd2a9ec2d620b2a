"""Command line of the instructor tools: ``python -m autograder <command>``.

    build            regenerate everything derived from source/: public-check fixtures, then the
                     student release in assignments/
    build --check    change nothing; list what is stale and exit 1 if anything is
"""

from __future__ import annotations

import argparse
import sys

from autograder import fixtures, release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="regenerate fixtures and the release from source/")
    build.add_argument("--check", action="store_true",
                       help="only check that the generated files are current")
    args = parser.parse_args(argv)

    if args.command == "build":
        if args.check:
            stale = fixtures.stale_fixtures() + release.stale_release()
            if stale:
                print("Generated files are out of date with source/ (run `make generated`):")
                print("\n".join(f"  {p}" for p in stale))
                return 1
            print("Generated files are up to date.")
            return 0
        for path in fixtures.write_fixtures():
            print(f"wrote {path}")
        for aid in release.generate():
            print(f"released assignments/{aid}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
