import { hostname, userInfo } from "node:os";

/** Who ran an operator command, for its audit rows: user@host. */
export function operatorLabel(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `uid ${process.getuid?.() ?? "?"}@${hostname()}`;
  }
}
