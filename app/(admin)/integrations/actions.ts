"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PROVIDERS } from "@/lib/integrations/providers";
import { authorize, ForbiddenError } from "@/lib/auth/session";
import { setStatusAsAdmin } from "@/lib/integrations/admin-actions";

export type StatusActionState = { ok?: boolean; message?: string; error?: string };

const schema = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
  action: z.enum(["disable", "enable"], { error: "Choose Disable or Enable." }),
});

/** Disable / Enable from the integrations page; the company always comes from the session (R1). */
export async function changeIntegrationStatus(_prev: StatusActionState, formData: FormData): Promise<StatusActionState> {
  let viewer;
  try {
    viewer = await authorize("integrations:change");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    throw e;
  }
  const parsed = schema.safeParse({ provider: formData.get("provider"), action: formData.get("action") });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const result = setStatusAsAdmin({ viewer, provider: parsed.data.provider, action: parsed.data.action });
  revalidatePath("/integrations");
  return result.ok ? { ok: true, message: result.message } : { error: result.error };
}
