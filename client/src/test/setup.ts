import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { sessionStore } from '../api/session';

// findBy* and waitFor wait up to 1 s by default: a page's first render took longer on a busy machine (load 50 on two
// cores). The budget is generous; a test that passes still ends as soon as its element shows up.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
  };
}

afterEach(() => {
  cleanup();
  sessionStore.clear('signed-out');
  localStorage.clear();
});
