import { fileURLToPath } from 'node:url';

export const URI = {
  /** The file system path of a `file:` URI; undefined for other schemes and malformed URIs. */
  toFsPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
};
