import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { entityKindLabel, linkTypeLabel } from '../caseLabels.ts';
import type { Graph } from '../caseTypes.ts';
import { CHART_WIDTH, type Point } from './chartLayout.ts';
import { NODE_RADIUS, NodeShape, SHARED_COLOUR } from './chartShapes.tsx';

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif';
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
// A rough width of a label at 11px, for the white plate behind edge labels.
const textWidth = (text: string, size: number) => text.length * size * 0.56;

interface LinkChartProps {
  graph: Graph;
  positions: Map<string, Point>;
  height: number;
  expanded: readonly string[];
  onToggle: (nodeId: string) => void;
  title: string;
  description: string;
  svgRef: Ref<SVGSVGElement>;
}

/**
 * The link chart as SVG: everything drawn with presentation attributes, no page styles, so the same markup is
 * exported as an SVG file or drawn to a canvas for a PNG. Clicking a node expands it; the table below the
 * chart offers the same to keyboard and screen-reader users.
 */
export function LinkChart({ graph, positions, height, expanded, onToggle, title, description, svgRef }: LinkChartProps) {
  const { t } = useTranslation();
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width={CHART_WIDTH}
      height={height}
      className="link-chart"
      role="img"
      aria-labelledby="link-chart-title link-chart-desc"
      fontFamily={FONT}
    >
      <title id="link-chart-title">{title}</title>
      <desc id="link-chart-desc">{description}</desc>
      <rect width={CHART_WIDTH} height={height} fill="#ffffff" />
      {/* The title is drawn too, so an exported image says which case it shows. */}
      <text x={16} y={26} fontSize={14} fontWeight={700} fill="#1f2933">
        {title}
      </text>
      {graph.edges.map((edge) => {
        const a = positions.get(edge.from);
        const b = positions.get(edge.to);
        if (!a || !b) return null;
        const label = linkTypeLabel(t, edge.type);
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        const w = textWidth(label, 11) + 8;
        return (
          <g key={edge.id}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#5c6b7a" strokeWidth={1.5} />
            <rect x={mx - w / 2} y={my - 8} width={w} height={15} rx={3} fill="#ffffff" stroke="#c9d1da" />
            <text x={mx} y={my + 3.5} fontSize={11} textAnchor="middle" fill="#1f2933">
              {label}
            </text>
          </g>
        );
      })}
      {graph.nodes.map((node) => {
        const p = positions.get(node.id);
        if (!p) return null;
        const shared = node.sharedWithCases.length > 0;
        const label = clip(node.label, 26);
        const isExpanded = expanded.includes(node.id);
        return (
          <g key={node.id} transform={`translate(${p.x} ${p.y})`} onClick={() => onToggle(node.id)} cursor="pointer" data-node-id={node.id} data-shared={shared || undefined}>
            {shared && <circle r={NODE_RADIUS + 8} fill="none" stroke={SHARED_COLOUR} strokeWidth={3} strokeDasharray="6 3" />}
            <NodeShape kind={node.kind} dashed={!node.inCase} />
            {isExpanded && <circle r={4} fill="#1f2933" />}
            <text y={NODE_RADIUS + (shared ? 22 : 16)} fontSize={12} fontWeight={600} textAnchor="middle" fill="#1f2933" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
              {label}
            </text>
            <text y={NODE_RADIUS + (shared ? 36 : 30)} fontSize={10.5} textAnchor="middle" fill="#4f5d6b" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
              {shared ? t('cases.chart.sharedTag', { kind: entityKindLabel(t, node.kind), count: node.sharedWithCases.length }) : entityKindLabel(t, node.kind)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
