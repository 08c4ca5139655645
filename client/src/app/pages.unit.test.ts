import { describe, expect, it } from 'vitest';
import { pageFor, pilotIdFromPath, selectionIdFromPath } from './pages.ts';

describe('choosing the page from the path', () => {
  it('agrees with the server on trailing slashes: // is the map, /board/ the board', () => {
    expect(pageFor('/')).toBe('seats');
    expect(pageFor('//')).toBe('seats');
    expect(pageFor('/index.html')).toBe('seats');
    expect(pageFor('/board/')).toBe('board');
    expect(pageFor('/admin//')).toBe('admin');
    expect(pageFor('/set-password')).toBe('setPassword');
    expect(pageFor('/boards')).toBe('notFound');
    expect(pageFor('/no/such/page')).toBe('notFound');
  });

  it('knows the pilot pages, and a pilot page only by a plain id', () => {
    expect(pageFor('/pilots')).toBe('pilots');
    expect(pageFor('/pilots/new')).toBe('pilotNew');
    expect(pageFor('/pilots/board/')).toBe('pilotBoard');
    expect(pageFor('/pilots/12')).toBe('pilot');
    expect(pageFor('/pilots/012')).toBe('notFound');
    expect(pageFor('/pilots/12/x')).toBe('notFound');
    expect(pilotIdFromPath('/pilots/12/')).toBe(12);
    expect(pilotIdFromPath('/pilots/new')).toBeUndefined();
  });
});

describe('the selection pages', () => {
  it('knows the tracker, the board and a selection page only by a plain id', () => {
    expect(pageFor('/selections')).toBe('selections');
    expect(pageFor('/selections/board')).toBe('selectionBoard');
    expect(pageFor('/selections/12')).toBe('selection');
    expect(pageFor('/selections/012')).toBe('notFound');
    expect(pageFor('/selections/12/x')).toBe('notFound');
    expect(selectionIdFromPath('/selections/12')).toBe(12);
    expect(selectionIdFromPath('/selections/board')).toBeUndefined();
  });
});
