'use client';

import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useFormApi } from '@/components/forms';
import { PASSWORD_MIN } from '@/lib/validation/password-length';

type Score = 0 | 1 | 2 | 3 | 4;

const tone: Record<Score, string> = {
  0: 'bg-danger-600',
  1: 'bg-danger-600',
  2: 'bg-amber-500',
  3: 'bg-emerald-600',
  4: 'bg-emerald-700',
};

/**
 * How hard the typed password is to guess (zxcvbn-ts, loaded on first keystroke): a five-step
 * bar and a word. Advice only; the rule is the length and the list of common passwords.
 */
const NO_INPUTS: string[] = [];

export function PasswordStrength({
  field = 'password',
  userInputs = NO_INPUTS,
}: {
  field?: string;
  userInputs?: string[];
}) {
  const { form } = useFormApi();
  const value = String(useWatch({ control: form.control, name: field }) ?? '');
  const [result, setResult] = useState<{ for: string; score: Score; label: string } | null>(null);

  useEffect(() => {
    if (!value) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const { passwordScore, strengthLabels } = await import('@/lib/validation/password-strength');
      const score = await passwordScore(value, userInputs);
      if (!cancelled) setResult({ for: value, score, label: strengthLabels[score] });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [value, userInputs]);

  if (!value) return null;
  const current = result?.for === value ? result : null;
  const short = value.length < PASSWORD_MIN;
  return (
    <div className="mt-2" aria-live="polite" data-testid="password-strength">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span
            key={i}
            className={`h-1.5 flex-1 rounded ${current && current.score > i ? tone[current.score] : 'bg-slate-200'}`}
          />
        ))}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {short
          ? `Ещё ${PASSWORD_MIN - value.length} — пароль не короче ${PASSWORD_MIN} символов`
          : current
            ? `Надёжность: ${current.label}`
            : 'Проверяем надёжность…'}
      </p>
    </div>
  );
}
