/*
 * Reading a password without it ever appearing on screen, in the shell
 * history or in the process list: typed at a hidden prompt on a terminal,
 * or piped on stdin for automation.
 */

/** Asks on the terminal with echo off. Ctrl-C or Ctrl-D on an empty line cancels. */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  // echo goes off before the question appears, so nothing typed at it is shown
  input.setRawMode(true);
  output.write(question);
  input.setEncoding("utf8");
  input.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (outcome: () => void) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      outcome();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish(() => resolve(value));
        if (ch === "\u0003" || (ch === "\u0004" && value === "")) return finish(() => reject(new PasswordInputCancelled()));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    input.on("data", onData);
  });
}

export class PasswordInputCancelled extends Error {
  constructor() {
    super("Cancelled; nothing was changed.");
  }
}

/** The whole of stdin, less the one line ending `echo` or a file adds. */
export async function readPasswordFromStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = "";
  input.setEncoding("utf8");
  for await (const chunk of input) text += chunk;
  return text.replace(/\r?\n$/, "");
}
