"""Caption cues follow the style guides' rules (Netflix/BBC/DCMP): at most 2
lines of 42 characters, 5/6 s to 7 s on screen, never two at once, every word
kept in order, each cue starting when its words are spoken."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from mathreel.cues import (
    MAX_CUE_SECONDS, MAX_LINE_CHARS, MAX_LINES, MIN_CUE_SECONDS, layout_beat, split_sentences, wrap,
)

WORDS = ["the", "eigenvector", "of", "A", "stretches", "by", "3.62,", "and", "i-hat", "lands",
         "here:", "gradient", "descent", "takes", "a", "step;", "matrix", "σ", "λ", "x₁"]


def test_sentences_split_at_full_stops_but_not_inside_numbers_or_abbreviations():
    text = "Apply A.  It stretches by 3.62, e.g. along np.linalg axes! Why? Because."
    assert split_sentences(text) == ["Apply A.", "It stretches by 3.62, e.g. along np.linalg axes!",
                                     "Why?", "Because."]


def test_a_short_line_stays_one_line_and_a_long_one_breaks_balanced_after_a_clause():
    assert wrap("Apply A.") == ["Apply A."]
    assert wrap("The whole grid moves with A, and its lines stay parallel.") == \
        ["The whole grid moves with A,", "and its lines stay parallel."]
    assert wrap("Here is the plane, with its two basis vectors in green and red.") == \
        ["Here is the plane, with its two", "basis vectors in green and red."]


def cue_rules(cues, sentences, end):
    text_in = " ".join(" ".join(sentences).split())
    text_out = " ".join(" ".join(c[2].split("\n")) for c in cues)
    assert text_out == text_in  # nothing lost, nothing reordered
    for (start, stop, text), following in zip(cues, cues[1:] + [None]):
        lines = text.split("\n")
        assert len(lines) <= MAX_LINES and all(len(line) <= MAX_LINE_CHARS for line in lines), text
        assert stop - start >= MIN_CUE_SECONDS - 1e-9
        assert stop - start <= MAX_CUE_SECONDS + 1e-9 or stop - start <= MIN_CUE_SECONDS + 1e-9
        if following is not None:
            assert following[0] >= stop - 1e-9  # never two cues at once


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), min_size=1, max_size=4),
       st.floats(min_value=10.0, max_value=18.0))
def test_any_beat_gives_readable_cues(word_lists, chars_per_second):
    sentences = [" ".join(words) + "." for words in word_lists]
    spans, t = [], 0.0
    for s in sentences:
        spans.append((t, t + len(s) / chars_per_second))
        t = spans[-1][1] + 0.3
    end = t + 0.45
    cues = layout_beat(sentences, spans, end)
    cue_rules(cues, sentences, end)


def test_each_sentence_cue_starts_when_it_is_spoken():
    sentences = ["Apply A, and the whole grid moves with its basis vectors.",
                 "Grid lines stay parallel and evenly spaced: that is what linear means."]
    spans = [(0.0, 3.9), (4.2, 8.5)]
    cues = layout_beat(sentences, spans, 9.0)
    assert [c[0] for c in cues] == [0.0, 4.2]
    assert cues[0][1] == pytest.approx(4.2)  # stays until the next one starts
    assert cues[1][1] == pytest.approx(9.0)


def test_a_word_too_short_to_read_joins_its_neighbour():
    cues = layout_beat(["Right.", "Now the eigenvectors."], [(0.0, 0.4), (0.7, 2.2)], 2.6)
    assert [c[2] for c in cues] == ["Right. Now the eigenvectors."]
    assert cues[0][:2] == (0.0, 2.6)


def test_a_long_sentence_is_cut_into_cues_that_share_its_time():
    sentence = ("The decomposition writes A as U, times Sigma, times V transpose, and each factor is "
                "simple: two rotations and one stretch along perpendicular axes of the plane.")
    cues = layout_beat([sentence], [(0.0, 11.0)], 11.5)
    assert len(cues) == 2
    cue_rules(cues, [sentence], 11.5)
    share = len(cues[0][2].replace("\n", " ")) / len(sentence)
    assert cues[1][0] == pytest.approx(11.0 * share, abs=0.25)
