import type { EntityKind } from '../caseTypes.ts';

/** Each kind has its own colour and its own shape, so the chart never relies on colour alone. */
export const KIND_STYLE: Record<EntityKind, { fill: string; stroke: string; shape: string }> = {
  person: { fill: '#dbe8f6', stroke: '#1f4e79', shape: 'circle' },
  organization: { fill: '#ece3f7', stroke: '#5b2f91', shape: 'square' },
  location: { fill: '#dff2e5', stroke: '#1b6b3a', shape: 'house' },
  phone: { fill: '#fde7d4', stroke: '#9a3b05', shape: 'diamond' },
  email: { fill: '#d9f1f5', stroke: '#0b5f73', shape: 'envelope' },
  vehicle: { fill: '#f3ead1', stroke: '#6b4f00', shape: 'hexagon' },
  online_account: { fill: '#fbe1ee', stroke: '#a3154f', shape: 'triangle' },
  payment_handle: { fill: '#e6e9ee', stroke: '#3b4656', shape: 'octagon' },
};

export const NODE_RADIUS = 18;
export const SHARED_COLOUR = '#b42318';

function polygon(sides: number, radius: number, rotation: number): string {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / sides;
    return `${(radius * Math.cos(angle)).toFixed(1)},${(radius * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
}

/** The outline of one kind, centred on 0,0; `dashed` for entities that sit outside this case. */
export function NodeShape({ kind, dashed, scale = 1 }: { kind: EntityKind; dashed: boolean; scale?: number }) {
  const { fill, stroke, shape } = KIND_STYLE[kind];
  const r = NODE_RADIUS * scale;
  const paint = { fill, stroke, strokeWidth: 2.5, strokeDasharray: dashed ? '5 3' : undefined };
  switch (shape) {
    case 'circle':
      return <circle r={r} {...paint} />;
    case 'square':
      return <rect x={-r * 0.85} y={-r * 0.85} width={r * 1.7} height={r * 1.7} rx={3} {...paint} />;
    case 'house':
      return <polygon points={`0,${-r} ${r},${-r * 0.15} ${r * 0.8},${r * 0.9} ${-r * 0.8},${r * 0.9} ${-r},${-r * 0.15}`} {...paint} />;
    case 'diamond':
      return <polygon points={`0,${-r * 1.1} ${r * 1.1},0 0,${r * 1.1} ${-r * 1.1},0`} {...paint} />;
    case 'envelope':
      return (
        <g>
          <rect x={-r * 1.1} y={-r * 0.7} width={r * 2.2} height={r * 1.4} rx={2} {...paint} />
          <polyline points={`${-r * 1.1},${-r * 0.7} 0,${r * 0.15} ${r * 1.1},${-r * 0.7}`} fill="none" stroke={stroke} strokeWidth={1.5} />
        </g>
      );
    case 'hexagon':
      return <polygon points={polygon(6, r, 0)} {...paint} />;
    case 'triangle':
      return <polygon points={`0,${-r * 1.1} ${r * 1.05},${r * 0.8} ${-r * 1.05},${r * 0.8}`} {...paint} />;
    default:
      return <polygon points={polygon(8, r, Math.PI / 8)} {...paint} />;
  }
}
