import type { SessionUser } from '@/lib/auth/session';

// What the views shared by the household (/fiz) and the company (/lk) cabinet are given: the door
// they are drawn in, and for a page about one thing of the user's, the thing and its page's actions.

export type Door = '/fiz' | '/lk';

export interface CabinetItemViewProps<Actions> {
  user: SessionUser;
  door: Door;
  id: string;
  /** The `?<flash>=1` a Server Action redirected back with, to say what just happened. */
  flash: string | undefined;
  actions: Actions;
}
