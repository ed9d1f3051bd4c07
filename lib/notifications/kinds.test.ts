import { existsSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/db/schema";
import type { AnyEmail } from "./email-props";
import { KIND_LABELS, kindEntry } from "./kinds";
import { renderElement, renderEmail } from "./render";

/*
 * A kind is the schema enum, a props type, a template and one registry entry.
 * Every kind the schema can store must have each part of its entry, so a kind
 * added to the enum alone, or an entry left half-filled, fails here as well as
 * in the type checker.
 */

const emails = join(process.cwd(), "emails");
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

describe.each(NOTIFICATION_KINDS.map((kind) => [kind]))("the %s entry", (kind) => {
  const entry = kindEntry(kind);

  it("has a label, and says whether it names a CRM as its template's samples do", () => {
    expect(entry.label.trim()).not.toBe("");
    expect(KIND_LABELS[kind]).toBe(entry.label);
    expect(typeof entry.namesCrm).toBe("boolean");
    expect("provider" in entry.template.PreviewProps).toBe(entry.namesCrm);
    for (const v of entry.gallery.variants) expect("provider" in v.props, v.id).toBe(entry.namesCrm);
  });

  it("has a template that renders its PreviewProps", async () => {
    expect(typeof entry.template).toBe("function");
    const { html, text } = await renderElement(createElement(entry.template, entry.template.PreviewProps));
    expect(html).toContain("</html>");
    expect(text).toContain("Sent by Switchboard");
  });

  it("has a subject for its PreviewProps and a moment the email goes out", () => {
    expect(entry.subject(entry.template.PreviewProps).trim()).not.toBe("");
    expect(entry.sentMoment(entry.template.PreviewProps)).toMatch(ISO_INSTANT);
  });

  it("has at least one gallery variant, each with a title and a file in emails/, that renders", async () => {
    const { section, variants } = entry.gallery;
    expect(variants.length).toBeGreaterThan(0);
    expect(existsSync(join(emails, `${section.file}.tsx`)), section.file).toBe(true);
    expect(section.description.trim()).not.toBe("");
    for (const v of variants) {
      expect(v.title.trim(), v.id).not.toBe("");
      const file = v.id === section.file ? join(emails, `${v.id}.tsx`) : join(emails, "variants", `${v.id}.tsx`);
      expect(existsSync(file), file).toBe(true);
      const out = await renderEmail({ kind, props: v.props } as AnyEmail);
      expect(out.subject, v.id).toBe(out.subject.trim());
      expect(out.subject.length, v.id).toBeGreaterThan(0);
    }
  });
});

describe("kinds that share a template", () => {
  it("share its gallery section, and a section is one template's", () => {
    const bySection = new Map<string, Set<unknown>>();
    const byTemplate = new Map<unknown, Set<string>>();
    for (const kind of NOTIFICATION_KINDS) {
      const { template, gallery } = kindEntry(kind);
      bySection.set(gallery.section.id, (bySection.get(gallery.section.id) ?? new Set()).add(template));
      byTemplate.set(template, (byTemplate.get(template) ?? new Set()).add(gallery.section.id));
    }
    for (const [id, templates] of bySection) expect(templates.size, id).toBe(1);
    for (const sections of byTemplate.values()) expect(sections.size).toBe(1);
  });

  it("label every kind differently", () => {
    expect(new Set(Object.values(KIND_LABELS)).size).toBe(NOTIFICATION_KINDS.length);
  });
});
