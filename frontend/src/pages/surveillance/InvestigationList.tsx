import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { OutbreakInvestigationsQuery } from "../../gql/types";
import { INVESTIGATIONS } from "./queries";

/** Investigations not yet closed in the caller's reach, the response clock of each. */
export function InvestigationList({ names, refresh }: { names: Map<string, string>; refresh: number }) {
  const { t } = useI18n();
  const [list, setList] = useState<OutbreakInvestigationsQuery["outbreakInvestigations"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<OutbreakInvestigationsQuery>(INVESTIGATIONS).then((d) => setList(d.outbreakInvestigations), setError);
  }, [refresh]);
  if (!list?.length && !error) return null;
  return (
    <section aria-labelledby="inv-list">
      <h2 id="inv-list">{t("inv.listTitle")}</h2>
      <ErrorText error={error} />
      <ul>
        {list?.map((i) => (
          <li key={i.id}>
            <Link to={`/surveillance/investigations/${i.id}`}>
              {names.get(i.condition) ?? i.condition} · {i.village ? `${i.village}, ` : ""}
              {i.unitName}
            </Link>{" "}
            · {t(`inv.status.${i.status}`)}
            {i.responseClock.running && <span className={i.responseClock.withinTarget ? "muted" : "pill pill--alert"}> · {i.responseClock.withinTarget ? t("inv.awaitingResponse") : t("inv.responseOverdue")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
