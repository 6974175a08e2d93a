import type { ReactNode } from 'react';

/** One term and its value in a `dl.details` grid, kept together so the grid never splits a pair. */
export function Fact({ term, children, className }: { term: string; children: ReactNode; className?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
