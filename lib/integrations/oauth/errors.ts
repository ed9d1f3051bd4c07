import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { ZOHO_DATA_CENTER_LABELS, ZOHO_LOCATIONS, type ZohoDataCenter } from "./crm-hosts";

/*
 * Why a connect / reconnect did not happen (docs/product R36, R37), as a code that
 * travels in the redirect back to /integrations (?oauth_error=<code>) and the
 * message the page shows for it. Messages never contain tokens or anything
 * the provider sent except a short, validated error code.
 */

export const OAUTH_ERROR_CODES = [
  "forbidden",
  "not_configured",
  "signed_out",
  "state_missing",
  "state_mismatch",
  "state_expired",
  "state_used",
  "access_denied",
  "provider_error",
  "zoho_wrong_dc",
  "code_rejected",
  "client_rejected",
  "token_rejected",
  "token_unavailable",
  "token_unreachable",
  "token_malformed",
  "no_refresh_token",
  "account_lookup_failed",
  "account_mismatch",
  "not_allowed",
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

export function isOAuthErrorCode(value: unknown): value is OAuthErrorCode {
  return typeof value === "string" && (OAUTH_ERROR_CODES as readonly string[]).includes(value);
}

/** A failure of the flow; `detail` is a short code from the provider (never a token, never free text). */
export class OAuthFlowError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly detail?: string,
  ) {
    super(`OAuth ${code}${detail ? ` (${detail})` : ""}`);
    this.name = "OAuthFlowError";
  }
}

/** Only short machine codes ("invalid_scope", "503", "eu") may be shown back to the admin. */
export function safeDetail(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value);
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(text) ? text : undefined;
}

export type OAuthMessage = { title: string; body: string };

const zohoLocationLabel = (location: string | undefined) => {
  const dc = (Object.keys(ZOHO_LOCATIONS) as ZohoDataCenter[]).find((k) => ZOHO_LOCATIONS[k] === location);
  return dc ? ZOHO_DATA_CENTER_LABELS[dc] : undefined;
};

export function oauthErrorMessage(
  code: OAuthErrorCode,
  provider: Provider | null,
  extra: { detail?: string; storedAccountId?: string | null } = {},
): OAuthMessage {
  const crm = provider ? PROVIDER_NAMES[provider] : "the CRM";
  const detail = extra.detail ? ` (${crm} said: ${extra.detail})` : "";
  const again = `Nothing was changed. Start again with Connect or Reconnect.`;
  switch (code) {
    case "forbidden":
      return { title: `You can't connect ${crm}`, body: "Only company admins can connect, disable or change integrations." };
    case "not_configured":
      return {
        title: `${crm} can't be connected yet`,
        body: `${crm}'s OAuth app is not configured on this deployment. Nothing was changed.`,
      };
    case "signed_out":
      return {
        title: "You were signed out",
        body: `Your session ended before ${crm} sent you back. Sign in, then connect again. Nothing was changed.`,
      };
    case "state_missing":
    case "state_mismatch":
      return {
        title: `This ${crm} authorization can't be verified`,
        body: `The response doesn't belong to an authorization started in this browser session by your company. ${again}`,
      };
    case "state_expired":
      return {
        title: `The ${crm} authorization expired`,
        body: `More than 10 minutes passed between starting and finishing it. ${again}`,
      };
    case "state_used":
      return {
        title: `This ${crm} authorization was already used`,
        body: `Each authorization can be completed only once. ${again}`,
      };
    case "access_denied":
      return {
        title: `Access to ${crm} was denied`,
        body: `You (or ${crm}) declined the authorization, so Switchboard has no access. Nothing was changed.`,
      };
    case "provider_error":
      return { title: `${crm} returned an error`, body: `${crm} did not authorize Switchboard${detail}. ${again}` };
    case "zoho_wrong_dc": {
      const where = zohoLocationLabel(extra.detail);
      return {
        title: "Your Zoho account is in another data centre",
        body: `${where ? `The account you signed in with is hosted in ${where}. ` : ""}Choose that data centre and connect again. Nothing was changed.`,
      };
    }
    case "code_rejected":
      return {
        title: `${crm} rejected the authorization code`,
        body: `The code had expired or was already used${detail}. ${again}`,
      };
    case "client_rejected":
      return {
        title: `${crm} rejected Switchboard's app credentials`,
        body: `Check the client ID and secret configured for ${crm}${detail}. Nothing was changed.`,
      };
    case "token_rejected":
      return {
        title: `${crm} refused the token request`,
        body: `${crm}'s token endpoint answered with an error${detail}. ${again}`,
      };
    case "token_unavailable":
      return {
        title: `${crm} is not responding properly`,
        body: `${crm}'s token endpoint failed${extra.detail ? ` (HTTP ${extra.detail})` : ""}. Try again in a few minutes. Nothing was changed.`,
      };
    case "token_unreachable":
      return {
        title: `${crm} could not be reached`,
        body: `The token request timed out or the connection failed. Try again in a few minutes. Nothing was changed.`,
      };
    case "token_malformed":
      return {
        title: `${crm} sent a response Switchboard can't use`,
        body: `The token response was malformed or incomplete. ${again}`,
      };
    case "no_refresh_token":
      return {
        title: `${crm} did not grant offline access`,
        body: `No refresh token was issued, so the connection would stop working within hours. Check that the ${crm} app allows offline access (refresh tokens), then try again. Nothing was changed.`,
      };
    case "account_lookup_failed":
      return {
        title: `Switchboard couldn't identify your ${crm} account`,
        body: `The account lookup after authorization failed${detail}. ${again}`,
      };
    case "account_mismatch":
      return {
        title: `That is a different ${crm} account`,
        body: `This integration is connected to ${crm} account ${extra.storedAccountId ?? "another account"}, but you authorized a different one. In ${crm}, switch to that account (or sign out of the other one) and reconnect. Nothing was changed.`,
      };
    case "not_allowed":
      return {
        title: `${crm} can't be connected right now`,
        body: `Its status changed while you were authorizing. Reload the page and try again. Nothing was changed.`,
      };
  }
}

export type ConnectResult = "connected" | "reenabled" | "restored" | "reauthorized";
export const CONNECT_RESULTS: readonly ConnectResult[] = ["connected", "reenabled", "restored", "reauthorized"];

export function oauthSuccessMessage(provider: Provider, result: ConnectResult): OAuthMessage {
  const crm = PROVIDER_NAMES[provider];
  switch (result) {
    case "connected":
      return {
        title: `${crm} is connected`,
        body: `Switchboard can now sync with ${crm}. Review the settings before the first sync.`,
      };
    case "reenabled":
      return { title: `${crm} is reconnected`, body: `The integration is enabled again and syncing resumes.` };
    case "restored":
      return {
        title: `${crm} is reconnected`,
        body: `Authorization is restored and syncing resumes. The re-authentication alert is closed.`,
      };
    case "reauthorized":
      return { title: `${crm} is re-authorized`, body: `Switchboard holds fresh credentials for the same ${crm} account.` };
  }
}
