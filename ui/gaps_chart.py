"""A PNG bar chart of questions declined as not covered, per ISO week, stacked by topic.

For people who would rather look than read the policy-gaps report. Drawn with Pillow
(no plotting library): one bar per week from the first declined question to the last
(empty weeks included, so gaps in time show), the most frequent topics in their own
colours and the rest as "other", a legend and a title. Titles are Kazakh, Russian or
English, so a TrueType font with Cyrillic (DejaVu Sans or Noto Sans on this machine)
is used; Pillow's built-in font is the last resort.
"""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from assistant.gaps import GapsReport
from ui.gaps_render import topic_title
from ui.web.labels import label

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/noto/NotoSans-Regular.ttf",
)
FONT_GLOBS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
TOP_TOPICS = 6
MAX_WEEKS = 52
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
OTHER_COLOUR = "#9e9e9e"
BACKGROUND, INK, GRID = "#ffffff", "#222222", "#e5e5e5"
MAX_LEGEND_CHARS = 70

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=1)
def font_path() -> Path | None:
    """A TrueType font with Cyrillic and Kazakh letters, if this machine has one."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    for folder in FONT_DIRS:
        for name in FONT_GLOBS:
            found = next(Path(folder).rglob(name), None) if Path(folder).is_dir() else None
            if found is not None:
                return found
    return None


@lru_cache(maxsize=8)
def chart_font(size: int) -> Font:
    path = font_path()
    if path is not None:
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            pass
    return ImageFont.load_default(size)


def _weeks(first: str, last: str) -> list[str]:
    """Every ISO week from `first` to `last` (e.g. 2025-W48), the last MAX_WEEKS of them."""

    def monday(week: str) -> date:
        year, number = week.split("-W")
        return date.fromisocalendar(int(year), int(number), 1)

    day, end, weeks = monday(first), monday(last), []
    while day <= end:
        year, number, _ = day.isocalendar()
        weeks.append(f"{year}-W{number:02d}")
        day += timedelta(days=7)
    return weeks[-MAX_WEEKS:]


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _text_width(draw: ImageDraw.ImageDraw, text: str, font: Font) -> float:
    return draw.textlength(text, font=font)


def _clip(text: str, limit: int = MAX_LEGEND_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def declined_chart_png(report: GapsReport, lang: str) -> bytes:
    """The chart as PNG bytes, labels in `lang`."""
    title_font, font, small = chart_font(20), chart_font(14), chart_font(12)
    series = report.declined_weekly
    totals: dict[int | None, int] = defaultdict(int)
    for point in series:
        totals[point.topic.section] += point.count
    ranked = sorted(totals, key=lambda s: (-totals[s], s is None, s or 0))
    shown = ranked[:TOP_TOPICS] if len(ranked) <= TOP_TOPICS else ranked[: TOP_TOPICS - 1]
    has_other = len(ranked) > len(shown)
    titles = {p.topic.section: topic_title(p.topic, lang) for p in series}
    legend = [(titles[s], COLOURS[i], totals[s]) for i, s in enumerate(shown)]
    if has_other:
        other_total = sum(totals[s] for s in ranked[len(shown) :])
        legend.append((label("report_other", lang), OTHER_COLOUR, other_total))

    weeks = _weeks(series[0].week, series[-1].week) if series else []
    order = [colour for _, colour, _ in legend]  # bottom to top: as in the legend
    counts: dict[str, dict[str, int]] = {week: defaultdict(int) for week in weeks}
    for point in series:
        if point.week in counts:
            section = point.topic.section
            colour = COLOURS[shown.index(section)] if section in shown else OTHER_COLOUR
            counts[point.week][colour] += point.count
    stacks = {week: [(c, counts[week][c]) for c in order if counts[week][c]] for week in weeks}

    slot = 56
    width = max(900, 90 + slot * len(weeks) + 40)
    legend_h = 26 * len(legend) + 20
    height = 120 + 340 + 70 + legend_h
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.text((24, 18), label("report_chart_title", lang), fill=INK, font=title_font)
    since = report.since.date().isoformat() if report.since else label("report_all_time", lang)
    subtitle = f"{label('report_since', lang)}: {since}"
    draw.text((24, 48), subtitle, fill=INK, font=small)

    left, top, plot_h = 70, 100, 340
    bottom = top + plot_h
    right = width - 30
    if not weeks:
        draw.text((left, top + plot_h // 2), label("report_no_data", lang), fill=INK, font=font)
        return _png(image)

    peak = max(sum(n for _, n in stacks[w]) for w in weeks) or 1
    step = _nice_step(peak)
    y_max = ((peak + step - 1) // step) * step
    for value in range(0, y_max + 1, step):
        y = bottom - plot_h * value / y_max
        draw.line([(left, y), (right, y)], fill=GRID, width=1)
        text = str(value)
        draw.text((left - 8 - _text_width(draw, text, small), y - 7), text, fill=INK, font=small)
    draw.line([(left, top), (left, bottom)], fill=INK, width=1)
    draw.line([(left, bottom), (right, bottom)], fill=INK, width=1)

    bar_w = slot * 0.7
    every = max(1, int(_text_width(draw, "2025-W00", small) // slot) + 1)
    for index, week in enumerate(weeks):
        x0 = left + 12 + index * slot
        y = float(bottom)
        for colour, count in stacks[week]:
            h = plot_h * count / y_max
            draw.rectangle([x0, y - h, x0 + bar_w, y], fill=colour, outline=BACKGROUND)
            y -= h
        total = sum(n for _, n in stacks[week])
        if total:
            text = str(total)
            x_text = x0 + (bar_w - _text_width(draw, text, small)) / 2
            draw.text((x_text, y - 16), text, fill=INK, font=small)
        if index % every == 0:
            text_x = x0 + (bar_w - _text_width(draw, week, small)) / 2
            draw.text((text_x, bottom + 8), week, fill=INK, font=small)

    y = bottom + 50
    for text, colour, count in legend:
        draw.rectangle([left, y + 3, left + 16, y + 17], fill=colour)
        draw.text((left + 26, y), f"{_clip(text)} ({count})", fill=INK, font=font)
        y += 26
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
