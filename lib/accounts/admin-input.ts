import { randomBytes } from "node:crypto";
import { z } from "zod";
import { isValidTimeZone } from "@/lib/report-settings/time-zones";
import { SIGN_IN_PASSWORD_MAX_LENGTH } from "@/lib/auth/credential-password";
import { DEMO_PASSWORD } from "@/db/seed-data";

/*
 * What `npm run admin:create` accepts, checked before anything is written.
 * Messages name the command-line option, since that is what the operator typed.
 */

export const ADMIN_PASSWORD_MIN_LENGTH = 12;

// The slug is the company id integration workers put in every event (docs/product R33), so it stays URL- and log-safe.
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const optionalText = (option: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${option} may be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const schema = z.object({
  company: z
    .string({ error: "--company is required: the company's slug, e.g. acme." })
    .trim()
    .regex(
      SLUG,
      "--company must be a slug: 1–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen (e.g. acme or acme-dialers).",
    ),
  companyName: optionalText("--company-name", 100),
  email: z
    .string({ error: "--email is required." })
    .trim()
    .toLowerCase()
    .pipe(z.email("--email must be an email address, e.g. ops@example.com.").max(254, "--email may be at most 254 characters.")),
  name: optionalText("--name", 100),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, "--time-zone must be an IANA time zone name, e.g. UTC, Europe/Berlin or America/New_York.")
    // Intl accepts "europe/berlin"; store the name it would show
    .transform((zone) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone)
    .optional(),
});

export type AdminCreateInput = z.output<typeof schema>;

export type RawAdminCreateInput = {
  company?: string;
  companyName?: string;
  email?: string;
  name?: string;
  timeZone?: string;
};

export function parseAdminCreateInput(raw: RawAdminCreateInput): { ok: true; input: AdminCreateInput } | { ok: false; errors: string[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => issue.message) };
}

/** Null when acceptable, else why not. Lengths count as better-auth counts them (UTF-16 units). */
export function adminPasswordProblem(password: string): string | null {
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH) return `The password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > SIGN_IN_PASSWORD_MAX_LENGTH)
    return `The password may be at most ${SIGN_IN_PASSWORD_MAX_LENGTH} characters (sign-in refuses longer ones).`;
  if (password.trim() !== password) return "The password must not start or end with spaces.";
  if (password === DEMO_PASSWORD) return "That is the published demo password; choose another.";
  return null;
}

/** 144 random bits as 24 URL-safe characters: easy to paste, nothing to escape in a shell. */
export function generateAdminPassword(): string {
  return randomBytes(18).toString("base64url");
}

/** The display name when --name is left out: the address before the @. */
export const defaultAdminName = (email: string): string => email.slice(0, email.indexOf("@")) || email;
