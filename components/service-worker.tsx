'use client';

import { useEffect } from 'react';

/**
 * Registers the service worker (app/sw.ts) outside `next dev`, once the page has loaded: its
 * client (@serwist/window) is fetched then, so it is not part of any page's first-load JavaScript.
 * Pages visited are never handed to the worker for caching: it keeps only the build's shared files.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV === 'development' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    const register = () => {
      void import('@serwist/window').then(({ Serwist }) => {
        if (!cancelled) void new Serwist('/serwist/sw.js', { scope: '/', type: 'module' }).register();
      });
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', register);
    };
  }, []);
  return null;
}
