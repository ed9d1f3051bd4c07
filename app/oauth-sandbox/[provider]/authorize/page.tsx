import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isProvider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { callbackUrl, oauthAvailability, oauthConfigFromEnv } from "@/lib/integrations/oauth/providers";
import { isZohoDataCenter, ZOHO_DATA_CENTER_LABELS } from "@/lib/integrations/oauth/crm-hosts";
import { parseSandboxAuthorizeRequest, sandboxAccounts, SANDBOX_REQUEST_FIELDS, splitScopes } from "@/lib/integrations/oauth/sandbox";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sandbox authorization" };

/*
 * The sandbox authorization server's consent page (docs/product R36): stands in for
 * a CRM's "Allow access" screen when that CRM has no OAuth credentials
 * configured and the deployment allows the sandbox; 404 otherwise.
 */
export default async function SandboxAuthorizePage({
  params,
  searchParams,
}: {
  params: Promise<{ provider: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { provider: raw } = await params;
  if (!isProvider(raw)) notFound();
  const provider = raw;
  const config = oauthConfigFromEnv(env);
  if (oauthAvailability(provider, config).kind !== "sandbox") notFound();

  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") query.set(k, v);
  const viewer = await requireViewer(`/oauth-sandbox/${provider}/authorize?${query}`);
  const crm = PROVIDER_NAMES[provider];
  const parsed = parseSandboxAuthorizeRequest(provider, query, { redirectUri: callbackUrl(config.appUrl, provider) });

  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-4 flex items-center justify-between">
          <p className="text-sm font-semibold uppercase tracking-widest text-slate-600">{crm} · OAuth sandbox</p>
          <Badge tone="warning">Sandbox</Badge>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
          {!parsed.ok ? (
            <div className="space-y-4 p-6">
              <h1 className="text-xl font-semibold text-slate-900">This authorization request is invalid</h1>
              <Alert tone="error">{parsed.error}</Alert>
              <Link href="/integrations" className={buttonClass("secondary")}>
                Back to Integrations
              </Link>
            </div>
          ) : !can(viewer.role, "integrations:change") ? (
            <div className="space-y-4 p-6">
              <h1 className="text-xl font-semibold text-slate-900">Only company admins can connect {crm}</h1>
              <p className="text-sm text-slate-700">You are signed in as {viewer.email}, who cannot authorize integrations.</p>
              <Link href="/integrations" className={buttonClass("secondary")}>
                Back to Integrations
              </Link>
            </div>
          ) : (
            <form method="post" action={`/api/oauth-sandbox/${provider}/authorize`} className="divide-y divide-slate-200">
              <div className="p-6">
                <h1 className="text-xl font-semibold text-slate-900">Allow Switchboard to access {crm} (sandbox)</h1>
                <p className="mt-2 text-sm text-slate-700">
                  Signed in as <span className="font-medium">{viewer.name}</span> ({viewer.email}) for{" "}
                  <span className="font-medium">{viewer.company.name}</span>.
                </p>
                <p className="mt-2 text-xs text-slate-600">
                  This is Switchboard&apos;s built-in sandbox authorization server. It stands in for {crm} because no {crm} OAuth
                  credentials are configured; no data leaves this deployment.
                </p>
              </div>
              <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-3 p-6 text-sm">
                <dt className="font-medium text-slate-700">Company</dt>
                <dd className="text-slate-900">{viewer.company.name}</dd>
                {provider === "zoho" && isZohoDataCenter(parsed.request.dataCenter) && (
                  <>
                    <dt className="font-medium text-slate-700">Data centre</dt>
                    <dd className="text-slate-900" data-testid="sandbox-data-center">
                      {ZOHO_DATA_CENTER_LABELS[parsed.request.dataCenter]}
                    </dd>
                  </>
                )}
                {parsed.request.loginHost && (
                  <>
                    <dt className="font-medium text-slate-700">Login host</dt>
                    <dd className="text-slate-900">{parsed.request.loginHost}</dd>
                  </>
                )}
                <dt className="font-medium text-slate-700">Permissions</dt>
                <dd>
                  <ul className="space-y-1">
                    {splitScopes(parsed.request.scope).map((s) => (
                      <li key={s}>
                        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{s}</code>
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
              <div className="p-6">
                <fieldset>
                  <legend className="text-sm font-medium text-slate-800">{crm} account to connect</legend>
                  <div className="mt-2 space-y-2">
                    {sandboxAccounts(viewer.companyId, provider).map((a, i) => (
                      <label key={a.id} className="flex items-center gap-3 text-sm text-slate-800">
                        <input type="radio" name="account" value={a.id} defaultChecked={i === 0} className="h-4 w-4 accent-brand-600" />
                        {a.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </div>
              {SANDBOX_REQUEST_FIELDS.map((k) => (query.has(k) ? <input key={k} type="hidden" name={k} value={query.get(k)!} /> : null))}
              <div className="flex justify-end gap-3 p-6">
                <button type="submit" name="decision" value="deny" className={buttonClass("secondary")}>
                  Deny
                </button>
                <button type="submit" name="decision" value="allow" className={buttonClass("primary")}>
                  Allow
                </button>
              </div>
            </form>
          )}
        </div>
      </div>
    </main>
  );
}
