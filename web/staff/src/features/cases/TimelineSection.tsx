import { useTranslation } from 'react-i18next';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useTimeline } from './caseContentApi.ts';
import { timelineText } from './timelineText.ts';

/** The whole story of the case, newest first: every change any module made, and who made it. */
export function TimelineSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(caseId, true);
  const events = timeline.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <section className="card case-timeline" aria-labelledby="case-timeline-heading">
      <h2 id="case-timeline-heading">{t('cases.timeline.title')}</h2>
      {timeline.isPending && <Loading />}
      {timeline.isError && <LoadError error={timeline.error} />}
      {timeline.data && events.length === 0 && <p className="muted">{t('cases.timeline.none')}</p>}
      {events.length > 0 && (
        <ol className="timeline">
          {events.map((event) => (
            <li key={event.id} className={event.kind.startsWith('deconfliction.') ? 'timeline-item timeline-deconfliction' : 'timeline-item'}>
              <p className="timeline-text">{timelineText(t, event)}</p>
              <p className="small muted">
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                {' · '}
                {event.actor.name ? t('cases.timeline.by', { name: event.actor.name, agency: event.actor.agencyName ?? '' }) : t('cases.timeline.byHaven')}
              </p>
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <button type="button" className="button button-secondary" onClick={() => void timeline.fetchNextPage()} aria-disabled={timeline.isFetchingNextPage || undefined}>
          {timeline.isFetchingNextPage ? t('common.loading') : t('cases.timeline.older')}
        </button>
      )}
    </section>
  );
}
