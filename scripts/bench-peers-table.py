#!/usr/bin/env python3
"""The figures of a `scripts/bench-peers` run (the peers' harness JSON) as issue 13's
table: each program's figure, leadterm's, the goal, and whether it is met.

    scripts/bench-peers-table.py .bench/peers-20261201-031500.json

Medians over the run's repetitions, as the harness computes them. A figure a run
did not measure shows "—" and its goal "not measured".
"""
import json
import sys


def load(path):
    with open(path) as f:
        doc = json.load(f)
    return {name: s.get("summary", {}) for name, s in doc.get("scenarios", {}).items()}


def key(summary, group, field):
    return summary.get("keys", {}).get(group, {}).get(field)


def fmt(value, digits=1):
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits}f}"
    return f"{int(value):,}"


def mib(kb):
    return None if kb is None else kb / 1024


def main(path):
    s = load(path)
    less, cal, vd, lt = (s.get(n, {}) for n in ("less_10k", "calcurse_1k", "visidata_10k", "leadterm_10k"))
    cached = s.get("leadterm_10k_cached", {})
    rows = []   # (figure, less, calcurse, VisiData, leadterm, goal text, met or None)

    def row(figure, values, mine, goal, met, digits=1):
        rows.append((figure, *[fmt(v, digits) for v in values], mine, goal, met))

    fb = lt.get("first_byte_ms")
    row("first byte after spawn, ms", [less.get("first_byte_ms"), cal.get("first_byte_ms"), vd.get("first_byte_ms")],
        fmt(fb), "≤ 15", None if fb is None else fb <= 15)
    ff, vdff = lt.get("first_frame_ms"), vd.get("first_frame_ms")
    row("first frame with data (HTTP), ms", [less.get("first_frame_ms"), cal.get("first_frame_ms"), vdff], fmt(ff),
        f"≤ 1/3 of VisiData's ({fmt(vdff / 3 if vdff else None)})", None if ff is None or vdff is None else ff <= vdff / 3)
    cf = cached.get("first_frame_ms")
    row("first frame from the local cache, ms", [None, None, None], fmt(cf), "≤ 30", None if cf is None else cf <= 30)
    p50, p95 = key(lt, "Down*50", "settle_p50_ms"), key(lt, "Down*50", "settle_p95_ms")
    rows.append(("Down: settle p50 / p95, ms",
                 *[f"{fmt(key(x, g, 'settle_p50_ms'), 2)} / {fmt(key(x, g, 'settle_p95_ms'), 2)}"
                   for x, g in ((less, "Down*50"), (cal, "Right*30"), (vd, "Down*50"))],
                 f"{fmt(p50, 2)} / {fmt(p95, 2)}", "p95 ≤ 1.5", None if p95 is None else p95 <= 1.5))
    bd, lbd = key(lt, "Down*50", "bytes_per_key_avg"), key(less, "Down*50", "bytes_per_key_avg")
    row("bytes written per Down", [lbd, key(cal, "Right*30", "bytes_per_key_avg"), key(vd, "Down*50", "bytes_per_key_avg")],
        fmt(bd, 0), f"≤ 2× less's ({fmt(2 * lbd if lbd else None, 0)})", None if bd is None or lbd is None else bd <= 2 * lbd, 0)
    bp, lbp = key(lt, "PageDown*20", "bytes_per_key_avg"), key(less, "PageDown*20", "bytes_per_key_avg")
    row("bytes per PageDown", [lbp, None, key(vd, "PageDown*20", "bytes_per_key_avg")], fmt(bp, 0),
        f"≤ less's ({fmt(lbp, 0)})", None if bp is None or lbp is None else bp <= lbp, 0)
    rss, vrss = mib(lt.get("peak_rss_kb")), mib(vd.get("peak_rss_kb"))
    row("peak resident memory, MiB", [mib(less.get("peak_rss_kb")), mib(cal.get("peak_rss_kb")), vrss], fmt(rss),
        f"≤ VisiData's ({fmt(vrss)})", None if rss is None or vrss is None else rss <= vrss)
    anon, vanon = mib(lt.get("max_sampled_anon_kb")), mib(vd.get("max_sampled_anon_kb"))
    row("private (anonymous) memory, MiB", [mib(less.get("max_sampled_anon_kb")), mib(cal.get("max_sampled_anon_kb")), vanon],
        fmt(anon), f"≤ 1/4 of VisiData's ({fmt(vanon / 4 if vanon else None)})",
        None if anon is None or vanon is None else anon <= vanon / 4)
    idle = lt.get("idle_bytes_per_s")
    row("output while idle, B/s", [less.get("idle_bytes_per_s"), cal.get("idle_bytes_per_s"), vd.get("idle_bytes_per_s")],
        fmt(idle, 0), "0", None if idle is None else idle == 0)

    lt100, vd100, lf, vf = (s.get(n, {}) for n in ("leadterm_100k", "visidata_100k", "leadterm_100k_filter", "visidata_100k_filter"))
    f100 = lt100.get("first_frame_ms")
    row("100,000: first frame with data, ms", [s.get("less_100k", {}).get("first_frame_ms"), None, vd100.get("first_frame_ms")],
        fmt(f100), f"as at 10,000 (≤ {fmt(ff * 1.25 if ff else None)})", None if f100 is None or ff is None else f100 <= ff * 1.25)
    r100, v100 = mib(lt100.get("peak_rss_kb")), mib(vd100.get("peak_rss_kb"))
    row("100,000: peak resident memory, MiB", [mib(s.get("less_100k", {}).get("peak_rss_kb")), None, v100], fmt(r100),
        f"≤ 1/2 of VisiData's ({fmt(v100 / 2 if v100 else None)})", None if r100 is None or v100 is None else r100 <= v100 / 2)
    typed = next((g for g in lf.get("keys", {}) if g.startswith("type:")), None)
    vtyped = next((g for g in vf.get("keys", {}) if g.startswith("type:")), None)
    f50, f95 = (key(lf, typed, f) if typed else None for f in ("settle_p50_ms", "settle_p95_ms"))
    v50 = key(vf, vtyped, "settle_p50_ms") if vtyped else None
    rows.append(("100,000: filter as you type, per character p50 / p95, ms", "—", "—",
                 f"{fmt(v50, 2)} / {fmt(key(vf, vtyped, 'settle_p95_ms') if vtyped else None, 2)}",
                 f"{fmt(f50, 2)} / {fmt(f95, 2)}", f"p50 ≤ 1/3 of VisiData's ({fmt(v50 / 3 if v50 else None, 2)})",
                 None if f50 is None or v50 is None else f50 <= v50 / 3))

    print("| figure | less | calcurse | VisiData | leadterm | goal | met |")
    print("|---|---:|---:|---:|---:|---|---|")
    for figure, a, b, c, mine, goal, met in rows:
        print(f"| {figure} | {a} | {b} | {c} | {mine} | {goal} | {'not measured' if met is None else 'yes' if met else 'NO'} |")
    missed = [r[0] for r in rows if r[6] is False]
    print()
    print("every goal met" if not missed and all(r[6] is not None for r in rows)
          else "not met: " + "; ".join(missed) if missed else "every measured goal met (some not measured)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bench-peers-table.py RUN.json")
    main(sys.argv[1])
