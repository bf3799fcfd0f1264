const PER_POPULATION = /每(千|万|十万|百)名?(常住)?(人口|人|老年人|儿童|妇女|孕产妇|新生儿|居民)/;
const COUNT_UNITS = /^(个|张|名|人|家|所|床|台)$/;

/**
 * Per-capita units: 每千(常住)人口…0.85张 is 张/千人, 每千人口托位数3.58个 is 个/千人.
 * @example perCapitaUnit("按不少于每千常住人口0.85张配置床位", "张") // → "张/千人"
 */
export function perCapitaUnit(clause: string, unit: string | null): string | null {
  if (unit === null || !COUNT_UNITS.test(unit)) return unit;
  const m = PER_POPULATION.exec(clause);
  if (!m) return unit;
  const per = m[1] === "十万" ? "10万人" : `${m[1] ?? "千"}人`;
  return `${unit}/${per}`;
}
