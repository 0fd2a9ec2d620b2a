"""A hidden call's inputs as the student's function receives them: read-only, all the way down.

Imported by ``worker.py`` as a plain file next to it (standard library and NumPy only). Every
container and array of a call's arguments is a fresh copy that cannot be changed in place by
ordinary code:

* arrays are views of immutable ``bytes``: writing into one raises NumPy's own
  ``ValueError: assignment destination is read-only``, and no flag makes it writeable again;
* dicts are :class:`ReadOnlyDict` and lists :class:`ReadOnlyList`: every method that would change
  them (``d[k] = v``, ``del``, ``update``, ``pop``, ``append``, ``+=``, ``sort``, ...) raises a
  ``ValueError`` with the same words, which the grader recognises as a change of an input;
* tuples and scalars are immutable already.

Reading works as on the plain types (they are subclasses of ``dict`` and ``list``), and every way
of copying gives a plain, writeable container: ``dict(d)``, ``d.copy()``, ``{**d}``, ``list(x)``,
``x[:]``, ``copy.copy``, ``copy.deepcopy`` (whose arrays are writeable copies too).

So an in-place change of an input fails where it happens, in the call itself, and the failure
reaches the grader as the call's error: the code that changes an input cannot also report success
unless it catches its own error, and then the input was not changed. (Code running in this
process can still reach around any Python object, with ``dict.__setitem__`` or ``ctypes``; that
takes deliberate circumvention, and what the worker reports after it is evidence against the
submission only, never for it.)
"""

from __future__ import annotations

import copy

#: the words of NumPy's error for a write into a read-only array (the grader looks for them).
READ_ONLY = "assignment destination is read-only"


def read_only_call(fn, args: tuple, kwargs: dict, np) -> tuple[tuple, dict]:
    """``(args, kwargs)`` of a call of ``fn``, read-only (:func:`read_only`), each container named
    by the parameter it is passed as (``parameters``, ``parameters['W1']``), so that a change
    says which input it was."""
    names = _parameter_names(fn)
    return (tuple(read_only(v, np, names[i] if i < len(names) else f"argument {i + 1}")
                  for i, v in enumerate(args)),
            {k: read_only(v, np, k) for k, v in kwargs.items()})


def read_only(value, np, name: str = "this input"):
    """A deep copy of plain data (arrays, dicts, lists, tuples, scalars) that cannot be changed in
    place; arrays keep their shape and dtype, containers remember ``name`` (and their path in it)."""
    if isinstance(value, np.ndarray):
        return np.frombuffer(value.tobytes(), dtype=value.dtype).reshape(value.shape)
    if isinstance(value, dict):
        return _sealed(ReadOnlyDict, name, dict.update,
                       ((k, read_only(v, np, f"{name}[{k!r}]")) for k, v in value.items()))
    if isinstance(value, list):
        return _sealed(ReadOnlyList, name, list.extend,
                       (read_only(v, np, f"{name}[{i}]") for i, v in enumerate(value)))
    if isinstance(value, tuple):
        return tuple(read_only(v, np, f"{name}[{i}]") for i, v in enumerate(value))
    return copy.deepcopy(value)


def _parameter_names(fn) -> list[str]:
    """The names of ``fn``'s positional parameters ([] when they cannot be read)."""
    import inspect

    try:
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except Exception:  # a builtin, or an object with a strange signature: no names, no harm
        return []


def _sealed(kind: type, name: str, fill, items):
    """A new ``kind`` called ``name`` holding ``items``, filled by the plain type's own method
    (``fill``), not by the methods that refuse every change."""
    made = kind.__new__(kind)
    fill(made, items)
    made.argument = name
    return made


def _refuse(kind: str):
    def method(self, *args, **kwargs):
        name = str(getattr(self, "argument", "this input"))[:200]
        made = f"{kind}({name})" if name[:1].isidentifier() and not name.startswith("argument ") else f"{kind}(...)"
        raise ValueError(f"{name} is read-only here: the grader passed it read-only; make a copy "
                         f"({made}) and change the copy ({READ_ONLY})")
    return method


class _Copyable:
    """Every copy of a read-only container is a plain, writeable one (``_plain``: its type)."""

    _plain: type = object

    def copy(self):
        return self._plain(self)

    __copy__ = copy

    def __deepcopy__(self, memo):
        made = memo[id(self)] = copy.deepcopy(self._plain(self), memo)
        return made

    def __reduce_ex__(self, protocol):
        return self._plain, (self._plain(self),)


class ReadOnlyDict(_Copyable, dict):
    """A dict whose content cannot be changed; copies of it are plain dicts."""

    _plain = dict

    __init__ = __setitem__ = __delitem__ = __ior__ = _refuse("dict")
    update = setdefault = pop = popitem = clear = _refuse("dict")


class ReadOnlyList(_Copyable, list):
    """A list whose content cannot be changed; copies and slices of it are plain lists."""

    _plain = list

    __init__ = __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse("list")
    append = extend = insert = pop = remove = clear = sort = reverse = _refuse("list")
