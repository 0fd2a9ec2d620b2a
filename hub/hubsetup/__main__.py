"""``python -m hubsetup [--students N] [--refresh-course]``: set up the demo course (as root)."""
from __future__ import annotations

import argparse
import os
import sys

from . import course, environment, users
from .settings import (DEMO_STUDENTS, GRADERS_GROUP, INSTRUCTOR, STUDENTS_GROUP, HubPaths,
                       student_names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hubsetup", description=__doc__)
    parser.add_argument("--students", type=int, default=len(DEMO_STUDENTS),
                        help="number of student accounts student1..studentN (default %(default)s)")
    parser.add_argument("--refresh-course", action="store_true",
                        help="copy the course files into the instructor's course directory again "
                             "(the gradebook and submissions are kept)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        parser.error("the hub's set-up creates system users and must run as root")
    if args.students < 1:
        parser.error(f"--students must be at least 1, not {args.students}")
    paths = HubPaths.from_environment()
    paths.root.mkdir(parents=True, exist_ok=True)
    os.chmod(paths.root, 0o755)
    paths.state.mkdir(mode=0o700, exist_ok=True)  # the hub's database and secrets: root only
    students = student_names(args.students)
    for group in (GRADERS_GROUP, STUDENTS_GROUP):
        if users.ensure_group(group):
            print(f"created group {group}")
    if users.ensure_user(INSTRUCTOR, [GRADERS_GROUP]):
        print(f"created user {INSTRUCTOR} (instructor)")
    created = [s for s in students if users.ensure_user(s, [STUDENTS_GROUP])]
    print(f"students: {', '.join(students)}" + (f" (created {len(created)})" if created else ""))
    print(course.ensure_course_dir(paths, refresh=args.refresh_course))
    print(course.ensure_exchange(paths, students))
    print(environment.ensure_environment(paths))
    print(environment.configure_instructor())
    return 0


if __name__ == "__main__":
    sys.exit(main())
