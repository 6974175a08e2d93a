import type { ReactNode } from 'react';

/** Stays focusable while busy (a disabled button drops keyboard focus); the form ignores repeat submits. */
export function SubmitButton({ busy, busyLabel, children, variant = 'primary' }: { busy: boolean; busyLabel: string; children: ReactNode; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" className={`button button-${variant}`} aria-disabled={busy || undefined}>
      {busy ? busyLabel : children}
    </button>
  );
}
