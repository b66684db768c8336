// Every message is built once from a list of parts, so the HTML and the text versions always
// say the same thing. Links must be absolute (a mail client has no base URL).

export type TemplateName =
  | 'email_confirm'
  | 'registration_existing_email'
  | 'registration_approved'
  | 'registration_rejected'
  | 'password_reset'
  | 'password_changed'
  | 'email_change_confirm'
  | 'email_change_notice'
  | 'reading_reminder'
  | 'payment_received'
  | 'payment_refunded'
  | 'company_invite'
  | 'service_request_update'
  | 'debt_notice'
  | 'company_email_confirm'
  | 'company_application_update'
  | 'appeal_confirm'
  | 'appeal_update'
  | 'outage_notice'
  | 'news_mailing'
  | 'autopay_notice'
  | 'bill_issued'
  | 'month_estimated'
  | 'readings_window_opens'
  | 'readings_reply';

/** Letters whose link carries a one-time token: once delivered, the outbox keeps them without it. */
export const TOKEN_TEMPLATES: ReadonlySet<TemplateName> = new Set([
  'email_confirm',
  'password_reset',
  'email_change_confirm',
  'company_invite',
  'company_email_confirm',
  // A guest's link to their appeal is their only key to it.
  'appeal_confirm',
]);

export const REDACTED_LINK = '[ссылка удалена после отправки]';

