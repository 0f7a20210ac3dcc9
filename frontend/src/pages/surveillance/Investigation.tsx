import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { gql } from "../../api/client";
import { subscribe } from "../../api/live";
import { useAuth } from "../../api/auth";
import { ErrorText } from "../../components/ErrorText";
import { useI18n } from "../../i18n";
import type { NotifiableConditionsQuery, InvestigationFieldsFragment, OutbreakInvestigationQuery, OutbreakInvestigationQueryVariables, SurveillanceChangedSubscription } from "../../gql/types";
import { Clocks } from "./Clocks";
import { ActionForm, CaseLinkForm, ResultForm, SampleForm, TeamForm } from "./InvestigationEntries";
import { StatusControl } from "./InvestigationStatus";
import { CONDITIONS, INVESTIGATION, SURVEILLANCE_CHANGED } from "./queries";

type Inv = InvestigationFieldsFragment;

const STATUS_CLASS: Record<Inv["status"], string> = { OPEN: "pill pill--alert", INVESTIGATING: "pill pill--warn", CONTAINED: "pill pill--ok", CLOSED: "pill" };

/**
 * An outbreak investigation: its clocks, status, team, actions, samples, cases, log and
 * final report; kept current as others add to it; prints as the investigation's record.
 */
export default function Investigation() {
  const { id = "" } = useParams();
  const { t, date, dateTime } = useI18n();
  const officer = useAuth().has("SURVEILLANCE_OFFICER");
  const [inv, setInv] = useState<Inv | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    gql<NotifiableConditionsQuery>(CONDITIONS).then((d) => setNames(new Map(d.notifiableConditions.map((c) => [c.code, c.name]))), setError);
  }, []);
  const load = useCallback(() => gql<OutbreakInvestigationQuery, OutbreakInvestigationQueryVariables>(INVESTIGATION, { id }).then((d) => setInv(d.outbreakInvestigation), setError), [id]);
  useEffect(() => void load(), [load]);
  // Someone else added to it: read it again.
  useEffect(
    () =>
      subscribe<SurveillanceChangedSubscription>(
        SURVEILLANCE_CHANGED,
        {},
        (d) => {
          if (d.surveillanceChanged.id === id) void load();
        },
        setLive,
      ),
    [id, load],
  );
  if (!inv) return error ? <ErrorText error={error} /> : <p aria-busy="true">{t("common.loading")}</p>;
  const open = inv.status !== "CLOSED";
  const work = officer && open;
  return (
    <section className="investigation">
      <p className="no-print">
        <Link to="/surveillance">← {t("surveillance.title")}</Link>
      </p>
      <h1>
        {t("inv.title", { condition: names.get(inv.condition) ?? inv.condition, place: inv.village ? `${inv.village}, ${inv.unitName}` : inv.unitName })}
      </h1>
      <p>
        <span className={STATUS_CLASS[inv.status]}>{t(`inv.status.${inv.status}`)}</span> {t("inv.raised", { when: dateTime(inv.raisedAt) })} · {t("inv.verified", { when: dateTime(inv.verifiedAt) })}
        {live && <span className="muted no-print"> · {t("inv.live")}</span>}
      </p>
      <Clocks inv={inv} />
      <ErrorText error={error} />
      {work && <StatusControl inv={inv} onSaved={setInv} />}

      <h2>{t("inv.team")}</h2>
      {inv.team.length === 0 ? (
        <p className="muted">{t("inv.noTeam")}</p>
      ) : (
        <ul>
          {inv.team.map((m, i) => (
            <li key={i}>
              {m.name} · {m.role}
            </li>
          ))}
        </ul>
      )}
      {work && <TeamForm inv={inv} onSaved={setInv} />}

      <h2>{t("inv.actions")}</h2>
      {inv.actions.length === 0 ? (
        <p className="muted">{t("inv.noActions")}</p>
      ) : (
        <ul>
          {inv.actions.map((a, i) => (
            <li key={i}>
              {date(a.on)}: {a.what}
            </li>
          ))}
        </ul>
      )}
      {work && <ActionForm inv={inv} onSaved={setInv} />}

      <h2>{t("inv.samples")}</h2>
      {inv.samples.length === 0 && <p className="muted">{t("inv.noSamples")}</p>}
      <ul className="plain">
        {inv.samples.map((s) => (
          <li key={s.id} className="card">
            <p>
              <strong>{s.specimen}</strong> → {s.lab}, {t("inv.sentOnDate", { date: date(s.sentOn) })}
            </p>
            <p>
              {s.result ? t("inv.resultWas", { result: t(`inv.result.${s.result.toUpperCase() as "POSITIVE" | "NEGATIVE" | "INCONCLUSIVE"}`), date: date(s.resultOn ?? s.sentOn) }) : t("inv.awaited")}
              {s.resultNote && ` · ${s.resultNote}`}
            </p>
            {work && <ResultForm inv={inv} sampleId={s.id} onSaved={setInv} />}
          </li>
        ))}
      </ul>
      {work && <SampleForm inv={inv} onSaved={setInv} />}

      <h2>{t("inv.cases", { n: inv.cases.length })}</h2>
      <ul>
        {inv.cases.map((c) => (
          <li key={c.id}>
            {c.name ?? "—"} · {c.village} · {date(c.onsetDate)} · {c.classification}
          </li>
        ))}
      </ul>
      {work && <CaseLinkForm inv={inv} onSaved={setInv} />}

      {inv.finalReport && (
        <>
          <h2>{t("inv.finalReport")}</h2>
          <p className="prewrap">{inv.finalReport}</p>
        </>
      )}
      <details>
        <summary>{t("inv.log")}</summary>
        <ol>
          {inv.log.map((e, i) => (
            <li key={i}>
              {dateTime(e.recordedAt)} · {t(`inv.kind.${e.kind as "action"}`)}: {[e.text, e.detail].filter(Boolean).join(" · ")}
            </li>
          ))}
        </ol>
      </details>
      <p className="no-print">
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t("inv.print")}
        </button>
      </p>
    </section>
  );
}
