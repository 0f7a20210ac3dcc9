import { useI18n } from "../../i18n";
import type { InvestigationFieldsFragment } from "../../gql/types";

type Clock = InvestigationFieldsFragment["responseClock"];

/** A clock against its 24-hour target, as a bar and in words (red once past the target). */
function ClockBar({ label, c }: { label: string; c: Clock }) {
  const { t } = useI18n();
  const hours = Math.floor(c.minutes / 60);
  const spent = t("inv.duration", { h: hours, m: c.minutes % 60 });
  const state = c.running ? (c.withinTarget ? t("inv.clockRunning") : t("inv.clockOverdue")) : c.withinTarget ? t("inv.clockMet") : t("inv.clockMissed");
  const width = Math.min(100, Math.round((c.minutes / c.targetMinutes) * 100));
  return (
    <li>
      <span className="bars__label">
        <strong>{label}</strong>: {spent} ({t("inv.target", { h: c.targetMinutes / 60 })}) · {state}
      </span>
      <span className="bars__track" role="img" aria-label={`${label}: ${spent}, ${state}`}>
        <span className={c.withinTarget ? "bars__bar" : "bars__bar bars__bar--low"} style={{ width: `${width}%` }} />
      </span>
    </li>
  );
}

/** The verification and response clocks of an investigation. */
export function Clocks({ inv }: { inv: Pick<InvestigationFieldsFragment, "verificationClock" | "responseClock"> }) {
  const { t } = useI18n();
  return (
    <ul className="plain bars">
      <ClockBar label={t("inv.verificationClock")} c={inv.verificationClock} />
      <ClockBar label={t("inv.responseClock")} c={inv.responseClock} />
    </ul>
  );
}
