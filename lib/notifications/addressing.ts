/*
 * How one notification becomes messages (docs/product R6, R10, R21): To every
 * resolved recipient in parts of at most 50 addresses, the escalation BCC on
 * the first part only; when nobody resolves, one message To the escalation
 * address, without BCC, flagged no_recipients.
 */

export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export type MessageAddressing = { part: number; to: string[]; bcc: string | null; noRecipients: boolean };

export function addressMessages({
  recipients,
  escalation,
  maxPerMessage = MAX_RECIPIENTS_PER_MESSAGE,
}: {
  recipients: string[];
  escalation: string;
  maxPerMessage?: number;
}): MessageAddressing[] {
  if (recipients.length === 0) {
    return [{ part: 1, to: [escalation], bcc: null, noRecipients: true }];
  }
  const parts: MessageAddressing[] = [];
  for (let i = 0; i < recipients.length; i += maxPerMessage) {
    parts.push({
      part: parts.length + 1,
      to: recipients.slice(i, i + maxPerMessage),
      // The escalation inbox gets one copy; a recipient who is also the escalation address is not BCC'd to itself.
      bcc: null,
      noRecipients: false,
    });
  }
  const lower = new Set(recipients.map((r) => r.toLowerCase()));
  parts[0].bcc = lower.has(escalation.toLowerCase()) ? null : escalation;
  return parts;
}
