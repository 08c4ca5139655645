export interface SeatName {
  code: string;
  name: string;
}

/** Lower case, no accents or punctuation: "Ynys Môn" matches "ynys mon", "Brighton, Kemptown" "brighton kemp". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// A letter then digits: the start of an ONS code (E14001107), which no seat name looks like.
const CODE_PREFIX = /^[a-z]\d+$/i;

/**
 * Seats whose name contains every word typed, names starting with the text first; or, when the text is
 * the start of an ONS code (staff paste them from spreadsheets), the seats whose code starts with it.
 */
export function matchSeats(seats: readonly SeatName[], text: string, limit = 8): SeatName[] {
  const code = text.trim().toUpperCase();
  if (CODE_PREFIX.test(code)) {
    return seats
      .filter((s) => s.code.startsWith(code))
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, limit);
  }
  const q = normaliseName(text);
  if (!q) return [];
  const words = q.split(' ');
  const scored: { seat: SeatName; score: number }[] = [];
  for (const seat of seats) {
    const n = normaliseName(seat.name);
    if (!words.every((w) => n.includes(w))) continue;
    const score = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(` ${words[0]}`) ? 2 : 3;
    scored.push({ seat, score });
  }
  scored.sort((a, b) => a.score - b.score || a.seat.name.localeCompare(b.seat.name, 'en-GB'));
  return scored.slice(0, limit).map((s) => s.seat);
}

/** Whether the text is searched as an ONS code (the list then shows each seat's code too). */
export function isCodeSearch(text: string): boolean {
  return CODE_PREFIX.test(text.trim());
}
