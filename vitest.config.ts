import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workers/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // Tests that run inside workerd, against the Worker of wrangler.toml (src/workers/).
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // No network here: use Miniflare's placeholder `request.cf` instead of fetching one.
            miniflare: { cf: false, bindings: { LOG_LEVEL: 'silent' } },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['test/workers/**/*.test.ts'],
          // Builds dist/worker/ (the bundled data) before the Worker is loaded.
          globalSetup: ['test/workers/build-data.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
