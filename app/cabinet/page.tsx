import { redirect } from 'next/navigation';
import { currentSession, loginPathByDoor } from '@/lib/auth/session';
import type { LoginDoor } from '@/lib/auth/login-doors';

// «Личный кабинет» in the site header links here: the header is part of route-cached public pages,
// which are the same for everyone, so the choice of cabinet is made per request on this address.
export const dynamic = 'force-dynamic';

const cabinetByDoor: Record<LoginDoor, string> = { household: '/fiz', company: '/lk', staff: '/admin' };

export default async function CabinetEntry(): Promise<never> {
  const current = await currentSession();
  if (!current) redirect(loginPathByDoor.household);
  // A staff session without its second factor yet: the console sends it on to the enrolment.
  redirect(cabinetByDoor[current.session.door]);
}
