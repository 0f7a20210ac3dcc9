// Choices of inpatient forms, in the order a nurse reads them.
import type { BedState, BedType, ConditionCategory, Consciousness, Department, DischargeOutcome, LifeSupport } from "../../gql/types";

export const CATEGORIES: ConditionCategory[] = ["MILD", "MODERATE", "CRITICAL", "ACTIVELY_DYING"];
export const SUPPORT: LifeSupport[] = ["NONE", "NASAL_CANNULA", "MASK", "HIGH_FLOW_NASAL_CANNULA", "NON_INVASIVE_VENTILATION", "INVASIVE_VENTILATION"];
export const AVPU: Consciousness[] = ["ALERT", "NEW_CONFUSION", "VOICE", "PAIN", "UNRESPONSIVE"];
export const OUTCOMES: DischargeOutcome[] = ["RECOVERED", "IMPROVED", "REFERRED", "LEFT_AGAINST_ADVICE", "ABSCONDED", "DIED"];
export const DEPARTMENTS: Department[] = ["MEDICINE", "SURGERY", "PAEDIATRICS", "ORTHOPAEDICS", "OBSTETRICS", "ICU", "HDU", "EMERGENCY", "ISOLATION", "OTHER"];
export const BED_TYPES: BedType[] = ["GENERAL", "OXYGEN_SUPPORTED", "HDU", "ICU", "VENTILATOR", "ISOLATION", "PAEDIATRIC", "MATERNITY"];

/** The tile's colour class: one per state, critical patients stand out. */
export function tileClass(state: BedState, category?: ConditionCategory | null): string {
  const crit = category === "CRITICAL" || category === "ACTIVELY_DYING";
  return `tile tile--${state.toLowerCase()}${crit ? " tile--critical" : ""}`;
}
