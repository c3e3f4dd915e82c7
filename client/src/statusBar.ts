import * as vscode from 'vscode';
import type { OutlineModel } from './outlineModel';
import { plural, statusTooltip } from './wording';

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
    item.text = `$(book) ${plural(totals.papers, 'paper')} · ${plural(totals.problems, 'problem')}`;
    item.tooltip = statusTooltip(totals);
    item.show();
  };
  const subscription = model.onDidChange(update);
  update();
  return vscode.Disposable.from(item, subscription);
}
