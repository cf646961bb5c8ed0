/**
 * Global set-up of the MongoDB vitest projects: a URL from MONGODB_TEST_URL (replica set) or
 * MONGODB_STANDALONE_TEST_URL when given (a real MongoDB), otherwise a stand-in started for the
 * run on a free port and stopped after it. A stand-in that cannot start fails the run.
 */
import type { TestProject } from 'vitest/node';
import { startStandin } from './start-standin';
import './test-database';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const topology = project.name === 'mongodb-standalone' ? 'standalone' : 'replset';
  const given = topology === 'replset' ? process.env.MONGODB_TEST_URL : process.env.MONGODB_STANDALONE_TEST_URL;
  if (given) {
    project.provide('testDatabase', { kind: 'mongodb', topology, url: given });
    return undefined;
  }
  const standin = await startStandin(topology);
  project.provide('testDatabase', { kind: 'mongodb', topology, url: standin.url });
  return () => standin.stop();
}
