import type { Metadata } from "next";
import { NotFoundPanel } from "@/components/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

/* A notFound() anywhere in the console (unknown CRM, tab, notification, email variant) renders inside the app shell. */
export default function AdminNotFound() {
  return <NotFoundPanel backHref="/" backLabel="Back to Switchboard" />;
}
