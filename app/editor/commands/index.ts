/**
 * Every change the editor makes to a document, as undoable commands.
 * The store runs them (`execute`), the history keeps them.
 */
export * from './command'
export * from './document'
export * from './edges'
export * from './move'
export * from './nodes'
export * from './notes'
export * from './remove'
