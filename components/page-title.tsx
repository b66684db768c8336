import type { ReactNode } from 'react';

export function PageTitle({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1>{title}</h1>
      {lead ? <p className="mt-2 max-w-3xl text-slate-600">{lead}</p> : null}
    </div>
  );
}
