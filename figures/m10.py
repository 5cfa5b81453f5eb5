"""Figures for Module 10: The music business.

Two diagrams drawn from the lesson text, so the figures and the prose always agree:

- ``m10-rights-map``: the two copyrights in a recorded song, the main uses of each, and
  the organizations that license or collect for them in the US and the UK;
- ``m10-ep-schedule``: the schedule of the hypothetical five-song EP budgeted in the
  project-management lesson, as a Gantt chart with its milestones.
"""

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from figures import figure


def _box(ax, x, y, w, h, text, face, size=8.5, weight="normal"):
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.15",
                                linewidth=1.0, edgecolor="0.25", facecolor=face))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=size,
            fontweight=weight, wrap=True)


def _arrow(ax, x0, y0, x1, y1):
    ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                arrowprops={"arrowstyle": "-|>", "color": "0.3", "linewidth": 1.0})


@figure("m10-rights-map")
def rights_map():
    """A recorded song -> musical work and sound recording -> uses -> who collects."""
    fig = Figure(figsize=(9.0, 6.2), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_xlim(0, 18)
    ax.set_ylim(0, 12.4)
    ax.axis("off")

    work_c, rec_c, top_c = "#dbe9f6", "#fde3cf", "#eeeeee"
    _box(ax, 6.0, 11.0, 6.0, 1.1, "A recorded song", top_c, size=10, weight="bold")
    _box(ax, 0.3, 8.9, 7.9, 1.4,
         "Musical work (composition + lyrics)\nauthors: songwriters; owner often a publisher",
         work_c, size=9, weight="bold")
    _box(ax, 9.8, 8.9, 7.9, 1.4,
         "Sound recording (the master)\nowner: usually the label or the artist who paid",
         rec_c, size=9, weight="bold")
    _arrow(ax, 8.2, 11.0, 5.0, 10.3)
    _arrow(ax, 9.8, 11.0, 13.0, 10.3)

    work_rows = [
        ("Mechanical: copies,\ndownloads, streams",
         "US: The MLC (digital), publisher\nor agent (physical)\nUK: MCPS (PRS for Music)"),
        ("Public performance:\nradio, TV, venues, streams",
         "US: ASCAP, BMI, SESAC, GMR\nUK: PRS\nEU: GEMA, SACEM, ..."),
        ("Sync: music in film,\nTV, games, ads",
         "Negotiated directly with\nthe publisher (no statutory\nrate)"),
    ]
    rec_rows = [
        ("Sales and on-demand\nstreams of the master",
         "Label or distributor\ncollects from the services"),
        ("Public performance of\nthe recording",
         "US: SoundExchange (digital\nradio only; no AM/FM right)\nUK: PPL  EU: GVL, ..."),
        ("Master use: the recording\nin film, ads, samples",
         "Negotiated directly with\nthe master owner"),
    ]
    ys = [6.6, 4.1, 1.6]
    for (use, who), y in zip(work_rows, ys):
        _box(ax, 0.3, y, 3.8, 1.8, use, work_c, size=8)
        _box(ax, 4.4, y, 3.8, 1.8, who, "white", size=7.6)
        _arrow(ax, 4.1, y + 0.9, 4.4, y + 0.9)
    for (use, who), y in zip(rec_rows, ys):
        _box(ax, 9.8, y, 3.8, 1.8, use, rec_c, size=8)
        _box(ax, 13.9, y, 3.8, 1.8, who, "white", size=7.6)
        _arrow(ax, 13.6, y + 0.9, 13.9, y + 0.9)
    for x in (2.2, 11.7):
        _arrow(ax, x, 8.9, x, 8.4)
    ax.text(2.2, 0.95, "use", ha="center", fontsize=8, style="italic")
    ax.text(6.3, 0.95, "who licenses or collects", ha="center", fontsize=8, style="italic")
    ax.text(11.7, 0.95, "use", ha="center", fontsize=8, style="italic")
    ax.text(15.8, 0.95, "who licenses or collects", ha="center", fontsize=8, style="italic")
    ax.text(9.0, 0.25, "Simplified: publishers, administrators and distributors often "
            "collect on a creator's behalf.", ha="center", fontsize=7.5, color="0.3")
    return fig


# The hypothetical EP schedule used in the project-management lesson: (task, start, length),
# in weeks from the day the deposit arrives.
_TASKS = [
    ("Pre-production (1 day)", 0.0, 0.4),
    ("Tracking at studio (3 days)", 1.0, 0.6),
    ("Overdubs and vocals (2 days)", 2.0, 0.4),
    ("Editing and comping (2 days)", 2.4, 0.6),
    ("Mixing, 5 songs (5 days)", 3.0, 1.2),
    ("Client review of first mixes", 4.2, 0.8),
    ("Revision rounds 1 and 2", 5.0, 1.2),
    ("Mastering (external)", 6.2, 0.5),
    ("Delivery and file handoff", 6.7, 0.3),
    ("Buffer (schedule contingency)", 7.0, 1.0),
]
_MILESTONES = [
    (0.0, "Deposit paid,\nscope signed", 0),
    (1.6, "Tracking\ncomplete", 1),
    (4.2, "First mixes\ndelivered", 0),
    (6.2, "Mixes\napproved", 1),
    (7.0, "Masters delivered,\nfinal invoice", 0),
    (8.0, "Latest promised\ndelivery date", 1),
]


@figure("m10-ep-schedule")
def ep_schedule():
    """Gantt chart of the hypothetical five-song EP: tasks as bars, milestones as diamonds."""
    fig = Figure(figsize=(8.0, 4.8), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    n = len(_TASKS)
    for i, (name, start, length) in enumerate(_TASKS):
        y = n - i
        if "review" in name.lower():
            color = "#f4b183"
        elif "buffer" in name.lower():
            color = "#d9d9d9"
        else:
            color = "#7fa7d9"
        ax.barh(y, length, left=start, height=0.55, color=color, edgecolor="0.2")
    ax.set_yticks([n - i for i in range(n)])
    ax.set_yticklabels([t[0] for t in _TASKS], fontsize=8)
    for x, label, row in _MILESTONES:
        ax.plot([x], [n + 0.9], marker="D", color="tab:red", markersize=7)
        ax.axvline(x, color="tab:red", linewidth=0.6, linestyle=":")
        ax.text(x, n + 1.25 + 1.1 * row, label, ha="center", va="bottom", fontsize=7)
    ax.set_xlim(-0.6, 8.6)
    ax.set_ylim(0.3, n + 3.6)
    ax.set_xticks(range(0, 9))
    ax.set_xlabel("Time since the deposit arrived (weeks)")
    ax.set_ylabel("Task")
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title("Hypothetical five-song EP: eight-week schedule "
                 "(orange: the client's review time; gray: buffer)", fontsize=9)
    return fig


# US statutory mechanical rates for physical phonorecords and permanent downloads
# (37 CFR 385.11): (cents per track, cents per minute or fraction), by year.
_MECH_RATES = {
    2023: (12.0, 2.31),   # Phonorecords IV final rule, 87 FR 76937 (Dec. 16, 2022)
    2024: (12.40, 2.39),  # CRB cost-of-living adjustment, 88 FR 86058 (Dec. 12, 2023)
    2025: (12.70, 2.45),  # CRB cost-of-living adjustment, as reported
    2026: (13.10, 2.52),  # CRB cost-of-living adjustment, as reported
}


def mechanical_cents(minutes, year=2023):
    """Statutory rate per copy: the larger of the flat rate and the per-minute rate times
    the playing time rounded up to whole minutes ("or fraction thereof")."""
    import math
    flat, per_min = _MECH_RATES[int(year)]
    return max(flat, per_min * math.ceil(minutes - 1e-9))


@figure("m10-mechanical-rate")
def mechanical_rate(years=(2023, 2026), max_minutes: float = 10.0):
    """Mechanical royalty per copy against playing time, for the given years."""
    import numpy as np
    t = np.linspace(0.05, max_minutes, 2000)
    fig = Figure(figsize=(7.0, 4.0), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    styles = ["-", "--", "-.", ":"]
    for k, year in enumerate(years):
        y = [mechanical_cents(m, year) for m in t]
        flat, per_min = _MECH_RATES[int(year)]
        ax.plot(t, y, linestyle=styles[k % 4], linewidth=2.0,
                label=f"{year}: {flat:g}¢ or {per_min:g}¢ per minute or fraction")
    ax.annotate("a 5:01 song counts as 6 minutes:\n6 × 2.31 = 13.86¢ (2023)",
                xy=(5.05, 13.86), xytext=(5.6, 20.5), fontsize=8,
                arrowprops={"arrowstyle": "->"})
    ax.set_xlim(0, max_minutes)
    ax.set_ylim(0, 27)
    ax.set_xticks(range(0, int(max_minutes) + 1))
    ax.set_xlabel("Playing time of the recording (minutes)")
    ax.set_ylabel("Mechanical royalty per copy (US cents)")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title("US statutory mechanical rate, physical copies and permanent downloads",
                 fontsize=9)
    return fig


@figure("m10-term-timeline")
def term_timeline(created: int = 2025, published: int = 2026, author_death: int = 2060):
    """Protection periods for one song and its recording, US and UK/EU rules.

    Song by one author: life + 70 (17 U.S.C. § 302(a); Directive 2006/116/EC Art. 1).
    Recording, UK/EU: 70 years from publication (Directive 2011/77/EU).
    Recording, US work made for hire: the earlier of 95 years from publication and 120
    years from creation (§ 302(c)). Every term runs to the end of its final year.
    """
    rows = [
        ("Song, US (life + 70)", created, author_death + 70),
        ("Song, UK/EU (life + 70)", created, author_death + 70),
        ("Recording, UK/EU (70 years from publication)", created, published + 70),
        ("Recording, US, work made for hire\n(95 from publication or 120 from creation)",
         created, min(published + 95, created + 120)),
    ]
    fig = Figure(figsize=(8.0, 3.6), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    colors = ["#7fa7d9", "#7fa7d9", "#f4b183", "#f4b183"]
    for i, (_label, start, last) in enumerate(rows):
        y = len(rows) - i
        ax.barh(y, last + 1 - start, left=start, height=0.5, color=colors[i], edgecolor="0.2")
        ax.text(last + 1 + 1.5, y, f"to end of {last}", va="center", fontsize=8)
    ax.axvline(author_death, color="0.4", linestyle=":", linewidth=1)
    ax.text(author_death, len(rows) + 0.6, f"author dies\n{author_death}", ha="center",
            fontsize=8)
    ax.set_yticks([len(rows) - i for i in range(len(rows))])
    ax.set_yticklabels([r[0] for r in rows], fontsize=8)
    ax.set_xlim(created - 5, created + 140)
    ax.set_ylim(0.4, len(rows) + 1.3)
    ax.set_xlabel("Calendar year")
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title(f"Song written {created}, recording published {published}, "
                 f"author dies {author_death}", fontsize=9)
    return fig


@figure("m10-recoupment")
def recoupment(base: float = 10.0, artist_pct: float = 18.0, producer_pct: float = 3.0,
               costs: float = 45000.0, producer_advance: float = 6000.0,
               max_units: int = 50000):
    """Recoupment at the net artist rate and a producer royalty paid from record one.

    Top: the artist's net royalties (all-in rate minus the producer's) accumulate against
    the recording costs. Bottom: the producer's royalty earned from record one, and what
    has actually been paid (the advance, then earnings minus the advance once the costs
    are recouped).
    """
    import numpy as np
    units = np.linspace(0, max_units, 1001)
    net = (artist_pct - producer_pct) / 100.0 * base
    prod = producer_pct / 100.0 * base
    recoup_units = costs / net
    artist_cum = net * units
    earned = prod * units
    paid = np.where(units < recoup_units, producer_advance,
                    np.maximum(producer_advance, earned))
    fig = Figure(figsize=(7.0, 5.2), constrained_layout=True)
    ax1 = fig.add_subplot(2, 1, 1)
    net_label = f"Artist's cumulative royalties at the net rate ({artist_pct - producer_pct:g} %)"
    ax1.plot(units / 1000, artist_cum / 1000, color="tab:blue", label=net_label)
    ax1.axhline(costs / 1000, color="tab:red", linestyle="--",
                label=f"Recording costs (${costs:,.0f})")
    ax1.axvline(recoup_units / 1000, color="0.4", linestyle=":")
    ax1.text(recoup_units / 1000 + 0.8, 5, f"recouped at\n{recoup_units:,.0f} albums", fontsize=8)
    ax1.set_ylabel("Thousands of US dollars")
    ax1.set_xlim(0, max_units / 1000)
    ax1.set_ylim(0, max(artist_cum.max(), costs) / 1000 * 1.1)
    ax1.grid(True, alpha=0.3)
    ax1.legend(loc="upper left", fontsize=8)
    ax1.set_title("Hypothetical deal: recoupment at the net artist rate", fontsize=9)
    ax2 = fig.add_subplot(2, 1, 2, sharex=ax1)
    ax2.plot(units / 1000, earned / 1000, color="tab:green", linestyle="--",
             label=f"Producer's royalty earned from record one ({producer_pct:g} %)")
    ax2.plot(units / 1000, paid / 1000, color="tab:purple", linewidth=2.0,
             label=f"Producer paid in total (advance ${producer_advance:,.0f}, then earnings)")
    ax2.axvline(recoup_units / 1000, color="0.4", linestyle=":")
    ax2.set_xlabel("Albums sold (thousands)")
    ax2.set_ylabel("Thousands of US dollars")
    ax2.set_ylim(0, earned.max() / 1000 * 1.15)
    ax2.grid(True, alpha=0.3)
    ax2.legend(loc="upper left", fontsize=8)
    return fig
