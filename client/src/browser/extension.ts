// The extension's browser entry (`browser`, dist/web/extension.js) for github.dev, vscode.dev and other
// web-worker extension hosts: the language server runs in a web worker.
import * as vscode from 'vscode';
import { activate as activateWith, deactivate, type PaperListApi } from '../extension';
import { createClient } from './createClient';

/** What differs from the desktop, said once in the output channel when the extension starts. */
export const browserNotice =
  'Running in the browser: the language server runs in a web worker. .paperlistrc.json, paperList.bibFiles and the files that links name are read through the editor\'s file system; a .bib file or linked file that changes while a list is open is read again after a settings change or a reload. Add Paper from Link writes the entry from what the link itself says (an arXiv id gives the year and month); fetching titles and authors, and Check Entries Against Sources, need the desktop app or the CLI, since the paper APIs do not all allow requests from a browser.';

export function activate(context: vscode.ExtensionContext): PaperListApi {
  const api = activateWith(context, (extensionContext, outputChannel) => {
    outputChannel.info(browserNotice);
    return createClient(extensionContext, outputChannel);
  });
  return api;
}

export { deactivate };
