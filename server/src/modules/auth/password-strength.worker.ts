// The password checker's worker thread (password-strength.ts starts it, asks it, and ends it when idle):
// zxcvbn and its dictionaries live here, so their memory goes when the thread ends.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory, type TranslationKeys } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { ANALYSED_LENGTH, PASSWORD_REASONS } from './password-strength.ts';

export interface CheckerRequest {
  password: string;
  /** The user's email, its parts and name words: passwords built from them score low. */
  inputs: string[];
}
export interface CheckerAnswer {
  score: number;
  warning: string | null;
}

/**
 * How many l33t-substituted readings ("p@55w0rd" → "password") zxcvbn tries; each costs a full dictionary
 * pass. Its default, 100, is most of the time spent; with 2, twelve of thirteen l33t passwords tried
 * ("sh4dow123456", "1l0v3y0u2024", "dr4g0nf1r3!!"…) scored the same as with 100, in about a third of the time.
 */
const L33T_READINGS = 2;

/** zxcvbn's warnings in our words (no full stop, like the other field messages). */
const WARNINGS: Partial<TranslationKeys['warnings']> = {
  straightRow: 'Rows of keys on a keyboard are easy to guess',
  keyPattern: 'Keyboard patterns are easy to guess',
  simpleRepeat: 'Repeated characters like "aaa" are easy to guess',
  extendedRepeat: 'Repeated patterns like "abcabc" are easy to guess',
  sequences: 'Sequences like "abc" or "1234" are easy to guess',
  recentYears: 'Recent years are easy to guess',
  dates: 'Dates are easy to guess',
  topTen: PASSWORD_REASONS.common,
  topHundred: PASSWORD_REASONS.common,
  common: PASSWORD_REASONS.common,
  similarToCommon: 'This is a common password with a few changes',
  wordByItself: 'A single word is easy to guess',
  namesByThemselves: 'Names on their own are easy to guess',
  commonNames: 'Common names and surnames are easy to guess',
  userInputs: PASSWORD_REASONS.personal,
};

const zxcvbn = new ZxcvbnFactory({
  translations: { ...en.translations, warnings: { ...en.translations.warnings, ...WARNINGS } },
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...en.dictionary },
  l33tMaxSubstitutions: L33T_READINGS,
  maxLength: ANALYSED_LENGTH,
});

parentPort!.on('message', ({ id, password, inputs }: CheckerRequest & { id: number }) => {
  const result = zxcvbn.check(password, inputs);
  const answer: CheckerAnswer & { id: number } = {
    id,
    score: result.score,
    warning: result.feedback.warning || null,
  };
  parentPort!.postMessage(answer);
});
