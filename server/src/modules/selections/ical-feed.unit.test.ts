import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { selectionsCalendar, type FeedStage } from './ical-feed.ts';

const NOW = new Date('2026-01-15T09:30:00Z');

function stage(over: Partial<FeedStage> = {}): FeedStage {
  return {
    selectionId: 7,
    area: 'Blyth and Ashington',
    clpName: 'Blyth and Ashington CLP',
    electionType: 'general',
    stage: 'shortlist',
    on: '2026-03-01',
    actual: true,
    url: 'https://groundwork.example/selections/7',
    ...over,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

describe('the selections calendar feed', () => {
  it('has an all-day event per stage date with a stable UID, summary, description and link', () => {
    const text = selectionsCalendar(
      'Selections in the North East',
      [
        stage(),
        stage({ stage: 'members_ballot', on: '2026-04-18', actual: false }),
        stage({
          selectionId: 12,
          area: 'Cramlington Eastfield',
          clpName: 'Cramlington and Killingworth CLP',
          electionType: 'council',
          stage: 'applications_open',
          on: '2025-12-31',
          url: 'https://groundwork.example/selections/12',
        }),
      ],
      NOW,
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20260301\r\n');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Groundwork/);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Selections in the North East');

    expect(events.map(({ event }) => event.uid)).toEqual([
      'selection-7-shortlist@groundwork',
      'selection-7-members_ballot@groundwork',
      'selection-12-applications_open@groundwork',
    ]);
    expect(events.map(({ event }) => event.summary)).toEqual([
      'Blyth and Ashington: Shortlist (General election)',
      "Blyth and Ashington: Members' ballot (General election) (planned)",
      'Cramlington Eastfield: Applications open (Council)',
    ]);
    expect(events.map(({ event }) => [event.startDate.isDate, event.startDate.toString()])).toEqual([
      [true, '2026-03-01'],
      [true, '2026-04-18'],
      [true, '2025-12-31'],
    ]);
    expect(events[0]!.event.endDate.toString()).toBe('2026-03-02');
    expect(events[2]!.event.endDate.toString()).toBe('2026-01-01');

    const [first, second] = events;
    expect(first!.event.description).toBe(
      'Blyth and Ashington CLP selection for Blyth and Ashington (General election): Shortlist.\n' +
        'https://groundwork.example/selections/7',
    );
    expect(second!.event.description).toMatch(/Members' ballot, planned\./);
    expect(first!.component.getFirstPropertyValue('url')).toBe('https://groundwork.example/selections/7');
    expect(first!.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-01-15T09:30:00Z');
  });

  it('keeps the same UID when a planned date moves or becomes actual', () => {
    const uid = (s: FeedStage) => parse(selectionsCalendar('x', [s], NOW)).events[0]!.event.uid;
    expect(uid(stage({ on: '2026-05-01', actual: false }))).toBe(
      uid(stage({ on: '2026-05-08', actual: true })),
    );
  });

  it('carries commas, semicolons and newlines in names through a round trip', () => {
    const area = 'Hexham, Tynedale; and\nthe Moors';
    const clpName = 'Hexham\\Tynedale, CLP; "joint"';
    const text = selectionsCalendar('Seats, wards; and\nmore', [stage({ area, clpName })], NOW);
    const { calendar, events } = parse(text);
    // No line outside a fold begins with text from a name: nothing broke out into a property of its own.
    expect(text.split('\r\n').filter((l) => /^(and|the Moors|more)/.test(l))).toEqual([]);
    expect(events).toHaveLength(1);
    const { event } = events[0]!;
    expect(event.summary).toBe(`${area}: Shortlist (General election)`);
    expect(event.description).toContain(`${clpName} selection for ${area}`);
    // ical.js does not know the calendar name's type, so it is handed back as written: decode it as text.
    const raw = calendar.getFirstPropertyValue('x-wr-calname');
    expect(ICAL.design.icalendar.value.text!.fromICAL!(String(raw))).toBe('Seats, wards; and\nmore');
  });

  it('keeps a link with a comma or semicolon in it intact', () => {
    const url = 'https://groundwork.example/selections/7?tabs=a,b;c';
    const { events } = parse(selectionsCalendar('x', [stage({ url })], NOW));
    expect(events[0]!.component.getFirstPropertyValue('url')).toBe(
      'https://groundwork.example/selections/7?tabs=a%2Cb%3Bc',
    );
    expect(events[0]!.event.description).toContain(url);
  });

  it('is a valid calendar with no events when there are no dates', () => {
    const text = selectionsCalendar('Nothing yet', [], NOW);
    const { calendar, events } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toEqual([]);
  });
});
