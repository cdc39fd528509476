import { z } from 'zod';
import * as wire from '../shared/gateway/api';
import { bytes, gatewayEndpoints, isFramed, parameterName, pathSegments, type Framed, type GatewayEndpoint } from '../shared/gateway/endpoints';

// GET /openapi.json: made from the table of endpoints (shared/gateway/endpoints.ts) and the zod
// schemas the server validates with, so it cannot drift. The prose is docs/gateway-api.md.

/** A wire schema exported as `xyzSchema` becomes the component `Xyz`; others are written inline. */
const componentNames = new Map<unknown, string>(
  Object.entries(wire)
    .filter(([name, value]) => name.endsWith('Schema') && value instanceof z.ZodType)
    .map(([name, value]) => [value, name[0]!.toUpperCase() + name.slice(1, -'Schema'.length)]),
);

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // Components of an OpenAPI document carry no $schema of their own.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function openApiDocument(version: string) {
  const components: Record<string, Record<string, unknown>> = {};
  const schemaOf = (schema: z.ZodType | typeof bytes) => {
    if (schema === bytes) return { type: 'string', format: 'binary' };
    const name = componentNames.get(schema);
    if (!name) return jsonSchema(schema);
    components[name] ??= jsonSchema(schema);
    return { $ref: `#/components/schemas/${name}` };
  };
  const content = (schema: z.ZodType | typeof bytes | Framed) => {
    // A framed body is bytes on the wire; its JSON head's schema goes beside it (x-head).
    if (isFramed(schema)) return { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary', 'x-head': schemaOf(schema.framed) } } } };
    return { content: { [schema === bytes ? 'application/octet-stream' : 'application/json']: { schema: schemaOf(schema) } } };
  };

  const operation = (endpoint: GatewayEndpoint) => {
    const parameters = [
      ...pathSegments(endpoint.path).flatMap((segment) => {
        const name = parameterName(segment);
        return name ? [{ name, in: 'path', required: true, schema: { type: 'string' } }] : [];
      }),
      ...Object.entries(endpoint.query?.shape ?? {}).map(([name, field]) => ({
        name,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema: { type: 'string' },
      })),
    ];
    const answer = { description: 'OK', ...content(endpoint.output) };
    const responses: Record<string, unknown> = endpoint.created
      ? { '201': { ...answer, description: 'Created' }, '200': { ...answer, description: 'Already there: the first answer again' } }
      : { '200': answer };
    if (endpoint.etag) responses['304'] = { description: 'If-None-Match matched the ETag' };
    for (const status of endpoint.refusals) responses[String(status)] = { description: 'Refused: see error.code', ...content(wire.gatewayErrorSchema) };
    return {
      summary: endpoint.summary,
      'x-callers': endpoint.callers,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(endpoint.body ? { requestBody: { required: true, ...content(endpoint.body) } } : {}),
      responses,
    };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(gatewayEndpoints) as GatewayEndpoint[]) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'АРМ gateway emulator (ШЭП)', version, description: 'See docs/gateway-api.md.' },
    paths,
    components: { schemas: components },
  };
}
