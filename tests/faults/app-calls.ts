// The app's own functions, called as the app calls them, for the kill-the-app scenarios
// (tests/faults/kill-app.ts): a separate short-lived process that only sends jobs
// (BACKGROUND_JOBS=off), so the server under test is the one that works them. Prints one JSON line.
//   tsx --conditions=react-server tests/faults/app-calls.ts letters <count>
//   tsx --conditions=react-server tests/faults/app-calls.ts billing <period>
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { billingPeriodOverview } from '@/lib/billing/overview';
import { startBillingFromConsole } from '@/lib/billing/start';
import { enqueueEmails } from '@/lib/email/outbox';
import { renderEmailChangeNotice } from '@/lib/email/templates';
import { queueBillingRun } from '@/lib/jobs/billing-dispatch';
import { sendJob } from '@/lib/jobs/queue';
import { rowsOf } from '@/lib/billing/run-sql';

// The queue the cron feeds every minute; sending its job asks for a run now instead.
const EMAIL_DELIVERY_QUEUE = 'email-delivery';
// The harness finds its letters by this dedupe key prefix (kill-app.ts).
const LETTER_KEY_PREFIX = 'faults-letter-';

async function letters(count: number) {
  const queued = await enqueueEmails(
    db(),
    Array.from({ length: count }, (_, k) => ({
      to: `faults-${k}@bench.example`,
      dedupeKey: `${LETTER_KEY_PREFIX}${k}`,
      ...renderEmailChangeNotice({
        utilityName: 'Энергокабинет',
        fullName: `Абонент под сбоем ${k}`,
        newEmail: `faults-${k}-new@bench.example`,
      }),
    })),
  );
  await sendJob(EMAIL_DELIVERY_QUEUE, {}, {});
  return { queued };
}

async function billing(period: string) {
  const [staff] = rowsOf<{ id: string }>(
    await db().execute(sql`select id from users where role = 'admin' order by created_at limit 1`),
  );
  if (!staff) throw new Error('no admin in the seed to start the run');
  const { billable } = await billingPeriodOverview(period, new Date());
  const result = await startBillingFromConsole({ period, staffId: staff.id, confirmOpenWindow: true }, queueBillingRun);
  if (!result.ok) throw new Error(`the run was not started: ${result.message}`);
  return { runId: result.runId, billable };
}

const [what, arg] = process.argv.slice(2);
const call = what === 'letters' ? letters(Number(arg)) : what === 'billing' ? billing(String(arg)) : null;
if (!call) throw new Error(`unknown call ${what}`);
call.then(
  (answer) => {
    console.log(JSON.stringify(answer));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
