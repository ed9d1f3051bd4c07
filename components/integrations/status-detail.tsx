import type { IntegrationCard as CardData } from "@/db/queries/integrations";
import { authorizationBroken } from "@/lib/integrations/status";
import { DISABLE_REASON_TITLES, REAUTH_REASON_TITLES } from "@/lib/notifications/reason-text";
import type { DisableReason, ReauthReason } from "@/lib/integrations/reasons";
import { When } from "./when";

/*
 * The card's account of its two facts (docs/integrations/status.md): on/off
 * and the authorization, each told from the stored state as it is now. A
 * disabled integration whose authorization is broken says so, with the
 * re-auth deadline that still runs, so Enable never looks like it would
 * bring syncing back.
 */

const reauthTitle = (reason: string | null) => REAUTH_REASON_TITLES[reason as ReauthReason] ?? "The CRM refused Switchboard's credentials";

export function StatusDetail({ card, crm, timeZone, now }: { card: CardData; crm: string; timeZone: string; now: Date }) {
  switch (card.status) {
    case "connected":
      return <p>Contacts and call activity sync with {crm}.</p>;
    case "disconnected":
      return <p>Not connected: nothing syncs, and Switchboard accepts no events for {crm} until a company admin connects it.</p>;
    case "needs_reauth":
      return (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">
            {reauthTitle(card.reauthReason ?? card.statusReason)}. A company admin must reconnect {crm}.
          </p>
          {card.reauthDeadlineAt && (
            <p className="mt-1">
              Reconnect by <When at={card.reauthDeadlineAt} timeZone={timeZone} now={now} />, or the integration is disabled.
            </p>
          )}
        </div>
      );
    case "disabled": {
      const reason = DISABLE_REASON_TITLES[card.statusReason as DisableReason] ?? "Disabled";
      const deadline = card.reauthDeadlineAt;
      return (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-950">
          <p className="font-medium">
            {reason}
            {card.statusChangedAt && (
              <>
                {" "}
                on <When at={card.statusChangedAt} timeZone={timeZone} now={now} />
              </>
            )}
            .
          </p>
          {deadline ? (
            <>
              <p className="mt-1">
                Authorization broken too: {reauthTitle(card.reauthReason).toLowerCase()}.{" "}
                {card.disabledBy === "admin" ? "Enable brings it back to Needs re-authentication, not to syncing." : ""}
              </p>
              <p className="mt-1">
                {deadline.getTime() > now.getTime() ? (
                  <>
                    Reconnect by <When at={deadline} timeZone={timeZone} now={now} />; after that only Reconnect turns it back on.
                  </>
                ) : (
                  <>
                    The re-authentication deadline passed on <When at={deadline} timeZone={timeZone} now={now} />: only Reconnect turns it
                    back on.
                  </>
                )}
              </p>
            </>
          ) : (
            <p className="mt-1">
              {authorizationBroken(card)
                ? `Reconnect ${crm} to turn it back on: the connection no longer works.`
                : card.disabledBy === "admin"
                  ? "Nothing syncs until a company admin enables it again; the connection is kept."
                  : `Reconnect ${crm} to turn it back on.`}
            </p>
          )}
        </div>
      );
    }
  }
}
