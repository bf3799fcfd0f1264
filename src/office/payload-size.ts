/**
 * Sizes of what goes to Excel, as Excel on the web counts them against its 5 MB limit: bytes of UTF-8, not
 * characters. A Chinese character is one UTF-16 code unit but 3 bytes on the wire, so a sheet of Chinese notes is
 * half as large again as its string length times two suggests.
 */

/** UTF-8 bytes of a string: 1 for ASCII, 2 up to U+07FF, 3 for the rest of the BMP (汉字), 4 for a surrogate pair. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A high surrogate followed by a low one is one character of 4 bytes; a lone surrogate is sent as U+FFFD (3).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A value's size in a request: its JSON (quotes and escapes included) in UTF-8. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value) ?? "null");
