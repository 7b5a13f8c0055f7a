"""When a contact sheet takes its frames."""

import pytest

from mathreel.contact_sheet import frame_times


def test_half_a_frame_before_the_last_frame_of_each_animation():
    # At 10 fps an animation ending at 1.0 s shows its last frame from 0.9 s.
    assert frame_times([1.0, 2.5, 4.0], duration=4.0, fps=10) == pytest.approx([0.85, 2.35, 3.85])


def test_every_n_seconds_never_past_the_last_frame():
    assert frame_times([], duration=5.0, fps=10, every=2.0) == pytest.approx([0.0, 1.95, 3.95])
    assert frame_times([], duration=4.0, fps=10, every=2.0) == pytest.approx([0.0, 1.95, 3.85])


def test_a_scene_ending_after_its_video_is_clamped_to_the_last_frame():
    assert frame_times([31.5], duration=31.4, fps=15) == pytest.approx([31.4 - 1.5 / 15])
