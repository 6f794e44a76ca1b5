/** The two ways the workflow runs the chaos tests. */
export interface WorkflowRunner {
  /** The command that runs the chaos tests and writes `reports/junit-chaos.xml`. */
  test: string
}

export const VITEST_RUNNER: WorkflowRunner = {
  test: 'npx vitest run chaos --reporter=default --reporter=vitest-chaos/reporter --reporter=junit --outputFile.junit=reports/junit-chaos.xml',
}

export const JEST_RUNNER: WorkflowRunner = {
  // the reporters come from jest.config.json; add jest-junit there for a JUnit file
  test: 'NODE_OPTIONS=--experimental-vm-modules npx jest chaos',
}

const upload = (name: string) => `      - name: upload journals, report and JUnit
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: ${name}
          path: |
            .chaos/journals
            .chaos/report.html
            .chaos/summary.md
            reports/junit-chaos.xml
          if-no-files-found: warn`

const SET_UP_NODE = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci`

/** `.github/workflows/chaos.yml` for the user's repository: an emulated job and a kind job, each uploading journals and JUnit. */
export const workflowFile = (runner: WorkflowRunner): string => `# Resilience experiments as a pull-request gate (written by \`npx vitest-chaos init\`).
# chaos-emulated: the chaos tests against the embedded emulated cluster (no Docker).
# chaos-kind: the same tests against a real kind cluster with Istio and bookinfo.
# Make both required status checks to block merging a pull request that breaks resilience.
name: chaos

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

env:
  KIND_VERSION: v0.32.0
  ISTIO_VERSION: 1.27.1

jobs:
  chaos-emulated:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
${SET_UP_NODE}
      - name: chaos tests (emulated cluster)
        run: ${runner.test}
${upload('chaos-emulated')}

  chaos-kind:
    runs-on: ubuntu-latest
    timeout-minutes: 45
    env:
      CHAOS_CLUSTER: kind
    steps:
${SET_UP_NODE}
      - name: install kind and istioctl
        run: |
          curl -fsSLo kind "https://kind.sigs.k8s.io/dl/\${KIND_VERSION}/kind-linux-amd64"
          chmod +x kind && sudo mv kind /usr/local/bin/kind
          curl -fsSL https://istio.io/downloadIstio | ISTIO_VERSION="\${ISTIO_VERSION}" sh -
          sudo mv "istio-\${ISTIO_VERSION}/bin/istioctl" /usr/local/bin/istioctl
      # cluster \`chaos\` from the package's kind-config.yaml, with Istio and bookinfo; the tests reuse it
      - name: cluster up (kind)
        run: npx vitest-chaos cluster up --provider kind --state-dir .chaos
      - name: chaos tests (kind)
        run: ${runner.test}
      # undoes whatever a cancelled or crashed run left in the cluster (cordoned nodes, Istio faults)
      - name: recover
        if: always()
        run: npx vitest-chaos recover
${upload('chaos-kind')}
      - name: cluster down
        if: always()
        run: npx vitest-chaos cluster down --provider kind --state-dir .chaos
`
