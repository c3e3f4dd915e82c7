// The "Add Paper from BibTeX" input box: it opens at once, and the clipboard only fills it in afterwards.
// In browser VS Code reading the clipboard may wait on a permission prompt or an error notification, which
// must not stand between the user and the box.

/** The part of `vscode.InputBox` the prompt uses. */
export interface PromptBox {
  title: string | undefined;
  prompt: string | undefined;
  placeholder: string | undefined;
  value: string;
  ignoreFocusOut: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
  onDidAccept(listener: () => void): unknown;
  onDidHide(listener: () => void): unknown;
  onDidChangeValue(listener: (value: string) => void): unknown;
}

/** An input box can hold one line: line breaks become spaces so that words on either side stay apart. */
export function bibtexPrefill(clipboard: string): string {
  return /@\w+\s*\{/.test(clipboard) ? clipboard.replace(/\s*\r?\n\s*/g, ' ').trim() : '';
}

/**
 * Shows the box, then reads the clipboard (when `readClipboard` is given) and fills the box with the
 * BibTeX it holds, unless the user typed meanwhile. Resolves with the accepted text, or undefined.
 */
export function promptForBibtex(box: PromptBox, readClipboard?: () => PromiseLike<string>): Promise<string | undefined> {
  box.title = 'Add Paper from BibTeX';
  box.prompt = 'Paste one or more BibTeX entries, such as @article{key, title={…}, author={…}, year={…}}';
  box.placeholder = '@article{…}';
  box.ignoreFocusOut = true;
  let typed = false;
  let done = false;
  const answer = new Promise<string | undefined>((resolve) => {
    box.onDidChangeValue(() => {
      typed = true;
    });
    box.onDidAccept(() => {
      done = true;
      resolve(box.value);
      box.hide();
    });
    box.onDidHide(() => {
      if (!done) resolve(undefined);
      done = true;
      box.dispose();
    });
  });
  box.show();
  if (readClipboard) {
    Promise.resolve()
      .then(readClipboard)
      .then(
        (clipboard) => {
          const prefill = bibtexPrefill(clipboard ?? '');
          if (prefill && !typed && !done) box.value = prefill;
        },
        () => undefined,
      );
  }
  return answer;
}
