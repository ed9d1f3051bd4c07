"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { PROVIDERS } from "@/lib/integrations/providers";
import { authorize, ForbiddenError } from "@/lib/auth/session";
import { startAuthorization } from "./flow";
import { currentOAuthSession } from "./session";

/*
 * Connect / Reconnect / Re-authorize from the integrations page: checks the
 * admin on the server, validates the data centre or login host, and sends the
 * browser to the provider's (or the sandbox's) authorize URL.
 */

export type StartOAuthState = {
  error?: string;
  fieldErrors?: Partial<Record<"zohoDataCenter" | "loginHost", string>>;
  // what was submitted, shown again next to its message (React resets the form after an action)
  values?: { zohoDataCenter?: string; loginHost?: string };
};

const schema = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
  zohoDataCenter: z.string().max(20).optional(),
  loginHost: z.string().max(300).optional(),
});

export async function startOAuth(_prev: StartOAuthState, formData: FormData): Promise<StartOAuthState> {
  try {
    await authorize("integrations:change");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    throw e;
  }
  const session = await currentOAuthSession();
  if (!session) return { error: "Your session has ended. Sign in again to connect." };
  const parsed = schema.safeParse({
    provider: formData.get("provider"),
    zohoDataCenter: formData.get("zohoDataCenter") ?? undefined,
    loginHost: formData.get("loginHost") ?? undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const { provider, ...input } = parsed.data;
  const result = await startAuthorization({ session, provider, input });
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: input };
  redirect(result.url);
}
