// Four suites, one per kind of evidence: pure functions (milliseconds), workflows under the
// time-skipping test server, integration against the real dev server and GreenMail, and the
// whole demo (which `npm test` runs alone, after the others: it measures the machine).
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];
// ESM-only packages that jest's CommonJS runtime must have transformed.
const esmOnly = ['d3-geo', 'd3-array', 'internmap'];
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    // Faults (test/faults): crashes and outages on a private stack of their own (own dev
    // server, own GreenMail, own ports), run alone after integration by `npm test`.
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
    },
    { ...common, displayName: 'demo', testMatch: ['<rootDir>/test/demo/**/*.test.ts'] },
  ],
};
