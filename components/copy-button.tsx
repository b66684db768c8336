'use client';

import { useState } from 'react';

/**
 * Copies one value (an account number, the purpose line) to the clipboard, so a bank form gets it
 * without a typo; says so for a moment. Without the Clipboard API (an old browser, plain http) the
 * value stays selectable beside the button.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      className="ml-2 inline-flex min-h-8 items-center rounded border border-slate-300 px-2 text-xs font-medium text-slate-700 hover:bg-slate-50"
      data-testid="copy-button"
    >
      {/* The visible words start the button's name (WCAG 2.5.3); what it copies follows, for screen readers. */}
      <span aria-live="polite">
        {state === 'copied' ? 'Скопировано' : state === 'failed' ? 'Выделите и скопируйте' : 'Копировать'}
      </span>
      <span className="sr-only">: {label}</span>
    </button>
  );
}
