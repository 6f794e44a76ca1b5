// Regenerates src/emulator/api-server/protobuf/kubernetes-protobuf-schema.json from the Kubernetes API's
// published protobuf definitions (generated.proto) and the JSON tags of the Go types beside them.
//
// Usage: npx tsx scripts/generate-protobuf-schema.ts <proto-root> <version>
//   <proto-root>  a folder holding k8s.io/api and k8s.io/apimachinery checked out at <version>
//                 (e.g. git clone -b v0.32.13 of kubernetes/api into <proto-root>/k8s.io/api)
//   <version>     the tag both checkouts are at, written into the output as its source
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import protobuf from 'protobufjs'

const API_PACKAGES = ['core/v1', 'apps/v1', 'policy/v1', 'coordination/v1', 'events/v1', 'discovery/v1', 'autoscaling/v1'].map((path) => `k8s.io/api/${path}`)
const MACHINERY_PACKAGES = ['pkg/apis/meta/v1', 'pkg/runtime', 'pkg/runtime/schema', 'pkg/util/intstr', 'pkg/api/resource'].map((path) => `k8s.io/apimachinery/${path}`)
const OUTPUT = new URL('../src/emulator/api-server/protobuf/kubernetes-protobuf-schema.json', import.meta.url)

/** How one proto field maps to JSON, when that differs from "same name, zero value omitted". */
type FieldMapping = { inline?: true; keepZero?: true; pointer?: true; json?: string }

const [protoRoot, version] = process.argv.slice(2)
if (!protoRoot || !version) {
  console.error('usage: npx tsx scripts/generate-protobuf-schema.ts <proto-root holding k8s.io/api and k8s.io/apimachinery> <version, e.g. v0.32.13>')
  process.exit(2)
}

const missing = [...API_PACKAGES, ...MACHINERY_PACKAGES].map((path) => join(protoRoot, path, 'generated.proto')).filter((file) => !existsSync(file))
if (missing.length > 0) {
  console.error(`${protoRoot} lacks ${missing.join(', ')}: check out kubernetes/api at ${version} into ${join(protoRoot, 'k8s.io/api')} and kubernetes/apimachinery at ${version} into ${join(protoRoot, 'k8s.io/apimachinery')}`)
  process.exit(2)
}

const packageName = (path: string) => path.replaceAll('/', '.')

/** Go struct fields with a protobuf tag: `Replicas *int32 \`json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"\``. */
const readGoMappings = (dir: string): Map<string, Map<number, FieldMapping>> => {
  const structs = new Map<string, Map<number, FieldMapping>>()
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.go') && !name.endsWith('_test.go'))) {
    let current: Map<number, FieldMapping> | undefined
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const start = /^type (\w+) struct \{/.exec(line)
      if (start) {
        current = new Map()
        structs.set(start[1]!, current)
        continue
      }
      if (line.startsWith('}')) current = undefined
      const field = current && /^\t(\S+)(?:\s+(\S+))?\s+`([^`]*)`/.exec(line)
      if (!current || !field) continue
      const tags = field[3]!
      const proto = /protobuf:"[a-z0-9]+,(\d+),/.exec(tags)
      const json = /json:"([^"]*)"/.exec(tags)
      if (!proto || !json) continue
      const goType = field[2] ?? field[1]!
      const [jsonName = '', ...options] = json[1]!.split(',')
      const mapping: FieldMapping = {}
      if (options.includes('inline')) mapping.inline = true
      if (goType.startsWith('*')) mapping.pointer = true
      if (goType.startsWith('*') || !options.includes('omitempty')) mapping.keepZero = true
      if (jsonName && jsonName !== '-') mapping.json = jsonName
      current.set(Number(proto[1]), mapping)
    }
  }
  return structs
}

const root = new protobuf.Root()
root.resolvePath = (_origin, target) => join(protoRoot, target)
root.loadSync(
  [...API_PACKAGES, ...MACHINERY_PACKAGES].map((path) => `${path}/generated.proto`),
  { keepCase: true, alternateCommentMode: true },
)
root.resolveAll()

const fields: Record<string, Record<string, FieldMapping>> = {}
const listWrappers: string[] = []
for (const path of [...API_PACKAGES, ...MACHINERY_PACKAGES]) {
  const namespace = root.lookup(packageName(path))
  if (!(namespace instanceof protobuf.Namespace)) continue
  const goStructs = readGoMappings(join(protoRoot, path))
  for (const type of namespace.nestedArray.filter((nested): nested is protobuf.Type => nested instanceof protobuf.Type)) {
    const fullName = type.fullName.slice(1)
    // +protobuf.nullable=true marks a message that only wraps a Go slice; JSON shows the bare array.
    if (type.comment?.includes('+protobuf.nullable=true')) listWrappers.push(fullName)
    const goFields = goStructs.get(type.name)
    if (!goFields) continue
    const mapped: Record<string, FieldMapping> = {}
    for (const field of type.fieldsArray) {
      const go = goFields.get(field.id)
      if (!go) continue
      const mapping: FieldMapping = { ...go }
      if (mapping.json === field.name) delete mapping.json
      if (Object.keys(mapping).length > 0) mapped[field.name] = mapping
    }
    if (Object.keys(mapped).length > 0) fields[fullName] = mapped
  }
}

const descriptor = root.toJSON({ keepComments: false })
const schema = {
  source: `generated.proto and Go JSON tags of k8s.io/api ${version} and k8s.io/apimachinery ${version}`,
  generatedBy: 'scripts/generate-protobuf-schema.ts',
  packages: [...API_PACKAGES, ...MACHINERY_PACKAGES],
  listWrappers: listWrappers.sort(),
  fields,
  descriptor,
}
writeFileSync(OUTPUT, `${JSON.stringify(schema, null, 1)}\n`)
console.log(`wrote ${OUTPUT.pathname}: ${Object.keys(fields).length} messages with JSON mappings, ${listWrappers.length} list wrappers, source ${version}`)
