'use client';

import { useEffect } from 'react';
import { forgetBalance, rememberBalance } from '@/lib/offline/last-balance';

/** Keeps the cabinet's key figure on this device for the offline page; renders nothing. */
export function RememberBalance({ figure }: { figure: string | null }) {
  useEffect(() => {
    if (figure) rememberBalance(figure);
    else forgetBalance();
  }, [figure]);
  return null;
}
