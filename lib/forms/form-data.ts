import { z } from "zod";

/*
 * Structured values as plain form fields, so a server action reads typed
 * fields rather than one field of JSON. A leaf is one field named by its path
 * ("mapping.rows.2.direction"); a list of objects posts its length under its
 * own name (so an empty list still arrives) and each item under its index; a
 * list of strings is the same name repeated, like checkboxes. Reading is
 * driven by the zod schema the value is checked against next: only the
 * schema's keys are read (a forged "__proto__" or extra field is never
 * looked at), and a boolean leaf reads "true"/"false" — `z.coerce.boolean()`
 * would read the string "false" as true.
 */

/** A list longer than this is cut here; every list the app posts has a far smaller maximum its schema refuses. */
const MAX_LIST_ITEMS = 1000;

const join = (name: string, key: string | number) => (name ? `${name}.${key}` : String(key));

type Fields = Map<string, string[]>;

/** The text fields of a form by name (files are not read as text). */
function textFields(formData: FormData): Fields {
  const fields: Fields = new Map();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const list = fields.get(name);
    if (list) list.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

/** The schema a value is read by, past optional, default, transform and pipe wrappers. */
function shapeOf(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault ||
      s instanceof z.ZodCatch ||
      s instanceof z.ZodReadonly
    ) {
      s = s.def.innerType as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = (s.def.in instanceof z.ZodTransform ? s.def.out : s.def.in) as z.ZodType;
    } else return s;
  }
}

/** Appends `value` to `formData` as the fields `schema` describes; what the schema doesn't name is left out. */
export function appendFields(formData: FormData, schema: z.ZodType, value: unknown, name = ""): FormData {
  const s = shapeOf(schema);
  if (value === null || value === undefined) return formData;
  if (s instanceof z.ZodObject) {
    if (typeof value !== "object") return formData;
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      appendFields(formData, child, (value as Record<string, unknown>)[key], join(name, key));
    }
  } else if (s instanceof z.ZodArray) {
    if (!Array.isArray(value)) return formData;
    const item = shapeOf(s.element as z.ZodType);
    if (item instanceof z.ZodObject || item instanceof z.ZodArray) {
      formData.append(name, String(value.length));
      value.forEach((v, i) => appendFields(formData, item, v, join(name, i)));
    } else {
      for (const v of value) if (v !== null && v !== undefined) formData.append(name, String(v));
    }
  } else {
    formData.append(name, String(value));
  }
  return formData;
}

const INDEX = /^(0|[1-9]\d{0,3})$/;

/** The item indices posted under `name`, in order. */
function indicesUnder(fields: Fields, name: string): number[] {
  const prefix = `${name}.`;
  const found = new Set<number>();
  for (const key of fields.keys()) {
    if (!key.startsWith(prefix)) continue;
    const segment = key.slice(prefix.length).split(".", 1)[0];
    if (INDEX.test(segment) && Number(segment) < MAX_LIST_ITEMS) found.add(Number(segment));
  }
  return [...found].sort((a, b) => a - b);
}

function read(schema: z.ZodType, fields: Fields, name: string): unknown {
  const s = shapeOf(schema);
  if (s instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    let sent = false;
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      const value = read(child, fields, join(name, key));
      if (value === undefined) continue;
      out[key] = value;
      sent = true;
    }
    // a nested object of which nothing was posted stays missing, so its schema can say so
    return sent || !name ? out : undefined;
  }
  if (s instanceof z.ZodArray) {
    const item = shapeOf(s.element as z.ZodType);
    if (item instanceof z.ZodObject || item instanceof z.ZodArray) {
      const indices = indicesUnder(fields, name);
      if (indices.length === 0 && !fields.has(name)) return undefined;
      // items are taken in order of their indices: a gap shifts the rest up rather than leaving a hole
      return indices.map((i) => read(item, fields, join(name, i)));
    }
    // like checkboxes: none checked posts nothing
    return fields.get(name) ?? [];
  }
  const value = fields.get(name)?.[0];
  if (value === undefined) return undefined;
  if (s instanceof z.ZodBoolean) return value === "true" ? true : value === "false" ? false : value;
  return value;
}

/** Reads the fields `schema` describes from `formData`, ready for `schema` to check; nothing else is read. */
export function readFormData(schema: z.ZodType, formData: FormData): unknown {
  return read(schema, textFields(formData), "");
}
