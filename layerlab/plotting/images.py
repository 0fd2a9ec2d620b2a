"""Galleries of pictures with captions: a few training pictures, the test pictures a model got wrong.

::

    from layerlab.plotting.images import show_images, show_mislabeled

    show_images(train_x_orig[:10], captions=[classes[y].decode() for y in train_y[0, :10]])
    gallery = show_mislabeled(test_x_orig, test_y, predictions, probabilities, classes)
    gallery.update(other_pictures, other_captions)     # e.g. a widget showing another model

Pictures are ``(m, height, width, 3)`` RGB arrays (uint8 0..255, or floats 0..1), as
``load_dataset()`` returns them, or ``(m, height, width)`` grey ones. Nothing here calls
``plt.show()``: in a notebook the figure appears at the end of the cell (``%matplotlib inline``),
and under the Agg backend (tests, scripts) it is simply drawn. Every function returns a
:class:`Gallery`, which holds the artists it drew so that callers and tests can inspect them and
widgets can change them in place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

__all__ = ["Gallery", "show_images", "show_mislabeled", "mislabeled_indices", "prediction_caption"]

#: caption colours of :func:`show_mislabeled` (and a sensible default for right/wrong galleries)
WRONG_COLOUR = "#b2182b"
RIGHT_COLOUR = "#1a7837"


@dataclass
class Gallery:
    """What :func:`show_images` drew.

    figure:   the Matplotlib Figure
    axes:     one Axes per slot, row by row (``len(axes)`` slots; unused slots are hidden)
    images:   one AxesImage per slot (its data is a blank picture in unused slots)
    captions: one Text per slot, the caption under the picture ("" in unused slots)
    title:    the figure's title Text, or None
    """

    figure: Any
    axes: list = field(default_factory=list)
    images: list = field(default_factory=list)
    captions: list = field(default_factory=list)
    title: Any = None

    @property
    def slots(self) -> int:
        return len(self.axes)

    def update(self, images, captions: Sequence[str] | None = None,
               colors: Sequence[str] | str | None = None, title: str | None = None) -> "Gallery":
        """Show other pictures (at most :attr:`slots`) in the same figure, in place.

        Arguments are those of :func:`show_images`; slots beyond the new pictures are hidden.
        Returns the gallery itself. Call ``gallery.figure.canvas.draw_idle()`` (a widget does)
        to refresh a figure that is already on screen.
        """
        pictures = _as_pictures(images)
        if len(pictures) > self.slots:
            raise ValueError(f"this gallery has {self.slots} slots, but {len(pictures)} pictures "
                             f"were given; show at most {self.slots} or draw a new gallery")
        texts = _captions(captions, len(pictures))
        colours = _colours(colors, len(pictures))
        for k, (ax, artist, caption) in enumerate(zip(self.axes, self.images, self.captions)):
            if k < len(pictures):
                artist.set_data(pictures[k])
                if pictures[k].ndim == 2:
                    artist.set_cmap("gray")
                    artist.set_clim(0.0, 1.0)
                artist.set_extent((-0.5, pictures[k].shape[1] - 0.5, pictures[k].shape[0] - 0.5, -0.5))
                caption.set_text(texts[k])
                caption.set_color(colours[k])
                ax.set_visible(True)
            else:
                caption.set_text("")
                ax.set_visible(False)
        if title is not None:
            height = self.figure.get_size_inches()[1]
            self.title = self.figure.suptitle(title, y=1 - 0.08 / height, va="top")
        return self


def show_images(images, captions: Sequence[str] | None = None, *, ncols: int = 5,
                colors: Sequence[str] | str | None = None, title: str | None = None,
                size: float = 1.9, slots: int | None = None, figure=None) -> Gallery:
    """Draw pictures in a grid, each with a caption under it.

    Arguments:
        images: an array of m pictures, ``(m, height, width, 3)`` RGB or ``(m, height, width)``
            grey, uint8 in 0..255 or floats in 0..1; or a sequence of such single pictures.
        captions: m strings (may contain ``"\\n"``), or None for no captions.
        ncols: pictures per row (fewer if there are fewer pictures).
        colors: caption colour, one for all or one per picture (default black).
        title: a title above the grid (room for it is made only when one is given here;
            :meth:`Gallery.update` can change it later).
        size: inches per picture (the caption gets extra room below).
        slots: how many places to make (default m); more than m leaves empty places that
            :meth:`Gallery.update` can fill later.
        figure: a Matplotlib Figure to draw into (it is cleared); None creates one with pyplot,
            so that it appears under the cell in a notebook.

    Returns:
        A :class:`Gallery` with the figure, axes, images and caption texts.
    """
    pictures = _as_pictures(images)
    n_slots = len(pictures) if slots is None else int(slots)
    if n_slots < len(pictures):
        raise ValueError(f"slots={slots} is fewer than the {len(pictures)} pictures given")
    if n_slots == 0:
        raise ValueError("no pictures to show (an empty array was given)")
    if not isinstance(ncols, (int, np.integer)) or ncols < 1:
        raise ValueError(f"ncols must be a positive whole number, got {ncols!r}")
    cols = min(int(ncols), n_slots)
    rows = math.ceil(n_slots / cols)
    lines = max([1] + [t.count("\n") + 1 for t in _captions(captions, len(pictures))])
    boxes, figsize = _layout(n_slots, cols, rows, size, caption_lines=lines, title=title is not None)
    if figure is None:
        import matplotlib.pyplot as plt

        figure = plt.figure(figsize=figsize)
    else:
        figure.clear()
        figure.set_size_inches(*figsize)
    axes = [figure.add_axes(box) for box in boxes]
    gallery = Gallery(figure=figure, axes=axes)
    blank = np.ones((2, 2, 3))
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        gallery.images.append(ax.imshow(blank, interpolation="nearest"))
        gallery.captions.append(ax.set_xlabel("", fontsize=8, linespacing=1.15))
    gallery.update(pictures, captions, colors, title=title)
    return gallery


#: layout of a gallery, in inches: room per caption line, under every caption, between columns,
#: and for the title
_LINE, _CAPTION_PAD, _GAP, _TITLE = 0.15, 0.12, 0.12, 0.45


def _layout(n: int, cols: int, rows: int, size: float, caption_lines: int, title: bool):
    """Axes boxes (left, bottom, width, height as fractions of the figure), row by row, and the
    figure size in inches: square pictures of ``size`` inches, each with room for its caption."""
    cell_h = size + _CAPTION_PAD + _LINE * caption_lines
    width = cols * size + (cols + 1) * _GAP
    height = rows * cell_h + (_TITLE if title else _GAP)
    boxes = []
    for k in range(n):
        r, c = divmod(k, cols)
        left = _GAP + c * (size + _GAP)
        top = height - (_TITLE if title else _GAP) - r * cell_h
        boxes.append((left / width, (top - size) / height, size / width, size / height))
    return boxes, (width, height)


def mislabeled_indices(labels, predictions) -> np.ndarray:
    """Indices of the examples whose prediction differs from the label.

    Arguments:
        labels: true labels, shape (1, m) (or (m,)), 0/1.
        predictions: predicted labels of the same size, 0/1 (bools or floats are fine).

    Returns:
        int array of shape (k,), increasing.
    """
    y = np.asarray(labels).reshape(-1)
    p = np.asarray(predictions).reshape(-1)
    if y.shape != p.shape:
        raise ValueError(f"labels and predictions hold different numbers of examples "
                         f"({np.shape(labels)} vs {np.shape(predictions)})")
    return np.flatnonzero(p.astype(float) != y.astype(float))


def prediction_caption(predicted: int, actual: int, probability: float | None = None,
                       classes=("non-cat", "cat")) -> str:
    """``"predicted cat, is non-cat\\np = 0.83"``: a caption for one classified picture
    (``probability`` is the model's output, the probability of class 1)."""
    names = [_name(c) for c in classes]
    text = f"predicted {names[int(predicted)]}, is {names[int(actual)]}"
    if probability is not None:
        text += f"\np = {float(probability):.2f}"
    return text


def show_mislabeled(images, labels, predictions, probabilities=None, classes=("non-cat", "cat"), *,
                    max_images: int = 10, ncols: int = 5, title: str | None = None,
                    figure=None) -> Gallery | None:
    """Show the pictures a classifier got wrong, each captioned with what it predicted, the truth
    and the predicted probability of class 1.

    Arguments:
        images: all m pictures, ``(m, height, width, 3)`` (e.g. ``test_x_orig``).
        labels: true labels, shape (1, m).
        predictions: predicted labels 0/1, shape (1, m).
        probabilities: the model's outputs (probability of class 1), shape (1, m), or None.
        classes: names of class 0 and class 1 (``load_dataset``'s byte strings are fine).
        max_images: show at most this many (the first ones).
        ncols, title, figure: as in :func:`show_images`.

    Returns:
        The :class:`Gallery`, or None (after printing a sentence) when nothing is mislabeled.
    """
    pictures = _as_pictures(images)
    wrong = mislabeled_indices(labels, predictions)
    if np.asarray(labels).size != len(pictures):
        raise ValueError(f"{len(pictures)} pictures but {np.asarray(labels).size} labels")
    if wrong.size == 0:
        print("Every picture is classified correctly: nothing to show.")
        return None
    shown = wrong[:max_images]
    y = np.asarray(labels).reshape(-1)
    p = np.asarray(predictions).reshape(-1)
    a = None if probabilities is None else np.asarray(probabilities, dtype=float).reshape(-1)
    captions = [f"#{i}: " + prediction_caption(p[i], y[i], None if a is None else a[i], classes)
                for i in shown]
    if title is None:
        more = f" (the first {len(shown)})" if len(shown) < wrong.size else ""
        title = f"{wrong.size} of {len(pictures)} pictures mislabeled{more}"
    return show_images(pictures[shown], captions, ncols=ncols, colors=WRONG_COLOUR, title=title,
                       figure=figure)


# ----------------------------------------------------------------------------- helpers

def _as_pictures(images) -> np.ndarray:
    """Validate and normalise to a float array (m, h, w[, 3]) with values in 0..1."""
    if isinstance(images, np.ndarray):
        arr = images
    else:
        try:
            arr = np.stack([np.asarray(im) for im in images])
        except ValueError as exc:
            raise ValueError(f"all pictures must have the same shape: {exc}") from None
    if arr.ndim not in (3, 4) or (arr.ndim == 4 and arr.shape[-1] != 3):
        hint = ""
        if arr.ndim == 2:
            hint = (" A (n_x, m) array of flattened pictures must first be turned back, e.g. "
                    "X.T.reshape(m, 64, 64, 3); a single picture needs a leading axis: picture[None]")
        raise ValueError(f"expected pictures of shape (m, height, width, 3) or (m, height, width), "
                         f"got an array of shape {arr.shape}.{hint}")
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"pictures must hold numbers, got dtype {arr.dtype}")
    if arr.dtype.kind in "iu" or (arr.dtype.kind == "f" and arr.size and np.nanmax(arr) > 1.0):
        if arr.size and (np.nanmin(arr) < 0 or np.nanmax(arr) > 255):
            raise ValueError("integer pictures must hold values 0..255 (float pictures 0..1)")
        return arr.astype(float) / 255.0
    out = arr.astype(float)
    if out.size and np.nanmin(out) < 0:
        raise ValueError("float pictures must hold values between 0 and 1")
    return out


def _captions(captions, n: int) -> list[str]:
    if captions is None:
        return [""] * n
    if isinstance(captions, str):
        raise TypeError("captions must be a list of strings, one per picture, not one string")
    texts = [str(c) for c in captions]
    if len(texts) != n:
        raise ValueError(f"{n} pictures but {len(texts)} captions: give one caption per picture")
    return texts


def _colours(colors, n: int) -> list[str]:
    if colors is None:
        return ["black"] * n
    if isinstance(colors, str):
        return [colors] * n
    colours = list(colors)
    if len(colours) != n:
        raise ValueError(f"{n} pictures but {len(colours)} colours: give one colour, or one per picture")
    return colours


def _name(value) -> str:
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    return str(value)
