"""The held-out corpus (heldout_mistakes.py): the feedback must keep naming the real cause of at
least as many of its mistakes as when the corpus was written (11 of 30 with the judge merged; 9 on
main before the diagnoses work, 10 on main with the judge alone), less a margin of two, so a change
of wording elsewhere does not fail this test but a lost diagnosis does."""

from __future__ import annotations

import pytest

from checks import heldout_mistakes


def test_the_corpus_holds_about_thirty_different_mistakes():
    assert len(heldout_mistakes.CORPUS) >= 28
    assert len({entry[2] for entry in heldout_mistakes.CORPUS}) == len(heldout_mistakes.CORPUS)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_the_feedback_names_the_real_cause_of_enough_held_out_mistakes(capsys):
    named, total = heldout_mistakes.measure()
    assert named >= 9, f"the feedback named the real cause of only {named} of {total} held-out mistakes"
