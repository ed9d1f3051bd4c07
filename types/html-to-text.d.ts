// html-to-text 10 ships no types; the one function used here (lib/notifications/render.ts).
declare module "html-to-text" {
  export function compile(options?: Record<string, unknown>): (html: string) => string;
}
