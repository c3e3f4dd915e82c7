import * as vscode from 'vscode';
import type { OutlineEntry, OutlineNode, OutlineResult, OutlineSeverity } from '../../server/src/shared/protocol';
import type { OutlineModel } from './outlineModel';
import { entryTooltip, plural, sectionTooltip, type FindingText } from './wording';

/** A heading of the list, with the entries and subsections that pass the filter. */
export interface SectionNode {
  kind: 'section';
  id: string;
  section: OutlineNode;
  parent?: SectionNode;
  sections: SectionNode[];
  entries: EntryNode[];
  /** Entries in the subtree that pass the filter. */
  matching: number;
}

export interface EntryNode {
  kind: 'entry';
  id: string;
  entry: OutlineEntry;
  parent?: SectionNode | DuplicateNode;
  /** The heading path shown for copies in the duplicates group. */
  sectionTitle?: string;
  /** The last line of the entry's text: the line before the next entry or heading. */
  lastLine: number;
}

/** A paper listed in more than one section, or the group that holds all of them. */
export interface DuplicateNode {
  kind: 'duplicates' | 'duplicate';
  id: string;
  title: string;
  parent?: DuplicateNode;
  children: (DuplicateNode | EntryNode)[];
}

export type PaperNode = SectionNode | EntryNode | DuplicateNode;

const severityIcons: Record<OutlineSeverity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

/**
 * The Paper List sidebar: the server's outline as a tree of sections with their paper counts, entries
 * under them, and a group of the papers that several sections list. Node ids stay the same across
 * refreshes, so expanded sections stay expanded while the user types.
 */
