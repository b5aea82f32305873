/**
 * What the graph view keeps in the vault's graph settings: colouring, colour groups, saved
 * views, and Obsidian's forces and display settings (graph-forces.ts). Parsing is defensive: settings are user-editable JSON, and a bad entry is dropped
 * rather than breaking the view. Keys this module does not know are kept on save.
 */
import type { ColourGroup } from './colour-groups';
import { DEFAULT_DISPLAY, DEFAULT_FORCES, parseDisplay, parseForces, type GraphDisplay, type GraphForces } from './graph-forces';
import { DEFAULT_FILTERS, type GraphFilters } from './graph-filters';
import type { ColourBy } from './graph-toolbar';
import type { GraphMode } from './view-builder';

export interface SavedView {
  name: string;
  mode: GraphMode;
  depth: number;
  filters: GraphFilters;
  colourBy: ColourBy;
  groups: ColourGroup[];
  camera: { zoom: number; pan: { x: number; y: number } } | null;
}

export interface GraphSettings {
  colourBy: ColourBy;
  groups: ColourGroup[];
  views: SavedView[];
  forces: GraphForces;
  display: GraphDisplay;
}

export const DEFAULT_SETTINGS: GraphSettings = { colourBy: 'folder', groups: [], views: [], forces: DEFAULT_FORCES, display: DEFAULT_DISPLAY };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseGroups(v: unknown): ColourGroup[] {
  if (!Array.isArray(v)) return [];
  return v.filter((g): g is ColourGroup => isObj(g) && typeof g.query === 'string' && typeof g.colour === 'string' && /^#[0-9a-f]{3,8}$/i.test(g.colour));
}

function parseFilters(v: unknown): GraphFilters {
  if (!isObj(v)) return DEFAULT_FILTERS;
  const bool = (k: keyof GraphFilters) => (typeof v[k] === 'boolean' ? (v[k] as boolean) : (DEFAULT_FILTERS[k] as boolean));
  return {
    query: typeof v.query === 'string' ? v.query : '',
    showOrphans: bool('showOrphans'),
    showPlaceholders: bool('showPlaceholders'),
    showAttachments: bool('showAttachments'),
  };
}

function parseCamera(v: unknown): SavedView['camera'] {
  if (!isObj(v) || !isNum(v.zoom) || !isObj(v.pan) || !isNum(v.pan.x) || !isNum(v.pan.y)) return null;
  return { zoom: v.zoom, pan: { x: v.pan.x, y: v.pan.y } };
}

function parseView(v: unknown): SavedView | null {
  if (!isObj(v) || typeof v.name !== 'string' || v.name.trim() === '') return null;
  return {
    name: v.name,
    mode: v.mode === 'local' ? 'local' : 'global',
    depth: isNum(v.depth) ? Math.min(3, Math.max(1, Math.round(v.depth))) : 1,
    filters: parseFilters(v.filters),
    colourBy: v.colourBy === 'cluster' ? 'cluster' : 'folder',
    groups: parseGroups(v.groups),
    camera: parseCamera(v.camera),
  };
}

export function parseSettings(raw: Record<string, unknown> | null): GraphSettings {
  if (!raw) return DEFAULT_SETTINGS;
  return {
    colourBy: raw.colourBy === 'cluster' ? 'cluster' : 'folder',
    groups: parseGroups(raw.groups),
    views: Array.isArray(raw.views) ? raw.views.map(parseView).filter((x): x is SavedView => x !== null) : [],
    forces: parseForces(raw.forces),
    display: parseDisplay(raw.display),
  };
}

/** Merges over what was stored so other keys survive. */
export function serialiseSettings(settings: GraphSettings, stored: Record<string, unknown> | null): Record<string, unknown> {
  return { ...(stored ?? {}), colourBy: settings.colourBy, groups: settings.groups, views: settings.views, forces: settings.forces, display: settings.display };
}
