/** A GraphQL error as the API gives it: a stable code, plain words, and the field. */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly field?: string,
    public readonly retryAfterSeconds?: number,
    /** Why, for conflicts a user may override (`SAME_DAY_BOOKING`). */
    public readonly reason?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface RawError {
  message?: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number; reason?: string };
}

export function fromGraphqlErrors(errors: RawError[]): ApiError {
  const e = errors[0] ?? {};
  return new ApiError(
    e.message ?? "the request failed",
    e.extensions?.code ?? "INTERNAL",
    e.extensions?.field,
    e.extensions?.retryAfterSeconds,
    e.extensions?.reason,
  );
}

/** The message for one field of a form, when the error concerns it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}
