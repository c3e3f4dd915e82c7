import * as vscode from 'vscode';
import type { PaperListClient as LanguageClient } from './client';
import type { OutlineResult } from '../../server/src/shared/protocol';
import { requestOutline } from './client';

/**
 * The paper list the sidebar and status bar show: the active markdown editor's document and the
 * server's outline of it. Refreshes when the server publishes new diagnostics for it (it lints after
 * every change) and when the text changes, and only fires `onDidChange` when the outline really changed,
 * so that the tree does not flicker while the user types.
 */
export class OutlineModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  document: vscode.TextDocument | undefined;
  outline: OutlineResult | null = null;
  private signature = '';
  private requested = 0;
  private textTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.document && event.uris.some((uri) => uri.toString() === this.document!.uri.toString())) void this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== this.document || !event.contentChanges.length) return;
        // Diagnostics that did not change do not fire an event, so the text change asks once typing pauses.
        if (this.textTimer) clearTimeout(this.textTimer);
        this.textTimer = setTimeout(() => void this.refresh(), 300);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.set(undefined, null);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('paperList')) void this.refresh();
      }),
    );
  }

  /** Starts following the active editor; call once the client runs. */
  start(): void {
    this.follow(vscode.window.activeTextEditor);
  }

  /** Switches to the editor's document when it is markdown; other editors (output, settings) keep the current list. */
  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown') return;
    if (document === this.document) return;
    this.document = document;
    void this.refresh();
  }

  /** Asks the server again; answers that arrive after a newer request are dropped. */
  async refresh(): Promise<OutlineResult | null> {
    const document = this.document;
    if (!document) return null;
    const ticket = ++this.requested;
    let outline: OutlineResult | null = null;
    try {
      outline = await requestOutline(this.client, document);
    } catch {
      outline = null;
    }
    if (ticket === this.requested && document === this.document) this.set(document, outline);
    return outline;
  }

  private set(document: vscode.TextDocument | undefined, outline: OutlineResult | null): void {
    this.document = document;
    this.outline = outline;
    // The version changes with every keystroke; the tree only cares about what it shows.
    const signature = outline ? JSON.stringify({ ...outline, version: 0 }) + (document?.uri.toString() ?? '') : '';
    void vscode.commands.executeCommand('setContext', 'paperList.active', Boolean(outline));
    if (signature === this.signature) return;
    this.signature = signature;
    this.changeEmitter.fire();
  }

  dispose(): void {
    if (this.textTimer) clearTimeout(this.textTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
