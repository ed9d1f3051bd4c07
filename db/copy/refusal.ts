/** Why the copy will not start or did not finish; the target is left as it was found. */
export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefused";
  }
}
