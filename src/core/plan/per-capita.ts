const PER_POPULATION =
  /(?:每(千|万|十万|\d{1,3}万|百)名?(?:常住)?(?:人口|人|老年人|儿童|妇女|孕产妇|新生儿|居民)|(千|万)人(?:口)?(?=床位|医师|执业|护士|托位|全科|药师|卫生))/;
const COUNT_UNITS = /^(个|张|名|人|家|所|床|台|辆)$/;

/**
 * Per-capita units: 每千(常住)人口…0.85张 is 张/千人, 每千人口托位数3.58个 is 个/千人, 千人床位数7张 too.
 * @example perCapitaUnit("按不少于每千常住人口0.85张配置床位", "张") // → "张/千人"
 */
export function perCapitaUnit(clause: string, unit: string | null): string | null {
  if (unit === null || !COUNT_UNITS.test(unit)) return unit;
  const m = PER_POPULATION.exec(clause);
  if (!m) return unit;
  // "千人床位数", "万人全科医生数": the shorthand without 每.
  const base = m[1] ?? m[2];
  const per = base === "十万" || base === "10万" ? "10万人" : `${base ?? "千"}人`;
  return `${unit}/${per}`;
}
