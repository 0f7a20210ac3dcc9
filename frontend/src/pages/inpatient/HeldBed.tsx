import { useState } from "react";
import { gql } from "../../api/client";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { CancelBedReservationMutation, CancelBedReservationMutationVariables, TransferPatientMutation, TransferPatientMutationVariables } from "../../gql/types";
import { CANCEL_RESERVATION, TRANSFER } from "./queries";
import type { Tile } from "./WardBoard";

/** A bed held for a patient elsewhere: move them in, or give the bed up. */
export function HeldBed({ tile, onDone }: { tile: Tile; onDone: () => void }) {
  const { t } = useI18n();
  const a = tile.admission!;
  const { busy, run } = useSubmit();
  const [error, setError] = useState<unknown>(null);
  const act = async (what: "move" | "cancel") => {
    setError(null);
    try {
      await run((key) =>
        what === "move"
          ? gql<TransferPatientMutation, TransferPatientMutationVariables>(TRANSFER, { admissionId: a.id, expectedVersion: a.version, bedId: tile.bed.id }, { idempotencyKey: key }).then(() => true)
          : gql<CancelBedReservationMutation, CancelBedReservationMutationVariables>(CANCEL_RESERVATION, { admissionId: a.id }, { idempotencyKey: key }).then(() => true),
      );
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <p>{t("held.for", { name: a.name ?? "—", bed: a.bedLabel ?? "—", ward: a.wardName ?? "—" })}</p>
      <ErrorText error={error} />
      <button type="button" disabled={busy} onClick={() => void act("move")}>
        {t("held.moveIn")}
      </button>{" "}
      <button type="button" disabled={busy} onClick={() => void act("cancel")}>
        {t("held.cancel")}
      </button>
    </div>
  );
}