/** The letter without its links (a token lives only in a link); the rest stays for support. */
export function withoutLinks(body: string): string {
  return body.replace(/https?:\/\/[^\s<>"']+/g, REDACTED_LINK);
}

export interface RenderedEmail {
  template: TemplateName;
  subject: string;
  html: string;
  text: string;
}

interface Common {
  /** The utility's name as people know it (utility_profile.short_name). */
  utilityName: string;
}

type Part = string | { link: string; label: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const font = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif";

function htmlPart(part: Part): string {
  if (typeof part === 'string') {
    return `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(part).replaceAll('\n', '<br>')}</p>`;
  }
  const href = escapeHtml(part.link);
  // The raw address under the button is for clients that strip styles or block the button.
  return (
    `<p style="margin:24px 0 8px"><a href="${href}" style="display:inline-block;background:#155bb3;color:#ffffff;` +
    `text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold">${escapeHtml(part.label)}</a></p>` +
    `<p style="margin:0 0 24px;font-size:13px;color:#64748b;line-height:1.4">Если кнопка не открывается, скопируйте ссылку в браузер:<br>` +
    `<a href="${href}" style="color:#155bb3;word-break:break-all">${href}</a></p>`
  );
}

function textPart(part: Part): string {
  return typeof part === 'string' ? part : `${part.label}: ${part.link}`;
}

const NO_REPLY_FOOTER = 'Письмо отправлено автоматически, отвечать на него не нужно.';

function compose(
  template: TemplateName,
  utilityName: string,
  subject: string,
  parts: Part[],
  footer = NO_REPLY_FOOTER,
): RenderedEmail {
  const name = escapeHtml(utilityName);
  const html = [
    '<!doctype html>',
    `<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f1f5f9;${font};color:#0f172a">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9;padding:24px 12px"><tr><td align="center">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px">',
    `<tr><td style="padding:20px 24px;border-bottom:3px solid #155bb3;font-size:18px;font-weight:bold;color:#0d2c55">${name}</td></tr>`,
    `<tr><td style="padding:24px;font-size:15px">${parts.map(htmlPart).join('')}</td></tr>`,
    `<tr><td style="padding:16px 24px;border-top:1px solid #e2e8f0;font-size:12px;color:#64748b;line-height:1.4">${escapeHtml(footer)}<br>${name}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
  const text = [...parts.map(textPart), '—', footer, utilityName].join('\n\n') + '\n';
  return { template, subject, html, text };
}

const hello = (fullName: string) => `Здравствуйте, ${fullName}!`;

export function renderEmailConfirm(
  data: Common & { fullName: string; accountNumber: string; link: string },
): RenderedEmail {
  return compose('email_confirm', data.utilityName, 'Подтвердите адрес электронной почты', [
    hello(data.fullName),
    `Вы подали заявку на регистрацию в личном кабинете абонента ${data.utilityName}, номер абонента ${data.accountNumber}. Чтобы продолжить, подтвердите адрес электронной почты.`,
    { link: data.link, label: 'Подтвердить адрес электронной почты' },
    'Ссылка действует 24 часа.',
    'После подтверждения сотрудники проверят заявку — заявка обрабатывается до двух суток. Когда доступ будет открыт, мы сообщим об этом письмом.',
    'Если вы не регистрировались, просто проигнорируйте это письмо.',
  ]);
}

export function renderRegistrationExistingEmail(data: Common & { link: string }): RenderedEmail {
  return compose('registration_existing_email', data.utilityName, 'Регистрация с вашим адресом электронной почты', [
    'Здравствуйте!',
    `Кто-то начал регистрацию в личном кабинете абонента ${data.utilityName} с этим адресом электронной почты, но учётная запись с ним уже есть.`,
    'Если это были вы, войдите в личный кабинет или восстановите пароль:',
    { link: data.link, label: 'Восстановить пароль' },
    'Если нет — просто проигнорируйте письмо, с вашей учётной записью ничего не случится.',
  ]);
}

export function renderRegistrationApproved(
  data: Common & { fullName: string; accountNumber: string; loginLink: string },
): RenderedEmail {
  return compose('registration_approved', data.utilityName, 'Доступ к личному кабинету открыт', [
    hello(data.fullName),
    `Заявка на регистрацию по номеру абонента ${data.accountNumber} одобрена. Теперь вы можете пользоваться личным кабинетом: передавать показания, смотреть счета и оплачивать их.`,
    'Для входа используйте номер абонента или адрес электронной почты и пароль, который вы указали при регистрации.',
    { link: data.loginLink, label: 'Войти в личный кабинет' },
  ]);
}

export function renderRegistrationRejected(
  data: Common & { fullName: string; accountNumber: string; reason: string; contactsLink: string },
): RenderedEmail {
  return compose('registration_rejected', data.utilityName, 'Заявка на регистрацию отклонена', [
    hello(data.fullName),
    `К сожалению, заявку на регистрацию по номеру абонента ${data.accountNumber} одобрить не удалось.`,
    `Причина: ${data.reason}`,
    'Если у вас есть вопросы или вы хотите уточнить данные договора, свяжитесь с нами:',
    { link: data.contactsLink, label: 'Контакты' },
  ]);
}

export function renderPasswordReset(data: Common & { fullName: string; link: string }): RenderedEmail {
  return compose('password_reset', data.utilityName, 'Восстановление пароля', [
    hello(data.fullName),
    `Мы получили запрос на восстановление пароля к личному кабинету абонента ${data.utilityName}. Чтобы задать новый пароль, перейдите по ссылке:`,
    { link: data.link, label: 'Задать новый пароль' },
    'Ссылка действует 1 час и сработает только один раз.',
    'Обратите внимание: после того как вы зададите новый пароль, все привязанные банковские карты будут удалены, а все сеансы входа завершены — войти нужно будет заново на каждом устройстве.',
    'Если вы не запрашивали восстановление пароля, просто проигнорируйте это письмо — пароль останется прежним.',
  ]);
}

export function renderPasswordChanged(
  data: Common & { fullName: string; when: string; resetLink: string },
): RenderedEmail {
  return compose('password_changed', data.utilityName, 'Пароль изменён', [
    hello(data.fullName),
    `Пароль к вашему личному кабинету абонента ${data.utilityName} был изменён: ${data.when}.`,
    'Если это сделали вы, ничего делать не нужно.',
    'Если вы пароль не меняли, как можно скорее восстановите его по ссылке и свяжитесь с нами:',
    { link: data.resetLink, label: 'Восстановить пароль' },
  ]);
}

export function renderEmailChangeConfirm(
  data: Common & { fullName: string; newEmail: string; link: string },
): RenderedEmail {
  return compose('email_change_confirm', data.utilityName, 'Подтвердите новый адрес электронной почты', [
    hello(data.fullName),
    `Вы указали ${data.newEmail} как новый адрес электронной почты для входа в личный кабинет абонента ${data.utilityName}. Чтобы подтвердить его, перейдите по ссылке:`,
    { link: data.link, label: 'Подтвердить новый адрес' },
    'Ссылка действует 24 часа. Пока адрес не подтверждён, для входа используется прежний.',
    'Если вы не запрашивали смену адреса, просто проигнорируйте это письмо.',
  ]);
}

export function renderEmailChangeNotice(data: Common & { fullName: string; newEmail: string }): RenderedEmail {
  return compose('email_change_notice', data.utilityName, 'Запрошена смена адреса электронной почты', [
    hello(data.fullName),
    `Поступил запрос сменить адрес электронной почты для входа в личный кабинет абонента ${data.utilityName} на ${data.newEmail}. Адрес изменится только после подтверждения по ссылке, отправленной на новый адрес.`,
    'Если это были вы, ничего делать не нужно.',
    'Если это были не вы, как можно скорее смените пароль в личном кабинете и свяжитесь с нами.',
  ]);
}

export function renderReadingReminder(
  data: Common & {
    fullName: string;
    accountNumbers: string[];
    periodLabel: string;
    closesOn: string;
    link: string;
    profileLink: string;
    /** The signed reply address: the subscriber may answer the letter with the readings. */
    replyTo?: string | null;
  },
): RenderedEmail {
  const accounts =
    data.accountNumbers.length > 1
      ? `лицевым счетам ${data.accountNumbers.join(', ')}`
      : `лицевому счёту ${data.accountNumbers[0] ?? ''}`;
  const byReply = data.replyTo
    ? [
        'Можно просто ответить на это письмо: напишите показания в первой строке, например «12345», а для двухзонного счётчика — «день 12345 ночь 6789». Мы проверим их по тем же правилам, что и в личном кабинете, и ответим, приняты ли они.',
      ]
    : [];
  return compose(
    'reading_reminder',
    data.utilityName,
    `Передайте показания до ${data.closesOn}`,
    [
      hello(data.fullName),
      `Напоминаем: показания счётчиков за ${data.periodLabel} по ${accounts} принимаются до ${data.closesOn} включительно.`,
      'Без показаний объём начисляется по среднему потреблению, а через три месяца — по нормативу, который обычно заметно выше реального расхода.',
      ...byReply,
      { link: data.link, label: 'Передать показания' },
      `Отключить напоминания можно в профиле: ${data.profileLink}`,
    ],
    data.replyTo ? 'На это письмо можно ответить показаниями.' : NO_REPLY_FOOTER,
  );
}

/** The answer to readings sent by a reply letter: what was accepted, or why not. */
export function renderReadingsReply(data: Common & { accepted: boolean; answer: string; link: string }): RenderedEmail {
  return compose('readings_reply', data.utilityName, data.accepted ? 'Показания приняты' : 'Показания не приняты', [
    'Здравствуйте!',
    data.answer,
    { link: data.link, label: data.accepted ? 'Открыть личный кабинет' : 'Передать показания в личном кабинете' },
  ]);
}

export function renderPaymentReceived(
  data: Common & { fullName: string | null; accountNumber: string; amount: string; invId: number; when: string },
): RenderedEmail {
  return compose('payment_received', data.utilityName, `Платёж ${data.amount} получен`, [
    data.fullName ? hello(data.fullName) : 'Здравствуйте!',
    `Мы получили оплату ${data.amount} по лицевому счёту ${data.accountNumber} (${data.when}, платёж № ${data.invId}).`,
    'Кассовый чек по 54-ФЗ придёт отдельным письмом от платёжного сервиса. Спасибо, что платите вовремя!',
  ]);
}

export function renderPaymentRefunded(
  data: Common & {
    fullName: string | null;
    accountNumber: string;
    amount: string;
    paymentAmount: string;
    invId: number;
    paidOn: string;
    when: string;
    policyLink: string;
  },
): RenderedEmail {
  return compose('payment_refunded', data.utilityName, `Возврат ${data.amount} по платежу № ${data.invId}`, [
    data.fullName ? hello(data.fullName) : 'Здравствуйте!',
    `Мы оформили возврат ${data.amount} по платежу № ${data.invId} от ${data.paidOn} на ${data.paymentAmount} (лицевой счёт ${data.accountNumber}), ${data.when}.`,
    'Деньги вернутся на ту же карту, с которой был оплачен платёж. Срок зачисления зависит от банка, выпустившего карту, и может составить до 30 дней.',
    `Возвращённая сумма снова учитывается в задолженности по лицевому счёту ${data.accountNumber}: её видно в разделе «Платежи» личного кабинета.`,
    { link: data.policyLink, label: 'Порядок возврата денежных средств' },
  ]);
}

export function renderCompanyInvite(
  data: Common & { fullName: string; companyName: string; roleLabel: string; invitedBy: string; link: string },
): RenderedEmail {
  return compose('company_invite', data.utilityName, `Приглашение в кабинет ${data.companyName}`, [
    hello(data.fullName),
    `${data.invitedBy} приглашает вас в кабинет юридического лица ${data.companyName} в ${data.utilityName}. Ваша роль: ${data.roleLabel}.`,
    'Чтобы принять приглашение, задайте пароль по ссылке. Логином будет этот адрес электронной почты.',
    { link: data.link, label: 'Принять приглашение' },
    'Ссылка действует 3 суток и сработает только один раз.',
    'Если вы не ждали этого письма, просто проигнорируйте его — без пароля в кабинет никто не войдёт.',
  ]);
}

/** A paid-service request changed (ordered, priced, paid, scheduled, done, cancelled). */
export function renderServiceRequestUpdate(
  data: Common & { fullName: string; number: number; title: string; headline: string; details: string[]; link: string },
): RenderedEmail {
  return compose('service_request_update', data.utilityName, `Заявка № ${data.number}: ${data.headline}`, [
    hello(data.fullName),
    `Заявка № ${data.number} «${data.title}»: ${data.headline}.`,
    ...data.details,
    { link: data.link, label: 'Открыть заявку' },
  ]);
}

/** A debt notice (warning of restriction, or a reminder below the threshold); the PDF is in the cabinet. */
export function renderDebtNotice(
  data: Common & {
    fullName: string;
    accountNumber: string;
    debt: string;
    payBy: string;
    warning: boolean;
    link: string;
  },
): RenderedEmail {
  const subject = data.warning
    ? `Предупреждение о задолженности по лицевому счёту ${data.accountNumber}`
    : `Напоминание о задолженности по лицевому счёту ${data.accountNumber}`;
  return compose('debt_notice', data.utilityName, subject, [
    hello(data.fullName),
    `По лицевому счёту ${data.accountNumber} просрочена оплата электроэнергии: задолженность ${data.debt}.`,
    data.warning
      ? `Пожалуйста, погасите её до ${data.payBy} включительно (20 дней со дня доставки этого предупреждения). Если долг не будет погашен, подача электроэнергии может быть ограничена, а при отсутствии технической возможности ограничения — приостановлена (Правила, утверждённые постановлением Правительства РФ №\u00a0354, п. 117–119).`
      : `Пожалуйста, погасите её до ${data.payBy} включительно, чтобы не начислялись пени.`,
    'Уведомление в формате PDF лежит в личном кабинете, на главной странице:',
    { link: data.link, label: 'Открыть личный кабинет' },
    'Если вы уже оплатили, не обращайте внимания на это письмо: платёж будет учтён.',
  ]);
}

/** The first user of a new company confirms the address; the cabinet opens right after. */
export function renderCompanyEmailConfirm(
  data: Common & { fullName: string; companyName: string; link: string },
): RenderedEmail {
  return compose('company_email_confirm', data.utilityName, 'Подтвердите адрес электронной почты', [
    hello(data.fullName),
    `Вы открываете кабинет юридического лица ${data.companyName} в ${data.utilityName}. Чтобы войти и подать заявку на договор, подтвердите адрес электронной почты.`,
    { link: data.link, label: 'Подтвердить адрес электронной почты' },
    'Ссылка действует 24 часа. Логин — этот адрес электронной почты.',
    'Если вы не регистрировались, просто проигнорируйте это письмо.',
  ]);
}

/** A contract application changed status (submitted, in review, documents asked for, offer, signed, refused). */
export function renderCompanyApplicationUpdate(
  data: Common & { fullName: string; number: number; headline: string; details: string[]; link: string },
): RenderedEmail {
  return compose(
    'company_application_update',
    data.utilityName,
    `Заявка на договор № ${data.number}: ${data.headline}`,
    [
      hello(data.fullName),
      `Заявка на договор энергоснабжения № ${data.number}: ${data.headline}.`,
      ...data.details,
      { link: data.link, label: 'Открыть заявку' },
    ],
  );
}

/** A guest's appeal: confirm the address to send it to staff; the same link opens the thread later. */
export function renderAppealConfirm(data: Common & { fullName: string; number: string; link: string }): RenderedEmail {
  return compose('appeal_confirm', data.utilityName, `Подтвердите обращение № ${data.number}`, [
    hello(data.fullName),
    `Вы написали обращение № ${data.number} в ${data.utilityName}. Чтобы мы его получили, подтвердите адрес электронной почты по ссылке.`,
    { link: data.link, label: 'Подтвердить обращение' },
    'По этой же ссылке вы увидите ответ и сможете продолжить переписку. Не пересылайте письмо другим людям.',
    'Если вы не писали обращение, просто проигнорируйте это письмо — без подтверждения оно не будет рассмотрено.',
  ]);
}

/** Staff answered an appeal; the answer itself is in the thread (the letter repeats it). */
export function renderAppealUpdate(
  data: Common & { fullName: string; number: string; answer: string; link: string },
): RenderedEmail {
  return compose('appeal_update', data.utilityName, `Ответ на обращение № ${data.number}`, [
    hello(data.fullName),
    `На ваше обращение № ${data.number} дан ответ:`,
    data.answer,
    { link: data.link, label: 'Открыть обращение' },
    'Если ответ вас устроил, закройте обращение и оцените его; если нет — напишите в том же обращении.',
  ]);
}

/** An outage at the subscriber's address, planned or emergency. */
export function renderOutageNotice(
  data: Common & { fullName: string; headline: string; details: string[]; link: string },
): RenderedEmail {
  return compose('outage_notice', data.utilityName, data.headline, [
    hello(data.fullName),
    `${data.headline}.`,
    ...data.details,
    { link: data.link, label: 'Все отключения' },
  ]);
}

/** Autopay: a charge coming, a charge that failed or was not made. */
export function renderAutopayNotice(
  data: Common & { fullName: string; subject: string; lines: string[]; link: string },
): RenderedEmail {
  return compose('autopay_notice', data.utilityName, data.subject, [
    hello(data.fullName),
    ...data.lines,
    { link: data.link, label: 'Настройки автоплатежа' },
  ]);
}

/** A news mailing; the unsubscribe link is also in the letter's List-Unsubscribe header. */
export function renderNewsMailing(
  data: Common & { fullName: string; title: string; summary: string; link: string; unsubscribeLink: string },
): RenderedEmail {
  return compose('news_mailing', data.utilityName, data.title, [
    hello(data.fullName),
    data.summary,
    { link: data.link, label: 'Читать новость' },
    `Вы получили это письмо, потому что подписаны на новости. Отписаться одним нажатием: ${data.unsubscribeLink}`,
  ]);
}

/** A new bill of a billing run, for one account. */
export function renderBillIssued(
  data: Common & {
    fullName: string;
    accountNumber: string;
    periodLabel: string;
    amount: string;
    dueDate: string;
    link: string;
  },
): RenderedEmail {
  return compose('bill_issued', data.utilityName, `Счёт за ${data.periodLabel}: ${data.amount}`, [
    hello(data.fullName),
    `По лицевому счёту ${data.accountNumber} выставлен счёт за ${data.periodLabel} на сумму ${data.amount}. Оплатить его нужно до ${data.dueDate}.`,
    { link: data.link, label: 'Посмотреть счёт' },
  ]);
}

/** A month billed without a reading: by the average, or by the norm. */
export function renderMonthEstimated(
  data: Common & { fullName: string; accountNumber: string; periodLabel: string; byNorm: boolean; link: string },
): RenderedEmail {
  const basis = data.byNorm ? 'по нормативу' : 'по среднему потреблению';
  return compose('month_estimated', data.utilityName, `${data.periodLabel}: начислено без показаний`, [
    hello(data.fullName),
    `За ${data.periodLabel} по лицевому счёту ${data.accountNumber} не было показаний счётчика, и объём начислен ${basis}.`,
    'Когда вы передадите показания, начисление пересчитают по фактическому расходу.',
    { link: data.link, label: 'Передать показания' },
  ]);
}

/** The month's reading window has opened. */
export function renderReadingsWindowOpens(
  data: Common & { fullName: string; accountNumber: string; periodLabel: string; closesOn: string; link: string },
): RenderedEmail {
  return compose('readings_window_opens', data.utilityName, `Открыт приём показаний за ${data.periodLabel}`, [
    hello(data.fullName),
    `Показания счётчиков за ${data.periodLabel} по лицевому счёту ${data.accountNumber} принимаются до ${data.closesOn} включительно.`,
    { link: data.link, label: 'Передать показания' },
  ]);
}
