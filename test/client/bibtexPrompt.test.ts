import assert from 'node:assert/strict';
import { test } from 'node:test';
import { promptForBibtex, type PromptBox } from '../../client/src/bibtexPrompt';

/** A stand-in for vscode.InputBox that records what happened, in order. */
function fakeBox(events: string[]): PromptBox & { accept(): void; type(value: string): void } {
  const accepted: (() => void)[] = [];
  const hidden: (() => void)[] = [];
  const changed: ((value: string) => void)[] = [];
  const box = {
    title: undefined as string | undefined,
    prompt: undefined as string | undefined,
    placeholder: undefined as string | undefined,
    value: '',
    ignoreFocusOut: false,
    show: () => events.push('box shown'),
    hide: () => hidden.forEach((listener) => listener()),
    dispose: () => undefined,
    onDidAccept: (listener: () => void) => accepted.push(listener),
    onDidHide: (listener: () => void) => hidden.push(listener),
    onDidChangeValue: (listener: (value: string) => void) => changed.push(listener),
    accept: () => accepted.forEach((listener) => listener()),
    type: (value: string) => {
      box.value = value;
      changed.forEach((listener) => listener(value));
    },
  };
  return box;
}

test('BibTeX prompt: the box opens before the clipboard answers, even when it never does (issue 15)', async () => {
  const events: string[] = [];
  const box = fakeBox(events);
  const answer = promptForBibtex(box, () => {
    events.push('clipboard read');
    return new Promise<string>(() => undefined);
  });
  await Promise.resolve();
  assert.equal(events[0], 'box shown');
  box.type('@misc{a, title={T}}');
  box.accept();
  assert.equal(await answer, '@misc{a, title={T}}');
});

test('BibTeX prompt: the clipboard fills the box with its BibTeX, but never over what the user typed', async () => {
  const events: string[] = [];
  const box = fakeBox(events);
  const answer = promptForBibtex(box, async () => '@misc{a,\n  title={T}\n}');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(box.value, '@misc{a, title={T} }');
  box.accept();
  assert.equal(await answer, '@misc{a, title={T} }');

  const typedFirst = fakeBox([]);
  let release: (text: string) => void = () => undefined;
  const later = promptForBibtex(typedFirst, () => new Promise<string>((resolve) => (release = resolve)));
  typedFirst.type('@article{mine, title={M}}');
  release('@misc{other, title={O}}');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(typedFirst.value, '@article{mine, title={M}}');
  typedFirst.hide();
  assert.equal(await later, undefined);
});
