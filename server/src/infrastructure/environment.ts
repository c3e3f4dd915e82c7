// What the language server needs from around a document, injected by its entry: read from disk on Node
// (server/src/node/nodeEnvironment.ts), asked of the client in a browser (server/src/browser/browserEnvironment.ts).
import type { BibRecord } from '../core/features/bibtex';
import type { MetadataSources } from '../core/online/sources';
import type { PaperList } from '../core/index';
import type { DocumentEnvironment, PaperListSettings } from './settings';

/** Where the settings of the session come from. */
export type SettingsSource = 'client' | 'initializationOptions' | 'defaults';

export interface ServerEnvironment {
  /** The metadata APIs for opt-in online requests; undefined where the server cannot reach them. */
  onlineSources?(online: { cacheDir?: string; mailto?: string }): MetadataSources | undefined;
  /** The line the server writes to its output channel once it runs; a plain one when undefined. */
  startupLine?(version: string, source: SettingsSource, settings: PaperListSettings): string;
  /** The merged config, the config file's problems and the lint host of a document. */
  documentEnvironment(uri: string, settings: PaperListSettings): DocumentEnvironment | Promise<DocumentEnvironment>;
  /**
   * Fetches what the lint host will be asked about a parsed list (a browser cannot look at files while a
   * rule runs); the rules run only after it settles. Undefined when there is nothing to wait for.
   */
  prepareLint?(environment: DocumentEnvironment, uri: string, list: PaperList): Promise<void> | undefined;
  /** Fetches the `paperList.bibFiles` files before completion reads them through `bibRecords`. */
  prepareBibRecords?(uri: string, files: readonly string[]): Promise<void>;
  /** The papers of the `paperList.bibFiles` files of a document, for completion; empty when none can be read. */
  bibRecords(uri: string, files: readonly string[]): BibRecord[];
  /** Whether the client answers the file requests of server/src/shared/protocol.ts (the VS Code extension does). */
  clientReadsFiles?: boolean;
  /** The client's workspace folders, as URIs. */
  workspaceFolders: string[];
  /** Forgets what was read, after a settings or config-file change. */
  reset?(): void;
}
