import { beforeEach } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    database?: string;
  }
}

// Records which database each test ran on, so CI can report (and require) counts per database.
beforeEach(({ task }) => {
  task.meta.database = process.env.TEST_DB;
});
