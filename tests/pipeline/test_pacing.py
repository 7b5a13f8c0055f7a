"""A beat lasts as long as its speech plus a breath; its animations stretch
to fill it (at most MAX_STRETCH), waits keep their length, the rest is a hold."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from mathreel.pacing import BREATH, MAX_STRETCH, MIN_BEAT, time_beat


def test_speech_longer_than_the_animation_stretches_it():
    timing = time_beat(motion=2.0, waits=0.0, speech=4.55)
    assert timing.length == pytest.approx(4.55 + BREATH)
    assert timing.stretch == pytest.approx((4.55 + BREATH) / 2.0)
    assert timing.hold == pytest.approx(0.0)


def test_the_stretch_is_capped_and_the_rest_is_a_hold():
    timing = time_beat(motion=1.0, waits=1.0, speech=9.0)
    assert timing.stretch == MAX_STRETCH
    assert timing.hold == pytest.approx(9.0 + BREATH - 1.0 - MAX_STRETCH)


def test_an_animation_longer_than_its_speech_is_never_shortened():
    timing = time_beat(motion=6.0, waits=1.0, speech=2.0)
    assert (timing.stretch, timing.hold, timing.length) == (1.0, 0.0, 7.0)


def test_keep_speed_holds_instead_of_stretching():
    timing = time_beat(motion=2.0, waits=0.0, speech=5.0, keep_speed=True)
    assert timing.stretch == 1.0
    assert timing.hold == pytest.approx(5.0 + BREATH - 2.0)


def test_a_silent_beat_lasts_at_least_min_beat():
    assert time_beat(0.2, 0.0, None).length == MIN_BEAT


@given(st.floats(0, 20), st.floats(0, 10), st.one_of(st.none(), st.floats(0.1, 30)), st.booleans())
def test_the_parts_add_up_to_the_length(motion, waits, speech, keep):
    t = time_beat(motion, waits, speech, keep)
    assert t.length == pytest.approx(motion * t.stretch + waits + t.hold)
    assert 1.0 <= t.stretch <= MAX_STRETCH
    assert t.hold >= 0
    if speech:
        assert t.length >= speech + BREATH - 1e-9
