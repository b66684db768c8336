import { expect, linkFromLetter, letterText, loginAt, test, signInStaff } from './support/fixtures';

// Registration and the staff queue: a household registers the seeded unregistered account 50010004,
// confirms the e-mail, is rejected once (wrong name), applies again and is approved.

const email = 'kuznetsov.e2e@example.com';
const password = 'Зимний вечер у печки';

async function fillRegistration(
  page: import('@playwright/test').Page,
  values: { number: string; name?: string; email?: string },
) {
  await page.goto('/fiz/register');
  await page.getByLabel(/^Номер абонента/).fill(values.number);
  await page.getByLabel(/^ФИО/).fill(values.name ?? 'Кузнецов Дмитрий Андреевич');
  await page.getByLabel(/^Электронная почта/).fill(values.email ?? email);
  await page.getByLabel(/^Телефон/).fill('8 (916) 555-12-34');
  await page.getByLabel(/^Адрес, по которому/).fill('г. Истра, ул. Ленина, д. 5, кв. 12');
  await page.getByLabel(/^Пароль\*?$/).fill(password);
  await page.getByLabel(/^Пароль ещё раз/).fill(password);
  await page.getByLabel(/Даю согласие/).check();
}

test.describe.configure({ mode: 'serial' });

test('wrong registration inputs get Russian messages and write nothing', async ({ page }) => {
  await page.goto('/fiz/register');
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByText('Укажите номер абонента')).toBeVisible();
  await expect(page.getByText('Заполните поле «ФИО»')).toBeVisible();
  await expect(page.getByText('Без согласия на обработку персональных данных')).toBeVisible();
  // Focus lands on the first invalid field so keyboard users can fix it straight away.
  await expect(page.getByLabel(/^Номер абонента/)).toBeFocused();

  await fillRegistration(page, { number: '12345' });
  await page.getByLabel(/^Пароль ещё раз/).fill('something else');
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByText('Номер абонента — от 6 до 12 цифр')).toBeVisible();
  await expect(page.getByText('Пароли не совпадают')).toBeVisible();

  await fillRegistration(page, { number: '99999999' });
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(
    page.getByText(/нет в нашем реестре\. Номер абонента указан в договоре энергоснабжения и в квитанции/),
  ).toBeVisible();
  // What was typed survives a refused submission.
  await expect(page.getByLabel(/^ФИО/)).toHaveValue('Кузнецов Дмитрий Андреевич');

  await fillRegistration(page, { number: '70020001' });
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByText(/лицевой счёт организации/)).toBeVisible();

  await fillRegistration(page, { number: '50010001' });
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await expect(page.getByText(/уже зарегистрирован\. Если кабинет ваш/)).toBeVisible();

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByText(`Писем для ${email} нет.`)).toBeVisible();
});

test('register, confirm, get rejected, apply again, get approved, log in', async ({ page, browser }) => {
  await test.step('apply with a misspelt name', async () => {
    await fillRegistration(page, { number: '5001 0004', name: 'Кузнецов Дмитрий' });
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(page).toHaveURL(/\/fiz\/register\/sent$/);
    await expect(page.getByText('Заявка обрабатывается до двух суток')).toBeVisible();
  });

  await test.step('cannot log in before confirming the e-mail', async () => {
    await loginAt(page, '/fiz/login', '50010004', password);
    await expect(page.getByRole('alert').filter({ hasText: 'ещё не подтверждён' })).toBeVisible();
  });

  await test.step('confirm from the letter', async () => {
    const link = await linkFromLetter(page, email, /Подтвердите адрес/, '/fiz/register/confirm');
    await page.goto(link);
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    await expect(page).toHaveURL(/\/fiz\/register\/confirmed$/);
    await expect(page.getByText(/обрабатывается до двух суток/)).toBeVisible();
    await loginAt(page, '/fiz/login', email, password);
    await expect(page.getByRole('alert').filter({ hasText: 'проверяется' })).toBeVisible();
    // The link works once.
    await page.goto(link);
    await expect(page.getByText('Ссылка устарела или уже использована')).toBeVisible();
  });

  const staff = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.99.1' } });
  await test.step('staff compare with the registry and reject with a reason', async () => {
    await signInStaff(staff, 'operator@example.com');
    await staff.getByRole('link', { name: 'Заявки на регистрацию' }).first().click();
    const application = staff.getByTestId('registration').filter({ hasText: '50010004' });
    await expect(application).toContainText('Кузнецов Дмитрий');
    await expect(application).toContainText('Кузнецов Дмитрий Андреевич'); // the registry's holder
    await expect(application).toContainText(/ждёт \d+ мин из 2 суток/);
    await application.getByRole('button', { name: 'Отклонить' }).click();
    await expect(application.getByText('Напишите причину отказа')).toBeVisible();
    await application.getByLabel(/Причина отказа/).fill('ФИО не совпадает с договором: укажите полное отчество');
    await application.getByRole('button', { name: 'Отклонить' }).click();
    await expect(staff.getByText('Заявка отклонена: Кузнецов Дмитрий')).toBeVisible();
  });

  await test.step('the applicant learns why and cannot log in', async () => {
    const text = await letterText(page, email, /отклонена/);
    expect(text).toContain('укажите полное отчество');
    await loginAt(page, '/fiz/login', '50010004', password);
    await expect(page.getByRole('alert').filter({ hasText: 'отказано' })).toBeVisible();
  });

  await test.step('apply again with the full name and confirm', async () => {
    await fillRegistration(page, { number: '50010004' });
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await expect(page).toHaveURL(/\/fiz\/register\/sent$/);
    await page.goto(await linkFromLetter(page, email, /Подтвердите адрес/, '/fiz/register/confirm'));
    await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
    await expect(page).toHaveURL(/\/fiz\/register\/confirmed$/);
  });

  await test.step('staff approve', async () => {
    await staff.goto('/admin/registrations');
    const application = staff.getByTestId('registration').filter({ hasText: '50010004' });
    await application.getByRole('button', { name: 'Одобрить' }).click();
    await expect(staff.getByText('Доступ открыт: Кузнецов Дмитрий Андреевич')).toBeVisible();
    await staff.reload();
    await expect(staff.getByTestId('registration').filter({ hasText: '50010004' })).toHaveCount(0);
  });

  await test.step('the subscriber is told and logs in with the account number', async () => {
    await linkFromLetter(page, email, /Доступ к личному кабинету открыт/, '/fiz/login');
    await loginAt(page, '/fiz/login', '50010004', password);
    await expect(page).toHaveURL(/\/fiz$/);
    await expect(page.getByTestId('account-number')).toHaveText('50010004');
    await expect(page.getByTestId('signed-in-user')).toHaveText('Кузнецов Дмитрий Андреевич');
  });
});
