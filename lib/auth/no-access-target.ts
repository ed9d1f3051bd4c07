import { isProvider, PROVIDER_NAMES } from "@/lib/integrations/providers";

/*
 * What the no-access page calls the page someone tried to open — usually a
 * button in an email (docs/product R28) — in the words of the console's navigation.
 * `path` is an app path already passed through safeReturnPath.
 */
export function describeConsolePath(path: string): string {
  const url = new URL(path, "http://app.invalid");
  const parts = url.pathname.split("/").filter(Boolean);
  const crm = (value: string | undefined) => (value && isProvider(value) ? PROVIDER_NAMES[value] : null);
  if (parts[0] === "integrations") {
    const reconnect = crm(url.searchParams.get("reconnect") ?? undefined);
    if (parts.length === 1) return reconnect ? `Reconnect ${reconnect} (Integrations)` : "Integrations";
    const provider = crm(parts[1]);
    if (provider && parts[2] === "settings") return `${provider} settings`;
    return "Integrations";
  }
  if (parts[0] === "notifications") {
    if (parts.length === 1) return "the delivery log";
    if (parts[1] === "emails") return "the email gallery";
    if (parts[1] === "mailbox") return "the mailbox";
    if (parts[2] === "records") return "the affected records of a notification";
    return "a notification in the delivery log";
  }
  if (parts[0] === "account" && parts[1] === "report-settings") return "Report settings";
  return "a page of the admin console";
}
