/**
 * FullCalendar 6 puts its CSS into a `<style data-fullcalendar>` element it creates, then fills
 * through `element.sheet.insertRule()`. Our Content-Security-Policy (`style-src 'self'`) blocks
 * inline `<style>` elements, so that sheet would be null and the calendar would not render.
 *
 * This module runs before FullCalendar's (it is imported first): it provides the element
 * FullCalendar looks for, with a constructed stylesheet as its `sheet`, adopted by the document.
 * Constructed stylesheets are CSSOM, which the policy allows; `type` keeps the element itself
 * from being parsed as CSS, so nothing is blocked or reported. FullCalendar's icon font is a data:
 * URL, which `font-src 'self'` refuses: its rule is left out (the toolbar uses words instead).
 */
const MARKER = "data-fullcalendar";

if (typeof document !== "undefined" && "adoptedStyleSheets" in document && !document.querySelector(`style[${MARKER}]`)) {
  const sheet = new CSSStyleSheet();
  const insertRule = sheet.insertRule.bind(sheet);
  sheet.insertRule = (rule: string, index?: number) => (rule.trimStart().startsWith("@font-face") ? 0 : insertRule(rule, Math.min(index ?? 0, sheet.cssRules.length)));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const holder = document.createElement("style");
  holder.setAttribute(MARKER, "");
  holder.setAttribute("type", "text/x-fullcalendar-holder");
  Object.defineProperty(holder, "sheet", { get: () => sheet });
  document.head.append(holder);
}

export {};
