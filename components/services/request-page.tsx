import { type CustomerActions, RequestView } from '@/components/services/cabinet-views';
import { requireUser } from '@/lib/auth/session';
import { isUuid } from '@/lib/validation/ids';

// The page of one paid-service request, the same in both cabinets: the door decides who may open
// it and where the login returns; the route passes its own Server Actions.

const FLASHES = ['ordered', 'accepted', 'cancelled'];

interface RequestPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export function serviceRequestPage(door: 'household' | 'company', actions: CustomerActions) {
  const cabinet = door === 'household' ? '/fiz' : '/lk';
  return async function ServiceRequestPage({ params, searchParams }: RequestPageProps) {
    const { id } = await params;
    const user = await requireUser(door, isUuid(id) ? `${cabinet}/services/${id}` : `${cabinet}/services`);
    const query = await searchParams;
    const flash = FLASHES.find((f) => query[f] === '1');
    return <RequestView user={user} door={cabinet} id={id} flash={flash} actions={actions} />;
  };
}
