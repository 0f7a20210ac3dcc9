import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { authorisedBlobUrl } from "../api/client";
import { cachedGql } from "../offline/cache";
import type { Item } from "../offline/outbox";
import { sendOrQueue } from "../offline/send";
import { uuidv7 } from "../offline/uuid7";
import { useOutboxItems } from "../offline/useOutbox";
import { newIdempotencyKey } from "../hooks/useSubmit";
import { fieldError } from "../api/errors";
import { ErrorText } from "../components/ErrorText";
import { SelectField, TextField } from "../components/Field";
import { useSubmit } from "../hooks/useSubmit";
import { useLock } from "../offline/useOutbox";
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
  // Reloaded when the phone's key opens: the saved places become readable.
  const open = useLock().state === "open";
  const [queued, setQueued] = useState(false);
  const [units, setUnits] = useState<UnitTreeQuery["adminUnitTree"]>([]);
  const [unitId, setUnitId] = useState("");
  const [address, setAddress] = useState("");
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    cachedGql<UnitTreeQuery>("unitTree", UNIT_TREE).then((d) => setUnits(d.adminUnitTree), setError);
  }, [open]);
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
    setQueued(false);
    try {
      // The phone makes the id, so members can be enrolled into the household before it
      // reaches the server.
      const id = uuidv7();
      const variables: CreateHouseholdMutationVariables = { input: { id, unitId, addressLine: address, ...(position ?? {}) } };
      const d = await run((key) => sendOrQueue<CreateHouseholdMutation>({ kind: "household", summary: address.trim(), query: CREATE, variables, idempotencyKey: key, ref: id }));
      if (!d) return;
      setAddress("");
      setPosition(null);
      if ("queued" in d) setQueued(true);
      onCreated(id);
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
      <ErrorText error={error} also={["id"]} />
      {queued && <p role="status">{t("outbox.queued")}</p>}
      <button type="submit">{busy ? t("common.saving") : t("survey.create")}</button>
      </fieldset>
    </form>
  );
}

/** A household still in the phone's queue, shown like one from the server. */
type Shown = Household & { pending?: boolean };

function pendingHouseholds(queue: Item[], units: Map<string, string>): Shown[] {
  return queue
    .filter((i) => i.kind === "household" && i.state !== "done")
    .map((i) => {
      const input = (i.variables as CreateHouseholdMutationVariables).input;
      return { id: input.id as string, addressLine: input.addressLine, createdAt: i.createdAt, headPatientId: null, unit: { name: units.get(input.unitId) ?? "" }, members: [], pending: true };
    });
}

function HouseholdView({ h, onChanged, queue }: { h: Shown; onChanged: () => Promise<void>; queue: Item[] }) {
  const { t } = useI18n();
  const waiting = queue.filter((i) => i.kind === "member" && i.ref === h.id && i.state !== "done");
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
      <h2 id={`hh-${h.id}`}>
        {h.addressLine} {h.pending && <span className="pill">{t("outbox.pending")}</span>}
      </h2>
      <p className="muted">{h.unit?.name}</p>
      <ErrorText error={error} />
      {waiting.length > 0 && (
        <ul className="plain pending-members" aria-label={t("outbox.pending")}>
          {waiting.map((i) => (
            <li key={i.id}>
              <strong>{i.summary}</strong> <span className={i.state === "attention" ? "pill pill--alert" : "pill"}>{t(`outbox.state.${i.state}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {h.members.length === 0 && waiting.length === 0 ? (
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
          const variables: EnrolMemberMutationVariables = { householdId: h.id, patient, head, confirm };
          const summary = [patient.givenName, patient.familyName].filter(Boolean).join(" ");
          const d = await sendOrQueue<EnrolMemberMutation>({ kind: "member", summary, query: ENROL, variables, idempotencyKey: newIdempotencyKey(), ref: h.id });
          return "queued" in d ? "queued" : d.sent.enrollHouseholdMember;
        }}
        onRegistered={() => {
          setHead(false);
          void onChanged();
        }}
        onQueued={() => setHead(false)}
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
  const unlocked = useLock().state === "open";
  const load = useCallback(
    () =>
      cachedGql<MyHouseholdsQuery>("households", HOUSEHOLDS).then((d) => {
        setRows(d.households.nodes);
        setError(null);
      }, setError),
    [],
  );
  const queue = useOutboxItems() ?? [];
  // Sent items reach the server's list: read it again when the queue moves.
  const moved = queue.filter((i) => i.state === "done").length;
  useEffect(() => void load(), [load, unlocked, moved]);
  const [units, setUnits] = useState(new Map<string, string>());
  useEffect(() => {
    cachedGql<UnitTreeQuery>("unitTree", UNIT_TREE).then((d) => setUnits(new Map(placeChoices(d.adminUnitTree).map((p) => [p.id, p.label]))), () => undefined);
  }, [unlocked]);
  const known = new Set(rows?.map((h) => h.id));
  const shown: Shown[] = [...pendingHouseholds(queue, units).filter((h) => !known.has(h.id)), ...(rows ?? [])];
  const open = shown.find((h) => h.id === openId);

  return (
    <section className="survey">
      <h1>{t("survey.title")}</h1>
      <ErrorText error={error} />
      {open ? (
        <>
          <button type="button" className="link" onClick={() => setOpenId(null)}>
            {t("survey.back")}
          </button>
          <HouseholdView key={open.id} h={open} onChanged={load} queue={queue} />
        </>
      ) : (
        <>
          <NewHousehold
            onCreated={(id) => {
              void load().finally(() => setOpenId(id));
            }}
          />
          <h2>{t("survey.mine")}</h2>
          {!rows && !error && <p aria-busy="true">{t("common.loading")}</p>}
          {rows && shown.length === 0 && <p className="muted">{t("survey.none")}</p>}
          <ul className="plain">
            {shown.map((h) => (
              <li key={h.id} className="card">
                <button type="button" className="link" onClick={() => setOpenId(h.id)}>
                  {h.addressLine}
                </button>{" "}
                {h.pending && <span className="pill">{t("outbox.pending")}</span>}
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
