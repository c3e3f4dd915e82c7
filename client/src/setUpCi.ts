import * as vscode from 'vscode';
import { ciWorkflowText } from './ciWorkflow';
import type { OutlineModel } from './outlineModel';

/** Writes `.github/workflows/paperlist.yml` for the list the sidebar shows (kept when it exists), and opens it. */
export async function setUpCi(model: OutlineModel): Promise<vscode.Uri | undefined> {
  const document = model.document ?? vscode.window.activeTextEditor?.document;
  const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open the folder of your paper list first: the workflow goes in its .github/workflows.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'paperlist.yml');
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    const list = document && vscode.workspace.getWorkspaceFolder(document.uri) === folder ? [vscode.workspace.asRelativePath(document.uri, false)] : [];
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(ciWorkflowText(list)));
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(
    exists ? '.github/workflows/paperlist.yml exists already; it is open as it is.' : 'Wrote .github/workflows/paperlist.yml: commit it, and GitHub lints the list on every push and pull request.',
  );
  return target;
}
