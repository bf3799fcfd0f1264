/**
 * Name of the 问题清单 sheet a correction notice puts in front of a return. A unit that sends the notice back
 * with the sheet still in it has not tampered with the template: the check ignores this sheet.
 */
export const NOTICE_SHEET = "问题清单";
