/*
 * How long rendering an email takes (HTML + plain text, as the outbox worker
 * does it), per gallery email, next to a one-paragraph baseline email in the
 * same frame (shell, header, footer) rendered the same way.
 *
 *   npx tsx scripts/bench-render.ts [--rounds 60] [--check]
 *
 * --check exits 1 when an email takes more than 2× the baseline. Runs on
 * React's production build, as a deployment does, unless NODE_ENV says
 * otherwise. Rounds interleave every email so background load hits them alike.
 */
import type { ReactElement } from "react";
import { argv, env, exit } from "node:process";

(env as Record<string, string | undefined>).NODE_ENV ??= "production"; // before React loads: the imports below are dynamic for that reason

const { createElement } = await import("react");
const { EmailShell } = await import("../emails/components/email-shell");
const { EmailFooter } = await import("../emails/components/email-footer");
const { Paragraph } = await import("../emails/components/typography");
const { previewCommon } = await import("../emails/components/preview-data");
const { GALLERY_VARIANTS } = await import("../lib/notifications/gallery");
const { renderElement, renderEmail } = await import("../lib/notifications/render");

const option = (name: string) => argv.indexOf(`--${name}`);
const rounds = option("rounds") > 0 ? Number(argv[option("rounds") + 1]) : 60;
const check = option("check") > 0;
const WARM_UP = 15;
const LIMIT = 2;

function BaselineEmail() {
  const common = previewCommon();
  return createElement(EmailShell, {
    title: "A one-paragraph email",
    preview: "A one-paragraph email.",
    companyName: common.company.name,
    footer: createElement(EmailFooter, {
      reason: common.reason,
      companyName: common.company.name,
      reportSettingsUrl: common.reportSettingsUrl,
    }),
    children: createElement(Paragraph, null, "One paragraph of text, and nothing else."),
  });
}

type Case = { name: string; run: () => Promise<{ html: string; text: string }> };

const baselineElement: ReactElement = createElement(BaselineEmail);
const cases: Case[] = [
  { name: "baseline (one paragraph)", run: () => renderElement(baselineElement) },
  ...GALLERY_VARIANTS.map((v) => ({ name: v.id, run: () => renderEmail(v) })),
];

const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const sizes = new Map<string, number>();
for (let round = 0; round < WARM_UP + rounds; round++) {
  for (const c of cases) {
    const started = performance.now();
    const out = await c.run();
    const elapsed = performance.now() - started;
    if (round >= WARM_UP) samples.get(c.name)!.push(elapsed);
    else sizes.set(c.name, Buffer.byteLength(out.html, "utf8"));
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const baseline = median(samples.get(cases[0].name)!);
const rows = cases.map((c) => {
  const ms = median(samples.get(c.name)!);
  return { name: c.name, ms, ratio: ms / baseline, kb: sizes.get(c.name)! / 1024 };
});

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`render (HTML + text), median of ${rounds} rounds, NODE_ENV=${env.NODE_ENV}\n`);
console.log(`${"email".padEnd(width)}  ${"median".padStart(9)}  ${"baseline".padStart(9)}  ${"ratio".padStart(6)}  ${"HTML".padStart(8)}`);
for (const r of rows) {
  const flag = r.ratio > LIMIT ? "  > 2×" : "";
  console.log(
    `${r.name.padEnd(width)}  ${r.ms.toFixed(2).padStart(6)} ms  ${baseline.toFixed(2).padStart(6)} ms  ${r.ratio.toFixed(2).padStart(5)}×  ${r.kb.toFixed(1).padStart(5)} KB${flag}`,
  );
}
const over = rows.filter((r) => r.ratio > LIMIT);
console.log(over.length ? `\n${over.length} over ${LIMIT}× the baseline.` : `\nEvery email within ${LIMIT}× the baseline.`);
if (check && over.length) exit(1);
