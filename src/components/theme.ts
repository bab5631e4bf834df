/**
 * The reader's colour theme: "system" (follow the device), "light" or "dark",
 * remembered on this device. Every colour on the site — page, code, charts —
 * is chosen by `@media (prefers-color-scheme: dark)` rules, so forcing a theme
 * rewrites those rules' conditions in place (to one that always or never
 * holds) and puts them back for "system"; no colour is defined twice.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_KEY = "hnl:theme";

/**
 * Applies a theme to the page's style sheets. Self-contained (no imports, no
 * outer names): ThemeSwitch.astro also inlines its source, to run before the
 * first paint.
 */
export function applyTheme(theme: string): void {
  const ALWAYS = "(min-width: 0px)";
  const NEVER = "(scripting: none)"; // the switch needs scripts, so this never holds where it runs
  const w = window as unknown as { __themeMedia?: WeakMap<CSSMediaRule, string> };
  const originals = (w.__themeMedia ??= new WeakMap());
  const visit = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSMediaRule) {
        const original = originals.get(rule) ?? rule.media.mediaText;
        if (/prefers-color-scheme/.test(original)) {
          originals.set(rule, original);
          const forced = theme === "system" ? original : original
            .replace(/\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, theme === "dark" ? ALWAYS : NEVER)
            .replace(/\(\s*prefers-color-scheme\s*:\s*light\s*\)/g, theme === "light" ? ALWAYS : NEVER);
          if (rule.media.mediaText !== forced) rule.media.mediaText = forced;
        }
      }
      if ("cssRules" in rule) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // a cross-origin sheet: its rules cannot be read (the site has none)
    }
  }
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme === "system" ? "" : theme;
}

export function storedTheme(): Theme {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return (THEMES as readonly string[]).includes(v ?? "") ? (v as Theme) : "system";
  } catch {
    return "system";
  }
}

export function setupThemeSwitch(select: HTMLSelectElement): void {
  select.value = storedTheme();
  select.addEventListener("change", () => {
    const theme = (THEMES as readonly string[]).includes(select.value) ? (select.value as Theme) : "system";
    try {
      if (theme === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, theme);
    } catch {
      // storage refused: the theme holds for this page only
    }
    applyTheme(theme);
  });
  // Style sheets added later (a component's CSS loaded on demand) get the same treatment.
  new MutationObserver(() => applyTheme(storedTheme())).observe(document.head, { childList: true });
}
