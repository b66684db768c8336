import { z } from 'zod';

// Russian words for the checks a schema leaves without its own message — what a hand-made request
// or a broken client sends: a file or a repeated field where one text belongs, a missing field, an
// overlong value, a malformed id. Zod's defaults are English developer text; every message a user
// can see is Russian. A schema's own message always wins over these.
// Imported for its effect by lib/validation/form-data.ts (every Server Action) and by
// components/forms/use-action-form.ts (every client form).

type Issue = Parameters<NonNullable<Parameters<typeof z.config>[0]>['customError'] & object>[0];

function russianFallback(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Заполните это поле' : 'Проверьте это поле: здесь ожидается одно значение';
    case 'too_big':
      return issue.origin === 'string' ? `Не длиннее ${String(issue.maximum)} символов` : 'Слишком большое значение';
    case 'too_small':
      if (issue.origin !== 'string') return 'Слишком маленькое значение';
      return Number(issue.minimum) <= 1 ? 'Заполните это поле' : `Не короче ${String(issue.minimum)} символов`;
    case 'invalid_format':
      return 'Проверьте это поле: значение в неверном формате. Если поле заполнено за вас, обновите страницу';
    case 'invalid_value':
      return 'Выберите одно из предложенных значений';
    default:
      return 'Проверьте это поле';
  }
}

// jitless: zod would otherwise probe `new Function` in the browser, which the Content-Security-Policy
// forbids (no 'unsafe-eval') and reports as a violation even though zod catches it.
z.config({ customError: russianFallback, jitless: true });
