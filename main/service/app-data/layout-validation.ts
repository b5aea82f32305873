/** Runtime shape checks for the graph layout and settings the renderer asks us to store. */
import type { GraphLayoutPositions } from '../../contract/api-contract';

const MAX_NODES = 200_000;
const MAX_ID = 2048;
const MAX_SETTINGS_BYTES = 1024 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

export function isLayout(value: unknown): value is GraphLayoutPositions {
  if (!isPlainObject(value) || !isPlainObject(value.positions) || !Array.isArray(value.pinned)) return false;
  const entries = Object.entries(value.positions);
  if (entries.length > MAX_NODES || value.pinned.length > MAX_NODES) return false;
  const pointOk = ([id, point]: [string, unknown]) => id.length <= MAX_ID && isPlainObject(point) && Number.isFinite(point.x) && Number.isFinite(point.y);
  return entries.every(pointOk) && value.pinned.every((id) => typeof id === 'string' && id.length <= MAX_ID);
}

export function isSettings(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  try {
    return JSON.stringify(value).length <= MAX_SETTINGS_BYTES;
  } catch {
    return false; // Cycles or BigInt: not JSON, so not storable.
  }
}
