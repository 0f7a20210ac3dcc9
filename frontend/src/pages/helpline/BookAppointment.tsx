import { useState, type FormEvent } from "react";
import { gql } from "../../api/client";
import { ApiError, fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type {
  BookAppointmentMutation,
  BookAppointmentMutationVariables,
  BookingFacilitiesQuery,
  BookingFacilitiesQueryVariables,
  BookingPatientQuery,
  BookingPatientQueryVariables,
  FreeSlotsQuery,
  FreeSlotsQueryVariables,
} from "../../gql/types";

const PATIENT = /* GraphQL */ `
  query BookingPatient($healthId: String!) {
    patientByHealthId(healthId: $healthId, purpose: "appointment") {
      id
      givenName
      familyName
    }
  }
`;
const FACILITIES = /* GraphQL */ `
  query BookingFacilities($search: String!) {
    facilities(filter: { search: $search, status: OPERATIONAL }, first: 10) {
      nodes {
        id
        name
      }
    }
  }
`;
const SLOTS = /* GraphQL */ `
  query FreeSlots($facilityId: ID!, $department: String, $from: NaiveDate!, $to: NaiveDate!) {
    freeSlots(facilityId: $facilityId, department: $department, from: $from, to: $to) {
      professionalId
      department
      start
      end
    }
  }
`;
const BOOK = /* GraphQL */ `
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      id
      tokenNumber
      start
    }
  }
`;

/** A calendar day in India, `days` after today, as YYYY-MM-DD. */
export function indiaDay(days = 0, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(now.getTime() + days * 86_400_000));
}

type Slot = FreeSlotsQuery["freeSlots"][number];

/** Book a clinic appointment for the caller's patient, from the ticket being worked. */
export function BookAppointment({ ticketId, patientId, onBooked }: { ticketId: string; patientId: string | null; onBooked: () => void }) {
  const { t, dateTime } = useI18n();
  const [patient, setPatient] = useState<{ id: string; name: string } | null>(patientId ? { id: patientId, name: "" } : null);
  const [healthId, setHealthId] = useState("");
  const [search, setSearch] = useState("");
  const [facilities, setFacilities] = useState<BookingFacilitiesQuery["facilities"]["nodes"]>([]);
  const [facilityId, setFacilityId] = useState("");
  const [department, setDepartment] = useState("Medicine");
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [slot, setSlot] = useState("");
  const [booked, setBooked] = useState<BookAppointmentMutation["bookAppointment"] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The patient's booking that day, when the server questions a second one.
  const [sameDay, setSameDay] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const attempt = (f: () => Promise<void>) => {
    setError(null);
    f().catch(setError);
  };

  const findPatient = (e: FormEvent) => {
    e.preventDefault();
    attempt(async () => {
      const d = await gql<BookingPatientQuery, BookingPatientQueryVariables>(PATIENT, { healthId: healthId.trim() });
      const p = d.patientByHealthId;
      setPatient({ id: p.id, name: [p.givenName, p.familyName].filter(Boolean).join(" ") });
    });
  };
  const findFacilities = (e: FormEvent) => {
    e.preventDefault();
    attempt(async () => {
      const d = await gql<BookingFacilitiesQuery, BookingFacilitiesQueryVariables>(FACILITIES, { search: search.trim() });
      setFacilities(d.facilities.nodes);
      setFacilityId(d.facilities.nodes[0]?.id ?? "");
      setSlots(null);
    });
  };
  const findSlots = (e: FormEvent) => {
    e.preventDefault();
    attempt(async () => {
      const d = await gql<FreeSlotsQuery, FreeSlotsQueryVariables>(SLOTS, { facilityId, department: department.trim() || null, from: indiaDay(0), to: indiaDay(6) });
      // Slots already begun are of no use to the caller.
      const now = Date.now();
      const open = d.freeSlots.filter((s) => Date.parse(s.start) > now).slice(0, 40);
      setSlots(open);
      setSlot(open[0] ? `${open[0].professionalId}|${open[0].start}` : "");
    });
  };
  // One outcome per click: a second click while booking is ignored, and the same
  // idempotency key makes a retried request answer with the same booking.
  const book = (allowSameDay: boolean) =>
    attempt(async () => {
      const chosen = slots?.find((s) => `${s.professionalId}|${s.start}` === slot);
      if (!patient || !chosen) return;
      setSameDay(null);
      try {
        const d = await run((key) =>
          gql<BookAppointmentMutation, BookAppointmentMutationVariables>(
            BOOK,
            { input: { patientId: patient.id, facilityId, department: chosen.department, professionalId: chosen.professionalId, start: chosen.start, ticketId, allowSameDay } },
            { idempotencyKey: key },
          ),
        );
        if (!d) return;
        setBooked(d.bookAppointment);
        setSlots(null);
        onBooked();
      } catch (err) {
        if (err instanceof ApiError && err.reason === "SAME_DAY_BOOKING") setSameDay(err.message);
        else throw err;
      }
    });

  return (
    <details className="card booking">
      <summary>{t("book.title")}</summary>
      <ErrorText error={error} />
      {booked && <p role="status">{t("book.booked", { token: booked.tokenNumber, time: dateTime(booked.start) })}</p>}
      {!patient ? (
        <form className="inline" onSubmit={findPatient}>
          <TextField label={t("patients.healthId")} value={healthId} onChange={(e) => setHealthId(e.target.value)} error={fieldError(error, "healthId")} />
          <button type="submit">{t("patients.find")}</button>
        </form>
      ) : (
        <p className="muted">{patient.name ? t("book.for", { name: patient.name }) : t("book.forCaller")}</p>
      )}
      {patient && (
        <>
          <form className="inline" onSubmit={findFacilities}>
            <TextField label={t("book.facilitySearch")} value={search} onChange={(e) => setSearch(e.target.value)} />
            <button type="submit" className="secondary">
              {t("common.search")}
            </button>
          </form>
          {facilities.length > 0 && (
            <form className="inline" onSubmit={findSlots}>
              <SelectField label={t("book.facility")} value={facilityId} onChange={(e) => setFacilityId(e.target.value)} options={facilities.map((f) => ({ value: f.id, label: f.name }))} />
              <TextField label={t("book.department")} value={department} onChange={(e) => setDepartment(e.target.value)} />
              <button type="submit" className="secondary">
                {t("book.findSlots")}
              </button>
            </form>
          )}
          {slots?.length === 0 && <p role="status">{t("book.noSlots")}</p>}
          {sameDay && (
            <div className="warning" role="alert">
              <p>{t("book.sameDay")}</p>
              <p className="muted">{sameDay}</p>
              <button type="button" className="secondary" disabled={busy} onClick={() => book(true)}>
                {t("book.bookAnyway")}
              </button>
            </div>
          )}
          {slots && slots.length > 0 && (
            <div className="inline">
              <SelectField label={t("book.slot")} value={slot} onChange={(e) => setSlot(e.target.value)} options={slots.map((s) => ({ value: `${s.professionalId}|${s.start}`, label: `${dateTime(s.start)} · ${s.department}` }))} />
              <button type="button" disabled={busy} onClick={() => book(false)}>
                {busy ? t("common.saving") : t("book.book")}
              </button>
            </div>
          )}
        </>
      )}
    </details>
  );
}
