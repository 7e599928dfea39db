import { closeTestDatabase } from './test-database.js';

/** Mocha root hooks: the shared database closes once, after the last test. */
export const mochaHooks = {
  async afterAll() {
    await closeTestDatabase();
  },
};
