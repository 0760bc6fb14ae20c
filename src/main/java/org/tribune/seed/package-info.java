/**
 * The benchmark data generator: {@code ./tribune seed small|medium} fills an empty database with a realistic
 * community (people, groups of skewed sizes, follows, posts, comments, likes, notifications) from a fixed random
 * seed, in bulk (COPY on PostgreSQL, JDBC batches on H2). It writes the tables directly, not through the features'
 * services: it is a loading tool that runs alone, before the server, on a database made for benchmarks.
 */
package org.tribune.seed;
