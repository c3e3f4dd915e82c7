// UTF-8 decoding of a file's bytes, shared by the CLI, the Node server and the browser client.

/** The text of a file, or why it cannot be linted; `bom` says a byte order mark was taken off the front. */
export type ReadResult = { text: string; bom?: true } | { error: string };

/**
 * Decodes bytes as UTF-8 text; binary data and invalid UTF-8 are refused with a reason. A byte order
 * mark is taken off, as editors do, so that columns match theirs; `bom` lets a writer put it back.
 */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { error: 'it is not a text file (it holds NUL bytes)' };
  try {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bom ? { text, bom: true } : { text };
  } catch {
    return { error: 'it is not valid UTF-8 text' };
  }
}
