"""When a contact sheet takes its frames."""

import pytest

from mathreel.contact_sheet import frame_times


def test_one_frame_at_the_end_of_each_animation():
    assert frame_times([1.0, 2.5, 4.0], duration=4.0, fps=10) == pytest.approx([0.9, 2.4, 3.9])


def test_every_n_seconds_never_past_the_last_frame():
    assert frame_times([], duration=5.0, fps=10, every=2.0) == pytest.approx([0.0, 2.0, 4.0])
    assert frame_times([], duration=4.0, fps=10, every=2.0) == pytest.approx([0.0, 2.0, 3.9])
