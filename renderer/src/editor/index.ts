export { NoteEditor, type NoteEditorProps } from './note-editor';
export { EditToggle, useEditMode, isEditToggleKey } from './edit-toggle';
export { hasUnsavedChanges, useUnsavedGuard } from './unsaved-registry';
export { conflictCopyPath } from './conflict-copy-path';
export { describeRescue, type RescueReport } from './rescue-text';
export { transition, initialDocState, type DocState, type DocInput, type DocStatus, type Resolution } from './conflict-machine';
