import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';

// In the browser: the operator bills a period from «Начисления», follows the run to
// its end, and a second start for the same period bills nothing and says so.
//
// The specs share one seeded database, and staff-readings.spec.ts (after this one) needs the current
// period unbilled (Kuznetsov's meter «нет показаний», not an estimate). So the journey bills the month
// before the seeded year: the month of the meters' initial readings, which the seed leaves unbilled
// and whose bills come to 0 ₽ (the readings are each meter's baseline) — no balance moves for later
// specs. It is the oldest «не начислен» month right below the billed ones in the period picker.

let runId: string | undefined;

test('staff bill a period, see the finished run with its counts, and a rerun bills nothing new', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.getByRole('navigation').getByRole('link', { name: 'Начисления' }).click();
  await expect(page).toHaveURL(/\/admin\/billing$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Начисления');

  // The picker marks what each month has; the page opens on the proposed one.
  const picker = page.getByLabel('Расчётный период');
  await expect(picker.locator('option:checked')).toContainText('(предлагается)');
  const options = await picker
    .locator('option')
    .evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const oldestBilled = options.findLastIndex((o) => o.text.includes('выставлено счетов'));
  expect(oldestBilled).toBeGreaterThan(0);
  const target = options[oldestBilled + 1]!;
  expect(target.text).toContain('не начислен');
  const label = target.text.replace(/ — .*$/, '');
  expect(label).toMatch(/^[а-я]+ \d{4}$/);

  await picker.selectOption(target.value);
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${target.value}`));
  const period = page.getByTestId('billing-period');
  await expect(period.getByRole('heading')).toHaveText(`Начисление за ${label}`);
  await expect(page.getByTestId('bills-issued')).toHaveText('0');
  const billable = Number(await page.getByTestId('billable').textContent());
  expect(billable).toBeGreaterThan(0);

  // The action answers before the run bills (it goes on after the response), so the page shows the
  // run in progress and polls its status route until it is done.
  const polled = page.waitForResponse((r) => /\/admin\/billing\/runs\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname));
  await period.getByRole('button', { name: `Начислить за ${label}` }).click();
  await expect(page).toHaveURL(new RegExp(`period=${target.value}&run=[0-9a-f-]{36}`));
  runId = new URL(page.url()).searchParams.get('run')!;
  expect((await polled).status()).toBe(200);

  // The progress panel follows the run to its end, then the page catches up.
  const run = page.getByTestId('billing-run');
  await expect(run).toHaveAttribute('data-status', 'done');
  await expect(run.getByTestId('run-status')).toHaveText('завершено');
  await expect(run.getByTestId('run-accounts')).toHaveText(String(billable));
  await expect(run.getByTestId('run-bills')).toHaveText(`${billable} из ${billable}`);
  await expect(run).toContainText('Смирнова Елена Андреевна');
  await expect(page.getByTestId('bills-issued')).toHaveText(String(billable));
  await expect(page.getByTestId('billable')).toHaveText('0');

  const row = page.locator(`[data-testid="billing-run-row"][data-run="${runId}"]`);
  await expect(row).toContainText(label);
  await expect(row).toContainText('Смирнова Елена Андреевна');
  await expect(row).toContainText('завершено');
  await expect(row.getByTestId('row-accounts')).toHaveText(String(billable));
  await expect(row.getByTestId('row-bills')).toHaveText(String(billable));
  await expect(row.locator('td').nth(2)).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

  // The status route the panel polls, as staff see it.
  const status = await page.request.get(`/admin/billing/runs/${runId}`);
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({
    id: runId,
    period: target.value,
    status: 'done',
    accountsTotal: billable,
    billsCreated: billable,
    error: null,
  });

  // Without JavaScript the page itself (its HTML as served) carries the run's state.
  const html = await (await page.request.get(`/admin/billing?period=${target.value}&run=${runId}`)).text();
  expect(html).toMatch(/data-testid="billing-run" data-status="done"/);

  // A rerun is safe and says why nothing happened; no new run, no new bill.
  const runRows = page.locator('[data-testid="billing-run-row"]');
  const rowsBefore = await runRows.count();
  await expect(page.getByTestId('nothing-new')).toContainText(
    `Счета за ${label} уже выставлены: ${billable}, новых нет`,
  );
  await period.getByRole('button', { name: `Начислить за ${label}` }).click();
  await expect(period.getByRole('status')).toHaveText(`Счета за ${label} уже выставлены: ${billable}, новых нет.`);
  await page.reload();
  await expect(page.getByTestId('bills-issued')).toHaveText(String(billable));
  await expect(page.getByTestId('billable')).toHaveText('0');
  await expect(runRows).toHaveCount(rowsBefore);
  await expect(page.locator('[data-testid="billing-run-row"]', { hasText: label })).toHaveCount(1);
});

test('the billing page and its status route are for staff only', async ({ page, playwright }) => {
  const id = runId ?? '00000000-0000-4000-8000-000000000000';
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await anonymous.get(`/admin/billing/runs/${id}`, { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  await anonymous.dispose();

  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/admin/billing');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fbilling$/);
  await expect(page.getByRole('heading', { name: 'Начисления' })).toHaveCount(0);
  const asSubscriber = await page.request.get(`/admin/billing/runs/${id}`, { maxRedirects: 0 });
  expect(asSubscriber.status()).toBe(403);
  expect(await asSubscriber.json()).toEqual({ error: 'Ход начисления доступен только сотрудникам' });
});
