import { ObjectSerializer } from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";
console.log(Object.keys(ObjectSerializer));
