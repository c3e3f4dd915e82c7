// File system paths of `file:` URIs. The Node entry plugs in Node's own conversion (Windows drive letters
// and UNC paths included); a browser has no file system, and the POSIX reading below is the fallback.

/** The POSIX path of a `file:` URL, refusing what Node's `fileURLToPath` refuses on POSIX. */
function posixPathOf(uri: string): string {
  const url = new URL(uri);
  if (url.hostname !== '' && url.hostname !== 'localhost') throw new TypeError('a file URL with a host');
  if (/%2f/i.test(url.pathname)) throw new TypeError('a file URL with an encoded /');
  return decodeURIComponent(url.pathname);
}

let fileUrlToPath: (uri: string) => string = posixPathOf;

export const URI = {
  /** The file system path of a `file:` URI; undefined for other schemes and malformed URIs. */
  toFsPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileUrlToPath(uri);
    } catch {
      return undefined;
    }
  },
  /** Replaces the conversion, with Node's `fileURLToPath` on Node. */
  usePathConversion(convert: (uri: string) => string): void {
    fileUrlToPath = convert;
  },
};
