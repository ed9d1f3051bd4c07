/* Counts in emails and subjects: grouped digits, and the noun agreeing with the number. */

const numberFormat = new Intl.NumberFormat("en-US");

/** 1975 → "1,975". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** countOf(1, "contact") → "1 contact"; countOf(2000, "contact") → "2,000 contacts". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
