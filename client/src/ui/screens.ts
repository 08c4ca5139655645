/** Below this width the explorer is one column: map first, filters in a drawer (styles.css agrees). */
export const NARROW_SCREEN = '(max-width: 820px)';
