import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { TextEntryForm } from './TextEntryForm.tsx';
import { useMessageReporter } from './tipsApi.ts';
import type { TipDetail } from './tipTypes.ts';

/** The conversation with the reporter, who reads it on the public follow-up page with their receipt. */
export function TipConversation({ tip, canWrite }: { tip: TipDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const send = useMessageReporter(tip.id);
  return (
    <section className="card" aria-labelledby="tip-conversation-heading">
      <h2 id="tip-conversation-heading">{t('tips.conversation.title')}</h2>
      <p className="hint">{t('tips.conversation.explain')}</p>
      {tip.messages.length === 0 ? (
        <p className="muted">{t('tips.conversation.none')}</p>
      ) : (
        <ol className="thread" aria-label={t('tips.conversation.title')}>
          {tip.messages.map((message) => {
            const toReporter = message.direction === 'to_reporter';
            return (
              <li key={message.id} className={toReporter ? 'thread-item thread-out' : 'thread-item thread-in'}>
                <p className="thread-meta">
                  <strong>{toReporter ? t('tips.conversation.toReporter', { author: message.author ?? t('tips.conversation.taskForce') }) : t('tips.conversation.fromReporter')}</strong>
                  {' · '}
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                  {toReporter && (
                    <>
                      {' · '}
                      <span className={message.readByReporter ? 'read-state read-yes' : 'read-state'}>{message.readByReporter ? t('tips.conversation.read') : t('tips.conversation.unread')}</span>
                    </>
                  )}
                </p>
                <p className="thread-body">{message.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {canWrite && (
        <TextEntryForm
          name="message"
          label={t('tips.conversation.label')}
          hint={t('tips.conversation.hint')}
          submitLabel={t('tips.conversation.send')}
          doneMessage={t('tips.conversation.sent')}
          busy={send.isPending}
          send={(body, callbacks) => send.mutate(body, callbacks)}
        />
      )}
    </section>
  );
}
