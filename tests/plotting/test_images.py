"""Do image galleries show each picture with its caption, pick the mislabeled ones, update in place,
and run headless?"""

import matplotlib

matplotlib.use("Agg")  # headless: no display needed

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from layerlab.plotting.images import (Gallery, mislabeled_indices, prediction_caption,  # noqa: E402
                                      show_images, show_mislabeled)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _pictures(m, h=8, w=8):
    rng = np.random.RandomState(0)
    return rng.randint(0, 256, size=(m, h, w, 3)).astype(np.uint8)


def test_each_picture_is_drawn_with_its_caption():
    pics = _pictures(3)
    gallery = show_images(pics, ["a", "b", "c\nsecond line"], ncols=2)
    assert isinstance(gallery, Gallery) and gallery.slots == 3
    assert [t.get_text() for t in gallery.captions] == ["a", "b", "c\nsecond line"]
    np.testing.assert_allclose(gallery.images[1].get_array(), pics[1] / 255.0)
    assert all(im.axes is ax for im, ax in zip(gallery.images, gallery.axes))
    assert len(gallery.figure.axes) == 3  # the fourth place of the 2 x 2 grid is removed


def test_float_and_grey_pictures_are_accepted():
    grey = np.linspace(0, 1, 2 * 5 * 4).reshape(2, 5, 4)
    gallery = show_images(grey)
    assert gallery.images[0].get_array().shape == (5, 4)
    assert gallery.images[0].get_clim() == (0.0, 1.0)
    assert [t.get_text() for t in gallery.captions] == ["", ""]


def test_a_list_of_single_pictures_is_accepted():
    pics = _pictures(2)
    gallery = show_images([pics[0], pics[1]], ["x", "y"])
    np.testing.assert_allclose(gallery.images[0].get_array(), pics[0] / 255.0)


def test_update_replaces_pictures_and_captions_in_place_and_hides_unused_slots():
    gallery = show_images(_pictures(2), ["one", "two"], slots=4, title="first")
    assert gallery.slots == 4 and not gallery.axes[3].get_visible()
    new = _pictures(3, 6, 6)[::-1]
    same = gallery.update(new, ["x", "y", "z"], colors="red", title="second")
    assert same is gallery
    assert [t.get_text() for t in gallery.captions] == ["x", "y", "z", ""]
    assert [ax.get_visible() for ax in gallery.axes] == [True, True, True, False]
    np.testing.assert_allclose(gallery.images[2].get_array(), new[2] / 255.0)
    assert gallery.captions[0].get_color() == "red"
    assert gallery.title.get_text() == "second"
    with pytest.raises(ValueError, match="4 slots"):
        gallery.update(_pictures(5))


def test_the_gallery_renders_headless(tmp_path):
    gallery = show_images(_pictures(4), [f"#{i}" for i in range(4)], title="pictures")
    path = tmp_path / "gallery.png"
    gallery.figure.savefig(path)
    assert path.stat().st_size > 1000


def test_captions_of_two_lines_stay_clear_of_the_pictures_below_and_the_title_above():
    gallery = show_images(_pictures(10), [f"#{i}: predicted cat, is non-cat\np = 0.90" for i in range(10)],
                          title="10 pictures")
    gallery.figure.canvas.draw()
    renderer = gallery.figure.canvas.get_renderer()
    for upper, lower in zip(gallery.axes[:5], gallery.axes[5:]):
        caption = upper.xaxis.label.get_window_extent(renderer)
        assert caption.y0 >= lower.get_window_extent(renderer).y1
    title = gallery.title.get_window_extent(renderer)
    assert title.y0 >= max(ax.get_window_extent(renderer).y1 for ax in gallery.axes)


def test_an_existing_figure_can_be_reused():
    figure = plt.figure()
    gallery = show_images(_pictures(2), figure=figure)
    assert gallery.figure is figure and len(figure.axes) == 2


def test_wrong_inputs_are_explained():
    with pytest.raises(ValueError, match="X.T.reshape"):
        show_images(np.zeros((12288, 5)))
    with pytest.raises(ValueError, match="one caption per picture"):
        show_images(_pictures(2), ["only one"])
    with pytest.raises(TypeError, match="list of strings"):
        show_images(_pictures(2), "ab")
    with pytest.raises(ValueError, match="0..255"):
        show_images(np.full((1, 2, 2, 3), 300, dtype=np.int64))
    with pytest.raises(ValueError, match="no pictures"):
        show_images(np.zeros((0, 4, 4, 3)))


def test_mislabeled_indices_and_captions():
    labels = np.array([[1, 0, 1, 0]])
    predictions = np.array([[1, 1, 0, 0]])
    np.testing.assert_array_equal(mislabeled_indices(labels, predictions), [1, 2])
    assert prediction_caption(1, 0, 0.834, [b"non-cat", b"cat"]) == "predicted cat, is non-cat\np = 0.83"
    assert prediction_caption(0, 1) == "predicted non-cat, is cat"
    with pytest.raises(ValueError, match="different numbers"):
        mislabeled_indices(labels, predictions[:, :3])


def test_show_mislabeled_shows_only_the_mistakes_with_probability():
    pics = _pictures(4)
    labels = np.array([[1, 0, 1, 0]])
    probabilities = np.array([[0.9, 0.83, 0.2, 0.1]])
    gallery = show_mislabeled(pics, labels, probabilities > 0.5, probabilities,
                              np.array([b"non-cat", b"cat"]))
    assert [t.get_text() for t in gallery.captions] == [
        "#1: predicted cat, is non-cat\np = 0.83", "#2: predicted non-cat, is cat\np = 0.20"]
    np.testing.assert_allclose(gallery.images[0].get_array(), pics[1] / 255.0)
    assert "2 of 4 pictures mislabeled" in gallery.title.get_text()


def test_show_mislabeled_caps_the_number_and_says_when_nothing_is_wrong(capsys):
    pics = _pictures(6)
    labels = np.zeros((1, 6))
    gallery = show_mislabeled(pics, labels, np.ones((1, 6)), max_images=4)
    assert gallery.slots == 4 and "the first 4" in gallery.title.get_text()
    assert show_mislabeled(pics, labels, labels) is None
    assert "nothing to show" in capsys.readouterr().out
