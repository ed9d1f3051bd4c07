"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { PROVIDERS } from "@/lib/integrations/providers";
import { authorizedAction, type ActionFailure } from "@/lib/auth/action";
import { startAuthorization } from "./flow";
import { currentOAuthSession } from "./session";

/*
 * Connect / Reconnect / Re-authorize from the integrations page: checks the
 * admin on the server, validates the data centre or login host, and sends the
 * browser to the provider's (or the sandbox's) authorize URL.
 */

const schema = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
  zohoDataCenter: z.string().max(20).optional(),
  loginHost: z.string().max(300).optional(),
});

// what was submitted is shown again next to its message (React resets the form after an action)
export type StartOAuthState = ActionFailure<z.input<typeof schema>>;

export const startOAuth = authorizedAction("integrations:change", schema, async ({ provider, ...input }): Promise<StartOAuthState> => {
  const session = await currentOAuthSession();
  if (!session) return { error: "Your session has ended. Sign in again to connect." };
  const result = await startAuthorization({ session, provider, input });
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: input };
  redirect(result.url);
});
