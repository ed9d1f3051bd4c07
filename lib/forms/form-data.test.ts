import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultSettings, settingsSchema } from "@/lib/integrations/settings/schema";
import { appendFields, readFormData } from "./form-data";

const schema = z.object({
  name: z.string(),
  on: z.boolean(),
  tags: z.array(z.string()),
  rows: z.array(z.object({ id: z.string(), flag: z.boolean() })),
  nested: z.object({ a: z.string().optional() }).optional(),
});

const fields = (fd: FormData) => [...fd.entries()].map(([k, v]) => `${k}=${String(v)}`);

describe("appendFields / readFormData", () => {
  it("posts one field per leaf and reads the same value back", () => {
    const value = { name: "x", on: false, tags: ["a", "b"], rows: [{ id: "1", flag: true }], nested: { a: "y" } };
    const fd = appendFields(new FormData(), schema, value);
    expect(fields(fd)).toEqual(["name=x", "on=false", "tags=a", "tags=b", "rows=1", "rows.0.id=1", "rows.0.flag=true", "nested.a=y"]);
    expect(readFormData(schema, fd)).toEqual(value);
  });

  it("round-trips every provider's wizard settings", () => {
    for (const provider of ["hubspot", "salesforce", "zoho"] as const) {
      const settings = defaultSettings(provider);
      settings.sync.zohoViews = provider === "zoho" ? [{ id: "12", name: "Hot leads" }] : [];
      expect(readFormData(settingsSchema, appendFields(new FormData(), settingsSchema, settings))).toEqual(settings);
    }
  });

  it("keeps an empty list of objects, and reads unchecked string lists as empty", () => {
    const fd = appendFields(new FormData(), schema, { name: "x", on: true, tags: [], rows: [] });
    expect(readFormData(schema, fd)).toEqual({ name: "x", on: true, tags: [], rows: [] });
  });

  it("leaves out what was not posted, so the schema reports it", () => {
    expect(readFormData(schema, new FormData())).toEqual({ tags: [] });
    expect(schema.safeParse(readFormData(schema, new FormData())).success).toBe(false);
  });

  it("passes a boolean field that is neither true nor false on for the schema to refuse", () => {
    const fd = new FormData();
    fd.set("on", "yes");
    expect(readFormData(schema, fd)).toMatchObject({ on: "yes" });
  });

  it("takes list items in index order, closing gaps, and ignores fields the schema does not name", () => {
    const fd = new FormData();
    fd.append("rows.7.id", "b");
    fd.append("rows.2.id", "a");
    fd.append("rows.x.id", "ignored");
    fd.append("rows.99999.id", "too far");
    fd.append("__proto__.polluted", "yes");
    fd.append("other", "ignored");
    expect(readFormData(schema, fd)).toEqual({ tags: [], rows: [{ id: "a" }, { id: "b" }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
