/* A To list that stays one line in a table: the first addresses, then "+N more". */
export function RecipientList({ to, shown = 2 }: { to: string[]; shown?: number }) {
  const rest = to.length - shown;
  return (
    <span title={to.join(", ")}>
      {to.slice(0, shown).join(", ")}
      {rest > 0 && <span className="text-slate-600"> +{rest} more</span>}
    </span>
  );
}
