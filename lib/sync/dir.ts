/**
 * The few File System Access calls PaperShelf makes on a folder, as an interface: the folder the
 * user picked for sync (FileSystemDirectoryHandle), the extension's private folder for the daily
 * snapshots (navigator.storage.getDirectory(), OPFS), an in-memory folder in unit tests and the
 * test's real folder in the e2e (test/e2e/sync.spec.ts). Keep it this small: the e2e implements
 * exactly these calls.
 */

/** A file's writer: the whole text in one write, then close (which is when the file changes). */
export interface TextWriter {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}

export interface FileLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ text(): Promise<string> }>;
  createWritable(): Promise<TextWriter>;
}

export interface DirLike {
  readonly name: string;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileLike>;
  removeEntry(name: string): Promise<void>;
  /** the folder's entries (files and folders); only files are read */
  values(): AsyncIterable<{ readonly kind: 'file' | 'directory'; readonly name: string }>;
}

/** The names of the files in a folder. */
export async function fileNames(dir: DirLike): Promise<string[]> {
  const out: string[] = [];
  for await (const e of dir.values()) if (e.kind === 'file') out.push(e.name);
  return out.sort();
}

/** Write a file's whole text (created when missing). */
export async function writeText(dir: DirLike, name: string, text: string): Promise<void> {
  const file = await dir.getFileHandle(name, { create: true });
  const w = await file.createWritable();
  await w.write(text);
  await w.close();
}

/** A file's text, or null when the folder has no such file. */
export async function readText(dir: DirLike, name: string): Promise<string | null> {
  let file: FileLike;
  try {
    file = await dir.getFileHandle(name);
  } catch {
    return null;
  }
  return (await file.getFile()).text();
}
