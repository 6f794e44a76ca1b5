import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readManifests } from './apply-manifests.js'
import { packageRoot } from './package-root.js'

describe('readManifests', () => {
  it('reads every document in order and fills in the namespace of namespaced objects only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifests-'))
    const path = join(dir, 'm.yaml')
    await writeFile(path, [
      '# comment only document', '---',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bookinfo', '---',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: details', '---',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\n  namespace: elsewhere', '',
    ].join('\n'))
    const objects = await readManifests([path], 'bookinfo')
    expect(objects.map((object) => [object.kind, object.metadata?.name, object.metadata?.namespace])).toEqual([
      ['Namespace', 'bookinfo', undefined],
      ['Service', 'details', 'bookinfo'],
      ['Deployment', 'other', 'elsewhere'],
    ])
    await rm(dir, { recursive: true, force: true })
  })

  it("reads the package's own bookinfo manifest: six deployments in namespace bookinfo", async () => {
    const objects = await readManifests([join(packageRoot(), 'fixtures', 'bookinfo', 'bookinfo.yaml')], 'default')
    const deployments = objects.filter((object) => object.kind === 'Deployment')
    expect(deployments.map((object) => object.metadata?.name).sort()).toEqual(['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3'])
    const namespaced = objects.filter((object) => object.kind !== 'Namespace')
    expect(new Set(namespaced.map((object) => object.metadata?.namespace))).toEqual(new Set(['bookinfo']))
  })
})
