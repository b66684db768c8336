import { describe, expect, it } from 'vitest';
import {
  estimatePeriod,
  recalculateAfterReading,
  type BilledVolume,
  type VolumeMethod,
} from '../support/estimate-reference';
import type { Zone } from '@/lib/readings/consumption';
import { shiftPeriod } from '@/lib/readings/window';

/** Monthly rows of one zone from `from` on, one per kWh figure. */
function months(from: string, zone: Zone, kwh: number[], method: VolumeMethod = 'reading'): BilledVolume[] {
  return kwh.map((k, i) => ({ period: shiftPeriod(from, i), zone, kwh: k, method }));
}

const household = { residents: 2, normKwhPerResident: 100 };
const oneZone = ['all_day'] as const;

describe('estimatePeriod: the average (п. 59)', () => {
  it('averages the last 6 of 12 months with readings', () => {
    // Nov 2025 – Oct 2026; the last six (May–Oct) add up to 900.
    const history = months('2025-11-01', 'all_day', [400, 420, 410, 380, 300, 250, 150, 140, 160, 150, 140, 160]);
    const estimate = estimatePeriod({ period: '2026-11-01', zones: oneZone, history, ...household });
    expect(estimate).toEqual({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 150 }],
      reason: 'нет показаний: по среднему за 6 мес.',
      consecutive: 1,
      averagedPeriods: ['2026-10-01', '2026-09-01', '2026-08-01', '2026-07-01', '2026-06-01', '2026-05-01'],
    });
  });

  it('averages exactly 6 months', () => {
    const history = months('2026-05-01', 'all_day', [100, 200, 300, 100, 200, 300]);
    expect(estimatePeriod({ period: '2026-11-01', zones: oneZone, history, ...household })).toMatchObject({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 200 }],
      reason: 'нет показаний: по среднему за 6 мес.',
    });
  });

  it('averages the actual history when it is at least 3 but under 6 months', () => {
    const four = months('2026-07-01', 'all_day', [120, 130, 140, 150]);
    expect(estimatePeriod({ period: '2026-11-01', zones: oneZone, history: four, ...household })).toMatchObject({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 135 }],
      reason: 'нет показаний: по среднему за 4 мес.',
    });
    const three = months('2026-08-01', 'all_day', [90, 90, 120]);
    expect(estimatePeriod({ period: '2026-11-01', zones: oneZone, history: three, ...household })).toMatchObject({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 100 }],
      reason: 'нет показаний: по среднему за 3 мес.',
    });
  });

  it('rounds the average half up to whole kWh', () => {
    const estimate = (kwh: number[]) =>
      estimatePeriod({
        period: '2026-11-01',
        zones: oneZone,
        history: months('2026-07-01', 'all_day', kwh),
        ...household,
      }).volumes;
    expect(estimate([100, 100, 101, 101])).toEqual([{ zone: 'all_day', kwh: 101 }]); // 100.5
    expect(estimate([100, 100, 100, 101])).toEqual([{ zone: 'all_day', kwh: 100 }]); // 100.25
    expect(estimate([100, 101, 101, 101])).toEqual([{ zone: 'all_day', kwh: 101 }]); // 100.75
    expect(estimate([0, 0, 0, 1])).toEqual([{ zone: 'all_day', kwh: 0 }]); // 0.25, never negative
  });

  it('averages months with readings only, skipping estimated ones in between', () => {
    const history = [
      ...months('2026-01-01', 'all_day', [100, 100, 100, 100]), // Jan–Apr
      ...months('2026-05-01', 'all_day', [999, 999], 'average'), // May–Jun estimated
      ...months('2026-07-01', 'all_day', [160, 160, 160, 160]), // Jul–Oct
    ];
    const estimate = estimatePeriod({ period: '2026-11-01', zones: oneZone, history, ...household });
    expect(estimate).toMatchObject({ method: 'average', consecutive: 1, volumes: [{ zone: 'all_day', kwh: 140 }] });
    expect(estimate.averagedPeriods).toEqual([
      '2026-10-01',
      '2026-09-01',
      '2026-08-01',
      '2026-07-01',
      '2026-04-01',
      '2026-03-01',
    ]);
  });

  it('ignores volumes of the period itself and later, and recalculation rows', () => {
    const history: BilledVolume[] = [
      ...months('2026-07-01', 'all_day', [100, 100, 100, 100]),
      { period: '2026-11-01', zone: 'all_day', kwh: 5000, method: 'reading' },
      { period: '2026-12-01', zone: 'all_day', kwh: 5000, method: 'reading' },
      { period: '2026-10-01', zone: 'all_day', kwh: -40, method: 'recalculation' },
    ];
    expect(estimatePeriod({ period: '2026-11-01', zones: oneZone, history, ...household })).toMatchObject({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 100 }],
    });
  });
});

