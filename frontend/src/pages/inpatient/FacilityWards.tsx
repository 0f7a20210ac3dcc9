import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type {
  AddBedsMutation,
  AddBedsMutationVariables,
  BedType,
  CreateWardMutation,
  CreateWardMutationVariables,
  Department,
  FacilityWardsQuery,
  FacilityWardsQueryVariables,
} from "../../gql/types";
import { BED_TYPES, DEPARTMENTS } from "./labels";
import { ADD_BEDS, CREATE_WARD, FACILITY_WARDS } from "./queries";

/** A facility's wards and beds set up by its bed managers, beside its declared capacity. */
export default function FacilityWards() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { busy, run } = useSubmit();
  const [data, setData] = useState<FacilityWardsQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ward, setWard] = useState({ name: "", department: "MEDICINE" as Department, floor: "", phone: "" });
  const [beds, setBeds] = useState({ wardId: "", bedType: "GENERAL" as BedType, labels: "" });
  const load = useCallback(() => {
    gql<FacilityWardsQuery, FacilityWardsQueryVariables>(FACILITY_WARDS, { facilityId: id }).then((d) => {
      setData(d);
      setBeds((b) => ({ ...b, wardId: b.wardId || d.wards[0]?.id || "" }));
    }, setError);
  }, [id]);
  useEffect(load, [load]);

  const addWard = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await run((key) =>
        gql<CreateWardMutation, CreateWardMutationVariables>(
          CREATE_WARD,
          { input: { facilityId: id, name: ward.name, department: ward.department, floor: ward.floor || null, phone: ward.phone || null } },
          { idempotencyKey: key },
        ),
      );
      setWard({ ...ward, name: "", floor: "", phone: "" });
      load();
    } catch (err) {
      setError(err);
    }
  };
  const addBeds = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const labels = beds.labels.split(",").map((l) => l.trim()).filter(Boolean);
    try {
      await run((key) => gql<AddBedsMutation, AddBedsMutationVariables>(ADD_BEDS, { wardId: beds.wardId, bedType: beds.bedType, labels }, { idempotencyKey: key }));
      setBeds({ ...beds, labels: "" });
      load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <p>
        <Link to={`/registry/facilities/${id}`}>←</Link>
      </p>
      <h1>{t("ward.setup")}</h1>
      <ErrorText error={error} />
      {data && (
        <>
          <ul className="chips">
            {data.wards.map((w) => (
              <li key={w.id}>
                <Link to={`/wards/${w.id}`}>{w.name}</Link>
              </li>
            ))}
          </ul>
          <h2>{t("ward.capacity")}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t("ward.bedType")}</th>
                  <th>{t("ward.declared")}</th>
                  <th>{t("ward.setUp")}</th>
                  <th>{t("ward.difference")}</th>
                </tr>
              </thead>
              <tbody>
                {data.bedCapacityCheck.map((c) => (
                  <tr key={c.bedType} className={c.difference !== 0 ? "row--alert" : undefined}>
                    <td>{t(`bedType.${c.bedType}` as MessageKey)}</td>
                    <td>{c.declared}</td>
                    <td>{c.setUp}</td>
                    <td>{c.difference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <form onSubmit={addWard} aria-label={t("ward.create")}>
        <h2>{t("ward.create")}</h2>
        <TextField label={t("ward.name")} required value={ward.name} onChange={(e) => setWard({ ...ward, name: e.target.value })} error={fieldError(error, "name")} />
        <SelectField label={t("ward.department")} value={ward.department} onChange={(e) => setWard({ ...ward, department: e.target.value as Department })} options={DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}` as MessageKey) }))} />
        <TextField label={t("ward.floor")} value={ward.floor} onChange={(e) => setWard({ ...ward, floor: e.target.value })} error={fieldError(error, "floor")} />
        <TextField label={t("ward.phone")} type="tel" value={ward.phone} onChange={(e) => setWard({ ...ward, phone: e.target.value })} error={fieldError(error, "phone")} />
        <button type="submit" disabled={busy}>
          {t("ward.create")}
        </button>
      </form>
      {data && data.wards.length > 0 && (
        <form onSubmit={addBeds} aria-label={t("ward.addBeds")}>
          <h2>{t("ward.addBeds")}</h2>
          <SelectField label={t("inpatients.wards")} value={beds.wardId} onChange={(e) => setBeds({ ...beds, wardId: e.target.value })} options={data.wards.map((w) => ({ value: w.id, label: w.name }))} />
          <SelectField label={t("ward.bedType")} value={beds.bedType} onChange={(e) => setBeds({ ...beds, bedType: e.target.value as BedType })} options={BED_TYPES.map((b) => ({ value: b, label: t(`bedType.${b}` as MessageKey) }))} />
          <TextField label={t("ward.labels")} required value={beds.labels} onChange={(e) => setBeds({ ...beds, labels: e.target.value })} error={fieldError(error, "labels")} />
          <button type="submit" disabled={busy}>
            {t("ward.addBeds")}
          </button>
        </form>
      )}
    </section>
  );
}
