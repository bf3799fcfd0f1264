import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Chinese UI fonts first on every platform, then Segoe UI for Latin text. */
export const FONT_STACK =
  '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", system-ui, sans-serif';

/** Relative luminance of "#RRGGBB" (0 black … 1 white). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1]!, 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}

/** Fluent theme matching Office's: dark when Office's body background is dark. */
export function themeFor(officeBackground: string | undefined): Theme {
  const base = officeBackground && luminance(officeBackground) < 0.5 ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: FONT_STACK };
}
