import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// The insights schema, applied to the workerd tests' D1 database (test/workers/apply-migrations.ts).
const migrations = await readD1Migrations('src/insights/migrations')

// Three groups, run one after the other (`sequence.groupOrder`) so that the heavy host tests do
// not compete for the CPU with the load and deadline tests of the node group.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workers/**', 'test/hosts/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests that run inside workerd, against the Worker of wrangler.toml (src/workers/).
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // No network here: use Miniflare's placeholder `request.cf` instead of fetching one.
            miniflare: {
              cf: false,
              bindings: {
                LOG_LEVEL: 'silent',
                ADMIN_TOKEN: 'workerd-test-admin-token',
                TEST_MIGRATIONS: migrations,
              },
            },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['test/workers/**/*.test.ts'],
          // Builds dist/worker/ (the bundled data) before the Worker is loaded.
          globalSetup: ['test/workers/build-data.setup.ts'],
          setupFiles: ['test/workers/apply-migrations.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The Workers host beside the Node host: data build, bundle, parity, latency.
        test: {
          name: 'hosts',
          include: ['test/hosts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          pool: 'forks',
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
