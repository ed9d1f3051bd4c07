"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PROVIDERS } from "@/lib/integrations/providers";
import { authorizedAction } from "@/lib/auth/action";
import { setStatusAsAdmin } from "@/lib/integrations/admin-actions";

/*
 * Disable / Enable from the integrations page (docs/product R11). Here rather than
 * beside the page because the card component that calls it is shared; the
 * company always comes from the session (R1).
 */

export type StatusActionState = { ok?: boolean; message?: string; error?: string };

const schema = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
  action: z.enum(["disable", "enable"], { error: "Choose Disable or Enable." }),
});

export const changeIntegrationStatus = authorizedAction(
  "integrations:change",
  schema,
  async ({ provider, action }, { viewer }): Promise<StatusActionState> => {
    const result = await setStatusAsAdmin({ viewer, provider, action });
    revalidatePath("/integrations");
    return result.ok ? { ok: true, message: result.message } : { error: result.error };
  },
);
