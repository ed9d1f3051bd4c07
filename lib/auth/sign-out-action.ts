"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";

/*
 * Sign out, from the app shell on every page. Not written with
 * lib/auth/action.ts: it reads nothing posted and needs no permission, as it
 * must work whatever state the session is in (signed out already, or
 * deactivated since).
 */
export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
