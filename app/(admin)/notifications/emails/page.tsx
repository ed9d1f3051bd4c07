import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { galleryByTemplate, sourceFile, type GalleryVariant } from "@/lib/notifications/gallery";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { previewLine, renderForViewer } from "./_components/render-for-viewer";

export const metadata: Metadata = { title: "Email gallery" };
export const dynamic = "force-dynamic";

const PATH = "/notifications/emails";

export default async function EmailGalleryPage() {
  const viewer = await requirePage("notifications:view", PATH);
  const groups = galleryByTemplate();
  // Subjects and inbox preview lines come from a real render of each variant.
  const rendered = new Map(
    await Promise.all(
      groups
        .flatMap((g) => g.variants)
        .map(async (v) => {
          const { subject, html } = await renderForViewer(v, viewer);
          return [v.id, { subject, preview: previewLine(html) }] as const;
        }),
    ),
  );

  return (
    <div>
      <PageHeader
        title="Email gallery"
        description={`Every email Switchboard sends, with sample data, as ${viewer.company.name} would receive it: your company's name and time zone (${viewer.company.timeZone}) and links to ${env.APP_URL}. Open one to compare its HTML and plain-text versions at desktop and phone widths, or send it to yourself.`}
        actions={
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            ← Notifications
          </Link>
        }
      />

      <nav aria-label="Templates" className="mb-8 flex flex-wrap gap-2 text-sm">
        {groups.map((g) => (
          <a
            key={g.id}
            href={`#${g.id}`}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-50"
          >
            {g.title} <span className="text-slate-600">({g.variants.length})</span>
          </a>
        ))}
      </nav>

      <div className="space-y-10">
        {groups.map((g) => (
          <section key={g.id} id={g.id} aria-labelledby={`${g.id}-title`} className="scroll-mt-6">
            <h2 id={`${g.id}-title`} className="text-lg font-semibold text-slate-900">
              {g.title}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-600">{g.description}</p>
            <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
              {g.variants.map((v) => (
                <VariantCard key={v.id} variant={v} {...rendered.get(v.id)!} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function VariantCard({ variant, subject, preview }: { variant: GalleryVariant; subject: string; preview: string }) {
  const provider = "provider" in variant.props ? PROVIDER_NAMES[variant.props.provider] : null;
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm hover:border-brand-600 focus-within:border-brand-600">
      {/* A scaled-down live render; the card's link is the way in, so the frame stays out of focus and the accessibility tree. */}
      <div aria-hidden="true" inert className="relative h-52 overflow-hidden border-b border-slate-200 bg-slate-100">
        <iframe
          src={`${PATH}/${variant.id}/html`}
          title={`Thumbnail of “${variant.title}”`}
          sandbox=""
          loading="lazy"
          className="pointer-events-none absolute left-1/2 top-0 h-[52rem] w-[600px] max-w-none origin-top -translate-x-1/2 scale-50 border-0"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-4">
        <h3 className="text-sm font-semibold text-slate-900">
          <Link href={`${PATH}/${variant.id}`} className="after:absolute after:inset-0 hover:underline focus:outline-none">
            {variant.title}
          </Link>
        </h3>
        <p className="text-sm text-slate-800" data-testid="gallery-subject">
          {subject}
        </p>
        <p className="line-clamp-2 text-xs text-slate-600">{preview}</p>
        <div className="mt-auto flex flex-col items-start gap-1.5 pt-2">
          {provider && <Badge>{provider}</Badge>}
          <code className="break-all text-xs text-slate-600">{sourceFile(variant)}</code>
        </div>
      </div>
    </li>
  );
}
