"""Do the widgets tell in words what their figures show, say when training starts, pauses, ends or
fails (and only then), and show the button that starts training in a colour that passes WCAG AA?"""

from __future__ import annotations

import asyncio

import numpy as np

from layerlab.widgets import DeepNetworkExplorer, LogisticRegressionExplorer, Playground
from layerlab.widgets.announcer import PANEL_CLASS
from layerlab.widgets.controls import ACCENT
from layerlab.widgets.words import cost_curve

from .conftest import stub


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours."""
    def luminance(colour):
        rgb = np.array([int(colour[k:k + 2], 16) for k in (1, 3, 5)]) / 255
        linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        return float(linear @ [0.2126, 0.7152, 0.0722])

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_accent_green_passes_wcag_aa_with_white_text():
    assert contrast("#ffffff", ACCENT) >= 4.5
    assert contrast("#ffffff", "#388e3c") < 4.5                    # ipywidgets' own "success" green


def test_a_cost_curve_in_words():
    assert cost_curve([], 50) == "Cost: no iteration yet (0 of 50)."
    assert cost_curve([0.7, 0.5, 0.6, 0.4], 10) == (
        "Cost after 4 of 10 iterations: 0.7000 at iteration 0, lowest 0.4000 at iteration 3, "
        "last 0.4000 at iteration 3; it rose at 1 of the 3 iterations.")
    assert cost_curve([0.7, 0.5, float("nan")]).endswith(
        "last 0.5000 at iteration 1; it falls at every iteration; not a number (nan) at 1 iterations, "
        "from iteration 2 (not drawn).")


def test_the_deep_explorer_in_words_and_announcements(week4, small_pictures):
    explorer = DeepNetworkExplorer(**week4, data=small_pictures, headless=True, hidden_layers=(5,),
                                   num_iterations=200, steps_per_frame=100, learning_rate=0.05)
    assert PANEL_CLASS in explorer.widget._dom_classes
    assert explorer.announcer.widget in explorer.widget.children
    assert "Cost: no iteration yet (0 of 200)." in explorer.figure_text.value
    assert explorer.step() and explorer.announcer.said == []       # a frame says nothing
    assert "Cost after 100 of 200 iterations" in explorer.figure_text.value
    assert not explorer.step()
    (said,) = explorer.announcer.said
    assert said.startswith("Training done. Layers 192 → 5 → 1, learning rate 0.05: iteration 200, "
                           f"cost {explorer.costs[-1]:.4f}, train accuracy {explorer.train_accuracy:.1%}")
    assert f"{len(explorer.mislabeled)} test pictures mislabeled." in said
    assert explorer.trainer.describe(200, 15) in explorer.figure_text.value.replace("&gt;", ">")


def test_the_deep_explorers_run_button_is_green_only_when_it_can_train(week4, small_pictures):
    ready = DeepNetworkExplorer(**week4, data=small_pictures, headless=True, hidden_layers=(3,))
    assert not ready.run_button.disabled and ready.run_button.style.button_color == ACCENT
    blocked = DeepNetworkExplorer(**dict(week4, compute_cost=stub("compute_cost")), data=small_pictures,
                                  headless=True, hidden_layers=(3,))
    assert blocked.run_button.disabled and blocked.run_button.style.button_color is None
    assert blocked.run_button.button_style == ""


def test_running_and_pausing_are_announced(week4, small_pictures):
    explorer = DeepNetworkExplorer(**week4, data=small_pictures, headless=True, hidden_layers=(4,),
                                   num_iterations=5000, steps_per_frame=2)

    async def scenario():
        explorer.run_button.click()
        assert explorer.announcer.text.startswith("Training. Layers 192 → 4 → 1")
        await asyncio.sleep(0.3)
        explorer.pause_button.click()
        await asyncio.sleep(0.1)
        assert explorer.announcer.text.startswith("Paused. Layers 192 → 4 → 1")
        assert explorer.iteration > 0 and f": iteration {explorer.iteration:,}," in explorer.announcer.text

    asyncio.run(scenario())
    assert len(explorer.announcer.said) == 2


def test_the_logistic_explorer_announces_each_run(week2, small_pictures):
    explorer = LogisticRegressionExplorer(**week2, data=small_pictures, headless=True,
                                          num_iterations=200, chunk=100, learning_rate=0.01)
    run = explorer.train()
    assert explorer.announcer.said == ["Training run 1: learning rate 0.01, 200 iterations."]
    while explorer.step():
        pass
    assert explorer.announcer.text == (f"Run 1 done after 200 iterations: cost {run.costs[-1]:.4f}, train "
                                       f"accuracy {run.train_accuracy:.1%}, test accuracy "
                                       f"{run.test_accuracy:.1%}.")
    assert explorer.train_button.style.button_color == ACCENT
    blocked = LogisticRegressionExplorer(**dict(week2, optimize=stub("optimize")), data=small_pictures,
                                         headless=True)
    assert blocked.train_button.disabled and blocked.train_button.style.button_color is None


def test_the_playground_in_words(week3):
    playground = Playground(**week3, headless=True, resolution=40, steps_per_frame=30)
    words = playground.figures.words.value
    assert "Data set flower, noise 0.2:" in words and "Cost: no iteration yet (0)." in words
    playground.step()
    train, test = playground.train_accuracy, playground.test_accuracy
    words = playground.figures.words.value
    assert (f"Decision boundary of 4 tanh units after 30 iterations: train accuracy {train:.1%}, "
            f"test accuracy {test:.1%}") in words
    blue = np.mean(playground.figures.boundary.values > 0.5)
    assert f"it calls {blue:.0%} of the plane shown blue" in words
    assert f"Cost after 30 iterations: {playground.costs[0]:.4f} at iteration 0" in words
    assert "Shown large: hidden unit 1 of 4." in words
    assert playground.announcer.said == []                         # stepping is not announced


def test_a_playground_problem_is_announced_once(week3):
    playground = Playground(**dict(week3, backward_propagation=stub("backward_propagation")), headless=True,
                            resolution=40)
    assert len(playground.announcer.said) == 1 and "`backward_propagation`" in playground.announcer.text
    playground.step()
    playground.reset()
    assert len(playground.announcer.said) == 1


def test_every_slider_has_a_label_to_be_named_after(week2, week3, week4, small_pictures):
    """The browser side names a slider's handle after its visible label (tests/browser checks the
    names there); here: every slider of every widget has one, and the panel has the announcer."""
    import ipywidgets as widgets

    def sliders(box):
        for child in getattr(box, "children", ()):
            if isinstance(child, (widgets.IntSlider, widgets.FloatSlider, widgets.FloatLogSlider)):
                yield child
            yield from sliders(child)

    for made in (Playground(**week3, headless=True, resolution=40),
                 LogisticRegressionExplorer(**week2, data=small_pictures, headless=True),
                 DeepNetworkExplorer(**week4, data=small_pictures, headless=True)):
        descriptions = [s.description for s in sliders(made.widget)]
        assert len(descriptions) >= 3 and all(d.strip() for d in descriptions), descriptions
        assert PANEL_CLASS in made.widget._dom_classes and made.announcer.widget in made.widget.children