describe('estimatePeriod: consecutive periods without readings (п. 59 «б», п. 60)', () => {
  const real = months('2026-04-01', 'all_day', [150, 150, 150, 150, 150, 150]); // Apr–Sep
  const run = (estimated: number, method: VolumeMethod = 'average') =>
    estimatePeriod({
      period: shiftPeriod('2026-10-01', estimated),
      zones: oneZone,
      history: [...real, ...months('2026-10-01', 'all_day', Array<number>(estimated).fill(150), method)],
      ...household,
    });

  it('bills the 1st, 2nd and 3rd period by the average', () => {
    expect(run(0)).toMatchObject({ method: 'average', consecutive: 1, reason: 'нет показаний: по среднему за 6 мес.' });
    expect(run(1)).toMatchObject({
      method: 'average',
      consecutive: 2,
      reason: 'нет показаний 2-й месяц подряд: по среднему за 6 мес.',
    });
    expect(run(2)).toMatchObject({
      method: 'average',
      consecutive: 3,
      volumes: [{ zone: 'all_day', kwh: 150 }],
      reason: 'нет показаний 3-й месяц подряд: по среднему за 6 мес.',
    });
  });

  it('switches to the norm × residents from the 4th period, and stays there', () => {
    expect(run(3)).toEqual({
      method: 'norm',
      volumes: [{ zone: 'all_day', kwh: 200 }],
      reason: 'нет показаний 4-й месяц подряд: по нормативу 2 чел. × 100 кВт·ч',
      consecutive: 4,
      averagedPeriods: [],
    });
    expect(run(4, 'norm')).toMatchObject({
      method: 'norm',
      consecutive: 5,
      reason: 'нет показаний 5-й месяц подряд: по нормативу 2 чел. × 100 кВт·ч',
    });
  });

  it('starts counting again after a month with a reading', () => {
    const history = [
      ...real,
      ...months('2026-10-01', 'all_day', [150, 150, 150], 'average'), // Oct–Dec
      ...months('2027-01-01', 'all_day', [120]), // a reading in January
    ];
    const estimate = estimatePeriod({ period: '2027-02-01', zones: oneZone, history, ...household });
    expect(estimate).toMatchObject({ method: 'average', consecutive: 1, volumes: [{ zone: 'all_day', kwh: 145 }] });
    expect(estimate.averagedPeriods).toEqual([
      '2027-01-01',
      '2026-09-01',
      '2026-08-01',
      '2026-07-01',
      '2026-06-01',
      '2026-05-01',
    ]);
  });

  it('stops counting at a month that was never billed', () => {
    const history = [
      ...months('2026-01-01', 'all_day', [150, 150, 150, 150]),
      ...months('2026-08-01', 'all_day', [150, 150], 'average'),
    ];
    expect(estimatePeriod({ period: '2026-10-01', zones: oneZone, history, ...household })).toMatchObject({
      consecutive: 3,
      method: 'average',
    });
  });
});

describe('estimatePeriod: little history (new account, new meter)', () => {
  it('uses the norm with only 2 months of readings', () => {
    const history = months('2026-09-01', 'all_day', [80, 90]);
    expect(estimatePeriod({ period: '2026-11-01', zones: oneZone, history, ...household })).toEqual({
      method: 'norm',
      volumes: [{ zone: 'all_day', kwh: 200 }],
      reason:
        'нет показаний, а прежние есть только за 2 мес. (для среднего нужно не меньше 3): по нормативу 2 чел. × 100 кВт·ч',
      consecutive: 1,
      averagedPeriods: [],
    });
  });

  it('uses the norm for a brand-new account, and bills nothing for nobody', () => {
    expect(
      estimatePeriod({ period: '2026-11-01', zones: oneZone, history: [], residents: 3, normKwhPerResident: 110 }),
    ).toMatchObject({
      method: 'norm',
      volumes: [{ zone: 'all_day', kwh: 330 }],
      reason: 'нет показаний, а прежних показаний нет: по нормативу 3 чел. × 110 кВт·ч',
    });
    expect(
      estimatePeriod({ period: '2026-11-01', zones: oneZone, history: [], residents: 0, normKwhPerResident: 110 })
        .volumes,
    ).toEqual([{ zone: 'all_day', kwh: 0 }]);
  });
});

