// The fictional selections npm run demo:selections makes (demo-selections.ts writes them): who applies
// where, how far they got, and the ballots. Every person is made up and says so.
import type {
  TCandidacyStage,
  TElectionType,
  TReachedStage,
  TSelectionStage,
} from '../../contracts/index.ts';
import type { StoredOverrides } from './selection-rules.ts';

/** Every demo person's name ends with it; so do nominating branches and the history entries. */
export const DEMO_MARK = '(fictional demo)';

export interface DemoCandidate {
  name: string;
  occupation: string;
  stage: TCandidacyStage;
  withdrawnAfter: TReachedStage | null;
  local: boolean;
  workingClass: boolean;
  woman: boolean;
  union: boolean;
  /** Consented to publish their name and occupation. */
  consent: boolean;
}

/** `traits`: L lives locally, W working class, F a woman (else a man), U union-nominated, P consented. */
function c(name: string, occupation: string, stage: TCandidacyStage, traits = '', after?: TReachedStage) {
  const has = (t: string) => traits.includes(t);
  return {
    name: `${name} ${DEMO_MARK}`,
    occupation,
    stage,
    withdrawnAfter: after ?? null,
    local: has('L'),
    workingClass: has('W'),
    woman: has('F'),
    union: has('U'),
    consent: has('P'),
  } satisfies DemoCandidate;
}

export interface DemoSelection {
  seat: string;
  electionType: TElectionType;
  ward?: string;
  sitting?: boolean;
  stage: TSelectionStage;
  /** Stages this selection does without (no members' ballot planned, say). */
  skip?: TSelectionStage[];
  imposedSource?: string;
  overrides?: StoredOverrides;
  candidates: DemoCandidate[];
  /** Votes per round for those on the ballot, in list order; each round drops the last one left. */
  ballot?: number[][];
}

const BLYTH = 'E14001107';
const CRAMLINGTON = 'E14001183';
const SOUTH_SHIELDS = 'E14001492';
const HARTLEPOOL = 'E14001272';

export const SELECTIONS: DemoSelection[] = [
  // At risk: a sitting councillor's trigger ballot, no applicants yet.
  {
    seat: BLYTH,
    electionType: 'council',
    ward: 'Cowpen',
    sitting: true,
    stage: 'trigger_ballot',
    candidates: [],
  },
  {
    seat: BLYTH,
    electionType: 'general',
    stage: 'applications_open',
    candidates: [
      c('Maya Thornton', 'Community nurse', 'applied', 'LWFP'),
      c('Callum Reid', 'Shipyard welder', 'applied', 'LWU'),
      c('Priya Castell', 'Solicitor', 'applied', 'F'),
    ],
  },
  // Broken by working-class share, with a candidate who withdrew after the longlist.
  {
    seat: BLYTH,
    electionType: 'council',
    ward: 'Isabella',
    stage: 'hustings',
    candidates: [
      c('Jodie Armstrong', 'Teaching assistant', 'shortlisted', 'LWF'),
      c('Hamish Dunmore', 'Estate agent', 'shortlisted', 'L'),
      c('Rosalind Vane', 'Management consultant', 'shortlisted', 'F'),
      c('Kofi Mensah-Hart', 'Bus driver', 'longlisted', 'LWU'),
      c('Tessa Quayle', 'Care home worker', 'withdrawn', 'LWF', 'longlisted'),
    ],
  },
  // A long list of one.
  {
    seat: BLYTH,
    electionType: 'council',
    ward: 'Haydon',
    stage: 'longlist',
    candidates: [
      c('Brendan Pyle', 'Warehouse team leader', 'longlisted', 'LWU'),
      c('Ines Carrow', 'Pharmacist', 'applied', 'F'),
      c('Stuart Lomax', 'Retired miner', 'applied', 'LW'),
    ],
  },
  { seat: CRAMLINGTON, electionType: 'general', stage: 'timetable_set', candidates: [] },
  // Broken by locality.
  {
    seat: CRAMLINGTON,
    electionType: 'council',
    ward: 'Cramlington Eastfield',
    stage: 'shortlist',
    candidates: [
      c('Gemma Hurst', 'Supermarket cashier', 'shortlisted', 'WF'),
      c('Ravi Okafor', 'Electrician', 'shortlisted', 'LWU'),
      c('Oliver Penrose', 'Policy adviser', 'shortlisted'),
      c('Nadia Ellery', 'Nursery worker', 'longlisted', 'LWF'),
      c('Declan Fairweather', 'Accountant', 'applied', 'L'),
    ],
  },
  {
    seat: SOUTH_SHIELDS,
    electionType: 'general',
    sitting: true,
    stage: 'members_ballot',
    candidates: [
      c('Sophie Marland', 'Port logistics clerk', 'shortlisted', 'LWFP'),
      c('Connor Blyde', 'Firefighter', 'shortlisted', 'LWU'),
      c('Harriet Coyle', 'University lecturer', 'shortlisted', 'F'),
      c('Tom Ashdown', 'Call-centre worker', 'longlisted', 'LW'),
    ],
    ballot: [
      [210, 180, 110],
      [270, 205],
    ],
  },
  // Kept only because the officer lowered the local share, and says why.
  {
    seat: SOUTH_SHIELDS,
    electionType: 'council',
    ward: 'Beacon and Bents',
    stage: 'selected',
    overrides: {
      localShare: {
        value: 30,
        reason: 'The ward was redrawn this year and is mostly new housing; 30% is fair for this round.',
      },
    },
    candidates: [
      c('Lena Farrow', 'Hospital porter', 'selected', 'LWF'),
      c('Marcus Tate', 'Sales manager', 'shortlisted', 'W'),
      c('Yusuf Dale', 'Architect', 'shortlisted'),
    ],
    ballot: [
      [95, 80, 45],
      [120, 88],
    ],
  },
  // Imposed from outside, without hustings or a members' ballot.
  {
    seat: HARTLEPOOL,
    electionType: 'by_election',
    stage: 'endorsed',
    skip: ['hustings', 'members_ballot'],
    imposedSource: 'Fictional NEC letter, demo',
    candidates: [
      c('Gideon Sharpe', 'Party staffer', 'selected'),
      c('Carla Whitby', 'Steelworker', 'longlisted', 'LWFU'),
      c('Aaron Kell', 'Youth worker', 'longlisted', 'LW'),
    ],
  },
  // Every rule kept, through three rounds of preferences.
  {
    seat: HARTLEPOOL,
    electionType: 'council',
    ward: 'Headland and Harbour',
    stage: 'endorsed',
    candidates: [
      c('Beth Lowther', 'Fishing co-op secretary', 'selected', 'LWFP'),
      c('Sam Okoro', 'Rail signaller', 'shortlisted', 'LWU'),
      c('Fiona Grey', 'GP', 'shortlisted', 'LF'),
      c('Neil Harker', 'Chemical plant operator', 'shortlisted', 'W'),
    ],
    ballot: [
      [120, 95, 60, 25],
      [128, 102, 66],
      [158, 127],
    ],
  },
  // At risk: one applicant and no members' ballot planned.
  {
    seat: HARTLEPOOL,
    electionType: 'council',
    ward: 'De Bruce',
    stage: 'applications_open',
    skip: ['members_ballot'],
    candidates: [c('Wendy Castle', 'School cook', 'applied', 'LWF')],
  },
];
