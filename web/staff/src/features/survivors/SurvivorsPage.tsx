import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { SURVIVOR_PERMISSIONS } from './survivorAbilities.ts';
import { SurvivorsTable } from './SurvivorsTable.tsx';
import { useSurvivorList } from './survivorsApi.ts';
import './survivors.css';

export function SurvivorsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const list = useSurvivorList(q);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  };

  return (
    <Page
      title={t('survivors.list.title')}
      lead={t('survivors.list.lead', { agency: me.agency.name })}
      actions={
        hasAnyPermission(me, ...SURVIVOR_PERMISSIONS.create) && (
          <Link to="/survivors/new" className="button button-primary">
            {t('survivors.list.new')}
          </Link>
        )
      }
    >
      <form role="search" aria-label={t('survivors.list.searchLabel')} className="form card survivor-search" noValidate onSubmit={search}>
        <TextField path="survivors.q" label={t('survivors.list.search')} hint={t('survivors.list.searchHint')} optional value={typed} onValueChange={setTyped} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('survivors.list.searchSubmit')}
          </button>
          {q && (
            <button type="button" className="button button-secondary" onClick={() => { setTyped(''); setParams({}); }}>
              {t('common.clearFilters')}
            </button>
          )}
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} />}
      {list.data && <SurvivorsTable survivors={list.data} searched={Boolean(q)} />}
    </Page>
  );
}
