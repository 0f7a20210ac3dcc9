import { useCallback, useRef, useState } from "react";
import { ApiError } from "../api/errors";

/** A random key for one submission (works on plain HTTP too, unlike crypto.randomUUID). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Sends a form once. While a submission is on its way the form is busy (disable its
 * controls) and further submits are ignored, even a double click faster than a render.
 * Each submission carries an idempotency key, so a retry after a dropped connection
 * cannot record it twice: the key is kept when no answer came back (the server may
 * have it) and renewed once the server has answered.
 */
export function useSubmit() {
  const inFlight = useRef(false);
  const key = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    try {
      const result = await work(key.current);
      key.current = newIdempotencyKey();
      return result;
    } catch (e) {
      if (e instanceof ApiError && e.code !== "UNAVAILABLE" && e.code !== "LOCKED") key.current = newIdempotencyKey();
      throw e;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
