import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema";
import type { AnyEmail, CompanyRef } from "./email-props";
import { kindEntry, type GallerySection } from "./kinds";

/*
 * The email gallery (/notifications/emails): every template and preview
 * variant of emails/, grouped by template, and how a variant's sample props
 * are moved onto the viewer's company and this deployment's links. Pure: no
 * database, no environment — the page passes both in. The samples themselves
 * are in each kind's entry (kinds.ts).
 */

export type GalleryTemplate = GallerySection & { title: string };

/** One entry of the gallery; `id` is the file name in emails/ or emails/variants/, `template` its section's id. */
export type GalleryVariant = AnyEmail & { id: string; template: string; title: string };

function variantsOf<K extends NotificationKind>(kind: K): GalleryVariant[] {
  const { section, variants } = kindEntry(kind).gallery;
  return variants.map((v) => ({ id: v.id, template: section.id, title: v.title, kind, props: v.props }) as GalleryVariant);
}

/** Sections in the order their first kind comes in the schema, titled with that kind's label. */
export const GALLERY_TEMPLATES: readonly GalleryTemplate[] = NOTIFICATION_KINDS.reduce<GalleryTemplate[]>((sections, kind) => {
  const { label, gallery } = kindEntry(kind);
  const { id, file, description } = gallery.section;
  if (!sections.some((s) => s.id === id)) sections.push({ id, file, title: label, description });
  return sections;
}, []);

/*
 * A section opens with the first sample of each kind it serves, then the
 * rest: the re-auth template shows its alert and its reminder before the
 * alert's other cases.
 */
export const GALLERY_VARIANTS: readonly GalleryVariant[] = GALLERY_TEMPLATES.flatMap((section) => {
  const perKind = NOTIFICATION_KINDS.filter((k) => kindEntry(k).gallery.section.id === section.id).map((k) => variantsOf(k));
  return [...perKind.map((vs) => vs[0]), ...perKind.flatMap((vs) => vs.slice(1))];
});

export function findGalleryVariant(id: string): GalleryVariant | undefined {
  return GALLERY_VARIANTS.find((variant) => variant.id === id);
}

/** Where a variant lives: the template's own PreviewProps, or a small file in emails/variants/. */
export function sourceFile(variant: GalleryVariant): string {
  const own = GALLERY_TEMPLATES.some((t) => t.file === variant.id);
  return own ? `emails/${variant.id}.tsx` : `emails/variants/${variant.id}.tsx`;
}

/** The variants of each template, in gallery order. */
export function galleryByTemplate() {
  return GALLERY_TEMPLATES.map((template) => ({
    ...template,
    variants: GALLERY_VARIANTS.filter((variant) => variant.template === template.id),
  }));
}

export type RebaseTarget = {
  company: CompanyRef;
  appUrl: string; // absolute, no trailing slash
  /** The notification a sent preview became: links to "this notification" then open it. */
  notificationId?: string;
};

const NOTIFICATION_PATH = /^\/notifications\/[^/]+/;

function rebaseUrl(url: string, target: RebaseTarget): string {
  const { pathname, search, hash } = new URL(url);
  const path = target.notificationId
    ? pathname.replace(NOTIFICATION_PATH, `/notifications/${encodeURIComponent(target.notificationId)}`)
    : pathname;
  return `${target.appUrl}${path}${search}${hash}`;
}

/**
 * A variant's email as the viewer's company would get it from this
 * deployment: the company's name and time zone, `appUrl`, and every link prop
 * (`…Url`) moved onto `appUrl`, keeping its path and query. Everything else —
 * the sample CRM data, the recipients' reason — stays as the variant has it.
 */
export function rebaseEmail<E extends AnyEmail>(email: E, target: RebaseTarget): E {
  const props: Record<string, unknown> = {
    ...email.props,
    appUrl: target.appUrl,
    company: { id: target.company.id, name: target.company.name, timeZone: target.company.timeZone },
  };
  for (const [key, value] of Object.entries(props)) {
    if (key !== "appUrl" && key.endsWith("Url") && typeof value === "string") props[key] = rebaseUrl(value, target);
  }
  return { ...email, props } as E;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** When the real email of this variant would have gone out: the moment moved to "now". */
function sentMoment(email: AnyEmail): string {
  return kindEntry(email.kind).sentMoment(email.props);
}

function shift(value: unknown, by: number): unknown {
  if (typeof value === "string") return ISO_INSTANT.test(value) ? new Date(Date.parse(value) + by).toISOString() : value;
  if (Array.isArray(value)) return value.map((v) => shift(v, by));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v, by)]));
  return value;
}

/**
 * A variant's sample times moved together so the email would go out at `now`:
 * a sent preview's deadline lies ahead as in a real alert (or just behind, for
 * the deadline-passed variant), never weeks in the past.
 */
export function atTime<E extends AnyEmail>(email: E, now: Date): E {
  const by = now.getTime() - Date.parse(sentMoment(email));
  return { ...email, props: shift(email.props, by) } as E;
}
