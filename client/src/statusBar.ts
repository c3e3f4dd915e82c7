import * as vscode from 'vscode';
import type { OutlineModel } from './outlineModel';

/** "136 papers · 18 problems" while a paper list is active; a click opens the Problems panel. */
export function createStatusBar(model: OutlineModel): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('paperList.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Paper List';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const totals = model.outline?.totals;
    if (!totals) {
      item.hide();
      return;
    }
    const papers = `${totals.papers} paper${totals.papers === 1 ? '' : 's'}`;
    const problems = `${totals.problems} problem${totals.problems === 1 ? '' : 's'}`;
    item.text = `$(book) ${papers} · ${problems}`;
    item.tooltip = `${totals.entries} entries (${totals.papers} distinct papers); ${totals.errors} errors, ${totals.warnings} warnings, ${totals.problems - totals.errors - totals.warnings} other findings. Click to open Problems.`;
    item.show();
  };
  const subscription = model.onDidChange(update);
  update();
  return vscode.Disposable.from(item, subscription);
}
