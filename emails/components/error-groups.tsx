import { countOf, formatCount } from "../../lib/notifications/format-count";
import { IssueList } from "./issue-list";
import { Muted } from "./typography";

type Group = { code: string; count: number; tip: string };

/** Mapping error codes with their counts and a troubleshooting tip each (docs/product R23). */
export function ErrorGroups({ groups, totalRecords, noun }: { groups: Group[]; totalRecords: number; noun: string }) {
  const listed = groups.reduce((sum, group) => sum + group.count, 0);
  return (
    <>
      <IssueList
        issues={groups.map((group) => ({
          key: group.code,
          code: group.code,
          count: countOf(group.count, "record"),
          detail: `Tip: ${group.tip}`,
        }))}
      />
      {listed < totalRecords ? (
        <Muted>
          {`These counts cover the ${formatCount(listed)} errors reported in detail; ${formatCount(totalRecords)} ${noun} failed in total.`}
        </Muted>
      ) : null}
    </>
  );
}
