"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, type ActionFailure } from "@/lib/auth/action";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeReturnPath } from "@/lib/auth/return-path";
import { isStorageUnavailable, STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/storage-errors";

const schema = z.object({
  email: z.email("Enter the email address you sign in with."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password."),
  next: z.string().optional(),
});

// the email typed is shown again after a failure; the password never is
export type SignInState = ActionFailure<z.input<typeof schema>>;

/* Signing in needs no session (it makes one): a public action, throttled and timed in lib/auth/sign-in.ts. */
export const signIn = publicAction(
  schema,
  async ({ email, password, next }): Promise<SignInState> => {
    let result;
    try {
      result = await signInWithPassword({ email, password, headers: await headers() });
    } catch (e) {
      // the attempt or the session could not be stored: say so, rather than blame the password or throw
      if (isStorageUnavailable(e)) return { values: { email }, error: STORAGE_UNAVAILABLE_MESSAGE };
      throw e;
    }
    if (!result.ok) return { values: { email }, error: result.error };
    redirect(safeReturnPath(next));
  },
  { invalid: "fields", echo: ["email"] },
);
