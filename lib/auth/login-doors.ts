// The three doors into the portal. Each admits only its own roles, so a staff password typed at
import type { SessionDoor } from '@/db/enums';
// the household door fails like any wrong password.
export type LoginDoor = SessionDoor;

export const rolesByDoor = {
  household: ['subscriber'],
  company: ['company_user'],
  staff: ['operator', 'admin'],
} as const satisfies Record<LoginDoor, readonly string[]>;

export type StaffRole = (typeof rolesByDoor.staff)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (rolesByDoor.staff as readonly string[]).includes(role);
}

/** Why a login did not produce a session; used as the Auth.js error code (safe to show). */
export type LoginFailure =
  | 'invalid'
  | 'rate_limited'
  | 'email_unconfirmed'
  | 'awaiting_approval'
  | 'rejected'
  | 'blocked'
  | 'code_required'
  | 'code_invalid';

export const loginFailureMessages: Record<LoginFailure, string> = {
  invalid: 'Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.',
  rate_limited: 'Слишком много попыток входа. Подождите 15 минут или восстановите пароль.',
  email_unconfirmed:
    'Адрес электронной почты ещё не подтверждён. Откройте письмо со ссылкой, которое мы отправили при регистрации.',
  awaiting_approval:
    'Заявка на регистрацию проверяется: это занимает до двух суток. Мы напишем вам на почту, когда доступ будет открыт.',
  rejected: 'В регистрации отказано — причина в письме, которое мы отправили. Вопросы — в абонентский отдел.',
  blocked: 'Доступ к кабинету приостановлен. Обратитесь в абонентский отдел.',
  code_required: 'Введите шестизначный код из приложения-аутентификатора или код восстановления.',
  code_invalid:
    'Код не подошёл: проверьте время на телефоне и введите новый код. Код восстановления действует только один раз.',
};

export function isLoginFailure(code: unknown): code is LoginFailure {
  return typeof code === 'string' && code in loginFailureMessages;
}
