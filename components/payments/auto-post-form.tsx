'use client';

import { useEffect, useRef } from 'react';

/** Hands the payer over to the gateway by POST (Robokassa with a 54-ФЗ receipt); a button if JS is off. */
export function AutoPostForm({ url, fields }: { url: string; fields: Record<string, string> }) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.submit();
  }, []);
  return (
    <form ref={ref} method="post" action={url}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="btn-primary">
        Перейти к оплате
      </button>
    </form>
  );
}
