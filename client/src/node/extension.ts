// The extension's Node entry (`main`, dist/extension.js): the language server runs in a Node process.
import type * as vscode from 'vscode';
import { activate as activateWith, deactivate, type PaperListApi } from '../extension';
import { createClient } from './createClient';

export function activate(context: vscode.ExtensionContext): PaperListApi {
  return activateWith(context, createClient);
}

export { deactivate };
