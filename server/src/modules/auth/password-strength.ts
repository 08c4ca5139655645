import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../http/app-error.ts';
import type { CheckerAnswer, CheckerRequest } from './password-strength.worker.ts';
import { generatePassword } from './passwords.ts';

/**
 * zxcvbn's score 3 means at least 10^8 guesses for the cheapest way it finds to guess the password. With
 * scrypt at 32 MiB a guess and sign-in throttled, that is out of reach of online guessing and costly for an
 * offline attack on a stolen hash; score 4 (10^10) would refuse ordinary three-word passphrases and push
 * people back to writing passwords down. See docs/decisions/0004.
 */
export const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn's time grows faster than the length (a 128-character password took 1–2.5 s here). A password is
 * at least as hard to guess as its first 64 characters, so when they are strong it is; when they are weak
 * it is refused, which costs nobody a password they chose with care.
 */
export const ANALYSED_LENGTH = 64;

/** Whose password it is: their email address and name make it guessable to anyone who knows them. */
export interface PasswordOwner {
  email: string;
  name?: string | null | undefined;
}

export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; reason: string };

export const PASSWORD_REASONS = {
  spaces: 'A password of only spaces is easy to guess',
  repeated: 'A password of one character repeated is easy to guess',
  personal: 'This is built from your email address or name',
  common: 'This is one of the most common passwords',
  fallback: 'This password would be easy to guess; a few unrelated words work well',
} as const;

/** A checker worker nobody has used for this long is ended, and its memory with it. */
export const CHECKER_IDLE_MS = 30_000;

interface Pending {
  resolve: (value: CheckerAnswer) => void;
  reject: (error: Error) => void;
}

interface CheckerThread {
  thread: Worker;
  pending: Map<number, Pending>;
  idle?: NodeJS.Timeout;
}

let worker: CheckerThread | undefined;
let nextId = 1;

/**
 * zxcvbn's dictionaries cost 50–65 MB of memory once loaded (0.6–3 s to build), and a Node process keeps
 * most memory it has once grown to. Passwords are set a few times a day, so the check runs in a worker
 * thread (password-strength.worker.ts) that loads them on demand and ends after CHECKER_IDLE_MS without a
 * check, handing the memory back (measured: 120 MB → 54 MB). From source (tests, npm run dev) the worker
 * runs its TypeScript through tsx, as its parent does; compiled, it is plain JavaScript.
 */
/**
 * tsx's ESM API (register()), as a file URL for the worker to import. Resolved with require (vitest's module
 * runner, which runs the e2e server, has no import.meta.resolve), then its ESM build beside the CommonJS one.
 */
function tsxEsmApi(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

function checkerThread(): CheckerThread {
  if (worker) return worker;
  const compiled = import.meta.url.endsWith('.js');
  const file = new URL(`./password-strength.worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  const thread = compiled
    ? new Worker(file)
    : new Worker(
        `import(${JSON.stringify(tsxEsmApi())})` +
          `.then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
        { eval: true },
      );
  const current: CheckerThread = { thread, pending: new Map() };
  const fail = (error: Error) => {
    if (worker === current) worker = undefined;
    for (const p of current.pending.values()) p.reject(error);
    current.pending.clear();
  };
  thread.on('message', (answer: CheckerAnswer & { id: number }) => {
    const p = current.pending.get(answer.id);
    current.pending.delete(answer.id);
    p?.resolve(answer);
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`The password checker stopped (exit code ${code})`)));
  worker = current;
  return current;
}

function askChecker(request: CheckerRequest): Promise<CheckerAnswer> {
  const current = checkerThread();
  if (current.idle) clearTimeout(current.idle);
  const id = nextId++;
  // Held open while a check is waiting for its answer; idle, it never keeps a CLI or a test process alive.
  current.thread.ref();
  return new Promise<CheckerAnswer>((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.thread.postMessage({ ...request, id });
  }).finally(() => {
    if (current.pending.size === 0 && worker === current) {
      current.thread.unref();
      current.idle = setTimeout(() => void stopPasswordChecker(), CHECKER_IDLE_MS).unref();
    }
  });
}

/** Ends the checker worker now (a new one starts at the next check). */
export async function stopPasswordChecker(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (current?.idle) clearTimeout(current.idle);
  await current?.thread.terminate();
}

