import { describe, expect, it } from 'vitest';
import { parseReadingsReply, replyValuesForPlan, stripQuotedReply } from '@/lib/readings/reply-parser';

describe('readings in a reply', () => {
  it('reads the common forms', () => {
    expect(parseReadingsReply('12345')).toEqual({ kind: 'sequence', values: ['12345'], confirmed: false });
    expect(parseReadingsReply('день 12345 ночь 6789')).toMatchObject({
      kind: 'labelled',
      values: { t1: '12345', t2: '6789' },
    });
    expect(parseReadingsReply('Т1 12345; Т2 6789')).toMatchObject({
      kind: 'labelled',
      values: { t1: '12345', t2: '6789' },
    });
    expect(parseReadingsReply('T1=12345 T2=6789')).toMatchObject({
      kind: 'labelled',
      values: { t1: '12345', t2: '6789' },
    });
    expect(parseReadingsReply('Пик: 100, полупик: 200, ночь: 300')).toMatchObject({
      kind: 'labelled',
      values: { t1: '100', t3: '200', t2: '300' },
    });
    expect(parseReadingsReply('Дневной 5000\nНочной 2000')).toMatchObject({ values: { t1: '5000', t2: '2000' } });
  });

  it('keeps a fraction as typed, so the form rule refuses it with its own reason', () => {
    expect(parseReadingsReply('12345,5')).toMatchObject({ kind: 'sequence', values: ['12345,5'] });
  });

  it('ignores the quoted letter and the signature', () => {
    const reply = [
      'Добрый день! 12500',
      '',
      'чт, 3 дек. 2026 г. в 10:00, Энергокабинет <noreply@energokabinet.local>:',
      '> Показания за ноябрь 2026 принимаются до 25 декабря',
      '> лицевой счёт 50010001',
    ].join('\n');
    expect(stripQuotedReply(reply)).toBe('Добрый день! 12500');
    expect(parseReadingsReply(reply)).toMatchObject({ kind: 'sequence', values: ['12500'] });
    expect(parseReadingsReply('12500\n--\nИван, тел. 89161234567')).toMatchObject({ values: ['12500'] });
    expect(parseReadingsReply('12500\n\nOn Thu, Dec 3, 2026 Energo wrote:\n> 50010001')).toMatchObject({
      values: ['12500'],
    });
  });

  it('sees a confirmation of an unusually large reading', () => {
    expect(parseReadingsReply('12345 верно')).toMatchObject({ confirmed: true });
    expect(parseReadingsReply('Подтверждаю: 12345')).toMatchObject({ confirmed: true });
    expect(parseReadingsReply('неверно 12345')).toMatchObject({ confirmed: false });
  });

  it('says unclear rather than guess', () => {
    expect(parseReadingsReply('спасибо')).toEqual({ kind: 'unclear' });
    expect(parseReadingsReply('т1 100 т1 200')).toEqual({ kind: 'unclear' });
    expect(parseReadingsReply('1 2 3 4')).toEqual({ kind: 'unclear' });
  });

  it('maps the registers to the zones of the meter', () => {
    expect(replyValuesForPlan(parseReadingsReply('12345'), 1)).toEqual({ all_day: '12345' });
    expect(replyValuesForPlan(parseReadingsReply('12345 6789'), 2)).toEqual({ day: '12345', night: '6789' });
    expect(replyValuesForPlan(parseReadingsReply('ночь 6789 день 12345'), 2)).toEqual({ day: '12345', night: '6789' });
    expect(replyValuesForPlan(parseReadingsReply('т1 1 т2 2 т3 3'), 3)).toEqual({
      peak: '1',
      night: '2',
      half_peak: '3',
    });
    expect(replyValuesForPlan(parseReadingsReply('12345'), 2)).toBeNull();
    expect(replyValuesForPlan(parseReadingsReply('т1 1 т3 3'), 2)).toBeNull();
    expect(replyValuesForPlan(parseReadingsReply('день 1 ночь 2'), 1)).toBeNull();
    expect(replyValuesForPlan({ kind: 'unclear' }, 1)).toBeNull();
  });
});
