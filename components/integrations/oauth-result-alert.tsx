import { type Provider, isProvider } from "@/lib/integrations/providers";
import { getIntegrationDataCenter } from "@/db/queries/oauth";
import {
  CONNECT_RESULTS,
  isOAuthErrorCode,
  oauthErrorMessage,
  oauthSuccessMessage,
  safeDetail,
  type ConnectResult,
} from "@/lib/integrations/oauth/errors";
import { Alert } from "@/components/ui/alert";

/*
 * The outcome of a connect / reconnect, shown on /integrations after the
 * callback redirects back (?connected=… or ?oauth_error=…). Only known codes
 * are shown; the URL cannot inject text.
 */

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const asProvider = (v: string | undefined): Provider | null => (v !== undefined && isProvider(v) ? v : null);

export async function OAuthResultAlert({ companyId, searchParams }: { companyId: string; searchParams: Params }) {
  const error = one(searchParams.oauth_error);
  if (isOAuthErrorCode(error)) {
    const provider = asProvider(one(searchParams.provider));
    const storedAccountId =
      error === "account_mismatch" && provider ? (await getIntegrationDataCenter({ companyId, provider }))?.externalAccountId : null;
    const message = oauthErrorMessage(error, provider, { detail: safeDetail(one(searchParams.detail)), storedAccountId });
    return (
      <div className="mb-6" data-testid="oauth-result">
        <Alert tone="error" title={message.title}>
          {message.body}
        </Alert>
      </div>
    );
  }
  const connected = asProvider(one(searchParams.connected));
  if (connected) {
    const raw = one(searchParams.result);
    const result: ConnectResult = CONNECT_RESULTS.includes(raw as ConnectResult) ? (raw as ConnectResult) : "connected";
    const message = oauthSuccessMessage(connected, result);
    return (
      <div className="mb-6" data-testid="oauth-result">
        <Alert tone="success" title={message.title}>
          {message.body}
        </Alert>
      </div>
    );
  }
  return null;
}
