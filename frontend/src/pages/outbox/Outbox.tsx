import { Link } from "react-router-dom";
import { Confirm } from "../../components/Confirm";
import { useOnline } from "../../components/OfflineBanner";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { discard, type Item } from "../../offline/outbox";
import { retry, syncNow } from "../../offline/sync";
import { useLock, useOutboxItems } from "../../offline/useOutbox";

const STATE_PILL: Record<Item["state"], string> = { waiting: "pill", sending: "pill", done: "pill pill--ok", attention: "pill pill--alert" };

/** What the person should do about a refused item, by the server's code. */
function advice(item: Item): MessageKey {
  switch (item.problem?.code) {
    case "DUPLICATES":
      return "outbox.fix.duplicates";
    case "CONFLICT":
      return "outbox.fix.conflict";
    case "NOT_FOUND":
      return "outbox.fix.notFound";
    case "FORBIDDEN":
      return "outbox.fix.forbidden";
    case "VALIDATION":
      return "outbox.fix.validation";
    default:
      return "outbox.fix.other";
  }
}

/** Where the record an item belongs to can be seen as it is now on the server. */
function recordLink(item: Item): string | null {
  const v = item.variables as { facilityId?: string; householdId?: string; input?: { id?: string } };
  if (item.kind === "oxygen" && v.facilityId) return `/oxygen/entry?facility=${encodeURIComponent(v.facilityId)}`;
  if (item.kind === "member" && v.householdId) return `/survey?household=${encodeURIComponent(v.householdId)}`;
  if (item.kind === "household" && v.input?.id) return `/survey?household=${encodeURIComponent(v.input.id)}`;
  if (item.kind === "condition") return "/inpatients";
  if (item.kind === "case") return "/surveillance/report";
  const mark = item.variables as { input?: { sessionId?: string; day?: string } };
  if (item.kind === "attendance" && mark.input?.sessionId) return `/training/${encodeURIComponent(mark.input.sessionId)}?day=${mark.input.day ?? ""}`;
  return null;
}

function Row({ item, all }: { item: Item; all: Item[] }) {
  const { t, dateTime } = useI18n();
  const waitsFor = item.after ? all.find((i) => i.id === item.after && i.state !== "done") : undefined;
  // A household's unsent members go with it.
  const dependants = all.filter((i) => i.id !== item.id && i.ref === item.ref && i.seq > item.seq && i.state !== "done");
  const drop = async () => {
    for (const i of [item, ...(item.kind === "household" ? dependants : [])]) await discard(i.id);
  };
  return (
    <li className="card outbox-item">
      <div>
        <strong>{item.summary}</strong> <span className={STATE_PILL[item.state]}>{t(`outbox.state.${item.state}`)}</span>
      </div>
      <div className="muted">
        {t(`outbox.kind.${item.kind}`)} · {t("outbox.made", { when: dateTime(item.createdAt) })}
        {waitsFor && item.state === "waiting" && <> · {t("outbox.waitsFor", { what: waitsFor.summary })}</>}
      </div>
      {item.state === "attention" && item.problem && (
        <div role="alert" className="outbox-problem">
          <p>{t(advice(item))}</p>
          {item.problem.code !== "DUPLICATES" && <p className="muted">{t("outbox.serverSaid", { message: item.problem.message })}</p>}
          {item.problem.duplicates && (
            <ul>
              {item.problem.duplicates.map((d) => (
                <li key={d.healthId}>
                  {d.name} · {d.yearOfBirth ?? "—"} · {d.healthId} <span className="muted">{d.reasons.map((r) => t(`match.${r}` as MessageKey)).join(", ")}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            {recordLink(item) && <Link to={recordLink(item)!}>{t("outbox.openRecord")}</Link>}
            {item.problem.duplicates ? (
              <button type="button" onClick={() => void retry(item, { ...item.variables, confirm: true })}>
                {t("outbox.notSamePerson")}
              </button>
            ) : (
              <button type="button" onClick={() => void retry(item)}>
                {t("outbox.sendAgain")}
              </button>
            )}
            <Confirm
              secondary
              label={t("outbox.discard")}
              question={item.kind === "household" && dependants.length ? t("outbox.discardWithMembers", { count: dependants.length }) : t("outbox.discardQuestion")}
              confirmLabel={t("outbox.discardConfirm")}
              onConfirm={drop}
            />
          </div>
        </div>
      )}
    </li>
  );
}

/** Work kept on this phone: what waits, what was sent, what needs the person's attention. */
export default function Outbox() {
  const { t } = useI18n();
  const lock = useLock();
  const list = useOutboxItems();
  const online = useOnline();
  return (
    <section className="outbox">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      {lock.state === "locked" && <p>{t("outbox.lockedList")}</p>}
      {list && list.length === 0 && <p className="muted">{t("outbox.empty")}</p>}
      {list && list.some((i) => i.state === "waiting") && (
        <button type="button" disabled={!online} onClick={() => void syncNow()}>
          {online ? t("outbox.sendNow") : t("outbox.noNetwork")}
        </button>
      )}
      <ul className="plain">
        {list?.map((i) => (
          <Row key={i.id} item={i} all={list} />
        ))}
      </ul>
    </section>
  );
}
