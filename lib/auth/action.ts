import "server-only";
import type { z } from "zod";
import { readFormData } from "@/lib/forms/form-data";
import type { Permission } from "./permissions";
import { authorize, ForbiddenError, type Viewer } from "./session";

/*
 * The one way a server action is written (docs/conventions.md rule 1). An action is
 * a public POST endpoint whatever the UI hides, so the session and the role
 * are checked on every call before anything posted is read (docs/product R2); the
 * form is read with the action's zod schema (lib/forms/form-data.ts: typed
 * fields, `z.coerce` in the schema for numbers); and an expected failure is
 * answered as `{ error, fieldErrors }` for the form to show. Nothing posted is
 * sent back unless the action names the fields that are safe to show again.
 */

type Key<Input> = Extract<keyof Input, string>;

export type FieldErrors<Input> = Partial<Record<Key<Input>, string>>;

/** An expected failure: a message for the form, one per field, and the posted values the form may show again. */
export type ActionFailure<Input = Record<string, unknown>> = {
  ok?: undefined;
  error?: string;
  fieldErrors?: FieldErrors<Input>;
  values?: Partial<Record<Key<Input>, string>>;
};

/** Called by a form (`useActionState` passes the previous state first), a `<form action>`, or directly. */
export type ServerAction<Result> = {
  (formData?: FormData): Promise<Result>;
  (previous: unknown, formData: FormData): Promise<Result>;
};

export type ActionOptions<Input> = {
  /**
   * How an invalid form is answered. "first" (the default): the first
   * problem's message is the error — for fields the user doesn't type, like a
   * hidden id. "fields": a message next to each field and no summary. Or a
   * summary with a message next to each field.
   */
  invalid?: "first" | "fields" | { summary: string };
  /** The refusal a user without the permission reads, from the permission's own message. */
  forbidden?: (message: string) => string;
  /** Posted fields that are safe to send back with a failure, so the form can show them again (never a secret). */
  echo?: readonly Key<Input>[];
};

type Schema = z.ZodType<Record<string, unknown>>;

/** The posted form, whichever way the action was called; anything else reads as an empty form. */
function formDataOf(args: unknown[]): FormData {
  const candidate = args.length >= 2 ? args[1] : args[0];
  return candidate instanceof FormData ? candidate : new FormData();
}

function echoed<Input>(formData: FormData, options: ActionOptions<Input>): Pick<ActionFailure<Input>, "values"> {
  if (!options.echo?.length) return {};
  const values: Partial<Record<Key<Input>, string>> = {};
  for (const key of options.echo) {
    const value = formData.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return { values };
}

function invalidAnswer<Input>(error: z.ZodError, formData: FormData, options: ActionOptions<Input>): ActionFailure<Input> {
  const mode = options.invalid ?? "first";
  if (mode === "first") return { error: error.issues[0]?.message ?? "The form could not be read. Reload the page and try again." };
  const fieldErrors: FieldErrors<Input> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && !(key in fieldErrors)) fieldErrors[key as Key<Input>] = issue.message;
  }
  return { ...(mode === "fields" ? {} : { error: mode.summary }), fieldErrors, ...echoed(formData, options) };
}

/**
 * A server action for signed-in users with `permission`: the viewer comes
 * from the session alone, so the company and role never come from the request.
 */
export function authorizedAction<S extends Schema, Result>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, context: { viewer: Viewer; formData: FormData }) => Result | Promise<Result>,
  options: ActionOptions<z.input<S>> = {},
): ServerAction<Result | ActionFailure<z.input<S>>> {
  const action = async (...args: unknown[]) => {
    const formData = formDataOf(args);
    let viewer: Viewer;
    try {
      viewer = await authorize(permission);
    } catch (e) {
      if (!(e instanceof ForbiddenError)) throw e;
      return { error: options.forbidden ? options.forbidden(e.message) : e.message };
    }
    const parsed = schema.safeParse(readFormData(schema, formData));
    if (!parsed.success) return invalidAnswer(parsed.error, formData, options);
    return handler(parsed.data, { viewer, formData });
  };
  return action as ServerAction<Result | ActionFailure<z.input<S>>>;
}

/**
 * A server action that needs no session: signing in, which is what makes
 * one, and signing out, which must work whatever state the session is in.
 */
export function publicAction<S extends Schema, Result>(
  schema: S,
  handler: (input: z.output<S>, context: { formData: FormData }) => Result | Promise<Result>,
  options: Omit<ActionOptions<z.input<S>>, "forbidden"> = {},
): ServerAction<Result | ActionFailure<z.input<S>>> {
  const action = async (...args: unknown[]) => {
    const formData = formDataOf(args);
    const parsed = schema.safeParse(readFormData(schema, formData));
    if (!parsed.success) return invalidAnswer(parsed.error, formData, options);
    return handler(parsed.data, { formData });
  };
  return action as ServerAction<Result | ActionFailure<z.input<S>>>;
}
