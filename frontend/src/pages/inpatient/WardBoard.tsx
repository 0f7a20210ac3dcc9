import { useCallback, useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { authorisedBlobUrl, gql } from "../../api/client";
import { cachedGql } from "../../offline/cache";
import { useLock } from "../../offline/useOutbox";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { SetBedHousekeepingMutation, SetBedHousekeepingMutationVariables, WardBoardQuery, WardBoardQueryVariables } from "../../gql/types";
import { AdmitForm } from "./AdmitForm";
import { DutyList } from "./DutyList";
import { Handover } from "./Handover";
import { tileClass } from "./labels";
import { BOARD, HOUSEKEEPING } from "./queries";
import { HeldBed } from "./HeldBed";
import { StayPanel } from "./StayPanel";

export type Board = WardBoardQuery["wardBoard"];
export type Tile = Board["beds"][number];

/** A ward's beds as tiles (coloured by state, patient and condition on each); a tile opens its bed. */
export default function WardBoard() {
  const { wardId = "" } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const selected = params.get("bed");
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loads, setLoads] = useState(0);
  // Kept here, not in the form: once the board reloads the bed is occupied and the form is gone.
  const [notice, setNotice] = useState<{ bed: string; text: string } | null>(null);
  const { busy, run } = useSubmit();
  const unlocked = useLock().state === "open";

  const load = useCallback(() => {
    // The board opens from the phone's copy without a network (a nurse records rounds in a dead corner).
    cachedGql<WardBoardQuery, WardBoardQueryVariables>("wardBoard", BOARD, { wardId }).then((d) => setBoard(d.wardBoard), setError);
    setLoads((n) => n + 1);
  }, [wardId, unlocked]);
  useEffect(load, [load]);

  const choose = (bed: string | null) => {
    const next = new URLSearchParams(params);
    if (bed) next.set("bed", bed);
    else next.delete("bed");
    setParams(next);
  };
  const tile = board?.beds.find((b) => b.bed.id === selected) ?? null;
  const markReady = async (b: Tile) => {
    setError(null);
    try {
      await run((key) =>
        gql<SetBedHousekeepingMutation, SetBedHousekeepingMutationVariables>(HOUSEKEEPING, { bedId: b.bed.id, expectedVersion: b.bed.version, housekeeping: "READY" }, { idempotencyKey: key }),
      );
      load();
    } catch (e) {
      setError(e);
    }
  };

  if (!board) return <ErrorText error={error} />;
  const c = board.counts;
  return (
    <section>
      <p>
        <Link to="/inpatients">{t("ward.back")}</Link>
      </p>
      <h1>{t("ward.title", { name: board.ward.name })}</h1>
      <p>
        <Link to={`/wards/${wardId}/round`}>{t("round.open")}</Link> ·{" "}
        <a href={`/ward-registers/${wardId}.pdf`} target="_blank" rel="noreferrer" onClick={(e) => printRegister(e, wardId)}>
          {t("ward.print")}
        </a>
      </p>
      <p className="counts">
        {t("ward.counts", { occupied: c.occupied, free: c.free, out: c.outOfService, total: c.total })}
        {c.occupancyRate != null && <> · {t("ward.rate", { rate: c.occupancyRate })}</>}
      </p>
      <ErrorText error={error} />
      <DutyList wardId={wardId} refresh={loads} />
      <ul className="tiles" aria-label={board.ward.name}>
        {board.beds.map((b) => (
          <li key={b.bed.id}>
            <button type="button" className={tileClass(b.state, b.admission?.category)} aria-pressed={b.bed.id === selected} onClick={() => choose(b.bed.id)}>
              <strong>{b.bed.label}</strong>
              <span>{t(`bedState.${b.state}` as MessageKey)}</span>
              {b.admission && <span className="tile__name">{b.admission.name}</span>}
              {b.admission?.category && <span>{t(`category.${b.admission.category}` as MessageKey)}</span>}
              {b.admission?.overdue && <span className="pill pill--alert">{t("inpatients.overdue")}</span>}
            </button>
          </li>
        ))}
      </ul>
      {tile && (
        <div className="panel" key={tile.bed.id}>
          <h2>{t("ward.bed", { label: tile.bed.label })}</h2>
          {notice?.bed === tile.bed.id && <p role="status">{notice.text}</p>}
          {tile.state === "FREE" && (
            <AdmitForm
              board={board}
              tile={tile}
              onDone={(text) => {
                setNotice({ bed: tile.bed.id, text });
                load();
              }}
            />
          )}
          {tile.admission && tile.state === "RESERVED" && <HeldBed tile={tile} onDone={load} />}
          {tile.admission && tile.state !== "RESERVED" && <StayPanel board={board} tile={tile} onDone={load} />}
          {tile.state === "CLEANING" && (
            <button type="button" disabled={busy} onClick={() => markReady(tile)}>
              {t("bed.markReady")}
            </button>
          )}
        </div>
      )}
      <Handover wardId={wardId} />
    </section>
  );
}

/** The day's register as a PDF, fetched with the session (opened in a new tab). */
async function printRegister(e: React.MouseEvent, wardId: string) {
  e.preventDefault();
  const url = await authorisedBlobUrl(`/ward-registers/${wardId}.pdf`);
  window.open(url, "_blank", "noopener");
}
