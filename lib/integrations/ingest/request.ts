import { reject, type Step } from "@/lib/http/webhook-verification";
import { jsonDepth, MAX_JSON_DEPTH, parseIntegrationEvent, type IntegrationEvent } from "./events";

/*
 * What the events route checks around the shared webhook edge
 * (lib/http/webhook-verification.ts; docs/product R17, R19): the content type before
 * the body is read, and the verified bytes decoded and validated after. Each
 * step either yields the next value or a client error; nothing here touches
 * the database.
 */

export function checkContentType(headers: Headers): Step<null> {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return reject(415, "Content-Type must be application/json.");
  return { ok: true, value: null };
}

/** Decodes (strict UTF-8), parses and validates the event body. */
export function decodeEvent(body: Uint8Array): Step<{ event: IntegrationEvent; text: string }> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return reject(400, "Malformed body.", [{ path: "", message: "The body is not valid UTF-8" }]);
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return reject(400, "Malformed body.", [{ path: "", message: `JSON nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return reject(400, "Malformed JSON.", [{ path: "", message: `The body is not valid JSON: ${detail}` }]);
  }
  const parsed = parseIntegrationEvent(value);
  if (!parsed.ok) return reject(400, "The event does not match the schema.", parsed.issues);
  return { ok: true, value: { event: parsed.event, text } };
}
