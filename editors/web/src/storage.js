// The officer's work kept across a reload, in this browser's own storage only.
const prefix = 'csa.';
export const store = {
  get(key) {
    try { return localStorage.getItem(prefix + key); } catch { return null; }
  },
  set(key, value) {
    // A full or disabled storage must not stop the editing.
    try { localStorage.setItem(prefix + key, value); } catch { /* kept for this visit only */ }
  },
};
