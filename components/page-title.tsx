import type { ReactNode } from 'react';
import { KeepWhole } from '@/components/ui/keep-whole';

/**
 * The page's header: its title, a lead, and optionally the page's main action beside them (under
 * them on a phone, full width), so every page puts the same things in the same place. A number in
 * the title («Обращение № О-2026-000003») is never split at its hyphens on a narrow screen.
 */
export function PageTitle({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <>
      <h1>
        <KeepWhole text={title} />
      </h1>
      {lead ? <p className="mt-2 max-w-3xl text-slate-600">{lead}</p> : null}
    </>
  );
  if (!actions) return <div className="mb-6">{heading}</div>;
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">{heading}</div>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">{actions}</div>
    </div>
  );
}
