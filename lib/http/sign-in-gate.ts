/*
 * The paths whose signed-out visitors proxy.ts sends to sign-in: "/",
 * /account/**, /integrations/** and /notifications/**. The proxy used to run
 * for these paths only, through its `config.matcher`; now it runs on every
 * request (for the security headers), so the gate keeps that matcher here,
 * exactly as Next compiled it (.next/server/functions-config-manifest.json
 * of the build before the change): the same .rsc / segment-prefetch and
 * /_next/data forms, case-sensitive.
 */
const MATCHERS = [
  /^(?:\/(_next\/data\/[^/]{1,}))?(?:\/(\/?index|\/?index\.json|\/?index(?:\.rsc|\.segments\/.+\.segment\.rsc)))?[\/#\?]?$/,
  /^(?:\/(_next\/data\/[^/]{1,}))?\/account(?:\/((?:[^\/#\?]+?)(?:\/(?:[^\/#\?]+?))*))?(\.json|\.rsc|\.segments\/.+\.segment\.rsc)?[\/#\?]?$/,
  /^(?:\/(_next\/data\/[^/]{1,}))?\/integrations(?:\/((?:[^\/#\?]+?)(?:\/(?:[^\/#\?]+?))*))?(\.json|\.rsc|\.segments\/.+\.segment\.rsc)?[\/#\?]?$/,
  /^(?:\/(_next\/data\/[^/]{1,}))?\/notifications(?:\/((?:[^\/#\?]+?)(?:\/(?:[^\/#\?]+?))*))?(\.json|\.rsc|\.segments\/.+\.segment\.rsc)?[\/#\?]?$/,
];

export function requiresSignIn(pathname: string): boolean {
  return MATCHERS.some((m) => m.test(pathname));
}
