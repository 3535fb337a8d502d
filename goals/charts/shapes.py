"""What the timeline is drawn from: its fixed dimensions, its zooms, and the shapes
``goals.charts.timeline`` lays out (ticks, bars, markers, rows, list items)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page

from goals.models import Goal, Task

WIDTH = 1000
PLOT_LEFT = 290
PLOT_RIGHT = 976
LABEL_X = 12
HEADER_HEIGHT = 64
AXIS_Y = 60  # the axis line under the tick labels
ROW_HEIGHT = 46
BOTTOM_PADDING = 10
BAR_HEIGHT = 14
DOT_RADIUS = 5
DIAMOND_RADIUS = 7
TODAY_PILL_WIDTH = 56  # the least: "Today" in English
TODAY_CHAR_WIDTH = 7.5  # about one letter of the pill's label, 11.5 px semibold
# Keeps a title inside the label column at the chart's font size; the full title is in
# the tooltip and in the list.
LABEL_MAX_CHARS = 30
MIN_LABELLED_BAND = 40  # narrower axis bands (a partial first year) stay unlabelled


@dataclass(frozen=True)
class Zoom:
    months: int  # length of the window
    lead_days: int  # how much recent past to show before today, at least
    align: int  # the window starts on a month that is a multiple of this (1, 3)
    tick_months: int  # months between axis ticks


ZOOMS: dict[str, Zoom] = {
    "quarter": Zoom(months=3, lead_days=14, align=1, tick_months=1),
    "year": Zoom(months=12, lead_days=31, align=1, tick_months=1),
    "2y": Zoom(months=24, lead_days=31, align=3, tick_months=3),
    "5y": Zoom(months=60, lead_days=92, align=3, tick_months=12),
}
DEFAULT_ZOOM = "year"


# Ticks, bars, markers and list items come by the hundred on a page: plain slotted
# dataclasses (a frozen one sets each field through object.__setattr__).
@dataclass(slots=True)
class Tick:
    date: datetime.date
    x: float
    label: str
    sublabel: str  # the year, where it changes
    label_x: float
    is_major: bool  # a new year starts here


@dataclass(slots=True)
class Bar:
    x: float
    width: float
    continues_before: bool
    continues_after: bool


@dataclass(slots=True)
class Marker:
    task: Task
    x: float
    points: str  # the diamond's corners for milestones; empty for dots
    is_done: bool
    is_overdue: bool
    is_closed: bool = False  # left open when its goal was achieved or dropped

    @property
    def is_milestone(self) -> bool:
        return self.task.is_milestone


@dataclass
class Row:
    goal: Goal
    label: str
    top: float
    center_y: float
    title_y: float
    meta_y: float
    target_top: float  # the target date's tick stands out above and below the bar
    target_bottom: float
    is_muted: bool
    is_overdue: bool
    bar: Bar | None = None
    target_x: float | None = None
    overdue_from_x: float | None = None  # the overdue stretch from the target to today
    markers: list[Marker] = field(default_factory=list)
    earlier_overdue: int = 0  # overdue steps due before the window
    before_arrow: str = ""
    after_arrow: str = ""

    height: int = ROW_HEIGHT

    @property
    def alert_before(self) -> bool:
        return self.earlier_overdue > 0 or (self.is_overdue and self.bar is None)

    @property
    def bar_y(self) -> float:
        return self.center_y - BAR_HEIGHT / 2


@dataclass(slots=True)
class ListItem:
    date: datetime.date
    goal: Goal
    task: Task | None  # None: the goal's target date
    is_done: bool
    is_overdue: bool
    is_muted: bool

    @property
    def is_target(self) -> bool:
        return self.task is None

    @property
    def is_milestone(self) -> bool:
        return self.task is not None and self.task.is_milestone


@dataclass(frozen=True)
class MonthGroup:
    month: datetime.date  # the first day of the month
    items: list[ListItem]


@dataclass
class Timeline:
    zoom: str
    today: datetime.date
    start: datetime.date
    end: datetime.date  # the day after the window
    today_x: float
    today_pill_x: float
    height: float
    ticks: list[Tick]
    rows: list[Row]
    months: list[MonthGroup]
    undated_count: int
    outside_count: int
    page_obj: Page | None = None  # set by timeline_page: which rows of how many
    # Fixed positions, here so the template prints numbers and does no arithmetic.
    width: int = WIDTH
    plot_right: int = PLOT_RIGHT
    axis_y: int = AXIS_Y
    grid_top: int = AXIS_Y - 32
    tick_label_y: int = AXIS_Y - 18
    tick_year_y: int = AXIS_Y - 5
    today_pill_width: int = TODAY_PILL_WIDTH  # wider for a longer word ("Aujourd'hui")
    label_x: int = LABEL_X
    bar_height: int = BAR_HEIGHT
    dot_radius: int = DOT_RADIUS
    label_clip_width: int = PLOT_LEFT - 14  # titles stop short of the edge arrows

    @property
    def today_label_x(self) -> float:
        return round(self.today_pill_x + self.today_pill_width / 2, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)

    @property
    def overdue_count(self) -> int:
        return sum(1 for group in self.months for item in group.items if item.is_overdue)
