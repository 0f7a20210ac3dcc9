/** One field's problem: the rule in English words, and a stable reason with its numbers. */
export interface Problem {
  field: string;
  message: string;
  reason?: string;
  params?: Record<string, string>;
}

/** A GraphQL error as the API gives it: a stable code, plain words, and the field(s). */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly field?: string,
    public readonly retryAfterSeconds?: number,
    /** Why: a validation rule's code (`TOO_LONG`), or a conflict a user may override (`SAME_DAY_BOOKING`). */
    public readonly reason?: string,
    /** Every problem of a form at once (or the one, as a list). */
    public readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface RawError {
  message?: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number; reason?: string; params?: Record<string, string>; problems?: Problem[] };
}

export function fromGraphqlErrors(errors: RawError[]): ApiError {
  const e = errors[0] ?? {};
  const x = e.extensions ?? {};
  const message = e.message ?? "the request failed";
  const problems = x.problems ?? (x.field ? [{ field: x.field, message, reason: x.reason, params: x.params }] : []);
  return new ApiError(message, x.code ?? "INTERNAL", x.field, x.retryAfterSeconds, x.reason, problems);
}

/**
 * Says a problem in the user's language when its reason is known (set by the i18n
 * provider); `null` leaves the server's English words.
 */
let sayProblem: (p: Problem) => string | null = () => null;
export function setProblemTranslator(f: (p: Problem) => string | null): void {
  sayProblem = f;
}

/** The message for one field of a form, when the error concerns it (in the user's language where it can be). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const p = error.problems.find((x) => x.field === field);
  return p ? (sayProblem(p) ?? p.message) : undefined;
}
