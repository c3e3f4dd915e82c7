// "Show House Style" as a rendered view beside the list: the server's markdown rendered by VS Code's own
// markdown renderer in a webview, with a "Pin to .paperlistrc.json" button.
import * as vscode from 'vscode';
import type { HouseStyleResult } from '../../server/src/shared/protocol';
import { pinHouseStyleText } from './houseStylePin';

export const houseStyleViewType = 'paperList.houseStyle';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The markdown as HTML through the built-in markdown extension, or as preformatted text without it. */
async function render(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string' && html) return html;
  } catch {
    // The built-in markdown extension may be disabled; the text is still readable.
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
}

function pageOf(webview: vscode.Webview, body: string, listName: string): string {
  const nonce = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<title>House Style of ${escapeHtml(listName)}</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; line-height: 1.5; }
  table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 8px; text-align: left; }
  pre, code { font-family: var(--vscode-editor-font-family); } pre { background: var(--vscode-textCodeBlock-background); padding: 8px; overflow-x: auto; white-space: pre-wrap; }
  .actions { position: sticky; top: 0; padding: 8px 0; background: var(--vscode-editor-background); }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
</style></head>
<body>
<div class="actions"><button id="pin" title="Write this style into the houseStyle block of .paperlistrc.json, so that the linter holds every entry to it">Pin to .paperlistrc.json</button></div>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('pin').addEventListener('click', () => vscode.postMessage({ command: 'pin' }));
</script>
</body></html>`;
}

/** One view per list, brought back to the front when the command runs again. */
export class HouseStyleViews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  async show(document: vscode.TextDocument, result: HouseStyleResult, listName: string): Promise<vscode.WebviewPanel> {
    const key = document.uri.toString();
    let panel = this.panels.get(key);
    if (panel) panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      panel = vscode.window.createWebviewPanel(houseStyleViewType, `House Style of ${listName}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panels.set(key, panel);
      const uri = document.uri;
      panel.onDidDispose(() => this.panels.delete(key));
      panel.webview.onDidReceiveMessage((message: { command?: string }) => {
        if (message?.command === 'pin') void vscode.commands.executeCommand('paperList.pinHouseStyle', uri);
      });
    }
    panel.webview.html = pageOf(panel.webview, await render(result.markdown), listName);
    return panel;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}

/** The `.paperlistrc.json` the server reads for a list: the nearest one in its folder or above, within the workspace folder. */
export async function configFileFor(listUri: vscode.Uri): Promise<{ uri: vscode.Uri; exists: boolean }> {
  const own = vscode.Uri.joinPath(listUri, '..');
  const root = vscode.workspace.getWorkspaceFolder(listUri)?.uri;
  for (let folder = own; ; folder = vscode.Uri.joinPath(folder, '..')) {
    const candidate = vscode.Uri.joinPath(folder, '.paperlistrc.json');
    try {
      await vscode.workspace.fs.stat(candidate);
      return { uri: candidate, exists: true };
    } catch {
      // Not here: one folder up, unless this was the workspace folder or the top.
    }
    const parent = vscode.Uri.joinPath(folder, '..');
    if (!root || folder.toString() === root.toString() || parent.path === folder.path) break;
  }
  return { uri: vscode.Uri.joinPath(own, '.paperlistrc.json'), exists: false };
}

/** Writes the style into the config file; answers the file written, or undefined when it could not. */
export async function pinHouseStyle(listUri: vscode.Uri, result: HouseStyleResult): Promise<vscode.Uri | undefined> {
  const { uri, exists } = await configFileFor(listUri);
  const existing = exists ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
  const pinned = pinHouseStyleText(existing, result.style);
  if ('error' in pinned) {
    void vscode.window.showErrorMessage(`The house style was not pinned: ${vscode.workspace.asRelativePath(uri, false)} was left alone because ${pinned.error}.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pinned.text));
  const name = vscode.workspace.asRelativePath(uri, false);
  void vscode.window.showInformationMessage(`${exists ? 'Pinned the house style in' : 'Created'} ${name}${exists ? '' : ' with the house style pinned'}.`, 'Open').then((choice) => {
    if (choice) void vscode.window.showTextDocument(uri);
  });
  return uri;
}
