import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { ActivationLinkPanel } from './ActivationLinkPanel.tsx';
import { useNewActivationLink, useUpdateUser, useUserAction, type UserAction } from './usersApi.ts';

/** What an administrator can do to an account besides editing it. Each action says what it did. */
export function UserAccountActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const action = useUserAction(user.id);
  const newLink = useNewActivationLink(user.id);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [activationUrl, setActivationUrl] = useState<string | null>(null);

  const started = () => {
    setStatus(null);
    setError(null);
  };
  const failed = (cause: unknown) => setError(describeError(t, cause));

  const run = (name: UserAction) => {
    started();
    action.mutate(name, {
      onSuccess: (answer) => setStatus('ended' in answer ? t('users.actions.sessionsEnded', { count: answer.ended }) : t(`users.actions.done.${name}`)),
      onError: failed,
    });
  };
  const setDisabled = (disabled: boolean) => {
    started();
    update.mutate({ disabled }, { onSuccess: () => setStatus(disabled ? t('users.actions.done.disable') : t('users.actions.done.enable')), onError: failed });
  };
  const issueLink = () => {
    started();
    newLink.mutate(undefined, { onSuccess: (answer) => setActivationUrl(answer.activationUrl), onError: failed });
  };

  const isDisabled = user.status === 'disabled';
  return (
    <section className="card" aria-labelledby="user-actions-heading">
      <h2 id="user-actions-heading">{t('users.actions.title')}</h2>
      <StatusMessage message={status} takeFocus />
      {error && (
        <div className="form-alert" role="alert">
          {error}
        </div>
      )}
      <ul className="action-list">
        {user.status === 'locked' && (
          <ActionItem explain={t('users.actions.unlockExplain')} label={t('users.actions.unlock')} onClick={() => run('unlock')} />
        )}
        {user.status === 'invited' && (
          <ActionItem explain={t('users.actions.newLinkExplain')} label={t('users.actions.newLink')} onClick={issueLink} />
        )}
        {user.mfaEnrolled && (
          <ActionItem explain={t('users.actions.resetMfaExplain')} label={t('users.actions.resetMfa')} onClick={() => run('reset-mfa')} />
        )}
        <ActionItem explain={t('users.actions.endSessionsExplain')} label={t('users.actions.endSessions')} onClick={() => run('end-sessions')} />
        <ActionItem
          explain={isDisabled ? t('users.actions.enableExplain') : t('users.actions.disableExplain')}
          label={isDisabled ? t('users.actions.enable') : t('users.actions.disable')}
          danger={!isDisabled}
          onClick={() => setDisabled(!isDisabled)}
        />
      </ul>
      {activationUrl && <ActivationLinkPanel user={user} activationUrl={activationUrl} />}
    </section>
  );
}

function ActionItem({ label, explain, onClick, danger = false }: { label: string; explain: string; onClick: () => void; danger?: boolean }) {
  return (
    <li className="action-item">
      <button type="button" className={danger ? 'button button-danger' : 'button button-secondary'} onClick={onClick}>
        {label}
      </button>
      <p className="hint">{explain}</p>
    </li>
  );
}
