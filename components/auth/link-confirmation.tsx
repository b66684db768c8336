import type { ReactNode } from 'react';
import { TokenButtonForm } from '@/components/auth/token-button-form';
import { PageTitle } from '@/components/page-title';
import type { FormAction } from '@/lib/actions/result';

/**
 * The page a confirmation letter's link opens: a button that spends the link's token (a mail
 * scanner that opens links cannot), or, for a link already used or expired, what to do instead.
 */
export function LinkConfirmation({
  title,
  token,
  prompt,
  action,
  label,
  spent,
}: {
  title: string;
  /** The link's token when it can still be used; null when it is spent, expired or absent. */
  token: string | null;
  prompt: string;
  action: FormAction;
  label: string;
  spent: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle title={title} />
      <div className="card space-y-4">
        {token ? (
          <>
            <p>{prompt}</p>
            <TokenButtonForm action={action} token={token} label={label} pendingLabel="Подтверждаем…" />
          </>
        ) : (
          <p role="alert">{spent}</p>
        )}
      </div>
    </div>
  );
}
