import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { gql } from "../../api/client";
import { fieldError } from "../../api/errors";
import { ErrorText } from "../../components/ErrorText";
import { SelectField, TextField } from "../../components/Field";
import { useSubmit } from "../../hooks/useSubmit";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { ScheduleTrainingMutation, ScheduleTrainingMutationVariables, TrainingPeopleQuery, TrainingPeopleQueryVariables, TrainingTopic, TrainingVenuesQuery, TrainingVenuesQueryVariables } from "../../gql/types";
import { SearchPick } from "./SearchPick";
import { PEOPLE, SCHEDULE, VENUES } from "./queries";
import { indiaToday } from "./dates";

export const TOPICS: TrainingTopic[] = ["CLINICAL_CARE", "MATERNAL_CHILD_HEALTH", "IMMUNISATION", "DISEASE_SURVEILLANCE", "OXYGEN_CRITICAL_CARE", "INFECTION_PREVENTION", "DIGITAL_HEALTH", "SUPPLY_CHAIN", "OTHER"];

export const findVenues = (search: string) =>
  gql<TrainingVenuesQuery, TrainingVenuesQueryVariables>(VENUES, { search: search || null }).then((d) => d.facilities.nodes.map((f) => ({ id: f.id, label: f.unit ? `${f.name} · ${f.unit.name}` : f.name })));

export const findPeople = (search: string) =>
  gql<TrainingPeopleQuery, TrainingPeopleQueryVariables>(PEOPLE, { search: search || null }).then((d) =>
    d.professionals.nodes
      .filter((p) => p.verificationStatus !== "REJECTED")
      .map((p) => {
        const post = p.postings[0];
        return { id: p.id, label: post ? `${p.name} · ${post.designation}${post.facility ? `, ${post.facility.name}` : ""}` : p.name };
      }),
  );

/** An administrator schedules a training: what, where, on which days, how many, who trains. */
export function ScheduleForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const today = indiaToday();
  const [f, setF] = useState({ title: "", topic: "CLINICAL_CARE" as TrainingTopic, facilityId: "", startsOn: today, endsOn: today, capacity: "30", trainerId: "" });
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useSubmit();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const input = { title: f.title, topic: f.topic, facilityId: f.facilityId, startsOn: f.startsOn, endsOn: f.endsOn, capacity: f.capacity === "" ? null : Number(f.capacity), trainerId: f.trainerId || null };
      const r = await run((key) => gql<ScheduleTrainingMutation, ScheduleTrainingMutationVariables>(SCHEDULE, { input }, { idempotencyKey: key }));
      if (r) navigate(`/training/${r.scheduleTraining.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-busy={busy} noValidate>
      <h2>{t("training.schedule")}</h2>
      <fieldset className="plain" disabled={busy}>
        <TextField label={t("training.titleField")} value={f.title} onChange={set("title")} error={fieldError(error, "title")} />
        <SelectField label={t("training.topic")} value={f.topic} onChange={set("topic")} options={TOPICS.map((x) => ({ value: x, label: t(`training.topic.${x}` as MessageKey) }))} />
        <SearchPick label={t("training.venue")} searchLabel={t("training.venueSearch")} find={findVenues} value={f.facilityId} onChange={(id) => setF({ ...f, facilityId: id })} error={fieldError(error, "facilityId")} />
        <TextField label={t("training.startsOn")} type="date" min={today} value={f.startsOn} onChange={(e) => setF({ ...f, startsOn: e.target.value, endsOn: e.target.value > f.endsOn ? e.target.value : f.endsOn })} error={fieldError(error, "startsOn")} />
        <TextField label={t("training.endsOn")} type="date" min={f.startsOn} value={f.endsOn} onChange={set("endsOn")} error={fieldError(error, "endsOn")} />
        <TextField label={t("training.capacityField")} type="number" inputMode="numeric" min={1} max={500} value={f.capacity} onChange={set("capacity")} error={fieldError(error, "capacity")} />
        <SearchPick optional label={t("training.trainerField")} searchLabel={t("training.trainerSearch")} find={findPeople} value={f.trainerId} onChange={(id) => setF({ ...f, trainerId: id })} error={fieldError(error, "trainerId")} />
        <ErrorText error={error} also={["topic"]} />
        <button type="submit">{busy ? t("common.saving") : t("training.scheduleButton")}</button>
      </fieldset>
    </form>
  );
}
