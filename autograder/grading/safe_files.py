"""Read a submission's files without following anything the student placed in the way.

A submission folder is the student's: its notebook, its sub-folders and its side files
(``timestamp.txt``) may be symbolic links (to the source notebook, another student's folder, the
gradebook), FIFOs that block a reader, devices, or files of any size. The grader reads them only
through this module, which walks every path component below a trusted root (the course's
``submitted/`` folder) with ``O_NOFOLLOW`` relative to the folder opened before it, accepts
only directories on the way and a regular file at the end (checked with ``fstat`` on the open
descriptor, so nothing can be swapped between the check and the read), and refuses to read more
than a bound given by the caller. Anything else raises :class:`UnsafeFile` with a sentence the
student can act on.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

#: bytes read per chunk when hashing.
CHUNK = 1 << 20
#: larger files are fingerprinted by size, modification time and inode, not read.
MAX_HASHED = 64 * 2**20


class UnsafeFile(ValueError):
    """A path of the submission that the grader does not read; the message is for the student."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def _refuse(shown: str, what: str, noun: str = "file") -> UnsafeFile:
    return UnsafeFile(f"{shown} is {what}, not an ordinary {noun}: the grader reads only files and "
                      f"folders themselves. Submit your notebook as a plain file in a plain folder "
                      f"(no links or shortcuts).")


def _open_dir(root: Path, parts: tuple[str, ...], shown: str) -> int:
    """A descriptor of ``root/parts...``, every component opened without following links."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts:
            if part in ("", ".", "..") or "/" in part:
                raise UnsafeFile(f"{shown}: the path component {part!r} is not allowed")
            try:
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC,
                                dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    mode = os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode
                    raise _refuse(f"the folder {part!r} above {shown}", _kind(mode), "folder") from None
                raise
            os.close(fd)
            fd = child
        return fd
    except BaseException:
        os.close(fd)
        raise


def open_regular(root: Path, relative: Path | str, shown: str | None = None) -> tuple[int, int]:
    """``(descriptor, size)`` of the regular file ``root/relative``, opened without following any
    link below ``root``; :class:`UnsafeFile` for anything else, FileNotFoundError when absent."""
    parts = Path(relative).parts
    shown = shown or parts[-1]
    folder = _open_dir(Path(root), parts[:-1], shown)
    try:
        try:
            fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                         dir_fd=folder)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _refuse(shown, "a symbolic link") from None
            if exc.errno in (errno.ENXIO, errno.ENODEV, errno.EACCES, errno.EPERM):
                mode = os.stat(parts[-1], dir_fd=folder, follow_symlinks=False).st_mode
                raise _refuse(shown, _kind(mode)) from None
            raise
    finally:
        os.close(folder)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _refuse(shown, _kind(info.st_mode))
    return fd, info.st_size


def read_regular(root: Path, relative: Path | str, limit: int, shown: str | None = None) -> bytes:
    """The bytes of the regular file ``root/relative`` (see :func:`open_regular`), at most
    ``limit`` of them: a larger file raises :class:`UnsafeFile` before anything is read."""
    fd, size = open_regular(root, relative, shown)
    with os.fdopen(fd, "rb") as fh:
        if size > limit:
            raise UnsafeFile(f"{shown or Path(relative).name} is {size / 2**20:.1f} MB, more than "
                             f"the {limit / 2**20:.1f} MB the grader reads")
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew after fstat
        raise UnsafeFile(f"{shown or Path(relative).name} changed size while it was read")
    return data


def is_regular(root: Path, relative: Path | str) -> bool:
    """Whether ``root/relative`` is a regular file reachable without links."""
    try:
        fd, _ = open_regular(root, relative)
    except (OSError, UnsafeFile):
        return False
    os.close(fd)
    return True


def list_names(root: Path, relative: Path | str) -> list[str]:
    """The names in the folder ``root/relative`` (reached without links), or [] if refused."""
    try:
        fd = _open_dir(Path(root), Path(relative).parts, str(relative))
    except (OSError, UnsafeFile):
        return []
    try:
        return sorted(os.listdir(fd))
    finally:
        os.close(fd)


def tree_digest(root: Path, relative: Path | str, digest: "hashlib._Hash") -> None:
    """Feed every entry below ``root/relative`` into ``digest`` (names, kinds, and the bytes of
    regular files, read in chunks), following no link and reading no FIFO or device; a folder that
    cannot be walked contributes its refusal."""
    try:
        top = _open_dir(Path(root), Path(relative).parts, str(relative))
    except (OSError, UnsafeFile) as exc:
        _feed(digest, "refused", str(exc).encode("utf-8", "surrogateescape"))
        return
    try:
        for folder, dirs, files, dir_fd in os.fwalk(".", dir_fd=top, follow_symlinks=False):
            dirs.sort()
            for name in sorted(files):  # (a link to a folder is listed here: not followed)
                path = os.path.normpath(os.path.join(folder, name))
                _feed(digest, "name", path.encode("utf-8", "surrogateescape"))
                mode = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
                if not stat.S_ISREG(mode):
                    _feed(digest, "kind", _kind(mode).encode())
                    continue
                info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
                if info.st_size > MAX_HASHED:  # not worth reading: its identity will do
                    _feed(digest, "large", f"{info.st_size} {info.st_mtime_ns} {info.st_ino}".encode())
                    continue
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                             dir_fd=dir_fd)
                with os.fdopen(fd, "rb") as fh:
                    for chunk in iter(lambda: fh.read(CHUNK), b""):
                        digest.update(chunk)
    finally:
        os.close(top)


def _feed(digest, label: str, data: bytes) -> None:
    digest.update(label.encode() + len(data).to_bytes(8, "little") + data)
