/**
 * A stable 48-bit hash of a string as 12 hex digits (cyrb53-style, two 32-bit lanes). Not cryptographic: it
 * names a template, it does not protect it.
 * @example stableHash("2024年工作要点|2024年上半年") // → "5c1e0a9b3f27" (always the same for the same text)
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hi = (h2 >>> 0).toString(16).padStart(8, "0").slice(-4);
  const lo = (h1 >>> 0).toString(16).padStart(8, "0");
  return hi + lo;
}
