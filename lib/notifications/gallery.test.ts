import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/db/schema";
import { previewAppUrl } from "@/emails/components/preview-data";
import { atTime, findGalleryVariant, GALLERY_TEMPLATES, GALLERY_VARIANTS, galleryByTemplate, rebaseEmail, sourceFile } from "./gallery";
import { renderEmail } from "./render";

const emails = join(process.cwd(), "emails");
const previewFiles = [
  ...readdirSync(emails).filter((f) => f.endsWith(".tsx")),
  ...readdirSync(join(emails, "variants")).filter((f) => f.endsWith(".tsx")),
].map((f) => f.replace(/\.tsx$/, ""));

const globex = { id: "globex", name: "Globex", timeZone: "Europe/Berlin" };
const appUrl = "https://switchboard.example.com";

/** Every string anywhere in the props that looks like a link. */
function links(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(links);
  if (value && typeof value === "object") return Object.values(value).flatMap(links);
  return [];
}

describe("the gallery list", () => {
  it("lists every template and preview variant in emails/, once", () => {
    const ids = GALLERY_VARIANTS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...previewFiles].sort());
  });

  it("groups them by template, every template with at least one, every kind covered", () => {
    const groups = galleryByTemplate();
    expect(groups.map((g) => g.id)).toEqual(GALLERY_TEMPLATES.map((t) => t.id));
    for (const group of groups) expect(group.variants.length, group.id).toBeGreaterThan(0);
    expect(groups.flatMap((g) => g.variants)).toHaveLength(GALLERY_VARIANTS.length);
    expect(new Set(GALLERY_VARIANTS.map((v) => v.kind))).toEqual(new Set(NOTIFICATION_KINDS));
  });

  it("finds a variant by id and nothing for an unknown one", () => {
    expect(findGalleryVariant("mapping-hubspot-2000-records")?.kind).toBe("mapping_errors");
    expect(findGalleryVariant("reauth-reminder")?.kind).toBe("reauth_reminder");
    expect(findGalleryVariant("../etc/passwd")).toBeUndefined();
  });
});

describe("rebaseEmail", () => {
  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))("%s: company, time zone and every link move", (_id, variant) => {
    const rebased = rebaseEmail(variant, { company: globex, appUrl });
    expect(rebased.props.company).toEqual(globex);
    expect(rebased.props.appUrl).toBe(appUrl);
    expect(rebased.props.reportSettingsUrl).toBe(`${appUrl}/account/report-settings`);
    const found = links(rebased.props);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const link of found) expect(link.startsWith(`${appUrl}/`) || link === appUrl, link).toBe(true);
    expect(JSON.stringify(rebased.props)).not.toContain(previewAppUrl);
    // the sample itself is untouched
    expect(variant.props.appUrl).toBe(previewAppUrl);
  });

  it("keeps paths and queries, and keeps everything that is not a link", () => {
    const variant = findGalleryVariant("reauth-required")!;
    const rebased = rebaseEmail(variant, { company: globex, appUrl });
    if (rebased.kind !== "reauth_required" || variant.kind !== "reauth_required") throw new Error("kind");
    expect(rebased.props.reconnectUrl).toBe(`${appUrl}/integrations?reconnect=hubspot`);
    expect(rebased.props.admins).toEqual(variant.props.admins);
    expect(rebased.props.reason).toEqual(variant.props.reason);
    expect(rebased.props.deadline).toBe(variant.props.deadline);
  });

  it("points links to this notification at the real one when a preview is sent", () => {
    const variant = findGalleryVariant("mapping-hubspot-2000-records")!;
    const rebased = rebaseEmail(variant, { company: globex, appUrl, notificationId: "ntf_real" });
    if (rebased.kind !== "mapping_errors") throw new Error("kind");
    expect(rebased.props.recordsUrl).toBe(`${appUrl}/notifications/ntf_real/records`);
    expect(rebased.props.mappingUrl).toBe(`${appUrl}/integrations/hubspot/settings/mapping`);
    const sync = rebaseEmail(findGalleryVariant("sync-report")!, { company: globex, appUrl, notificationId: "ntf_real" });
    if (sync.kind !== "sync_report") throw new Error("kind");
    expect(sync.props.reportUrl).toBe(`${appUrl}/notifications/ntf_real`);
  });

  it("renders in the company's time zone with the new links", async () => {
    const out = await renderEmail(rebaseEmail(findGalleryVariant("reauth-required")!, { company: globex, appUrl }));
    expect(out.text).toContain("Sent by Switchboard for Globex.");
    expect(out.text).toContain("Nov 30, 2026, 11:00 AM GMT+1 (10:00 UTC)");
    expect(out.html).toContain(`href="${appUrl}/integrations?reconnect=hubspot"`);
    expect(out.html).not.toContain(previewAppUrl);
  });
});

describe("atTime", () => {
  const now = new Date("2027-03-10T08:00:00Z");
  const at = (id: string) => atTime(findGalleryVariant(id)!, now).props as unknown as Record<string, string>;

  it("moves every sample time together so the email goes out now", () => {
    expect(at("reauth-required")).toMatchObject({ occurredAt: "2027-03-10T08:00:00.000Z", deadline: "2027-03-13T08:00:00.000Z" });
    // the reminder goes out 24 h before its deadline; a passed deadline stays just behind
    expect(at("reauth-reminder").deadline).toBe("2027-03-11T08:00:00.000Z");
    expect(at("reauth-deadline-passed")).toMatchObject({ occurredAt: "2027-03-10T08:00:00.000Z", deadline: "2027-03-10T06:55:00.000Z" });
    expect(at("sync-zoho-view-pull")).toMatchObject({ startedAt: "2027-03-10T07:58:48.000Z", finishedAt: "2027-03-10T08:00:00.000Z" });
  });
});

describe("sourceFile", () => {
  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))("%s names a file that exists", (_id, variant) => {
    expect(previewFiles).toContain(variant.id);
    expect(existsSync(join(process.cwd(), sourceFile(variant)))).toBe(true);
  });
});
