import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { readLinkToken } from '../auth/linkToken.ts';
import { SetupForm } from './SetupForm.tsx';

/** First start: the person holding the link printed on the server console creates the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const [token] = useState(() => readLinkToken(window.location.hash));
  const status = useQuery({
    queryKey: ['setup-status'],
    queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup/status', { expectUnauthorized: true }),
    refetchOnWindowFocus: false,
  });

  let body;
  if (status.isPending) body = <Loading />;
  else if (status.isError) body = <LoadError error={status.error} />;
  else if (!status.data.needsSetup) {
    body = (
      <div className="card">
        <p>{t('setup.alreadyDone')}</p>
        <p>
          <Link to="/sign-in">{t('setup.goToSignIn')}</Link>
        </p>
      </div>
    );
  } else if (!token) {
    body = (
      <div className="card">
        <p>{t('setup.missingToken')}</p>
      </div>
    );
  } else body = <SetupForm token={token} />;

  return (
    <Page title={t('setup.title')} lead={t('setup.lead')} width="narrow">
      {body}
    </Page>
  );
}
