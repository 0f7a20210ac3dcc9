import { useEffect, useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { DispatchOxygenDeliveryMutation, DispatchOxygenDeliveryMutationVariables, LiquidUnit, OxygenDispatchFormQuery, OxygenDispatchFormQueryVariables } from "../../gql/types";
import { DISPATCH_DELIVERY, DISPATCH_FORM } from "./queries";

/** "2026-12-06T09:30" for a datetime-local field, `hours` from now in the phone's own time. */
function localIn(hours: number): string {
  const d = new Date(Date.now() + hours * 3600000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

const blank = { tank: "", cylinderType: "", quantity: "", unit: "KILOLITRE" as LiquidUnit, supplier: "", vehicle: "", challan: "", expected: "" };

/** A tanker or a cylinder truck on its way to a facility: it counts towards the
 *  facility's time to empty from when it is expected. */
export function DispatchForm({ facilities, onDone }: { facilities: { value: string; label: string }[]; onDone: () => void }) {
  const { t } = useI18n();
  const [facility, setFacility] = useState(facilities[0]?.value ?? "");
  const [kind, setKind] = useState<"liquid" | "cylinders">("liquid");
  const [form, setForm] = useState<OxygenDispatchFormQuery | null>(null);
  const [v, setV] = useState({ ...blank, expected: localIn(6) });
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { busy, run } = useSubmit();
  useEffect(() => {
    if (!facility) return;
    gql<OxygenDispatchFormQuery, OxygenDispatchFormQueryVariables>(DISPATCH_FORM, { facilityId: facility }).then((d) => {
      setForm(d);
      const tank = d.oxygenSources.find((s) => s.kind === "LMO_TANK");
      setKind(tank ? "liquid" : "cylinders");
      setV((old) => ({ ...old, tank: tank?.id ?? "", cylinderType: d.oxygenCylinderTypes[0]?.id ?? "" }));
    }, setError);
  }, [facility]);
  const field = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value })) });
  const tanks = form?.oxygenSources.filter((s) => s.kind === "LMO_TANK") ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSent(null);
    const load = kind === "liquid" ? { liquid: { sourceId: v.tank, quantity: Number(v.quantity), unit: v.unit } } : { cylinders: { cylinderTypeId: v.cylinderType, count: Math.round(Number(v.quantity)) } };
    try {
      const r = await run((key) =>
        gql<DispatchOxygenDeliveryMutation, DispatchOxygenDeliveryMutationVariables>(
          DISPATCH_DELIVERY,
          {
            facilityId: facility,
            input: { supplier: v.supplier, vehicle: v.vehicle.trim() || null, challan: v.challan.trim() || null, load, expectedAt: new Date(v.expected).toISOString() },
          },
          { idempotencyKey: key },
        ),
      );
      if (r) {
        setSent(facilities.find((f) => f.value === facility)?.label ?? "");
        setV({ ...blank, tank: v.tank, cylinderType: v.cylinderType, expected: localIn(6) });
        onDone();
      }
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="panel">
      <summary>{t("oxygen.ledger.dispatch")}</summary>
      <form onSubmit={submit} aria-label={t("oxygen.ledger.dispatch")}>
        <SelectField label={t("oxygen.facility")} value={facility} onChange={(e) => setFacility(e.target.value)} options={facilities} />
        <SelectField
          label={t("oxygen.ledger.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as "liquid" | "cylinders")}
          options={[
            ...(tanks.length > 0 ? [{ value: "liquid", label: t("oxygen.ledger.kind.liquid") }] : []),
            { value: "cylinders", label: t("oxygen.ledger.kind.cylinders") },
          ]}
        />
        {kind === "liquid" ? (
          <>
            <SelectField label={t("oxygen.ledger.tank")} {...field("tank")} options={tanks.map((s) => ({ value: s.id, label: s.name }))} error={fieldError(error, "liquid.sourceId")} />
            <TextField label={t("oxygen.ledger.quantity")} type="number" inputMode="decimal" min={0} step="any" required {...field("quantity")} error={fieldError(error, "liquid.quantity")} />
            <SelectField
              label={t("oxygen.ledger.unitLabel")}
              {...field("unit")}
              options={(["KILOLITRE", "LITRE", "KILOGRAM"] as const).map((u) => ({ value: u, label: t(`oxygen.ledger.unit.${u.toLowerCase()}` as "oxygen.ledger.unit.litre") }))}
            />
          </>
        ) : (
          <>
            <SelectField
              label={t("oxygen.ledger.cylinderType")}
              {...field("cylinderType")}
              options={(form?.oxygenCylinderTypes ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
              error={fieldError(error, "cylinders.cylinderTypeId")}
            />
            <TextField label={t("oxygen.ledger.count")} type="number" inputMode="numeric" min={1} step={1} required {...field("quantity")} error={fieldError(error, "cylinders.count")} />
          </>
        )}
        <TextField label={t("oxygen.ledger.supplier")} required {...field("supplier")} error={fieldError(error, "supplier")} />
        <TextField label={t("oxygen.ledger.vehicle")} {...field("vehicle")} error={fieldError(error, "vehicle")} />
        <TextField label={t("oxygen.ledger.challanLabel")} {...field("challan")} error={fieldError(error, "challan")} />
        <TextField label={t("oxygen.ledger.expected")} type="datetime-local" required {...field("expected")} error={fieldError(error, "expectedAt")} />
        <ErrorText error={error} />
        {sent && <p role="status">{t("oxygen.ledger.sent", { facility: sent })}</p>}
        <button type="submit" disabled={busy}>
          {t("oxygen.ledger.send")}
        </button>
      </form>
    </details>
  );
}
