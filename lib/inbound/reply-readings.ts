import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { meters } from '@/db/schema';
import { formatKwh } from '@/lib/format/money';
import { parseReadingsReply, replyValuesForPlan } from '@/lib/readings/reply-parser';
import { submitReadings } from '@/lib/readings/submit';
import { zoneShortLabels } from '@/lib/tariffs/zones';

// Readings a subscriber wrote in a reply letter or an SMS, for one of their accounts: parsed, then
// handed to `submitReadings`, the one write path of readings — the same rules as the cabinet's
// form (whole kWh, not below the last, the window, plausibility) with the same reasons. The answer
// is a Russian sentence to send back.

export interface ReplyReadingsResult {
  accepted: boolean;
  answer: string;
}

const EXAMPLE =
  'Напишите показания числами, например «12345»; для двухзонного счётчика — «день 12345 ночь 6789» или «Т1 12345 Т2 6789».';

export async function readingsFromReply(input: {
  userId: string;
  accountId: string;
  text: string;
  now?: Date;
}): Promise<ReplyReadingsResult> {
  const active = await db()
    .select({ id: meters.id, serialNumber: meters.serialNumber, zonePlan: meters.zonePlan })
    .from(meters)
    .where(and(eq(meters.accountId, input.accountId), eq(meters.status, 'active')));
  if (active.length === 0) {
    return { accepted: false, answer: 'На лицевом счёте нет подтверждённого счётчика, поэтому показания не приняты.' };
  }
  if (active.length > 1) {
    return {
      accepted: false,
      answer: `На лицевом счёте ${active.length} счётчика: в ответном сообщении мы не можем понять, к какому относятся цифры. Передайте показания в личном кабинете.`,
    };
  }
  const meter = active[0]!;
  const parsed = parseReadingsReply(input.text);
  const values = replyValuesForPlan(parsed, meter.zonePlan);
  if (!values) {
    return { accepted: false, answer: `Не удалось разобрать показания счётчика № ${meter.serialNumber}. ${EXAMPLE}` };
  }
  const result = await submitReadings({
    meterId: meter.id,
    values,
    confirmImplausible: parsed.kind !== 'unclear' && parsed.confirmed,
    source: 'subscriber',
    userId: input.userId,
    now: input.now,
  });
  if (!result.ok) {
    const reasons = Object.entries(result.fieldErrors)
      .filter(([field]) => field.startsWith('zone_'))
      .map(([field, reason]) => `${zoneShortLabels[field.slice(5) as keyof typeof zoneShortLabels]}: ${reason}`);
    const implausible = 'confirmImplausible' in result.fieldErrors;
    const unique = [...new Set(reasons)];
    return {
      accepted: false,
      answer: [
        `Показания счётчика № ${meter.serialNumber} не приняты. ${implausible ? result.message : unique.length ? unique.join('. ') : result.message}.`,
        implausible ? 'Если цифры верные, ответьте ещё раз теми же показаниями и словом «верно».' : null,
      ]
        .filter(Boolean)
        .join(' ')
        .replace(/\.\./g, '.'),
    };
  }
  const list = result.accepted.map((a) => `${zoneShortLabels[a.zone]} — ${formatKwh(a.value)}`).join(', ');
  return { accepted: true, answer: `${result.message}. Счётчик № ${meter.serialNumber}: ${list}.` };
}
