import type { Connection } from 'vscode-languageserver';

/**
 * Wraps a handler so that a thrown error or a rejected promise is logged and answered with `fallback`:
 * one broken feature must not take the server down or leave the client waiting.
 */
export function guard<P, R, F>(
  connection: Connection,
  name: string,
  fallback: F,
  handler: (params: P) => R | Promise<R>,
): (params: P) => Promise<R | F> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`paperlist: ${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  };
}

/** The same for notifications, which have no answer. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    void guard(connection, name, undefined, handler)(params);
  };
}
