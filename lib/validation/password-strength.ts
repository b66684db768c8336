// The common-password list and the strength meter, from zxcvbn-ts: its `language-common` package
// bundles ~49 000 passwords seen most often in breaches (offline, no network look-up). Loaded on
// first use, so pages without a new-password field never download it.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

interface Strength {
  common: Set<string>;
  factory: ZxcvbnFactory;
}

let loaded: Promise<Strength> | undefined;

// A few Russian favourites the English-language list lacks.
const RUSSIAN_COMMON = ['йцукенгш', 'йцукенгшщз', 'парольпароль', 'пароль123456', 'qwertyйцукен'];

function load(): Promise<Strength> {
  loaded ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const list = common.dictionary['passwords-common'] as string[];
    return {
      common: new Set([...list, ...RUSSIAN_COMMON]),
      factory: new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
    };
  });
  return loaded;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  const { common } = await load();
  return common.has(password.toLowerCase());
}

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export const strengthLabels: Record<StrengthScore, string> = {
  0: 'очень слабый',
  1: 'слабый',
  2: 'средний',
  3: 'хороший',
  4: 'надёжный',
};

/** zxcvbn's 0–4 estimate of how hard the password is to guess; words of the form lower it. */
export async function passwordScore(password: string, userInputs: string[] = []): Promise<StrengthScore> {
  const { factory, common } = await load();
  if (common.has(password.toLowerCase())) return 0;
  return factory.check(password.slice(0, 128), userInputs).score as StrengthScore;
}
