import { z } from "zod";
import { APP_FIELD_KEYS, FIELD_TYPES, MAPPING_DIRECTIONS } from "./catalogue";

/*
 * One row of the Contact Property Mapping tab: its own file so that the
 * default rows (mapping-defaults.ts) and the wizard's schema (schema.ts)
 * both build on it without importing each other.
 */
export const mappingRow = z.object({
  appField: z.enum(APP_FIELD_KEYS, { error: "Choose a Switchboard field." }),
  crmProperty: z.string().trim().min(1, "Choose a CRM property.").max(100, "Keep the API name under 100 characters."),
  crmType: z.enum(FIELD_TYPES, { error: "Choose the property's type." }),
  customProperty: z.boolean(),
  direction: z.enum(MAPPING_DIRECTIONS, { error: "Choose which way values sync." }),
});
export type MappingRow = z.infer<typeof mappingRow>;
