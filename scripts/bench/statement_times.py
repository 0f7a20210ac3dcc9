"""Sum PostgreSQL's logged statement times (log_min_duration_statement = 0) read on
stdin into the indicator roll-ups' upserts and everything else, per write: what keeping
the roll-ups current adds to each clinical write, in server time. Argument: the number
of writes made while the log was taken."""
import re
import sys

writes = max(int(sys.argv[1]), 1)
line = re.compile(r"duration: ([\d.]+) ms\s+(?:(parse|bind|execute)[^:]*|statement): (.*)")
total = {"roll-ups": 0.0, "other": 0.0}
executes = {"roll-ups": [], "other": []}
for raw in sys.stdin:
    m = line.search(raw)
    if not m:
        continue
    ms, step, text = float(m.group(1)), m.group(2), m.group(3)
    kind = "roll-ups" if re.search(r"\bindicator_(facility_days|facility_months|unit_months)\b", text) else "other"
    total[kind] += ms
    if step in (None, "execute"):
        executes[kind].append(ms)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else 0.0


for kind in ("roll-ups", "other"):
    xs = executes[kind]
    print(
        f"statements {kind}: {len(xs) / writes:.1f} a write, {total[kind] / writes:.3f} ms server time a write"
        f" (parse, bind and execute), each execute p50 {pct(xs, 0.5):.3f} ms p99 {pct(xs, 0.99):.3f} ms"
    )
share = total["roll-ups"] / max(total["roll-ups"] + total["other"], 1e-9) * 100
print(f"writes: {writes}; the roll-ups' share of the writes' server time: {share:.1f}%")
