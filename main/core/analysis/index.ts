/** Pure graph analysis over a GraphSnapshot: paths, centrality, clusters, bridges, groups, placement. */
export { findShortestPaths, shortestPaths, type ShortestPathOptions, type ShortestPathResult } from './shortest-paths';
export { centrality, rankHubs, compareByCentrality, PAGERANK_DAMPING, type NodeCentrality, type Hub } from './centrality';
export { detectClusters, type Cluster, type Clustering, type ClusterOptions } from './clusters';
export { bridges, type Bridge } from './bridges';
export { parseGroupQuery, matchGroup, type GroupQuery, type GroupQueryResult, type GroupQueryErrorCode } from './group-query';
export { placeNewNodes, type Point, type PlaceOptions } from './place-nodes';
export { seededRandom, hashString } from './seeded-random';
