"""Small skew: measured on the detected lines, taken out of every box."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cypheredge.extractor.ocr.skew import level, line_angle, off_line


def _quad(x: float, y: float, width: float, height: float, angle: float) -> np.ndarray:
    """A box of `width` x `height` whose top-left corner is (x, y), leaning `angle` degrees
    (rising to the right), points top-left, top-right, bottom-right, bottom-left."""
    t = math.radians(angle)
    along = np.array([math.cos(t), -math.sin(t)])
    down = np.array([math.sin(t), math.cos(t)])
    start = np.array([x, y])
    return np.array([start, start + width * along, start + width * along + height * down,
                     start + height * down])  # fmt: skip


@pytest.mark.parametrize("angle", [3.0, -2.2, 0.8])
def test_the_lean_of_long_lines_is_the_pages_skew(angle: float) -> None:
    lines = [_quad(100, 100 + 40 * i, 600, 28, angle) for i in range(12)]
    lines.append(_quad(50, 900, 30, 28, 40.0))  # a short, steep box (a stamp, a digit)
    assert line_angle(lines) == pytest.approx(angle, abs=0.01)


def test_short_lines_the_detector_boxed_level_do_not_outvote_the_long_ones() -> None:
    # Most of a page's lines are short labels and figures; the detector fits many of them
    # with a level box whatever the page's lean. The long lines show the lean.
    short = [_quad(100, 100 + 20 * i, 150, 12, 0.0) for i in range(60)]
    short += [_quad(300, 100 + 20 * i, 150, 12, 1.1) for i in range(25)]
    long = [_quad(60, 1400 + 30 * i, 500, 14, 0.9) for i in range(20)]
    assert line_angle([*short, *long]) == pytest.approx(0.9, abs=0.01)


def test_a_negligible_or_implausible_lean_is_left_alone() -> None:
    assert line_angle([_quad(100, 100 + 40 * i, 600, 28, 0.05) for i in range(5)]) == 0.0
    assert line_angle([_quad(100, 100 + 40 * i, 600, 28, 20.0) for i in range(5)]) == 0.0
    assert line_angle([]) == 0.0


def test_levelling_puts_the_words_of_one_leaning_row_on_one_height() -> None:
    angle, centre = 3.0, (800.0, 1100.0)
    row = _quad(100, 1000, 1400, 28, angle)  # the row's line, leaning over the page's width
    along = np.array([math.cos(math.radians(angle)), -math.sin(math.radians(angle))])
    right = row[0] + 1300 * along
    words = [_quad(row[0][0], row[0][1], 80, 28, angle), _quad(right[0], right[1], 80, 28, angle)]
    assert abs(words[0][0][1] - words[1][0][1]) > 60  # drifted by two lines' height
    tops = [level(quad, angle, centre)[1] for quad in words]
    assert abs(tops[0] - tops[1]) < 1.0
    x0, y0, x1, y1 = level(words[0], angle, centre)
    assert x1 - x0 == pytest.approx(80, abs=0.5)
    assert y1 - y0 == pytest.approx(28, abs=0.5)


def test_a_stamp_at_its_own_angle_is_off_the_pages_lines_and_a_printed_line_is_not() -> None:
    assert off_line(_quad(300, 500, 200, 40, 18.0), 0.0)
    assert off_line(_quad(300, 500, 200, 40, -12.0), 1.0)
    assert not off_line(_quad(300, 500, 600, 28, 2.5), 3.0)
    assert not off_line(_quad(300, 500, 30, 28, 30.0), 0.0)  # a digit: too short to tell
