import { useSearchParams } from "react-router-dom";

/** A filter kept in the address (`?name=value`), so reload and back keep it; setting
 *  it replaces the history entry rather than adding one per keystroke. */
export function useParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (v: string) =>
    setParams(
      (p) => {
        if (v) p.set(name, v);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  return [params.get(name) ?? "", set];
}
