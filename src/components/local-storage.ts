/**
 * The page's localStorage, or null where the browser refuses it (privacy
 * modes, disabled storage): edits and progress are then simply not kept, and
 * nothing breaks.
 */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
