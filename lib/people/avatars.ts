/*
 * Avatars of people shown together (Report settings' lists): initials and a
 * colour per person. Plain first-and-last initials collide in real teams
 * (Ada Admin and Aggie Agent are both "AA"), so where two people of the same
 * list share them, each gets a longer form that tells them apart ("Ad", "Ag"),
 * and the colour comes from the email so the same person looks the same in
 * every list of the page.
 */

export const AVATAR_TONES = 8;

export type Avatar = { initials: string; tone: number };

type Person = { id: string; name: string; email: string };

function words(name: string): string[] {
  return name.trim().split(/\s+/).filter(Boolean);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1, 2).toLowerCase();
}

/** First and last initials: "Ada Admin" → "AA", "Cher" → "C". */
export function baseInitials(name: string): string {
  const w = words(name);
  return ((w[0]?.[0] ?? "") + (w.length > 1 ? w[w.length - 1][0] : "")).toUpperCase() || "?";
}

/** Longer forms to tell apart people who share base initials, most readable first. */
function alternatives(name: string): string[] {
  const w = words(name);
  if (w.length === 0) return [];
  const first = w[0];
  const last = w.length > 1 ? w[w.length - 1] : "";
  return [
    upperFirst(first),
    last ? first[0].toUpperCase() + upperFirst(last) : "",
    last ? upperFirst(first) + last[0].toUpperCase() : "",
  ].filter((s) => s.length > 1);
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

/** One avatar per person, distinct initials within the list wherever the names allow it. */
export function avatarsFor(people: Person[]): Map<string, Avatar> {
  const count = new Map<string, number>();
  for (const p of people) count.set(baseInitials(p.name), (count.get(baseInitials(p.name)) ?? 0) + 1);
  const taken = new Set([...count].filter(([, n]) => n === 1).map(([initials]) => initials));
  const out = new Map<string, Avatar>();
  // tones already given to each base, so people who share initials also differ in colour
  const tonesOf = new Map<string, Set<number>>();
  for (const p of people) {
    const base = baseInitials(p.name);
    let initials = base;
    if ((count.get(base) ?? 0) > 1) {
      initials = alternatives(p.name).find((a) => !taken.has(a)) ?? base;
      taken.add(initials);
    }
    const used = tonesOf.get(base) ?? new Set<number>();
    let tone = hash(p.email.trim().toLowerCase()) % AVATAR_TONES;
    for (let i = 0; i < AVATAR_TONES && used.has(tone); i++) tone = (tone + 1) % AVATAR_TONES;
    used.add(tone);
    tonesOf.set(base, used);
    out.set(p.id, { initials, tone });
  }
  return out;
}
