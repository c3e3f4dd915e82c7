// The editor-independent core: no imports of vscode, the LSP runtime or node: modules.
export * from './blocks';
export * from './config';
export * from './fix';
export * from './analysis/houseStyleOf';
export * from './lint';
export * from './model';
export * from './parseList';
export * from './rule';
export * from './rules/index';
export * from './text';
export * from './changedFindings';
