import { describe, expect, it } from 'vitest';
import { checkUpload, cleanFileName } from '@/lib/files/check-upload';
import { fileResponse } from '@/lib/files/file-response';
import { sniffFileType } from '@/lib/files/sniff';

const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const file = (bytes: Uint8Array, name: string, type = 'application/octet-stream') =>
  new File([Buffer.from(bytes)], name, { type });

describe('sniffFileType', () => {
  it('knows JPEG, PNG, WebP and PDF by their bytes, nothing else', () => {
    expect(sniffFileType(pdf)).toBe('application/pdf');
    expect(sniffFileType(png)).toBe('image/png');
    expect(sniffFileType(jpeg)).toBe('image/jpeg');
    expect(sniffFileType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
    expect(sniffFileType(new TextEncoder().encode('%PDF'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

describe('checkUpload', () => {
  const rule = { accept: ['application/pdf', 'image/jpeg', 'image/png'] as const, maxBytes: 1024 };

  it('accepts a file by its bytes, whatever its name and claimed type', async () => {
    const result = await checkUpload(file(pdf, 'scan.jpg', 'image/jpeg'), rule);
    expect(result).toMatchObject({ ok: true, file: { type: 'application/pdf', name: 'scan.jpg' } });
    if (result.ok) expect(result.file.bytes).toEqual(pdf);
  });

  it('refuses a script named .pdf, an empty file, a file above the limit, and no file, in Russian', async () => {
    const script = await checkUpload(file(new TextEncoder().encode('#!/bin/sh\nrm -rf /'), 'паспорт.pdf'), rule);
    expect(script).toEqual({
      ok: false,
      reason: 'Файл «паспорт.pdf» не в формате PDF, JPEG или PNG — другие файлы не принимаются.',
    });
    expect(await checkUpload(file(new Uint8Array(), 'пусто.pdf'), rule)).toEqual({
      ok: false,
      reason: 'Файл «пусто.pdf» пустой. Выберите его заново.',
    });
    const big = new Uint8Array(2048);
    big.set(pdf);
    expect(await checkUpload(file(big, 'big.pdf'), rule)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('больше'),
    });
    expect(await checkUpload('not a file', rule)).toEqual({
      ok: false,
      reason: 'Прикрепите файл в формате PDF, JPEG или PNG.',
    });
  });

  it('refuses an accepted-elsewhere type that this form does not take', async () => {
    const result = await checkUpload(file(png, 'схема.png'), { accept: ['application/pdf'], maxBytes: 1024 });
    expect(result).toEqual({ ok: false, reason: 'Файл «схема.png» не в формате PDF — другие файлы не принимаются.' });
  });
});

describe('cleanFileName', () => {
  it('drops paths and control characters, keeps Cyrillic, never returns an empty name', () => {
    expect(cleanFileName('C:\\Users\\Иван\\Договор №5.pdf')).toBe('Договор _5.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b<script>.pdf')).toBe('a_b_script_.pdf');
    expect(cleanFileName('...')).toBe('файл');
    expect(cleanFileName('')).toBe('файл');
    expect(cleanFileName('я'.repeat(300))).toHaveLength(120);
  });
});

describe('fileResponse', () => {
  it('serves the sniffed type under the right extension, never as a page', async () => {
    const response = fileResponse(
      { type: 'application/pdf', bytes: pdf, fileName: 'Акт работ.exe' },
      { download: true },
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="___ _____.pdf"; filename*=UTF-8''${encodeURIComponent('Акт работ.pdf')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
  });
});
