/** A small line chart drawn as SVG (no chart library): one or two series over days,
 *  with the figures also in a table for screen readers and print. */
export interface Series {
  label: string;
  values: number[];
  colour: string;
}

export function LineChart({ title, days, series }: { title: string; days: string[]; series: Series[] }) {
  const w = 600;
  const h = 180;
  const pad = 30;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad + (days.length <= 1 ? 0 : (i * (w - 2 * pad)) / (days.length - 1));
  const y = (v: number) => h - pad - (v * (h - 2 * pad)) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} preserveAspectRatio="none">
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="#6b7280" />
        <text x={4} y={y(max) + 4} fontSize="11" fill="#374151">
          {max}
        </text>
        {series.map((s) => (
          <polyline key={s.label} fill="none" stroke={s.colour} strokeWidth="2.5" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
        ))}
      </svg>
      <figcaption>
        {title}:{" "}
        {series.map((s) => (
          <span key={s.label} className="chart__key" style={{ borderColor: s.colour }}>
            {s.label}
          </span>
        ))}
      </figcaption>
      {/* Hidden inside a box: a table of 30 rows cannot be shrunk to 1 px itself and would widen the page. */}
      <div className="visually-hidden">
      <table>
        <thead>
          <tr>
            <th>{title}</th>
            {series.map((s) => (
              <th key={s.label}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d, i) => (
            <tr key={d}>
              <td>{d}</td>
              {series.map((s) => (
                <td key={s.label}>{s.values[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
