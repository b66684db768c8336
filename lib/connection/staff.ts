import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { connectionApplications } from '@/db/schema';
import { moscowDay } from '@/lib/format/dates';
import { calendarAround } from './applications';
import { type Deadline, runningDeadlines } from './deadlines';
import type { ConnectionStatus } from './status';

// The staff queue: every open application with its running deadline, the most urgent first
// (missed, then close, then by due day); finished ones are listed after, newest first.

export interface StaffQueueRow {
  id: string;
  number: number;
  applicantName: string;
  objectAddress: string;
  maxPowerW: number;
  status: ConnectionStatus;
  createdAt: Date;
  deadline: Deadline | null;
}

const RANK = { missed: 0, close: 1, ok: 2 } as const;

export async function staffQueue(statuses: readonly ConnectionStatus[], now = new Date()): Promise<StaffQueueRow[]> {
  const rows = await db()
    .select()
    .from(connectionApplications)
    .where(inArray(connectionApplications.status, [...statuses]))
    .orderBy(asc(connectionApplications.createdAt))
    .limit(500);
  const calendar = await calendarAround(now);
  const today = moscowDay(now);
  const out = rows.map((a) => ({
    id: a.id,
    number: a.number,
    applicantName: a.applicantName,
    objectAddress: a.objectAddress,
    maxPowerW: a.maxPowerW,
    status: a.status,
    createdAt: a.createdAt,
    deadline:
      runningDeadlines(
        {
          status: a.status,
          submittedDay: moscowDay(a.submittedAt),
          dataRequestedDay: a.dataRequestedAt ? moscowDay(a.dataRequestedAt) : null,
          payBy: a.payBy,
          worksDue: a.worksDue,
        },
        today,
        calendar,
      )[0] ?? null,
  }));
  return out.sort((x, y) => {
    if (!x.deadline || !y.deadline) return x.deadline ? -1 : y.deadline ? 1 : 0;
    return RANK[x.deadline.state] - RANK[y.deadline.state] || x.deadline.due.localeCompare(y.deadline.due);
  });
}
