/** An in-memory folder with the calls of lib/sync/dir DirLike (unit tests). */
import type { DirLike } from '@/lib/sync/dir';

export function memoryDir(name = 'memory', files = new Map<string, string>()): DirLike & { files: Map<string, string> } {
  return {
    name,
    files,
    async getFileHandle(fileName, options) {
      if (!files.has(fileName)) {
        if (!options?.create) throw new DOMException(`${fileName} not found`, 'NotFoundError');
        files.set(fileName, '');
      }
      return {
        kind: 'file',
        name: fileName,
        getFile: async () => ({ text: async () => files.get(fileName) ?? '' }),
        createWritable: async () => {
          let buf = '';
          return { write: async (d: string) => void (buf += d), close: async () => void files.set(fileName, buf) };
        },
      };
    },
    async removeEntry(fileName) {
      files.delete(fileName);
    },
    async *values() {
      for (const n of [...files.keys()]) yield { kind: 'file' as const, name: n };
    },
  };
}