describe('estimatePeriod: multi-zone meters', () => {
  const twoZones = ['day', 'night'] as const;
  const threeZones = ['peak', 'half_peak', 'night'] as const;

  it('averages each zone of a 2-zone meter separately', () => {
    const history = [
      ...months('2026-05-01', 'day', [150, 160, 170, 150, 160, 170]),
      ...months('2026-05-01', 'night', [50, 55, 60, 50, 55, 61]),
    ];
    expect(estimatePeriod({ period: '2026-11-01', zones: twoZones, history, ...household })).toMatchObject({
      method: 'average',
      volumes: [
        { zone: 'day', kwh: 160 },
        { zone: 'night', kwh: 55 }, // 331 / 6 = 55.17
      ],
    });
  });

  it('bills the norm of a 2-zone meter as one volume, at the one-rate tariff', () => {
    const history = [
      ...months('2026-05-01', 'day', [150, 150, 150, 150, 150, 150]),
      ...months('2026-05-01', 'night', [50, 50, 50, 50, 50, 50]),
      ...months('2026-11-01', 'day', [200, 200, 200], 'average'),
      ...months('2026-11-01', 'night', [70, 70, 70], 'average'),
    ];
    expect(estimatePeriod({ period: '2027-02-01', zones: twoZones, history, ...household })).toMatchObject({
      method: 'norm',
      consecutive: 4,
      volumes: [{ zone: 'all_day', kwh: 200 }],
    });
  });

  it('averages each zone of a 3-zone meter', () => {
    const history = [
      ...months('2026-08-01', 'peak', [60, 61, 62]),
      ...months('2026-08-01', 'half_peak', [90, 90, 91]),
      ...months('2026-08-01', 'night', [40, 41, 41]),
    ];
    expect(estimatePeriod({ period: '2026-11-01', zones: threeZones, history, ...household }).volumes).toEqual([
      { zone: 'peak', kwh: 61 },
      { zone: 'half_peak', kwh: 90 }, // 90.33
      { zone: 'night', kwh: 41 }, // 40.67
    ]);
  });

  it('bills the norm of a 3-zone meter as one volume of exactly the norm', () => {
    const history = [
      ...months('2026-09-01', 'peak', [10, 10]),
      ...months('2026-09-01', 'half_peak', [10, 10]),
      ...months('2026-09-01', 'night', [10, 10]),
    ];
    const { method, volumes } = estimatePeriod({
      period: '2026-11-01',
      zones: threeZones,
      history,
      residents: 1,
      normKwhPerResident: 100,
    });
    expect(method).toBe('norm');
    expect(volumes).toEqual([{ zone: 'all_day', kwh: 100 }]);
  });

  it('bills the norm of a meter without history as one volume', () => {
    expect(estimatePeriod({ period: '2026-11-01', zones: threeZones, history: [], ...household }).volumes).toEqual([
      { zone: 'all_day', kwh: 200 },
    ]);
  });
});

describe('estimatePeriod: meter replacement (history merged by the caller)', () => {
  it('keeps the household average when a meter is replaced by one of the same plan', () => {
    const oldMeter = months('2026-01-01', 'all_day', [100, 110, 120, 60]); // removed mid-April
    const newMeter = months('2026-04-01', 'all_day', [50, 130]); // installed mid-April
    // Merged: April = 60 + 50; five months with readings → the average, not the norm.
    expect(
      estimatePeriod({ period: '2026-06-01', zones: oneZone, history: [...oldMeter, ...newMeter], ...household }),
    ).toMatchObject({
      method: 'average',
      volumes: [{ zone: 'all_day', kwh: 114 }],
      reason: 'нет показаний: по среднему за 5 мес.',
    });
    // The new meter alone has two months: the norm.
    expect(estimatePeriod({ period: '2026-06-01', zones: oneZone, history: newMeter, ...household }).method).toBe(
      'norm',
    );
  });

  it('splits the household average across the zones of a new 2-zone meter by the zone shares it has shown', () => {
    const history = [
      ...months('2026-01-01', 'all_day', [200, 200, 200, 200, 100]), // single-rate meter, replaced mid-May
      ...months('2026-05-01', 'day', [75, 150]),
      ...months('2026-05-01', 'night', [25, 50]),
    ];
    // Jan–Jun: 200, 200, 200, 200, 100 + 100, 200 → 1 200 / 6 = 200, split 3 : 1 as in May–June.
    expect(estimatePeriod({ period: '2026-07-01', zones: ['day', 'night'], history, ...household })).toMatchObject({
      method: 'average',
      volumes: [
        { zone: 'day', kwh: 150 },
        { zone: 'night', kwh: 50 },
      ],
      reason: 'нет показаний: по среднему за 6 мес.',
    });
  });
});

