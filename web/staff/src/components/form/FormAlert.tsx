import { useEffect, useRef } from 'react';
import type { FormErrors } from './formErrors.ts';

/** The message at the top of a form. Announced, and focused so keyboard users land on it. */
export function FormAlert({ errors }: { errors: FormErrors | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors) ref.current?.focus();
  }, [errors]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={errors ? 'form-alert' : 'form-alert form-alert-empty'}>
      {errors?.message}
    </div>
  );
}
