import { useCallback, useState } from "react";

const PREFIX = "arogya.draft.";

/**
 * `useState` whose value is kept as a draft while it is typed (sessionStorage: this
 * tab, surviving a reload or Back and Forward, gone with the tab). `clearDrafts` drops
 * a form's drafts once the server has it.
 */
export function useDraft<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(PREFIX + key);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(v));
      } catch {
        // storage full or refused: the value still works, only not as a draft
      }
    },
    [key],
  );
  return [value, set];
}

/** Forget every draft whose key starts with `prefix`. */
export function clearDrafts(prefix: string): void {
  for (const k of Object.keys(sessionStorage)) if (k.startsWith(PREFIX + prefix)) sessionStorage.removeItem(k);
}
