// Editor-independent language features: pure functions over the core model that return plain data with offsets.
export * from './completions';
export * from './edits';
export * from './entries';
export * from './exportEntries';
export * from './hover';
export * from './outline';
export * from './references';
export * from './renumber';
export * from './symbols';
export * from './ruleActions';
