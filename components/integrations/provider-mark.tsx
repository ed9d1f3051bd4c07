import type { Provider } from "@/lib/integrations/providers";

/* A brand-coloured monogram; decorative, the CRM's name is always next to it. */
const MARKS: Record<Provider, { letters: string; className: string }> = {
  hubspot: { letters: "HS", className: "bg-orange-700" },
  salesforce: { letters: "SF", className: "bg-sky-700" },
  zoho: { letters: "Z", className: "bg-red-700" },
};

export function ProviderMark({ provider, size = "md" }: { provider: Provider; size?: "md" | "lg" }) {
  const mark = MARKS[provider];
  const box = size === "lg" ? "h-12 w-12 text-base" : "h-10 w-10 text-sm";
  return (
    <span
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-lg font-bold text-white ${box} ${mark.className}`}
    >
      {mark.letters}
    </span>
  );
}
