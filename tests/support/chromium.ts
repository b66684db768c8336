// How every browser here starts: Debian's Chromium when present (this machine cannot download
// Playwright's browsers), headless and quiet; Playwright's own browser elsewhere.
import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';

export const chromiumLaunchOptions: LaunchOptions = fs.existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    }
  : {};
