import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement, type FunctionComponent } from "react";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { GALLERY_VARIANTS } from "../lib/notifications/gallery";
import { renderEmail } from "../lib/notifications/render";
import { brands, colors, severityColors } from "./components/theme";

/*
 * Everything `email dev --dir emails` lists — each template and each preview
 * variant — renders with its PreviewProps, and the shared parts stay out of
 * that list. Also checks the colour pairs the design system promises.
 */

const root = join(process.cwd(), "emails");
const previewFiles = [
  ...readdirSync(root).filter((f) => f.endsWith(".tsx")),
  ...readdirSync(join(root, "variants")).map((f) => `variants/${f}`),
];

type Template = FunctionComponent<object> & { PreviewProps?: object };

describe("preview files", () => {
  it("cover the seven templates and their variants", () => {
    expect(previewFiles).toEqual(
      expect.arrayContaining([
        "reauth-required.tsx",
        "auth-restored.tsx",
        "mapping-errors.tsx",
        "sync-report.tsx",
        "integration-enabled.tsx",
        "integration-disabled.tsx",
        "test-email.tsx",
        "variants/reauth-reminder.tsx",
        "variants/reauth-deadline-passed.tsx",
        "variants/mapping-hubspot-2000-records.tsx",
        "variants/mapping-hubspot-partial-details.tsx",
        "variants/sync-zoho-view-pull.tsx",
      ]),
    );
  });

  it.each(previewFiles)("%s renders its PreviewProps with a preview line inside <body>", async (file) => {
    const mod = (await import(join(root, file))) as { default: Template } & Record<string, unknown>;
    const Component = mod.default;
    expect(Component.PreviewProps, "PreviewProps on the component").toBeDefined();
    expect(Object.values(mod), "named export of the same component").toContain(Component);
    const element = createElement(Component, Component.PreviewProps);
    const html = await render(element);
    const text = await render(element, { plainText: true });
    const body = html.indexOf("<body");
    expect(body).toBeGreaterThan(0);
    expect(html.indexOf('data-skip-in-text="true">', body)).toBeGreaterThan(body);
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/fonts\.googleapis|@import|<img/);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
    expect(text).toContain("Sent by Switchboard for Acme Dialers.");
  });

  it("keeps shared parts out of the preview list (no default exports)", () => {
    for (const file of readdirSync(join(root, "components"))) {
      expect(readFileSync(join(root, "components", file), "utf8"), file).not.toMatch(/\bexport\s+default\b/);
    }
  });
});

describe("every template and variant through renderEmail (what the worker sends)", () => {
  const XSS = '<img src=x onerror="alert(1)">';

  it("gives each a specific subject: the CRM (or company) and what happened, no two alike", async () => {
    const subjects = new Map<string, string>();
    for (const variant of GALLERY_VARIANTS) {
      const { subject } = await renderEmail(variant);
      const named = "provider" in variant.props ? PROVIDER_NAMES[variant.props.provider] : variant.props.company.name;
      expect(subject, variant.id).toContain(named);
      expect(subject.length, variant.id).toBeGreaterThan(named.length + 15);
      expect(subject, variant.id).not.toMatch(/notification|update|\bundefined\b/i);
      expect(subjects.get(subject), `${variant.id} repeats a subject`).toBeUndefined();
      subjects.set(subject, variant.id);
    }
  });

  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))("%s is titled with its subject, in <head>", async (_id, variant) => {
    const { subject, html } = await renderEmail(variant);
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(head)?.[1] ?? "";
    expect(
      title
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'"),
    ).toBe(subject);
  });

  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))("%s escapes a hostile company name in HTML", async (_id, variant) => {
    const company = { ...variant.props.company, name: XSS };
    const { html, text } = await renderEmail({ ...variant, props: { ...variant.props, company } } as typeof variant);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x");
    expect(text).toContain(XSS);
  });

  it("escapes every field of a mapping error record", async () => {
    const variant = GALLERY_VARIANTS.find((v) => v.kind === "mapping_errors")!;
    if (variant.kind !== "mapping_errors") throw new Error("kind");
    const record = { recordId: XSS, recordName: XSS, recordEmail: XSS, field: XSS, crmProperty: XSS, code: XSS, message: XSS };
    const { html } = await renderEmail({ ...variant, props: { ...variant.props, records: [record] } });
    expect(html).not.toContain("<img");
    expect(html.match(/&lt;img src=x/g)!.length).toBeGreaterThanOrEqual(6);
  });

  /*
   * The call to action on a phone's first screen (e2e/email-visual.spec.ts
   * measures it): banner, title, ONE paragraph, then the button — before any
   * section, fact table or list.
   */
  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))(
    "%s puts its one call to action right after the first paragraph",
    async (_id, variant) => {
      const { html } = await renderEmail(variant);
      expect(html.match(/class="sb-cta"/g), "one call to action").toHaveLength(1);
      const cta = html.indexOf('class="sb-cta"');
      const title = html.indexOf("</h1>");
      expect(title).toBeGreaterThan(0);
      expect(title).toBeLessThan(cta);
      expect(html.slice(title, cta).match(/<p\b/g) ?? [], "paragraphs between the title and the button").toHaveLength(1);
      const firstSection = html.search(/<h2\b|data-text="row"|data-text="record"/);
      expect(firstSection === -1 || cta < firstSection, "button before the first section, fact or list").toBe(true);
    },
  );

  it("moves a CRM's raw error to the end of the re-auth email, labelled as technical detail", async () => {
    for (const variant of GALLERY_VARIANTS.filter((v) => v.kind === "reauth_required" && v.props.providerError)) {
      if (variant.kind !== "reauth_required") continue;
      const { text } = await renderEmail(variant);
      const detail = text.indexOf("Technical detail");
      expect(detail, variant.id).toBeGreaterThan(text.indexOf("What to do"));
      expect(text.indexOf(variant.props.providerError!.slice(0, 20)), variant.id).toBeGreaterThan(detail);
      for (const before of ["Who can fix it", "What to do", "Reconnecting keeps"])
        expect(text.indexOf(before), `${variant.id}: ${before}`).toBeLessThan(detail);
    }
  });

  it("keeps the largest email, a mapping digest listing 25 records, under 100 KB", async () => {
    const sizes = await Promise.all(GALLERY_VARIANTS.map(async (v) => Buffer.byteLength((await renderEmail(v)).html, "utf8")));
    const largest = GALLERY_VARIANTS[sizes.indexOf(Math.max(...sizes))];
    expect(largest.id).toMatch(/^mapping-hubspot-(2000-records|partial-details)$/); // both list the most records, 25
    expect(Math.max(...sizes)).toBeLessThan(100 * 1024);
  });
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("colour contrast (WCAG AA, 4.5:1 for text)", () => {
  it.each(Object.entries(brands))("%s badge text on its brand colour", (_provider, brand) => {
    expect(contrast(brand.onColor, brand.color)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(severityColors))("%s banner text", (_level, c) => {
    expect(contrast(c.text, c.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it("body, muted, link and button text", () => {
    expect(contrast(colors.text, colors.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.muted, colors.card)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.muted, colors.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.link, colors.page)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colors.buttonText, colors.button)).toBeGreaterThanOrEqual(4.5);
  });

  it("would catch white text on HubSpot orange", () => {
    expect(contrast("#ffffff", brands.hubspot.color)).toBeLessThan(4.5);
  });
});