export class PaperTreeProvider implements vscode.TreeDataProvider<PaperNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<PaperNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  roots: PaperNode[] = [];
  /** Every entry node in document order, for following the cursor. */
  private entryNodes: EntryNode[] = [];
  private sectionNodes: SectionNode[] = [];
  filter = '';
  /** Whether sections without papers (News, a table of contents) are shown; they are hidden by default. */
  showEmpty = false;
  /** Every section, shown or hidden, for the commands that act on the section at the cursor. */
  private everySection: SectionNode[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: OutlineModel) {
    this.subscription = model.onDidChange(() => this.rebuild());
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', 'paperList.filtered', Boolean(this.filter));
    this.rebuild();
  }

  setShowEmpty(show: boolean): void {
    this.showEmpty = show;
    void vscode.commands.executeCommand('setContext', 'paperList.showEmptySections', show);
    this.rebuild();
  }

  /** Maps the outline to nodes; the filter matches the entry's whole line (title, authors, venue and year). */
  rebuild(): void {
    const outline = this.model.outline;
    const document = this.model.document;
    this.entryNodes = [];
    this.sectionNodes = [];
    this.everySection = [];
    this.roots = outline && document ? this.build(outline, document) : [];
    this.changeEmitter.fire(undefined);
  }

  private build(outline: OutlineResult, document: vscode.TextDocument): PaperNode[] {
    const needle = this.filter.toLowerCase();
    const matches = (entry: OutlineEntry): boolean =>
      !needle || (entry.line < document.lineCount && document.lineAt(entry.line).text.toLowerCase().includes(needle));
    // Entry text runs to the line before the next entry or heading.
    const starts: number[] = [];
    const collect = (nodes: OutlineNode[], entries: OutlineEntry[]): void => {
      for (const entry of entries) starts.push(entry.line);
      for (const node of nodes) {
        starts.push(node.line);
        collect(node.children, node.entries);
      }
    };
    collect(outline.sections, outline.entries);
    starts.sort((a, b) => a - b);
    const lastLineOf = (line: number): number => {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid] <= line) low = mid + 1;
        else high = mid;
      }
      return low < starts.length ? Math.max(line, starts[low] - 1) : Math.max(line, document.lineCount - 1);
    };
    const entryNode = (entry: OutlineEntry, parentId: string, index: number, parent?: SectionNode): EntryNode => {
      const node: EntryNode = { kind: 'entry', id: `${parentId}/e${index}`, entry, parent, lastLine: lastLineOf(entry.line) };
      this.entryNodes.push(node);
      return node;
    };
    const sectionNode = (section: OutlineNode, id: string, parent?: SectionNode): SectionNode | undefined => {
      const node: SectionNode = { kind: 'section', id, section, parent, sections: [], entries: [], matching: 0 };
      node.entries = section.entries.filter(matches).map((entry, index) => entryNode(entry, id, index, node));
      node.sections = section.children
        .map((child, index) => sectionNode(child, `${id}/${index}`, node))
        .filter((child): child is SectionNode => child !== undefined);
      node.matching = node.entries.length + node.sections.reduce((sum, child) => sum + child.matching, 0);
      this.everySection.push(node);
      if (needle && !node.matching) return undefined;
      if (!this.showEmpty && !section.totalCount) return undefined;
      this.sectionNodes.push(node);
      return node;
    };
    const roots: PaperNode[] = outline.entries.filter(matches).map((entry, index) => entryNode(entry, 'root', index));
    outline.sections.forEach((section, index) => {
      const node = sectionNode(section, `s${index}`);
      if (node) roots.push(node);
    });
    this.entryNodes.sort((a, b) => a.entry.line - b.entry.line);
    this.sectionNodes.sort((a, b) => a.section.line - b.section.line);
    this.everySection.sort((a, b) => a.section.line - b.section.line);
    const duplicates = this.duplicates(outline);
    if (duplicates) roots.push(duplicates);
    return roots;
  }

  /** Papers listed under more than one heading (the same identity as the server's), with one child per copy. */
  private duplicates(outline: OutlineResult): DuplicateNode | undefined {
    const copies = new Map<string, { entry: OutlineEntry; section: string }[]>();
    const visit = (nodes: OutlineNode[], path: string): void => {
      for (const node of nodes) {
        const sectionPath = path ? `${path} › ${node.title}` : node.title;
        for (const entry of node.entries) {
          const key = entry.identity;
          const list = copies.get(key) ?? [];
          list.push({ entry, section: sectionPath });
          copies.set(key, list);
        }
        visit(node.children, sectionPath);
      }
    };
    visit(outline.sections, '');
    const needle = this.filter.toLowerCase();
    const group: DuplicateNode = { kind: 'duplicates', id: 'duplicates', title: 'Listed in several sections', children: [] };
    for (const [key, list] of copies) {
      if (new Set(list.map((copy) => copy.section)).size < 2) continue;
      if (needle && !key.includes(needle)) continue;
      const paper: DuplicateNode = { kind: 'duplicate', id: `duplicates/${key}`, title: list[0].entry.title, parent: group, children: [] };
      paper.children = list.map((copy, index) => ({
        kind: 'entry',
        id: `${paper.id}/${index}`,
        entry: copy.entry,
        parent: paper,
        sectionTitle: copy.section,
        lastLine: copy.entry.line,
      }));
      group.children.push(paper);
    }
    return group.children.length ? group : undefined;
  }

  getChildren(node?: PaperNode): PaperNode[] {
    if (!node) return this.roots;
    if (node.kind === 'section') return [...node.entries, ...node.sections];
    if (node.kind === 'entry') return [];
    return node.children;
  }

  getParent(node: PaperNode): PaperNode | undefined {
    return node.parent;
  }

  getTreeItem(node: PaperNode): vscode.TreeItem {
    const uri = this.model.document?.uri;
    if (node.kind === 'section') {
      const { section } = node;
      const count = this.filter ? `${node.matching} of ${section.totalCount}` : `${section.totalCount}`;
      const item = new vscode.TreeItem(
        `${section.title} · ${count}`,
        node.sections.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = node.id;
      item.contextValue = 'paperList.section';
      // The problems of the section: an error or warning icon, the counts, and a coloured label and badge
      // through the file decoration of the section's own URI (see SectionDecorations).
      const { errors, warnings } = section;
      item.iconPath = errors ? severityIcons.error : warnings ? severityIcons.warning : new vscode.ThemeIcon('symbol-namespace');
      item.description = errors || warnings ? [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ') : undefined;
      item.resourceUri = sectionUri(node.id, errors, warnings);
      item.tooltip = sectionTooltip(section, { errors, warnings });
      if (uri) item.command = revealCommand(uri, section.line);
      return item;
    }
    if (node.kind === 'entry') {
      const { entry } = node;
      const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.contextValue = entry.severity ? 'paperList.entry.problem' : 'paperList.entry';
      item.description = node.sectionTitle ?? (entry.year !== undefined ? String(entry.year) : '');
      item.iconPath = entry.severity ? severityIcons[entry.severity] : new vscode.ThemeIcon('book');
      const findings = uri ? this.findingsOf(uri, node) : [];
      item.tooltip = entryTooltip(entry, findings.map((finding) => ({ severity: severityWord(finding.severity), message: finding.message })));
      if (uri) item.command = revealCommand(uri, entry.line);
      return item;
    }
    const item = new vscode.TreeItem(
      node.kind === 'duplicates' ? `${node.title} · ${node.children.length}` : node.title,
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.contextValue = `paperList.${node.kind}`;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'duplicates' ? 'copy' : 'book');
    if (node.kind === 'duplicate') item.description = `${node.children.length} sections`;
    return item;
  }

  /** The diagnostics on the lines of an entry, for its tooltip. */
  findingsOf(uri: vscode.Uri, node: EntryNode): vscode.Diagnostic[] {
    return vscode.languages
      .getDiagnostics(uri)
      .filter((diagnostic) => diagnostic.range.start.line >= node.entry.line && diagnostic.range.start.line <= node.lastLine);
  }

  /** The deepest node at a line: the entry whose text holds it, else the section whose heading comes last before it. */
  nodeAt(line: number): PaperNode | undefined {
    const entry = lastAtOrBefore(this.entryNodes, line, (node) => node.entry.line);
    if (entry && line <= entry.lastLine) return entry;
    return lastAtOrBefore(this.sectionNodes, line, (node) => node.section.line);
  }

  /** The section node that holds a line, for the commands that act on "this section", shown in the tree or not. */
  sectionAt(line: number): SectionNode | undefined {
    return lastAtOrBefore(this.everySection, line, (node) => node.section.line);
  }

  get sections(): readonly SectionNode[] {
    return this.sectionNodes;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function lastAtOrBefore<T>(sorted: readonly T[], line: number, lineOf: (item: T) => number): T | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineOf(sorted[mid]) <= line) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? sorted[low - 1] : undefined;
}

/** The scheme of the URIs that carry a section row's problem counts to SectionDecorations. */
export const sectionScheme = 'paperlist-section';

function sectionUri(id: string, errors: number, warnings: number): vscode.Uri {
  return vscode.Uri.from({ scheme: sectionScheme, path: `/${id}`, query: `errors=${errors}&warnings=${warnings}` });
}

/** Colours a section row and gives it a badge with its number of problems, as the Explorer does for files. */
export class SectionDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== sectionScheme) return undefined;
    const query = new URLSearchParams(uri.query);
    const errors = Number(query.get('errors')) || 0;
    const warnings = Number(query.get('warnings')) || 0;
    const count = errors + warnings;
    if (!count) return undefined;
    const color = new vscode.ThemeColor(errors ? 'list.errorForeground' : 'list.warningForeground');
    // A badge holds at most two characters.
    return new vscode.FileDecoration(count > 99 ? '99' : String(count), [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', '), color);
  }
}

export function revealCommand(uri: vscode.Uri, line: number): vscode.Command {
  return { title: 'Reveal', command: 'paperList.revealLine', arguments: [uri, line] };
}

function severityWord(severity: vscode.DiagnosticSeverity): FindingText['severity'] {
  return (['Error', 'Warning', 'Info', 'Hint'] as const)[severity] ?? 'Problem';
}
