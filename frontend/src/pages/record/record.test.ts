import { describe, expect, it } from "vitest";
import { flagText, vitalsInput } from "./VitalsForm";
import { usualForm } from "./PrescriptionForm";
import { openOrders } from "../Record";

describe("vitalsInput", () => {
  it("sends only what was filled in, as numbers", () => {
    expect(vitalsInput({ systolicMmHg: "120", diastolicMmHg: " 80 ", temperatureC: "37,5", spo2Percent: "" })).toEqual({
      input: { systolicMmHg: 120, diastolicMmHg: 80, temperatureC: 37.5 },
      bad: [],
      empty: false,
    });
  });
  it("sends a temperature read in °F as temperatureF, and says when nothing was filled in", () => {
    expect(vitalsInput({ temperatureC: "101.4" }, "F").input).toEqual({ temperatureF: 101.4 });
    expect(vitalsInput({ pulsePerMin: " " }).empty).toBe(true);
    expect(vitalsInput({ pulsePerMin: "x" }).empty).toBe(false);
  });
  it("names the fields that are not numbers, and whole-number fields given fractions", () => {
    expect(vitalsInput({ pulsePerMin: "fast", spo2Percent: "97.5", weightKg: "52.4" }).bad).toEqual(["pulsePerMin", "spo2Percent"]);
  });
});

describe("openOrders", () => {
  const order = (id: string, status = "ACTIVE") =>
    ({ id, kind: "LAB_ORDER", status, encounterId: "e1", orderId: null, details: { __typename: "LabOrderView", tests: [{ name: "Hb", loinc: null }] } }) as never;
  const result = (orderId: string, status = "ACTIVE") => ({ id: `r-${orderId}`, kind: "LAB_RESULT", status, encounterId: "e1", orderId, details: { __typename: "LabResultView" } }) as never;

  it("lists orders no result reports on yet", () => {
    expect(openOrders([order("o1"), order("o2"), result("o1")]).map((o) => o.id)).toEqual(["o2"]);
  });
  it("reopens an order whose result was entered in error, and drops orders entered in error", () => {
    expect(openOrders([order("o1"), result("o1", "ENTERED_IN_ERROR"), order("o3", "ENTERED_IN_ERROR")]).map((o) => o.id)).toEqual(["o1"]);
  });
});

describe("flagText", () => {
  it("names the measurement, its value and the usual range", () => {
    const t = ((key: string, p?: Record<string, string | number>) => `${key}|${JSON.stringify(p ?? {})}`) as never;
    const text = flagText(t, { field: "pulsePerMin", high: true, value: 120, usualLow: 50, usualHigh: 100, unit: "/min" }, String);
    expect(text).toBe('vitals.flagHigh|{"name":"vitals.pulsePerMin|{}","value":"120 /min","low":"50","high":"100"}');
  });
});

describe("usualForm", () => {
  it("follows the route as the server does", () => {
    expect(usualForm("ORAL")).toBe("TABLET");
    expect(usualForm("INTRAVENOUS")).toBe("INJECTION");
    expect(usualForm("OPHTHALMIC")).toBe("DROPS");
  });
});
