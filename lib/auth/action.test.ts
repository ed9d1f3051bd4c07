import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ForbiddenError, type Viewer } from "./session";

/*
 * The action wrapper in isolation: the session module is replaced, so each
 * case says who is signed in; what a refused or invalid call answers is what
 * a form shows.
 */

const signedIn = vi.hoisted(() => ({ viewer: null as Viewer | null }));

vi.mock("./session", async (original) => {
  const actual = await original<typeof import("./session")>();
  const { can } = await import("./permissions");
  return {
    ...actual,
    authorize: async (permission: Parameters<typeof actual.authorize>[0]) => {
      const viewer = signedIn.viewer;
      if (!viewer || !can(viewer.role, permission)) throw new actual.ForbiddenError(permission);
      return viewer;
    },
  };
});

const { authorizedAction, publicAction } = await import("./action");

const viewer = (role: Viewer["role"]): Viewer =>
  ({ userId: "usr_1", name: "Ada", email: "ada@acme.test", role, companyId: "acme", company: { id: "acme" } }) as Viewer;

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};

const schema = z.object({
  name: z.string({ error: "Enter a name." }).min(1, "Enter a name."),
  minutes: z.coerce.number<string>({ error: "Enter minutes." }).int("Enter whole minutes."),
  secret: z.string().optional(),
});

describe("authorizedAction", () => {
  const handler = vi.fn((input: z.output<typeof schema>, { viewer }: { viewer: Viewer }) => ({
    ok: true as const,
    input,
    company: viewer.companyId,
  }));
  const action = authorizedAction("report-settings:change", schema, handler, {
    invalid: { summary: "Nothing was saved." },
    echo: ["name"],
  });

  beforeEach(() => {
    handler.mockClear();
    signedIn.viewer = viewer("company_admin");
  });

  it("refuses a role without the permission, and a signed-out caller, with the permission's message and without reading the form", async () => {
    for (const who of [viewer("agent"), viewer("company_supervisor"), null]) {
      signedIn.viewer = who;
      expect(await action({}, form({ name: "x", minutes: "5" }))).toEqual({ error: new ForbiddenError("report-settings:change").message });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("parses the form with the schema, coercing numbers, and hands the viewer from the session to the handler", async () => {
    expect(await action({}, form({ name: "x", minutes: "5", companyId: "globex" }))).toEqual({
      ok: true,
      input: { name: "x", minutes: 5 },
      company: "acme",
    });
  });

  it("answers an invalid form with the summary and one message per field, echoing only the fields it names", async () => {
    expect(await action(null, form({ minutes: "1.5", secret: "hunter2" }))).toEqual({
      error: "Nothing was saved.",
      fieldErrors: { name: "Enter a name.", minutes: "Enter whole minutes." },
      values: {},
    });
    expect(await action(null, form({ name: "", minutes: "x", secret: "hunter2" }))).toEqual({
      error: "Nothing was saved.",
      fieldErrors: { name: "Enter a name.", minutes: "Enter minutes." },
      values: { name: "" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("by default answers with the first problem's message only", async () => {
    const plain = authorizedAction("report-settings:change", schema, handler);
    expect(await plain(form({ minutes: "5" }))).toEqual({ error: "Enter a name." });
  });

  it("reads anything that isn't a form as an empty one, and words a refusal as asked", async () => {
    const wizard = authorizedAction("integrations:change", schema, handler, { forbidden: (m) => `${m} Nothing was saved.` });
    expect(await (wizard as (...args: unknown[]) => Promise<unknown>)("not a form")).toEqual({ error: "Enter a name." });
    signedIn.viewer = viewer("billing_admin");
    expect(await wizard(form({ name: "x", minutes: "1" }))).toEqual({
      error: "Only company admins can connect, disable or change integrations. Nothing was saved.",
    });
  });
});

describe("publicAction", () => {
  it("needs no session, and can answer with field messages alone", async () => {
    signedIn.viewer = null;
    const action = publicAction(schema, (input) => ({ ok: true as const, input }), { invalid: "fields" });
    expect(await action(form({ name: "x", minutes: "2" }))).toEqual({ ok: true, input: { name: "x", minutes: 2 } });
    expect(await action({}, form({ minutes: "2" }))).toEqual({ fieldErrors: { name: "Enter a name." } });
  });
});
