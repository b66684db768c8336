import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  renderCompanyInvite,
  renderEmailChangeConfirm,
  renderEmailChangeNotice,
  renderEmailConfirm,
  renderPasswordChanged,
  renderPasswordReset,
  renderRegistrationApproved,
  renderRegistrationExistingEmail,
  renderRegistrationRejected,
  type RenderedEmail,
  type TemplateName,
} from '@/lib/email/templates';

const evil = '<script>alert("x")</script>';
const link = 'https://lk.example.ru/fiz/confirm?token=abc&next=%2Ffiz';
const common = { utilityName: evil, fullName: evil, accountNumber: evil };

const cases: [TemplateName, RenderedEmail, string | null][] = [
  ['email_confirm', renderEmailConfirm({ ...common, link }), link],
  ['registration_existing_email', renderRegistrationExistingEmail({ utilityName: evil, link }), link],
  ['registration_approved', renderRegistrationApproved({ ...common, loginLink: link }), link],
  ['registration_rejected', renderRegistrationRejected({ ...common, reason: evil, contactsLink: link }), link],
  ['password_reset', renderPasswordReset({ ...common, link }), link],
  ['password_changed', renderPasswordChanged({ ...common, when: evil, resetLink: link }), link],
  ['email_change_confirm', renderEmailChangeConfirm({ ...common, newEmail: evil, link }), link],
  ['email_change_notice', renderEmailChangeNotice({ ...common, newEmail: evil }), null],
  [
    'company_invite',
    renderCompanyInvite({ ...common, companyName: evil, roleLabel: evil, invitedBy: evil, link }),
    link,
  ],
];

describe('e-mail templates', () => {
  it.each(cases)('%s: names itself, has a subject and both versions', (name, email) => {
    expect(email.template).toBe(name);
    expect(email.subject.trim()).not.toBe('');
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.text.trim()).not.toBe('');
  });

  it.each(cases)('%s: carries the link in the text and, escaped, in the HTML', (_name, email, expected) => {
    if (!expected) return;
    expect(email.text).toContain(expected);
    expect(email.html).toContain(`href="${escapeHtml(expected)}"`);
  });

  it.each(cases)('%s: escapes every interpolated value in the HTML and keeps it in the text', (_name, email) => {
    expect(email.html).not.toContain('<script');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.text).toContain(evil);
  });

  it('says what the letters promise', () => {
    const confirm = renderEmailConfirm({
      utilityName: 'МУП',
      fullName: 'Иванов И. И.',
      accountNumber: '1234567',
      link,
    });
    expect(confirm.text).toContain('24 часа');
    expect(confirm.text).toContain('до двух суток');
    expect(confirm.text).toContain('1234567');
    const reset = renderPasswordReset({ utilityName: 'МУП', fullName: 'Иванов И. И.', link });
    expect(reset.text).toContain('1 час');
    expect(reset.text).toContain('банковские карты будут удалены');
    const existing = renderRegistrationExistingEmail({ utilityName: 'МУП', link });
    expect(existing.text).toContain('проигнорируйте');
  });

  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
