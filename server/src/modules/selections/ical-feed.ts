// The public stage dates of selections as an iCalendar feed, for members to subscribe to in their own
// calendar apps. Pure: the route picks the stages the caller may see, this only writes the feed.
import ical from 'ical-generator';
import {
  ELECTION_TYPE_LABELS,
  SELECTION_STAGE_LABELS,
  type TElectionType,
  type TSelectionStage,
} from '../../contracts/selections.ts';

export interface FeedStage {
  selectionId: number;
  /** The seat or ward name. */
  area: string;
  clpName: string;
  electionType: TElectionType;
  stage: TSelectionStage;
  /** YYYY-MM-DD */
  on: string;
  /** Whether `on` is when it happened rather than when it is planned. */
  actual: boolean;
  /** Absolute link to the selection's page. */
  url: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// ical-generator writes the calendar name raw, so a newline in it would start a property of its own.
const escapeText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

// ical-generator escapes a URL as if it were text, which corrupts a comma or semicolon in it; encoded,
// they mean the same to the server and pass through untouched.
const safeUrl = (url: string) =>
  url.replace(/[,;\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function feedUid(selectionId: number, stage: TSelectionStage): string {
  return `selection-${selectionId}-${stage}@groundwork`;
}

function feedSummary(s: FeedStage): string {
  const planned = s.actual ? '' : ' (planned)';
  return `${s.area}: ${SELECTION_STAGE_LABELS[s.stage]} (${ELECTION_TYPE_LABELS[s.electionType]})${planned}`;
}

/**
 * An all-day event per stage date. Each keeps the same UID for its selection and stage, so that a calendar
 * app moves the event when a planned date changes or becomes actual instead of adding another.
 */
export function selectionsCalendar(
  name: string,
  stages: readonly FeedStage[],
  now: Date = new Date(),
): string {
  const calendar = ical({
    name: escapeText(name),
    prodId: { company: 'Groundwork', product: 'Candidate selections', language: 'EN' },
  });
  for (const s of stages) {
    const start = new Date(`${s.on}T00:00:00Z`);
    const when = s.actual ? '' : ', planned';
    calendar.createEvent({
      id: feedUid(s.selectionId, s.stage),
      allDay: true,
      start,
      // DTEND is the exclusive next day; some clients show a DTSTART-only date as lasting no time.
      end: new Date(start.getTime() + DAY_MS),
      stamp: now,
      summary: feedSummary(s),
      description:
        `${s.clpName} selection for ${s.area} (${ELECTION_TYPE_LABELS[s.electionType]}): ` +
        `${SELECTION_STAGE_LABELS[s.stage]}${when}.\n${s.url}`,
      url: safeUrl(s.url),
    });
  }
  return calendar.toString();
}
