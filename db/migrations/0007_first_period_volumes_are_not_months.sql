-- A meter's first period holds only its initial reading: it is not a month of consumption. Earlier
-- runs recorded it as 0 kWh «by reading», which later averages counted as a real month. The bills
-- stay as issued (0 kWh, nothing charged); only the volume that fed the averages goes.
delete from consumption_volumes v
where v.method = 'reading' and v.kwh = 0
  and not exists (
    select 1 from readings r
    where r.meter_id = v.meter_id and r.zone = v.zone and r.status = 'accepted' and r.period < v.period
  );
