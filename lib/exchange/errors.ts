/** A file-level import problem: the whole file is refused with this message and nothing is written. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
