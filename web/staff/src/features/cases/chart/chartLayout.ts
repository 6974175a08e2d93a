import { ENTITY_KINDS, type GraphEdge, type GraphNode } from '../caseTypes.ts';

export interface Point {
  x: number;
  y: number;
}

export const CHART_WIDTH = 960;
const MAX_HEIGHT = 640;

/** A few entities fit a low chart; many get the full height. */
export function chartHeight(nodeCount: number): number {
  return Math.min(MAX_HEIGHT, Math.max(300, 220 + 70 * nodeCount));
}
const MARGIN = 70;
const ITERATIONS = 160;

/** The same graph always starts in the same order: in-case entities first, by kind, then by label. */
function ordered(nodes: readonly GraphNode[]): GraphNode[] {
  const rank = (node: GraphNode) => ENTITY_KINDS.indexOf(node.kind);
  return [...nodes].sort((a, b) => Number(b.inCase) - Number(a.inCase) || rank(a) - rank(b) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/**
 * Places the nodes: on a circle grouped by kind, then a few rounds of a force-directed pull (Fruchterman and
 * Reingold: every pair repels, every link attracts, a little gravity keeps islands on screen). No randomness,
 * so one graph always looks the same and two people describing a chart see the same picture.
 */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], width = CHART_WIDTH, height = chartHeight(nodes.length)): Map<string, Point> {
  const list = ordered(nodes);
  const n = list.length;
  const positions = new Map<string, Point>();
  const cx = width / 2;
  const cy = height / 2;
  if (n === 0) return positions;
  if (n === 1) {
    positions.set(list[0]!.id, { x: cx, y: cy });
    return positions;
  }
  const radius = Math.min(width, height) / 2 - MARGIN;
  const pos = list.map((_, i) => ({ x: cx + radius * Math.cos((2 * Math.PI * i) / n - Math.PI / 2), y: cy + radius * Math.sin((2 * Math.PI * i) / n - Math.PI / 2) }));
  const index = new Map(list.map((node, i) => [node.id, i]));
  const links = edges.flatMap((edge) => {
    const a = index.get(edge.from);
    const b = index.get(edge.to);
    return a === undefined || b === undefined || a === b ? [] : [[a, b] as const];
  });
  const k = 0.75 * Math.sqrt(((width - 2 * MARGIN) * (height - 2 * MARGIN)) / n);

  for (let round = 0; round < ITERATIONS; round++) {
    const moves = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i]!.x - pos[j]!.x;
        const dy = pos[i]!.y - pos[j]!.y;
        const distance = Math.max(Math.hypot(dx, dy), 0.5);
        const force = (k * k) / distance;
        moves[i]!.x += (dx / distance) * force;
        moves[i]!.y += (dy / distance) * force;
        moves[j]!.x -= (dx / distance) * force;
        moves[j]!.y -= (dy / distance) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a]!.x - pos[b]!.x;
      const dy = pos[a]!.y - pos[b]!.y;
      const distance = Math.max(Math.hypot(dx, dy), 0.5);
      const force = (distance * distance) / k;
      moves[a]!.x -= (dx / distance) * force;
      moves[a]!.y -= (dy / distance) * force;
      moves[b]!.x += (dx / distance) * force;
      moves[b]!.y += (dy / distance) * force;
    }
    const temperature = (width / 12) * (1 - round / ITERATIONS) + 1;
    for (let i = 0; i < n; i++) {
      const move = moves[i]!;
      move.x += (cx - pos[i]!.x) * 0.05 * k * 0.1;
      move.y += (cy - pos[i]!.y) * 0.05 * k * 0.1;
      const length = Math.max(Math.hypot(move.x, move.y), 0.01);
      const step = Math.min(length, temperature);
      pos[i]!.x = Math.min(width - MARGIN, Math.max(MARGIN, pos[i]!.x + (move.x / length) * step));
      pos[i]!.y = Math.min(height - MARGIN, Math.max(MARGIN, pos[i]!.y + (move.y / length) * step));
    }
  }
  list.forEach((node, i) => positions.set(node.id, { x: Math.round(pos[i]!.x), y: Math.round(pos[i]!.y) }));
  return positions;
}
