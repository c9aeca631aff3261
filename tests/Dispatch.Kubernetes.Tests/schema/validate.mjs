// Validates the objects of one rendered overlay (a multi-document YAML file, the output of
// `kubectl kustomize`) and prints {"objects": [...], "problems": [...]} as JSON for the xunit tests.
//
// - Kubernetes kinds: the JSON schema of kubernetes-models (types, required fields, formats), then a
//   strict walk over the field lists of @kubernetes/client-node's generated models (the OpenAPI of
//   Kubernetes 1.36), so an unknown or misspelt field is a problem too, as with `kubeconform -strict`.
// - The operators' kinds (RabbitmqCluster, CloudNativePG Cluster and Database): the schemas in crds/.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs RENDERED.yaml");
  process.exit(2);
}

const objects = [];
const problems = [];
for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length > 0) problems.push(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
  const value = doc.toJS();
  if (value !== null && value !== undefined) objects.push(value);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const crdValidators = new Map();
for (const name of readdirSync(join(here, "crds")).filter((n) => n.endsWith(".json"))) {
  // postgresql.cnpg.io_v1_Cluster.json -> "postgresql.cnpg.io/v1 Cluster"
  const [group, version, kind] = name.replace(/\.json$/, "").split("_");
  crdValidators.set(`${group}/${version} ${kind}`, ajv.compile(JSON.parse(readFileSync(join(here, "crds", name), "utf8"))));
}

const modelsDir = join(here, "node_modules", "@kubernetes", "client-node", "dist", "gen", "models");
const fieldLists = new Map();
async function fieldsOf(type) {
  if (!fieldLists.has(type)) {
    const path = join(modelsDir, `${type}.js`);
    let fields = null;
    if (existsSync(path)) {
      const module = await import(path);
      const map = module[type]?.getAttributeTypeMap?.();
      if (map) fields = new Map(map.map((a) => [a.baseName, a.type]));
    }
    fieldLists.set(type, fields);
  }
  return fieldLists.get(type);
}

async function walk(value, type, path, out) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) for (const [i, item] of value.entries()) await walk(item, array[1], `${path}[${i}]`, out);
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === "object") for (const [k, v] of Object.entries(value)) await walk(v, map[1], `${path}.${k}`, out);
    return;
  }
  if (typeof value !== "object" || Array.isArray(value)) return;
  const fields = await fieldsOf(type);
  if (!fields) return; // a primitive, IntOrString, any, object
  for (const [key, child] of Object.entries(value)) {
    if (!fields.has(key)) out.push(`${path}.${key}: unknown field (not in ${type})`);
    else await walk(child, fields.get(key), `${path}.${key}`, out);
  }
}

function describe(o) {
  return `${o?.kind ?? "?"}/${o?.metadata?.name ?? "?"}`;
}

for (const o of objects) {
  const id = describe(o);
  if (typeof o.apiVersion !== "string" || typeof o.kind !== "string") {
    problems.push(`${id}: no apiVersion or kind`);
    continue;
  }
  const crd = crdValidators.get(`${o.apiVersion} ${o.kind}`);
  if (crd) {
    if (!crd(o)) for (const e of crd.errors) problems.push(`${id}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    continue;
  }
  const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : [null, o.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${o.kind}` : `kubernetes-models/${version}/${o.kind}`;
  let Model;
  try {
    Model = (await import(modulePath))[o.kind];
  } catch {
    problems.push(`${id}: ${o.apiVersion} ${o.kind} is not a Kubernetes kind nor one of the operators' kinds in crds/`);
    continue;
  }
  try {
    new Model(o).validate();
  } catch (e) {
    problems.push(`${id}: ${e.message}`);
  }
  const typeName = version.charAt(0).toUpperCase() + version.slice(1) + o.kind;
  if (!(await fieldsOf(typeName))) problems.push(`${id}: no field list for ${typeName}`);
  else await walk(o, typeName, id, problems);
}

process.stdout.write(JSON.stringify({ objects, problems }));
