/**
 * A labelled form field with its problem under it: the label names the input, the problem is
 * tied to it with aria-describedby (so a screen reader reads it with the field, and the field's
 * name stays just its label).
 */
import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

export function Field({ label, error, children }: { label: ReactNode; error?: string | undefined; children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? <span id={errorId} className="problem">{error}</span> : null}
    </div>
  );
}
