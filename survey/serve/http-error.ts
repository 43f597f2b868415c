/** A request the app refuses, with the HTTP status to answer; form fields that do not fit the rater's plan are refused with 400. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One field of a form: present once, and one of `allowed` (or matching a pattern). */
export function field(form: URLSearchParams, name: string, allowed: readonly string[] | RegExp): string {
  const all = form.getAll(name);
  if (all.length !== 1) throw new HttpError(400, `field ${name}`);
  const v = all[0];
  const ok = Array.isArray(allowed) ? allowed.includes(v) : (allowed as RegExp).test(v);
  if (!ok) throw new HttpError(400, `field ${name}`);
  return v;
}

/** A field that may be left empty (null then). */
export function optionalField(form: URLSearchParams, name: string, allowed: readonly string[]): string | null {
  return form.get(name) ? field(form, name, allowed) : null;
}
