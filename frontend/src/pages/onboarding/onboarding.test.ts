// @vitest-environment node
// (Node's own Blob and WebCrypto, as in a browser; jsdom's Blob cannot be read.)
import { describe, expect, it } from "vitest";
import { targetLabel } from "./Review";
import { placeChoices } from "./units";
import { sha256Hex, toHex, UploadError } from "./upload";

describe("placeChoices", () => {
  const state = { id: "s", name: "West Bengal", kind: "STATE", parent: null };
  const nadia = { id: "d1", name: "Nadia", kind: "DISTRICT", parent: { id: "s" } };
  const murshidabad = { id: "d2", name: "Murshidabad", kind: "DISTRICT", parent: { id: "s" } };
  const sadar1 = { id: "b1", name: "Sadar", kind: "BLOCK", parent: { id: "d1" } };
  const sadar2 = { id: "b2", name: "Sadar", kind: "BLOCK", parent: { id: "d2" } };

  it("offers only the leaves, named with their district, sorted", () => {
    expect(placeChoices([state, nadia, murshidabad, sadar1, sadar2])).toEqual([
      { id: "b2", label: "Murshidabad › Sadar" },
      { id: "b1", label: "Nadia › Sadar" },
    ]);
  });

  it("offers a district that has no blocks yet", () => {
    expect(placeChoices([state, nadia, murshidabad, sadar1]).map((c) => c.label)).toEqual(["Murshidabad", "Nadia › Sadar"]);
  });

  it("offers every unit below the state when asked", () => {
    expect(placeChoices([state, nadia, sadar1], false).map((c) => c.label)).toEqual(["Nadia", "Nadia › Sadar"]);
  });

  it("never offers the state itself", () => {
    expect(placeChoices([state])).toEqual([]);
  });
});

describe("sha256Hex", () => {
  it("is the lower-case hex SHA-256 of the bytes", async () => {
    expect(await sha256Hex(new Blob(["abc"]))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("pads every byte to two digits", () => {
    expect(toHex(new Uint8Array([0, 1, 255]).buffer)).toBe("0001ff");
  });
});

describe("targetLabel", () => {
  const t = (k: string) => `<${k}>`;
  it("names documents and known fields in words, and leaves other paths as written", () => {
    expect(targetLabel("document:fire_safety_noc", t as never)).toBe("<docPurpose.FIRE_SAFETY_NOC>");
    expect(targetLabel("facility.name", t as never)).toBe("<apply.facilityName>");
    expect(targetLabel("licences.pan", t as never)).toBe("licences.pan");
  });
});

describe("sha256Hex without WebCrypto", () => {
  it("says the page needs HTTPS rather than failing obscurely", async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, "subtle");
    Object.defineProperty(globalThis.crypto, "subtle", { value: undefined, configurable: true });
    try {
      await expect(sha256Hex(new Blob(["abc"]))).rejects.toEqual(new UploadError("insecure"));
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, "subtle", subtle);
    }
  });
});