/** Start loading the dictionaries now (a CLI about to ask for a password). */
export function preloadPasswordChecker(): Promise<void> {
  return askChecker({ password: 'preload', inputs: [] }).then(() => undefined);
}

/** The parts of a text worth trying on their own: runs of letters and digits, and runs of letters only. */
const words = (s: string) =>
  [...s.split(/[^\p{L}\p{N}]+/u), ...s.split(/[^\p{L}]+/u)].filter((w) => w.length >= 3);

/** What someone who knows the user would try: the email, its parts, the name and its words. */
function ownerWords(owner: PasswordOwner): { inputs: string[]; tokens: string[] } {
  const email = owner.email.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : email;
  const domain = at > 0 ? (email.slice(at + 1).split('.')[0] ?? '') : '';
  const name = (owner.name ?? '').trim().toLowerCase();
  const tokens = [...new Set([...words(local), ...words(name), ...words(domain)])];
  const joined = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const inputs = [email, local, joined(local), name, joined(name), domain, ...tokens].filter(
    (s) => s.length >= 3,
  );
  return { inputs: [...new Set(inputs)], tokens };
}

/**
 * True when what is left of the password after taking out the user's email parts and name words is six
 * characters or fewer (spaces aside): "Smith.Jane2024", "example2024!!" at example.org. zxcvbn alone scores
 * some of these 3. A longer rest ("8ann!29#Kq7$" for Ann) is left to zxcvbn, which weighs the name in it.
 */
function builtFromOwner(password: string, tokens: string[]): boolean {
  let rest = password.toLowerCase();
  let found = false;
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    if (rest.includes(token)) {
      found = true;
      rest = rest.split(token).join(' ');
    }
  }
  return found && [...rest.replace(/\s+/gu, '')].length <= 6;
}

/**
 * Whether a new password is hard enough to guess, and if not, why in plain words. Length rules are
 * ZNewPassword's (contracts/auth.ts); this is the part that needs the dictionaries, so the server only.
 */
export async function checkPasswordStrength(typed: string, owner: PasswordOwner): Promise<PasswordVerdict> {
  // Judged as a guesser would try it, not as typed (the hash still takes it as typed, in NFC): full-width
  // and other compatibility forms folded, accents and invisible format characters (right-to-left marks,
  // zero-width spaces) dropped, every kind of space a plain one. A probe got "\u200fpassword1234\u200f",
  // "password\u00a0\u2003123" and a full-width name and year past a check of the typed text.
  const password = typed
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .replace(/\s/gu, ' ')
    .normalize('NFC');
  if (/^\s*$/u.test(password)) return { ok: false, score: 0, reason: PASSWORD_REASONS.spaces };
  if (new Set(password).size === 1) return { ok: false, score: 0, reason: PASSWORD_REASONS.repeated };
  const { inputs, tokens } = ownerWords(owner);
  if (builtFromOwner(password, tokens)) return { ok: false, score: 0, reason: PASSWORD_REASONS.personal };

  // Spaces count as random characters to zxcvbn, so "password   123" would pass: judge it without them too.
  const unspaced = password.replace(/ +/g, '');
  const results = await Promise.all(
    [password, ...(unspaced !== password ? [unspaced] : [])].map((p) => askChecker({ password: p, inputs })),
  );
  const result = results.reduce((worst, r) => (r.score < worst.score ? r : worst));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score };
  const reason = result.warning?.replace(/\.$/, '') || PASSWORD_REASONS.fallback;
  return { ok: false, score: result.score, reason };
}

/** Throws the 400 a form shows under the password field when the password is too easy to guess. */
export async function assertStrongPassword(
  password: string,
  owner: PasswordOwner,
  field = 'newPassword',
): Promise<void> {
  const verdict = await checkPasswordStrength(password, owner);
  if (!verdict.ok) throw new AppError('BAD_REQUEST', verdict.reason, [{ field, message: verdict.reason }]);
}

/** A generated password (CLIs) that the check accepts; random ones virtually always pass the first time. */
export async function generateAcceptedPassword(owner: PasswordOwner): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const password = generatePassword();
    if ((await checkPasswordStrength(password, owner)).ok) return password;
  }
  throw new Error('Could not generate a password the strength check accepts');
}
