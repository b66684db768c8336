import { describe, expect, it } from 'vitest';
import { checkNameplatePhoto, decodePhotoDataUrl, sniffImageType } from '@/lib/meters/photo';
import { normalizeSerial, requestMeterSchema } from '@/lib/meters/schemas';
import { fieldErrorsOf } from '@/lib/validation/form-data';
import {
  addCalendarMonths,
  daysWord,
  verificationFlag,
  verificationStatus,
  verificationWarning,
} from '@/lib/meters/verification';

// Pure rules of the meters feature (no database). They live under tests/integration only because
// that is where this feature's test files may go for now; they would sit in tests/unit otherwise.

// 20 November 2026, 12:00 in Moscow.
const now = new Date('2026-11-20T09:00:00Z');

describe('verification flag (Moscow calendar, 3 months)', () => {
  it('ok beyond 3 months, soon within them (both ends included), overdue after the due day', () => {
    expect(verificationStatus('2035-04-15', now)).toMatchObject({ flag: 'ok' });
    expect(verificationStatus('2027-02-21', now)).toEqual({ flag: 'ok', daysLeft: 93 });
    expect(verificationStatus('2027-02-20', now)).toEqual({ flag: 'soon', daysLeft: 92 });
    expect(verificationStatus('2026-12-01', now)).toEqual({ flag: 'soon', daysLeft: 11 });
    expect(verificationStatus('2026-11-20', now)).toEqual({ flag: 'soon', daysLeft: 0 });
    expect(verificationStatus('2026-11-19', now)).toEqual({ flag: 'overdue', daysLeft: -1 });
    expect(verificationStatus('2019-01-01', now).flag).toBe('overdue');
    expect(verificationStatus(null, now)).toEqual({ flag: 'unknown', daysLeft: null });
  });

  it('counts the day in Moscow, not in UTC', () => {
    // 19 Nov 21:30 UTC is already 20 Nov in Moscow.
    expect(verificationFlag('2026-11-19', new Date('2026-11-19T21:30:00Z'))).toBe('overdue');
    expect(verificationFlag('2026-11-19', new Date('2026-11-19T20:59:00Z'))).toBe('soon');
  });

  it('3 calendar months from the 30th end on the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-10-31', 1)).toBe('2026-11-30');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    const lastOfNov = new Date('2026-11-30T09:00:00Z');
    expect(verificationFlag('2027-02-28', lastOfNov)).toBe('soon');
    expect(verificationFlag('2027-03-01', lastOfNov)).toBe('ok');
  });

  it('refuses what is not a day', () => {
    expect(() => verificationStatus('2026-02-30', now)).toThrow(RangeError);
    expect(() => verificationStatus('20.11.2026', now)).toThrow(RangeError);
    expect(() => verificationStatus('2026-11-20', new Date('nope'))).toThrow(RangeError);
  });

  it('says it in Russian with the right word form', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => `${n} ${daysWord(n)}`)).toEqual([
      '1 день',
      '2 дня',
      '4 дня',
      '5 дней',
      '11 дней',
      '12 дней',
      '14 дней',
      '21 день',
      '22 дня',
      '25 дней',
      '101 день',
      '111 дней',
    ]);
    expect(verificationWarning('2026-12-01', verificationStatus('2026-12-01', now))).toMatch(
      /^Поверка через 11 дней \(01\.12\.2026\)/,
    );
    expect(verificationWarning('2026-11-20', verificationStatus('2026-11-20', now))).toMatch(/^Срок поверки — сегодня/);
    expect(verificationWarning('2026-11-01', verificationStatus('2026-11-01', now))).toMatch(
      /^Поверка просрочена с 01\.11\.2026 — обратитесь/,
    );
    expect(verificationWarning('2035-01-01', verificationStatus('2035-01-01', now))).toBeNull();
    expect(verificationWarning(null, verificationStatus(null, now))).toBeNull();
  });
});

describe('nameplate photo', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3]);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);

  it('recognises JPEG, PNG and WebP by their first bytes only', () => {
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull(); // RIFF AVI
    expect(sniffImageType(new TextEncoder().encode('<svg/>'))).toBeNull();
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
  });

  it('a data: URL goes back to the same bytes; a forged one is refused', async () => {
    const check = await checkNameplatePhoto(new Blob([png]));
    if (!check.ok) throw new Error(check.reason);
    expect(decodePhotoDataUrl(check.dataUrl)).toEqual({ type: 'image/png', bytes: png });
    // Declared PNG, bytes of something else.
    expect(decodePhotoDataUrl(`data:image/png;base64,${Buffer.from('<svg/>').toString('base64')}`)).toBeNull();
    expect(decodePhotoDataUrl(`data:image/svg+xml;base64,${Buffer.from(png).toString('base64')}`)).toBeNull();
    expect(decodePhotoDataUrl('javascript:alert(1)')).toBeNull();
    expect(await checkNameplatePhoto('not a file')).toMatchObject({ ok: false });
    expect(await checkNameplatePhoto(new Blob([]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/пустой/),
    });
  });
});

describe('request form', () => {
  it('normalises the serial as printed on the nameplate', () => {
    expect(normalizeSerial(' № 0092 1705 6004185 ')).toBe('009217056004185');
    expect(normalizeSerial('No. ab-12')).toBe('AB-12');
    expect(normalizeSerial('N 41235872')).toBe('41235872');
    // A letter that is part of the number stays.
    expect(normalizeSerial('N41235872')).toBe('N41235872');
  });

  it('parses what the form posts (zones as text) and explains what is wrong', () => {
    const ok = requestMeterSchema.safeParse({
      accountId: '3f1c1f0e-5a53-4d55-9a53-0e8f6f9c1e11',
      serialNumber: '41 23 58',
      zonePlan: '2',
      installedAt: '2026-11-01',
      model: '  ',
    });
    expect(ok.success && ok.data).toEqual({
      accountId: '3f1c1f0e-5a53-4d55-9a53-0e8f6f9c1e11',
      serialNumber: '412358',
      zonePlan: 2,
      installedAt: '2026-11-01',
      model: undefined,
    });
    const bad = requestMeterSchema.safeParse({
      accountId: 'x',
      serialNumber: '',
      zonePlan: '',
      installedAt: '01.11.2026',
    });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(fieldErrorsOf(bad.error)).toMatchObject({
        accountId: 'Выберите лицевой счёт',
        serialNumber: expect.stringMatching(/Укажите заводской номер/),
        zonePlan: 'Выберите, сколько зон у счётчика',
        installedAt: expect.stringMatching(/Дата установки/),
      });
    }
  });
});
