import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

let isFirstPage = true;

interface PageProps {
  title: string;
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
export function Page({ title, lead, actions, width = 'wide', back, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

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
