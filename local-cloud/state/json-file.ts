/**
 * A JSON document persisted in one file: read once at start, written atomically (temporary file, then rename)
 * after every change, so a killed process leaves either the old or the new document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class JsonFile<T> {
  private value: T;

  /** Reads `file`, or starts from `initial()` when it does not exist. Throws on unreadable or invalid JSON. */
  constructor(
    private readonly file: string,
    initial: () => T,
  ) {
    this.value = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : initial();
  }

  get data(): T {
    return this.value;
  }

  /** Applies `change` to the document and writes it. Throws on file-system errors. */
  update<R>(change: (doc: T) => R): R {
    const result = change(this.value);
    this.write();
    return result;
  }

  /** Writes the document as it is now. Throws on file-system errors. */
  write(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.value, null, 1), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