describe('estimatePeriod: input checks', () => {
  it('refuses malformed input', () => {
    const ok = { period: '2026-11-01', zones: oneZone, history: [], ...household };
    expect(() => estimatePeriod({ ...ok, period: '2026-11-05' })).toThrow(RangeError);
    expect(() => estimatePeriod({ ...ok, zones: [] })).toThrow(RangeError);
    expect(() => estimatePeriod({ ...ok, zones: ['day', 'day'] })).toThrow(RangeError);
    expect(() => estimatePeriod({ ...ok, residents: -1 })).toThrow(RangeError);
    expect(() => estimatePeriod({ ...ok, normKwhPerResident: 1.5 })).toThrow(RangeError);
    expect(() => estimatePeriod({ ...ok, history: months('2026-08-01', 'all_day', [10, -1, 10]) })).toThrow(RangeError);
  });
});

describe('recalculateAfterReading (п. 61)', () => {
  const estimated = months('2026-08-01', 'all_day', [150, 150, 150]); // Aug–Oct by average

  it('charges the difference when the meter counted more than was estimated', () => {
    expect(
      recalculateAfterReading({
        estimated,
        lastRealReading: [{ zone: 'all_day', value: 10_000 }],
        newReading: [{ zone: 'all_day', value: 10_700 }],
      }),
    ).toEqual([{ zone: 'all_day', realKwh: 700, estimatedKwh: 450, correctionKwh: 250 }]);
  });

  it('gives back what the estimate overcharged', () => {
    expect(
      recalculateAfterReading({
        estimated,
        lastRealReading: [{ zone: 'all_day', value: 10_000 }],
        newReading: [{ zone: 'all_day', value: 10_300 }],
      }),
    ).toEqual([{ zone: 'all_day', realKwh: 300, estimatedKwh: 450, correctionKwh: -150 }]);
  });

  it('recalculates each zone of a 2-zone meter, over periods that may mix average and norm', () => {
    const result = recalculateAfterReading({
      estimated: [
        ...months('2026-11-01', 'night', [50, 50, 50, 70]),
        ...months('2026-11-01', 'day', [150, 150, 150, 130]),
      ],
      lastRealReading: [
        { zone: 'day', value: 5_000 },
        { zone: 'night', value: 2_000 },
      ],
      newReading: [
        { zone: 'night', value: 2_180 },
        { zone: 'day', value: 5_800 },
      ],
    });
    expect(result).toEqual([
      { zone: 'day', realKwh: 800, estimatedKwh: 580, correctionKwh: 220 },
      { zone: 'night', realKwh: 180, estimatedKwh: 220, correctionKwh: -40 },
    ]);
  });

  it('with nothing estimated the correction is the real consumption', () => {
    expect(
      recalculateAfterReading({
        estimated: [],
        lastRealReading: [{ zone: 'all_day', value: 10 }],
        newReading: [{ zone: 'all_day', value: 30 }],
      }),
    ).toEqual([{ zone: 'all_day', realKwh: 20, estimatedKwh: 0, correctionKwh: 20 }]);
  });

  it('refuses inconsistent input', () => {
    const last = [{ zone: 'all_day' as const, value: 1000 }];
    expect(() =>
      recalculateAfterReading({ estimated, lastRealReading: last, newReading: [{ zone: 'all_day', value: 999 }] }),
    ).toThrow(/below/);
    expect(() =>
      recalculateAfterReading({ estimated, lastRealReading: last, newReading: [{ zone: 'day', value: 2000 }] }),
    ).toThrow(RangeError);
    expect(() =>
      recalculateAfterReading({
        estimated,
        lastRealReading: [...last, { zone: 'night', value: 10 }],
        newReading: [{ zone: 'all_day', value: 2000 }],
      }),
    ).toThrow(/same zones/);
    expect(() => recalculateAfterReading({ estimated, lastRealReading: [], newReading: [] })).toThrow(RangeError);
    expect(() =>
      recalculateAfterReading({
        estimated: months('2026-08-01', 'night', [10]),
        lastRealReading: last,
        newReading: [{ zone: 'all_day', value: 2000 }],
      }),
    ).toThrow(/does not have/);
    expect(() =>
      recalculateAfterReading({
        estimated: [...months('2026-08-01', 'all_day', [10]), ...months('2026-10-01', 'all_day', [10])],
        lastRealReading: last,
        newReading: [{ zone: 'all_day', value: 2000 }],
      }),
    ).toThrow(/not consecutive/);
    expect(() =>
      recalculateAfterReading({
        estimated: [...months('2026-08-01', 'all_day', [10]), ...months('2026-08-01', 'all_day', [10])],
        lastRealReading: last,
        newReading: [{ zone: 'all_day', value: 2000 }],
      }),
    ).toThrow(/Two estimated/);
  });
});
