import type { ReactNode } from 'react';

/** Lets a wide table scroll sideways on a narrow screen; focusable so keyboard users can scroll it too. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
