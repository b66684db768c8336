// Shown on every page in demo mode, so nobody mistakes the demonstration for the utility's portal.
export function DemoBanner() {
  return (
    <div role="note" className="border-b border-amber-300 bg-amber-100 text-amber-950" data-testid="demo-banner">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong className="font-semibold">Демонстрационный режим.</strong> Данные вымышлены, оплата идёт через песочницу
        и не списывает деньги.
      </p>
    </div>
  );
}
