import { expect, it, vi } from 'vitest';
import { preferenceValues } from '@/lib/notifications/preferences';
import { createCompanyUser } from '../support/factories';
import { signInAs } from '../support/signed-in-browser';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));

const { saveCompanyPreferences } = await import('@/app/lk/(cabinet)/notifications/actions');
const t = useTestDatabase();

it('a company user sets their own notification preferences at /lk/notifications', async () => {
  const { user } = await createCompanyUser(t.db, { companyRole: 'engineer' });
  await signInAs(user);
  const form = new FormData();
  const current = await preferenceValues(t.db, user.id);
  for (const [field, on] of Object.entries({ ...current, sms_outage: true, notifyNewBill: false })) {
    if (on) form.set(field, 'on');
  }
  expect(await saveCompanyPreferences(null, form)).toMatchObject({ ok: true });
  expect(await preferenceValues(t.db, user.id)).toMatchObject({ sms_outage: true, notifyNewBill: false });
  await signInAs(null);
});
