import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { authorisedBlobUrl, gql } from "../api/client";
import { fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { useSubmit } from "../hooks/useSubmit";
import { useI18n } from "../i18n";
import type {
  CreateHouseholdMutation,
  CreateHouseholdMutationVariables,
  EnrolMemberMutation,
  EnrolMemberMutationVariables,
  MyHouseholdsQuery,
  UnitTreeQuery,
} from "../gql/types";
import { placeChoices } from "./onboarding/units";
import { UNIT_TREE } from "./registry/queries";
import { REGISTRATION_RESULT, Register } from "./patients/Register";

const HOUSEHOLDS = /* GraphQL */ `
  query MyHouseholds {
    households(first: 30) {
      nodes {
        id
        addressLine
        createdAt
        headPatientId
        unit {
          name
        }
        members {
          id
          healthId
          givenName
          familyName
          localName
          ageYears
          sex
        }
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation CreateHousehold($input: HouseholdInput!) {
    createHousehold(input: $input) {
      id
    }
  }
`;
const ENROL = /* GraphQL */ `
  mutation EnrolMember($householdId: ID!, $patient: PatientInput!, $head: Boolean, $confirm: Boolean) {
    enrollHouseholdMember(householdId: $householdId, patient: $patient, head: $head, confirmNotDuplicate: $confirm) {
      ...RegistrationResult
    }
  }
  ${REGISTRATION_RESULT}
`;

type Household = MyHouseholdsQuery["households"]["nodes"][number];

function NewHousehold({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [unitId, setUnitId] = useState("");
  const [address, setAddress] = useState("");
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<UnitTreeQuery>(UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, []);
  const places = useMemo(() => placeChoices(units), [units]);

  function locate() {
    setError(null);
    if (!("geolocation" in navigator)) return setError(new Error(t("survey.noLocation")));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ latitude: Number(p.coords.latitude.toFixed(5)), longitude: Number(p.coords.longitude.toFixed(5)) });
        setLocating(false);
      },
      () => {
        setError(new Error(t("survey.noLocation")));
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  }

  const { busy, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const d = await run((key) =>
        gql<CreateHouseholdMutation, CreateHouseholdMutationVariables>(CREATE, { input: { unitId, addressLine: address, ...(position ?? {}) } }, { idempotencyKey: key }),
      );
      if (!d) return;
      setAddress("");
      setPosition(null);
      onCreated(d.createHousehold.id);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-household" aria-busy={busy} noValidate>
      <h2 id="new-household">{t("survey.newHousehold")}</h2>
      <fieldset className="plain" disabled={busy}>
      <SelectField label={t("apply.place")} value={unitId} onChange={(e) => setUnitId(e.target.value)} options={[{ value: "", label: t("apply.choosePlace") }, ...places.map((p) => ({ value: p.id, label: p.label }))]} error={fieldError(error, "unitId")} />
      <TextField label={t("survey.address")} value={address} autoComplete="street-address" onChange={(e) => setAddress(e.target.value)} error={fieldError(error, "addressLine")} />
      <div className="actions">
        <button type="button" className="secondary" disabled={locating} onClick={locate}>
          {locating ? t("common.loading") : t("survey.locate")}
        </button>
        {position && <span role="status">{t("survey.located", { lat: position.latitude, lng: position.longitude })}</span>}
      </div>
      {(fieldError(error, "latitude") || fieldError(error, "longitude")) && (
        <p className="error" role="alert">
          {fieldError(error, "latitude") ?? fieldError(error, "longitude")}
        </p>
      )}
      <ErrorText error={error} />
      <button type="submit">{busy ? t("common.saving") : t("survey.create")}</button>
      </fieldset>
    </form>
  );
}

function HouseholdView({ h, onChanged }: { h: Household; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [head, setHead] = useState(h.headPatientId === null);
  const [error, setError] = useState<unknown>(null);
  async function printCard(healthId: string) {
    setError(null);
    try {
      window.open(await authorisedBlobUrl(`/cards/${encodeURIComponent(healthId)}.pdf`), "_blank", "noopener");
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card" aria-labelledby={`hh-${h.id}`}>
      <h2 id={`hh-${h.id}`}>{h.addressLine}</h2>
      <p className="muted">{h.unit?.name}</p>
      <ErrorText error={error} />
      {h.members.length === 0 ? (
        <p className="muted">{t("survey.noMembers")}</p>
      ) : (
        <ul className="plain members">
          {h.members.map((m) => (
            <li key={m.id}>
              <strong>
                {m.givenName} {m.familyName}
              </strong>{" "}
              {m.localName && <span className="local">({m.localName})</span>} · {t(`sex.${m.sex}`)} · {m.ageYears}
              {m.id === h.headPatientId && <span className="pill">{t("survey.head")}</span>}
              <div className="muted">{m.healthId}</div>
              <button type="button" className="link" onClick={() => void printCard(m.healthId)}>
                {t("survey.printCard", { name: m.givenName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Register
        title={t("survey.enrol")}
        save={async (patient, confirm) => {
          const d = await gql<EnrolMemberMutation, EnrolMemberMutationVariables>(ENROL, { householdId: h.id, patient, head, confirm });
          return d.enrollHouseholdMember;
        }}
        onRegistered={() => {
          setHead(false);
          void onChanged();
        }}
      >
        <label className="check">
          <input type="checkbox" checked={head} onChange={(e) => setHead(e.target.checked)} /> {t("survey.isHead")}
        </label>
      </Register>
    </section>
  );
}

/** Door-to-door survey on a phone: a household, then its members, each with a card to print. */
export default function Survey() {
  const { t, dateTime } = useI18n();
  const [rows, setRows] = useState<Household[] | null>(null);
  // The open household is in the address (?household=): Back returns to the list,
  // Reload keeps it open.
  const [params, setParams] = useSearchParams();
  const openId = params.get("household");
  const setOpenId = (id: string | null) => setParams(id ? { household: id } : {});
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => gql<MyHouseholdsQuery>(HOUSEHOLDS).then((d) => setRows(d.households.nodes), setError), []);
  useEffect(() => void load(), [load]);
  const open = rows?.find((h) => h.id === openId);

  return (
    <section className="survey">
      <h1>{t("survey.title")}</h1>
      <ErrorText error={error} />
      {open ? (
        <>
          <button type="button" className="link" onClick={() => setOpenId(null)}>
            {t("survey.back")}
          </button>
          <HouseholdView key={open.id} h={open} onChanged={load} />
        </>
      ) : (
        <>
          <NewHousehold
            onCreated={(id) => {
              void load().then(() => setOpenId(id));
            }}
          />
          <h2>{t("survey.mine")}</h2>
          {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
          {rows?.length === 0 && <p className="muted">{t("survey.none")}</p>}
          <ul className="plain">
            {rows?.map((h) => (
              <li key={h.id} className="card">
                <button type="button" className="link" onClick={() => setOpenId(h.id)}>
                  {h.addressLine}
                </button>
                <div className="muted">
                  {h.unit?.name} · {t("survey.members", { count: h.members.length })} · {dateTime(h.createdAt)}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
