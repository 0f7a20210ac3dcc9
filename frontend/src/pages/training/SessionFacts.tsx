import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { TrainingSessionFieldsFragment } from "../../gql/types";

const STATUS_PILL = { SCHEDULED: "pill", CLOSED: "pill pill--ok", CANCELLED: "pill pill--alert" } as const;

/** A session's when, where, who, status and attendance so far, with a bar for the rate. */
export function SessionFacts({ s }: { s: TrainingSessionFieldsFragment }) {
  const { t, date } = useI18n();
  const rate = s.attendanceRate;
  return (
    <>
      <p>
        <span className={STATUS_PILL[s.status]}>{t(`training.status.${s.status}` as MessageKey)}</span> {t(`training.topic.${s.topic}` as MessageKey)}
      </p>
      <p>
        {s.startsOn === s.endsOn ? date(s.startsOn) : t("training.dates", { from: date(s.startsOn), to: date(s.endsOn) })} · {s.facilityName}
        <br />
        {s.trainerName ? t("training.trainer", { name: s.trainerName }) : t("training.outsideTrainer")}
      </p>
      <p>
        {t("training.nominees", { n: s.nominees })}
        {s.capacity != null && ` · ${t("training.capacity", { n: s.capacity })}`}
      </p>
      {rate != null && (
        <div className="bars">
          <span className="bars__label">{t("training.rate", { rate, days: s.daysHeld })}</span>
          <span className="bars__track" role="img" aria-label={t("training.rate", { rate, days: s.daysHeld })}>
            <span className="bars__bar" style={{ width: `${Math.min(rate, 100)}%` }} />
          </span>
        </div>
      )}
      {s.statusReason && <p className="muted">{s.statusReason}</p>}
    </>
  );
}
