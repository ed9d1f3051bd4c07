import type { Provider } from "../../lib/integrations/providers";

/*
 * Design tokens for every email. Colours are explicit pairs (background +
 * text) so clients that partially invert for dark mode never leave dark text
 * on a dark fill; `darkModeCss` restyles the same classes for clients that
 * honour prefers-color-scheme. Text pairs meet WCAG AA (checked in tests).
 */

export const fonts = {
  sans: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
};

export const colors = {
  page: "#f3f4f6",
  card: "#ffffff",
  text: "#1f2937",
  muted: "#4b5563",
  rule: "#e5e7eb",
  link: "#1d4ed8",
  button: "#1d4ed8",
  buttonText: "#ffffff",
  codeBg: "#f3f4f6",
  switchboard: "#1d4ed8",
};

export type Severity = "critical" | "warning" | "info" | "success";

/** Banner fill, its text, and the accent bar on its left edge. */
export const severityColors: Record<Severity, { bg: string; text: string; accent: string }> = {
  critical: { bg: "#fdecec", text: "#8a1c1c", accent: "#c62828" },
  warning: { bg: "#fff4e0", text: "#7a4100", accent: "#d97706" },
  info: { bg: "#e8f1fb", text: "#0b4a8b", accent: "#1d4ed8" },
  success: { bg: "#e7f6ec", text: "#17603a", accent: "#15803d" },
};

/**
 * CRM brand colours. `onColor` is the text colour used on the brand fill:
 * dark on HubSpot orange and Salesforce blue, white on Zoho red, each ≥ 4.5:1.
 */
export const brands: Record<Provider, { color: string; onColor: string }> = {
  hubspot: { color: "#ff7a59", onColor: "#1f2937" },
  salesforce: { color: "#00a1e0", onColor: "#1f2937" },
  zoho: { color: "#e42527", onColor: "#ffffff" },
};

/* Dark-mode and small-screen rules. Plain CSS without child combinators or
   angle brackets, so it passes through any HTML escaping unchanged. */
export const headCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media only screen and (max-width: 480px) {
  .sb-outer { padding: 12px 6px !important; }
  .sb-pad { padding-left: 16px !important; padding-right: 16px !important; }
  .sb-title { font-size: 20px !important; line-height: 28px !important; }
  .sb-fact-label { width: 104px !important; padding-right: 8px !important; }
  .sb-table { table-layout: auto !important; border-top: 1px solid #e5e7eb !important; }
  .sb-thead { display: none !important; }
  .sb-stack-row, .sb-stack { display: block !important; width: auto !important; }
  .sb-stack { padding-right: 0 !important; }
  .sb-stack-first { border-bottom: 0 !important; padding-top: 10px !important; padding-bottom: 4px !important; }
  .sb-stack-next { padding-top: 2px !important; padding-bottom: 10px !important; }
}
@media (prefers-color-scheme: dark) {
  .sb-page { background-color: #0f1216 !important; }
  .sb-card { background-color: #1a1e24 !important; border-left-color: #30363d !important; border-right-color: #30363d !important; border-bottom-color: #30363d !important; }
  .sb-text { color: #e6e8eb !important; }
  .sb-muted { color: #aab2bd !important; }
  .sb-rule { border-color: #30363d !important; }
  .sb-link { color: #8ab4ff !important; }
  .sb-code { background-color: #11151a !important; color: #e6e8eb !important; }
  .sb-banner-critical { background-color: #3a1618 !important; color: #ffd5d2 !important; }
  .sb-banner-warning { background-color: #3a2a10 !important; color: #ffe2b0 !important; }
  .sb-banner-info { background-color: #12263f !important; color: #cfe3ff !important; }
  .sb-banner-success { background-color: #12301f !important; color: #c8f0d6 !important; }
}
[data-ogsb] .sb-page { background-color: #0f1216 !important; }
[data-ogsb] .sb-card { background-color: #1a1e24 !important; }
[data-ogsc] .sb-text { color: #e6e8eb !important; }
[data-ogsc] .sb-muted { color: #aab2bd !important; }
[data-ogsc] .sb-link { color: #8ab4ff !important; }
`;
