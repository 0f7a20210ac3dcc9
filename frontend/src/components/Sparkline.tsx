/** A row's months as a small line beside its name (no axes: the table has the
 *  figures); the values are read out to screen readers. */
export function Sparkline({ label, values }: { label: string; values: number[] }) {
  const w = 80;
  const h = 20;
  const max = Math.max(1, ...values);
  const x = (i: number) => (values.length <= 1 ? w / 2 : (i * (w - 2)) / (values.length - 1) + 1);
  const y = (v: number) => h - 2 - (v * (h - 4)) / max;
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${values.join(", ")}`}>
      <polyline fill="none" stroke="#1f6f4a" strokeWidth="1.5" points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
    </svg>
  );
}
