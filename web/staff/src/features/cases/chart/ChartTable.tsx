import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { caseNumber, caseRoleLabel, entityKindLabel, linkTypeLabel } from '../caseLabels.ts';
import type { Graph } from '../caseTypes.ts';

/** The chart in words: every node and every link, with the same expand action as a click on the chart. */
export function ChartTable({ graph, expanded, onToggle }: { graph: Graph; expanded: readonly string[]; onToggle: (nodeId: string) => void }) {
  const { t } = useTranslation();
  const labelOf = (id: string) => graph.nodes.find((node) => node.id === id)?.label ?? '';
  return (
    <>
      <h2 id="chart-nodes-heading">{t('cases.chart.nodesTitle')}</h2>
      <ScrollRegion label={t('cases.chart.nodesTitle')}>
        <table className="table chart-table" aria-labelledby="chart-nodes-heading">
          <thead>
            <tr>
              <th scope="col">{t('cases.chart.entity')}</th>
              <th scope="col">{t('cases.chart.kind')}</th>
              <th scope="col">{t('cases.chart.role')}</th>
              <th scope="col">{t('cases.chart.sharedWith')}</th>
              <th scope="col">{t('cases.chart.expandColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.nodes.map((node) => (
              <tr key={node.id} data-shared={node.sharedWithCases.length > 0 || undefined}>
                <th scope="row">
                  {node.label}
                  {!node.inCase && <div className="small muted">{t('cases.chart.outsideCase')}</div>}
                </th>
                <td>{entityKindLabel(t, node.kind)}</td>
                <td>{node.roles.map((role) => caseRoleLabel(t, role)).join(', ') || <span className="muted">{t('cases.chart.noRole')}</span>}</td>
                <td>
                  {node.sharedWithCases.length === 0 ? (
                    <span className="muted">{t('cases.chart.notShared')}</span>
                  ) : (
                    <ul className="plain-list">
                      {node.sharedWithCases.map((other) => (
                        <li key={other.id}>
                          <Link to={`/cases/${other.id}`}>
                            {caseNumber(t, other.number)}: {other.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <button type="button" className="button button-secondary button-small" aria-pressed={expanded.includes(node.id)} onClick={() => onToggle(node.id)}>
                    {t('cases.chart.expand', { label: node.label })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2 id="chart-edges-heading">{t('cases.chart.edgesTitle')}</h2>
      {graph.edges.length === 0 ? (
        <p className="muted">{t('cases.links.none')}</p>
      ) : (
        <ul className="plain-list link-list" aria-labelledby="chart-edges-heading">
          {graph.edges.map((edge) => (
            <li key={edge.id}>{t('cases.links.sentence', { from: labelOf(edge.from), type: linkTypeLabel(t, edge.type), to: labelOf(edge.to) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
