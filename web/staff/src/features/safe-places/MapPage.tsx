import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { useDirectoryPlaces } from './directoryPoints.ts';
import { PlacesMap, type MapLayer } from './PlacesMap.tsx';
import { kindLabel, openNowLabel } from './safePlaceLabels.ts';
import { SAFE_PLACE_KINDS, useMapSettings, useSafePlaces } from './safePlacesApi.ts';
import './safePlaces.css';

// One colour per layer, on the map and beside each row of the list.
const LAYER_COLORS = { 'safe-places': '#0b5cab', providers: '#1b6b3a', hubs: '#7a3a9a' } as const;
type LayerName = keyof typeof LAYER_COLORS;

interface ListRow {
  key: string;
  layer: LayerName;
  name: string;
  href: string;
  detail: string;
  where: string;
  open: string;
  isOpen: boolean | null;
  lat: number | null;
  lng: number | null;
}

/**
 * The staff map: Safe Places, directory providers and hubs, with filters. The list under it always carries
 * the same places; when the tile server cannot be reached, or none is configured, the list is shown alone.
 * A provider with a confidential location is only ever listed, by its area.
 */
export function MapPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const readsDirectory = hasAnyPermission(me, 'read:directory:any');
  const settings = useMapSettings();
  const places = useSafePlaces({ active: 'true' });
  const [shown, setShown] = useState<Record<LayerName, boolean>>({ 'safe-places': true, providers: false, hubs: false });
  const [openOnly, setOpenOnly] = useState(false);
  const [kind, setKind] = useState('');
  const [tilesFailed, setTilesFailed] = useState(false);
  const directory = useDirectoryPlaces({ providers: readsDirectory && shown.providers, hubs: readsDirectory && shown.hubs });

  const rows = useMemo<ListRow[]>(() => {
    const out: ListRow[] = [];
    if (shown['safe-places']) {
      for (const p of places.data ?? []) {
        if (kind && p.kind !== kind) continue;
        out.push({ key: `s-${p.id}`, layer: 'safe-places', name: p.name, href: `/safe-places/${p.id}`, detail: `${t('map.layers.safe-places')} · ${kindLabel(t, p.kind)}`, where: `${p.address}, ${p.city}, ${p.state} ${p.zip}`, open: openNowLabel(t, p.openNow), isOpen: p.openNow.isOpen, lat: p.lat, lng: p.lng });
      }
    }
    for (const [layer, list] of [['providers', directory.providers], ['hubs', directory.hubs]] as const) {
      for (const d of list) {
        const where = d.confidential ? `${t('map.confidential')}${d.where ? ` · ${d.where}` : ''}` : d.where;
        const open = d.openNow === null ? t('map.hoursUnknown') : d.openNow ? t('map.openNow') : t('map.closedNow');
        out.push({ key: `${layer}-${d.id}`, layer, name: d.name, href: d.href, detail: t(`map.layers.${layer}`), where, open, isOpen: d.openNow, lat: d.lat, lng: d.lng });
      }
    }
    return openOnly ? out.filter((r) => r.isOpen === true) : out;
  }, [places.data, directory.providers, directory.hubs, shown, kind, openOnly, t]);

  const layers = useMemo<MapLayer[]>(
    () =>
      (Object.keys(LAYER_COLORS) as LayerName[]).map((name) => ({
        name,
        label: t(`map.layers.${name}`),
        color: LAYER_COLORS[name],
        points: rows.filter((r) => r.layer === name && r.lat !== null && r.lng !== null).map((r) => ({ id: r.key, lat: r.lat!, lng: r.lng!, title: r.name, detail: `${r.where} · ${r.open}` })),
      })),
    [rows, t],
  );
  const tileUrl = settings.data?.tileUrl ?? null;
  const toggle = (name: LayerName) => (checked: boolean) => setShown((old) => ({ ...old, [name]: checked }));

  return (
    <Page title={t('map.title')} lead={t('map.lead')}>
      <form className="filters filters-grid map-filters" aria-label={t('map.filters')} onSubmit={(event) => event.preventDefault()}>
        <fieldset className="map-layers">
          <legend>{t('map.layersLegend')}</legend>
          <CheckboxField path="map.safePlaces" label={t('map.layers.safe-places')} checked={shown['safe-places']} onCheckedChange={toggle('safe-places')} />
          {readsDirectory && <CheckboxField path="map.providers" label={t('map.layers.providers')} checked={shown.providers} onCheckedChange={toggle('providers')} />}
          {readsDirectory && <CheckboxField path="map.hubs" label={t('map.layers.hubs')} checked={shown.hubs} onCheckedChange={toggle('hubs')} />}
        </fieldset>
        <CheckboxField path="map.openOnly" label={t('map.openOnly')} checked={openOnly} onCheckedChange={setOpenOnly} />
        <SelectField path="map.kind" label={t('map.safePlaceKind')} value={kind} onValueChange={setKind} options={[{ value: '', label: t('safePlaces.filters.anyKind') }, ...SAFE_PLACE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))]} />
      </form>
      {(settings.isPending || places.isPending) && <Loading />}
      {settings.isError && <LoadError error={settings.error} />}
      {places.isError && <LoadError error={places.error} />}
      {directory.error && <LoadError error={directory.error} />}
      {settings.data && !tileUrl && <p className="notice">{t('map.noTiles')}</p>}
      {tilesFailed && (
        <p className="notice" role="status">
          {t('map.tilesFailed')}
        </p>
      )}
      {settings.data && tileUrl && !tilesFailed && <PlacesMap layers={layers} tileUrl={tileUrl} attribution={settings.data.attribution} onUnavailable={() => setTilesFailed(true)} />}
      {places.data && (
        <div className="map-list">
          <h2 id="map-list-heading">{t('map.listTitle', { count: rows.length })}</h2>
          {rows.length === 0 ? (
            <p>{t('map.nothingShown')}</p>
          ) : (
            <ScrollRegion label={t('map.listTitle', { count: rows.length })}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('safePlaces.fields.name')}</th>
                    <th scope="col">{t('map.layer')}</th>
                    <th scope="col">{t('map.where')}</th>
                    <th scope="col">{t('safePlaces.openNow')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <td>
                        <Link to={row.href}>{row.name}</Link>
                      </td>
                      <td>
                        <span className={`map-swatch map-swatch-${row.layer}`} aria-hidden="true" /> {row.detail}
                      </td>
                      <td>{row.where}</td>
                      <td>{row.open}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </div>
      )}
    </Page>
  );
}
