import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * A small tmpfs of its own, so a spec can fill a real filesystem under a
 * running server and free it again. Mounting needs root (CAP_SYS_ADMIN), as
 * the test machines and CI have; where it is refused the spec skips and says
 * why.
 */

export type SmallFilesystem = {
  dir: string;
  /** Writes a filler file until the filesystem answers ENOSPC; returns the bytes written. */
  fill: () => number;
  /** Deletes the filler. */
  free: () => void;
  unmount: () => void;
};

export function mountSmallFilesystem(sizeMiB: number): SmallFilesystem | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m,mode=0700`, "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error && "stderr" in error ? String((error as { stderr: Buffer }).stderr).trim() : String(error);
    return { skip: `cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): ${detail || "mount failed"}` };
  }
  const filler = join(dir, "filler");
  return {
    dir,
    fill() {
      const fd = openSync(filler, "a");
      let written = 0;
      try {
        for (const size of [1 << 20, 1 << 12, 1]) {
          const chunk = Buffer.alloc(size, 0x5a);
          for (;;) {
            try {
              written += writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      try {
        execFileSync("umount", [dir], { stdio: "pipe" });
      } catch {
        execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
