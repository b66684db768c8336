import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formDataToObject } from '@/lib/validation/form-data';

describe('formDataToObject', () => {
  it('takes __proto__ and constructor as plain keys: nothing inherited changes', () => {
    const form = new FormData();
    form.append('__proto__', 'polluted');
    form.append('constructor', 'x');
    form.append('name', 'Иванов');
    const object = formDataToObject(form);
    expect(Object.getPrototypeOf(object)).toBeNull();
    expect(Object.keys(object)).toEqual(['__proto__', 'constructor', 'name']);
    expect(object['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // zod reads it like any object and keeps only the schema's fields.
    expect(z.object({ name: z.string() }).parse(object)).toEqual({ name: 'Иванов' });
  });

  it('still turns repeated names into arrays and drops empty file inputs', () => {
    const form = new FormData();
    form.append('id', '1');
    form.append('id', '2');
    form.append('photo', new File([], ''));
    form.append('$ACTION_ID_abc', '');
    expect({ ...formDataToObject(form) }).toEqual({ id: ['1', '2'] });
  });
});
