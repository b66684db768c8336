import { z } from 'zod';
import { checkbox, email, newPassword, requiredText } from '@/lib/validation/fields';
import { companyRoles } from './roles';

// The forms of the company's user management and of the invitation, shared by form and action.

const role = z.enum(companyRoles, { error: 'Выберите роль' });
const memberId = z.uuid('Пользователь не найден — обновите страницу');

export const inviteMemberSchema = z.object({
  email,
  fullName: requiredText('ФИО', 150),
  role,
});

export const changeRoleSchema = z.object({ userId: memberId, role });

export const removeMemberSchema = z.object({ userId: memberId });

export const acceptInviteSchema = z
  .object({
    token: z.string().min(1, 'Ссылка неполная — откройте её из письма целиком').max(200),
    password: newPassword,
    passwordConfirm: z.string({ error: 'Повторите пароль' }).min(1, 'Повторите пароль'),
    consent: checkbox.refine((v) => v, 'Без согласия на обработку персональных данных мы не можем открыть кабинет'),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Пароли не совпадают' });
    }
  });
