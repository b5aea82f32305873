import {
  chooseLevel,
  DETAIL_ENTER_NODES,
  DETAIL_LEAVE_NODES,
  OVERVIEW_MIN_ELEMENTS,
  overviewApplies,
  type Level,
  type LevelInput,
} from '../../../../renderer/src/graph/overview/level-of-detail';

const BIG = 40_000;

describe('chooseLevel', () => {
  const cases: Array<[string, LevelInput, Level]> = [
    ["a small graph is cytoscape's whatever the zoom", { elements: OVERVIEW_MIN_ELEMENTS - 1, visibleNodes: 4000, current: null }, 'detail'],
    ["a small graph stays cytoscape's even when the overview was drawing", { elements: 100, visibleNodes: 100, current: 'overview' }, 'detail'],
    ['a big graph fitted (every node visible) is the overview', { elements: BIG, visibleNodes: 10_000, current: null }, 'overview'],
    ['exactly the threshold of elements counts as big', { elements: OVERVIEW_MIN_ELEMENTS, visibleNodes: 10_000, current: null }, 'overview'],
    ['zoomed in to few nodes: detail', { elements: BIG, visibleNodes: 50, current: 'overview' }, 'detail'],
    ['at the enter threshold: detail', { elements: BIG, visibleNodes: DETAIL_ENTER_NODES, current: 'overview' }, 'detail'],
    [
      'just over the enter threshold, from the overview: stays overview',
      { elements: BIG, visibleNodes: DETAIL_ENTER_NODES + 1, current: 'overview' },
      'overview',
    ],
    ['just over the enter threshold, from detail: stays detail', { elements: BIG, visibleNodes: DETAIL_ENTER_NODES + 1, current: 'detail' }, 'detail'],
    ['at the leave threshold, from detail: stays detail', { elements: BIG, visibleNodes: DETAIL_LEAVE_NODES, current: 'detail' }, 'detail'],
    ['past the leave threshold, from detail: overview', { elements: BIG, visibleNodes: DETAIL_LEAVE_NODES + 1, current: 'detail' }, 'overview'],
    ['between the thresholds with no level yet: overview', { elements: BIG, visibleNodes: DETAIL_ENTER_NODES + 1, current: null }, 'overview'],
    ['an empty viewport (panned off the graph): detail, nothing to draw', { elements: BIG, visibleNodes: 0, current: 'overview' }, 'detail'],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(chooseLevel(input)).toBe(expected);
  });

  it('the thresholds leave a band between them (no flicker at one zoom)', () => {
    expect(DETAIL_LEAVE_NODES).toBeGreaterThan(DETAIL_ENTER_NODES);
  });
});

describe('overviewApplies', () => {
  it.each([
    [0, false],
    [OVERVIEW_MIN_ELEMENTS - 1, false],
    [OVERVIEW_MIN_ELEMENTS, true],
    [87_000, true],
  ])('%d elements: %s', (elements, expected) => {
    expect(overviewApplies(elements)).toBe(expected);
  });
});
