import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { findGalleryVariant, GALLERY_TEMPLATES, GALLERY_VARIANTS, sourceFile } from "@/lib/notifications/gallery";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DetailList, DetailRow } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_LABELS } from "../../_components/labels";
import { EmailViewport } from "../_components/email-viewport";
import { renderForViewer } from "../_components/render-for-viewer";
import { SendPreviewButton } from "../_components/send-preview-button";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ variant: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const variant = findGalleryVariant((await params).variant);
  return { title: variant ? `${variant.title} · Email gallery` : "Email gallery" };
}

export default async function EmailVariantPage({ params }: Params) {
  const { variant: id } = await params;
  const viewer = await requirePage("notifications:view", `/notifications/emails/${encodeURIComponent(id)}`);
  const variant = findGalleryVariant(id);
  if (!variant) notFound();
  const template = GALLERY_TEMPLATES.find((t) => t.id === variant.template)!;
  const email = await renderForViewer(variant, viewer);
  const index = GALLERY_VARIANTS.indexOf(variant);
  const previous = GALLERY_VARIANTS[index - 1];
  const next = GALLERY_VARIANTS[index + 1];
  const provider = "provider" in variant.props ? PROVIDER_NAMES[variant.props.provider] : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={variant.title}
        description={`${template.title} — ${template.description}`}
        actions={
          <Link href="/notifications/emails" className="text-sm font-medium text-brand-700 hover:underline">
            ← Email gallery
          </Link>
        }
      />

      <Card>
        <CardHeader
          title="Envelope"
          description={`Sample data as ${viewer.company.name} would receive it: times in ${viewer.company.timeZone}, links to ${env.APP_URL}.`}
          actions={<SendPreviewButton variantId={variant.id} />}
        />
        <CardBody>
          <DetailList labelWidth="8rem">
            <DetailRow label="Subject">
              <span className="font-medium" data-testid="email-subject">
                {email.subject}
              </span>
            </DetailRow>
            <DetailRow label="From">{env.EMAIL_FROM}</DetailRow>
            <DetailRow label="Type">
              {KIND_LABELS[variant.kind]}
              {provider ? ` · ${provider}` : ""}
            </DetailRow>
            <DetailRow label="Source">
              <code className="text-xs">{sourceFile(variant)}</code>
            </DetailRow>
            <DetailRow label="Size">{`HTML ${formatKb(email.html)} · text ${formatKb(email.text)}`}</DetailRow>
          </DetailList>
        </CardBody>
      </Card>

      <div className="grid items-start gap-6 xl:grid-cols-[41rem_minmax(0,1fr)]">
        <Card className="min-w-0">
          <CardHeader title="HTML version" description="In a sandbox, at an email client's width." />
          <CardBody className="px-3">
            <EmailViewport html={email.html} title={`HTML version of “${variant.title}”`} />
          </CardBody>
        </Card>
        <Card className="min-w-0">
          <CardHeader title="Plain-text version" description="What text-only clients and screen readers in plain mode get." />
          <CardBody>
            <pre
              aria-label={`Plain-text version of “${variant.title}”`}
              tabIndex={0}
              className="max-h-[56rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-mono text-xs leading-5 text-slate-800"
            >
              {email.text}
            </pre>
          </CardBody>
        </Card>
      </div>

      <nav aria-label="Other emails" className="flex flex-wrap justify-between gap-4 text-sm">
        {previous ? (
          <Link href={`/notifications/emails/${previous.id}`} className="font-medium text-brand-700 hover:underline">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={`/notifications/emails/${next.id}`} className="font-medium text-brand-700 hover:underline">
            {next.title} →
          </Link>
        )}
      </nav>
    </div>
  );
}

function formatKb(value: string): string {
  return `${(Buffer.byteLength(value, "utf8") / 1024).toFixed(1)} KB`;
}
