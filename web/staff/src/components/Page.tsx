import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

let isFirstPage = true;

interface PageProps {
  title: string;
  /**
   * The browser tab's title when the heading names a person or holds free text that may (a survivor's name, a
   * case's title): tab titles land in history, bookmarks and browser sync, far from the app's access rules.
   */
  documentTitle?: string;
  /** A line under the heading. */
  lead?: ReactNode;
  /** Buttons or links beside the heading. */
  actions?: ReactNode;
  width?: 'narrow' | 'wide';
  /** A link back to the list this page belongs to, shown above the heading. */
  back?: { to: string; label: string };
  children: ReactNode;
}

/**
 * One page: sets the document title and, after a navigation inside the app, moves focus to the heading so
 * screen readers announce where the person arrived.
 */
export function Page({ title, documentTitle = title, lead, actions, width = 'wide', back, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${documentTitle} · ${t('app.name')}`;
  }, [documentTitle, t]);

  useEffect(() => {
    if (!isFirstPage) heading.current?.focus();
    isFirstPage = false;
  }, []);

  return (
    <div className={`page page-${width}`}>
      {back && (
        <p className="back-link">
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      <div className="page-heading">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead && <p className="lead">{lead}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
