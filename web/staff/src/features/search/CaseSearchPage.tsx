import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { atLeast } from '../cases/caseAbilities.ts';
import { CaseStatusBadge } from '../cases/CaseBadges.tsx';
import { caseNumber, entityKindLabel, identifierKindLabel } from '../cases/caseLabels.ts';
import type { CaseAccess } from '../cases/caseTypes.ts';
import { useCaseSearch } from './caseSearchApi.ts';
import '../cases/cases.css';

/** Search over cases and entities: the query is read at once as identifiers, as a name and as text. */
export function CaseSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const [tooShort, setTooShort] = useState(false);
  const search = useCaseSearch(q);
  const result = search.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    setTooShort(text.length < 2);
    if (text.length >= 2) setParams({ q: text });
  };

  return (
    <Page title={t('caseSearch.title')} lead={t('caseSearch.lead')}>
      <form className="filters search-form" role="search" aria-label={t('caseSearch.label')} noValidate onSubmit={submit}>
        <TextField path="search.q" label={t('caseSearch.query')} hint={t('caseSearch.queryHint')} type="search" spellCheck={false} value={draft} onValueChange={setDraft} error={tooShort ? t('caseSearch.tooShort') : undefined} />
        <div className="button-row">
          <button type="submit" className="button button-primary">
            {t('caseSearch.submit')}
          </button>
        </div>
      </form>
      {search.isFetching && !result && <Loading />}
      {search.isError && <LoadError error={search.error} />}
      {result && (
        <>
          <p className="search-reading">
            {result.query.identifiers.length > 0
              ? t('caseSearch.readAs', { identifiers: [...new Map(result.query.identifiers.map((i) => [i.kind, `${identifierKindLabel(t, i.kind)} ${i.value}`])).values()].join(', '), name: result.query.name })
              : t('caseSearch.readAsName', { name: result.query.name })}
          </p>
          <div className="search-group">
            <h2 id="search-cases-heading">{t('caseSearch.cases', { count: result.cases.length })}</h2>
            {result.cases.length === 0 ? (
              <p className="muted">{t('caseSearch.noCases')}</p>
            ) : (
              <ScrollRegion label={t('caseSearch.cases', { count: result.cases.length })}>
                <table className="table table-cases">
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.fields.case')}</th>
                      <th scope="col">{t('cases.fields.leadAgency')}</th>
                      <th scope="col">{t('cases.fields.status')}</th>
                      <th scope="col">{t('caseSearch.matchedOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.cases.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">
                          {atLeast(item.access, 'summary') ? <Link to={`/cases/${item.id}`}>{`${caseNumber(t, item.number)}: ${item.title}`}</Link> : `${caseNumber(t, item.number)}: ${item.title}`}
                        </th>
                        <td>{item.leadAgency.name}</td>
                        <td>
                          <CaseStatusBadge status={item.status} />
                        </td>
                        <td>{item.matchedOn.map((m) => t(`caseSearch.matched.${m}`, { defaultValue: m })).join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </div>
          <div className="search-group">
            <h2 id="search-entities-heading">{t('caseSearch.entities', { count: result.entities.length })}</h2>
            {result.entities.length === 0 ? (
              <p className="muted">{t('caseSearch.noEntities')}</p>
            ) : (
              <ul className="plain-list search-entities">
                {result.entities.map((entity) => (
                  <li key={entity.id} className="card search-entity">
                    <p>
                      <strong>{entity.label}</strong> ({entityKindLabel(t, entity.kind)}) · {t(`caseSearch.entityMatched.${entity.matchedOn}`)}
                    </p>
                    <ul className="plain-list small">
                      {entity.cases.map((c) => (
                        <li key={c.id}>
                          {atLeast(c.access as CaseAccess, 'summary') ? <Link to={`/cases/${c.id}`}>{`${caseNumber(t, c.number)}: ${c.title}`}</Link> : `${caseNumber(t, c.number)}: ${c.title}`}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </Page>
  );
}
