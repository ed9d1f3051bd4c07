"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeReturnPath } from "@/lib/auth/return-path";
import { isStorageUnavailable, STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/storage-errors";

export type SignInState = {
  error?: string;
  fieldErrors?: { email?: string; password?: string };
  email?: string;
};

const schema = z.object({
  email: z.email("Enter the email address you sign in with."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

export async function signIn(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    const f = z.flattenError(parsed.error).fieldErrors;
    return { email, fieldErrors: { email: f.email?.[0], password: f.password?.[0] } };
  }
  let result;
  try {
    result = await signInWithPassword({
      email: parsed.data.email,
      password: parsed.data.password,
      headers: await headers(),
    });
  } catch (e) {
    // the attempt or the session could not be stored: say so, rather than blame the password or throw
    if (isStorageUnavailable(e)) return { email, error: STORAGE_UNAVAILABLE_MESSAGE };
    throw e;
  }
  if (!result.ok) return { email, error: result.error };
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
