import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { CheckboxGroup } from '../../../components/form/CheckboxGroup.tsx';
import { Loading, LoadError } from '../../../components/Loading.tsx';
import { Page } from '../../../components/Page.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { NotFoundPage } from '../../layout/NotFoundPage.tsx';
import { caseNumber, codeOptions, entityKindLabel } from '../caseLabels.ts';
import { useCaseGraph } from '../caseContentApi.ts';
import { useCase } from '../casesApi.ts';
import { ENTITY_KINDS, type Graph } from '../caseTypes.ts';
import { ChartTable } from './ChartTable.tsx';
import { downloadPng, downloadSvg } from './chartExport.ts';
import { chartHeight, layoutGraph } from './chartLayout.ts';
import { NodeShape, SHARED_COLOUR } from './chartShapes.tsx';
import { LinkChart } from './LinkChart.tsx';
import '../cases.css';

function LegendMark({ children }: { children: ReactNode }) {
  return (
    <svg className="legend-mark" width={24} height={24} viewBox="-12 -12 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** Only the chosen kinds, and the links between what is left. */
function filterGraph(graph: Graph, kinds: readonly string[]): Graph {
  const nodes = graph.nodes.filter((node) => kinds.includes(node.kind));
  const ids = new Set(nodes.map((node) => node.id));
  return { nodes, edges: graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)) };
}

export function CaseChartPage() {
  const { caseId = '' } = useParams();
  return <ChartView key={caseId} caseId={caseId} />;
}

function ChartView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([...ENTITY_KINDS]);
  const [status, setStatus] = useState<string | null>(null);
  const graph = useCaseGraph(caseId, expanded);
  const svg = useRef<SVGSVGElement>(null);
  // Positions come from the whole graph, so hiding a kind does not move everything else.
  const positions = useMemo(() => (graph.data ? layoutGraph(graph.data.nodes, graph.data.edges) : new Map()), [graph.data]);
  const shown = useMemo(() => (graph.data ? filterGraph(graph.data, kinds) : null), [graph.data, kinds]);

  const notFound = [kase.error, graph.error].some((error) => error instanceof ApiError && error.status === 404);
  if (notFound) return <NotFoundPage />;

  const number = kase.data ? caseNumber(t, kase.data.number) : t('cases.case');
  const fileName = `case-${kase.data?.number ?? ''}-link-chart`;
  const toggle = (nodeId: string) => {
    setStatus(null);
    setExpanded((old) => (old.includes(nodeId) ? old.filter((id) => id !== nodeId) : [...old, nodeId]));
  };
  const exportPng = () => {
    if (!svg.current) return;
    downloadPng(svg.current, `${fileName}.png`).then(
      () => setStatus(t('cases.chart.exported', { format: 'PNG' })),
      () => setStatus(t('cases.chart.exportFailed')),
    );
  };
  const exportSvg = () => {
    if (!svg.current) return;
    downloadSvg(svg.current, `${fileName}.svg`);
    setStatus(t('cases.chart.exported', { format: 'SVG' }));
  };
  const sharedNodes = shown?.nodes.filter((node) => node.sharedWithCases.length > 0) ?? [];

  return (
    <Page back={{ to: `/cases/${caseId}`, label: t('cases.chart.back', { number }) }} title={t('cases.chart.title', { number })} lead={t('cases.chart.lead')}>
      {(kase.isError || graph.isError) && <LoadError error={kase.error ?? graph.error} />}
      {graph.isPending && <Loading />}
      {shown && (
        <>
          <div className="chart-tools">
            <CheckboxGroup
              path="chart.kinds"
              legend={t('cases.chart.filter')}
              options={codeOptions(t, ENTITY_KINDS, entityKindLabel)}
              selected={kinds}
              onSelectedChange={setKinds}
            />
            <div className="chart-export" role="group" aria-labelledby="chart-export-label">
              <p id="chart-export-label" className="chart-export-label">
                {t('cases.chart.export')}
              </p>
              <div className="button-row">
                <button type="button" className="button button-secondary" onClick={exportPng}>
                  {t('cases.chart.exportPng')}
                </button>
                <button type="button" className="button button-secondary" onClick={exportSvg}>
                  {t('cases.chart.exportSvg')}
                </button>
              </div>
            </div>
          </div>
          <StatusMessage message={status} />
          <ul className="chart-legend" aria-label={t('cases.chart.legend')}>
            {ENTITY_KINDS.map((kind) => (
              <li key={kind}>
                <LegendMark>
                  <NodeShape kind={kind} dashed={false} scale={0.55} />
                </LegendMark>
                {entityKindLabel(t, kind)}
              </li>
            ))}
            <li>
              <LegendMark>
                <circle r={9} fill="none" stroke={SHARED_COLOUR} strokeWidth={2.5} strokeDasharray="4 2" />
              </LegendMark>
              {t('cases.chart.legendShared')}
            </li>
            <li>
              <LegendMark>
                <circle r={8} fill="#ffffff" stroke="#5c6b7a" strokeWidth={2} strokeDasharray="4 2" />
              </LegendMark>
              {t('cases.chart.legendOutside')}
            </li>
          </ul>
          <p className="hint">{t('cases.chart.clickHint')}</p>
          <ScrollRegion label={t('cases.chart.title', { number })}>
            <LinkChart
              graph={shown}
              positions={positions}
              height={chartHeight(graph.data?.nodes.length ?? 0)}
              expanded={expanded}
              onToggle={toggle}
              svgRef={svg}
              title={t('cases.chart.title', { number })}
              description={t('cases.chart.description', { nodes: shown.nodes.length, edges: shown.edges.length })}
            />
          </ScrollRegion>
          {sharedNodes.length > 0 && (
            <section className="card shared-list" aria-labelledby="chart-shared-heading">
              <h2 id="chart-shared-heading">{t('cases.chart.sharedTitle')}</h2>
              <ul className="plain-list">
                {sharedNodes.map((node) => (
                  <li key={node.id} data-testid="shared-entity">
                    <strong>{node.label}</strong> ({entityKindLabel(t, node.kind)}):{' '}
                    {node.sharedWithCases.map((other, index) => (
                      <span key={other.id}>
                        {index > 0 && ', '}
                        <Link to={`/cases/${other.id}`}>
                          {caseNumber(t, other.number)}: {other.title}
                        </Link>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ChartTable graph={shown} expanded={expanded} onToggle={toggle} />
        </>
      )}
    </Page>
  );
}
