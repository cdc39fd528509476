import { z } from 'zod';
import {
  ackAnswerSchema,
  ackInputSchema,
  faultInputSchema,
  gatewayErrorSchema,
  catalogReferenceSchema,
  crlReferenceSchema,
  holidaysReferenceSchema,
  leaseAnswerSchema,
  messageSchema,
  organisationSchema,
  organisationsReferenceSchema,
  personSchema,
  powerOfAttorneySchema,
  receiptSchema,
  routingAnswerSchema,
  trustReferenceSchema,
} from '../shared/gateway/api';

// GET /openapi.json: made from the same zod schemas the server validates with, so it cannot drift.
// The prose (what each answer means) is docs/gateway-api.md.

const components = {
  Person: personSchema,
  PowerOfAttorney: powerOfAttorneySchema,
  Organisation: organisationSchema,
  RoutingAnswer: routingAnswerSchema,
  Message: messageSchema,
  Receipt: receiptSchema,
  LeaseAnswer: leaseAnswerSchema,
  AckInput: ackInputSchema,
  AckAnswer: ackAnswerSchema,
  HolidaysReference: holidaysReferenceSchema,
  OrganisationsReference: organisationsReferenceSchema,
  CatalogReference: catalogReferenceSchema,
  TrustReference: trustReferenceSchema,
  CrlReference: crlReferenceSchema,
  FaultInput: faultInputSchema,
  Error: gatewayErrorSchema,
};
type Component = keyof typeof components;

const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: Component) => ({ content: { 'application/json': { schema: ref(name) } } });
const ok = (name: Component, description = 'OK') => ({ description, ...jsonContent(name) });
const refusals = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: 'Refused: see error.code', ...jsonContent('Error') }]));
const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const queryParameter = (name: string, required: boolean) => ({ name, in: 'query', required, schema: { type: 'string' } });

export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'АРМ gateway emulator (ШЭП)', version, description: 'See docs/gateway-api.md.' },
    paths: {
      '/health': { get: { responses: { '200': { description: '{"status": "ok"}' } } } },
      '/persons/{iin}': { get: { summary: 'ГБД ФЛ lookup', parameters: [pathParameter('iin')], responses: { '200': ok('Person'), ...refusals(400, 404) } } },
      '/powers-of-attorney': {
        get: {
          summary: 'ЕНИС lookup',
          parameters: [queryParameter('number', true), queryParameter('date', true)],
          responses: { '200': ok('PowerOfAttorney'), ...refusals(400, 404) },
        },
      },
      '/routing': {
        get: { parameters: [queryParameter('service', true), queryParameter('district', true)], responses: { '200': ok('RoutingAnswer'), ...refusals(400, 404) } },
      },
      '/organisations/{code}': { get: { parameters: [pathParameter('code')], responses: { '200': ok('Organisation'), ...refusals(404) } } },
      '/reference/holidays': { get: { responses: { '200': ok('HolidaysReference'), '304': { description: 'If-None-Match matched the ETag' } } } },
      '/reference/organisations': { get: { responses: { '200': ok('OrganisationsReference'), '304': { description: 'If-None-Match matched the ETag' } } } },
      '/reference/catalog': { get: { responses: { '200': ok('CatalogReference'), '304': { description: 'If-None-Match matched the ETag' } } } },
      '/reference/trust': { get: { responses: { '200': ok('TrustReference'), '304': { description: 'If-None-Match matched the ETag' } } } },
      '/reference/crl': { get: { responses: { '200': ok('CrlReference'), '304': { description: 'If-None-Match matched the ETag' } } } },
      '/attachments/{sha256}': {
        put: {
          parameters: [pathParameter('sha256')],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '201': { description: 'Stored' }, '200': { description: 'Already stored' }, ...refusals(400, 413, 422) },
        },
        get: {
          parameters: [pathParameter('sha256')],
          responses: { '200': { description: 'The bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...refusals(400, 404) },
        },
      },
      '/messages': {
        post: {
          requestBody: { required: true, ...jsonContent('Message') },
          responses: { '201': ok('Receipt', 'Accepted'), '200': ok('Receipt', 'A resend: the original receipt'), ...refusals(400, 409, 413, 422) },
        },
      },
      '/inboxes/{org}/lease': {
        post: {
          parameters: [pathParameter('org'), queryParameter('limit', false), queryParameter('leaseSeconds', false)],
          responses: { '200': ok('LeaseAnswer'), ...refusals(400, 404) },
        },
      },
      '/inboxes/{org}/ack': {
        post: { parameters: [pathParameter('org')], requestBody: { required: true, ...jsonContent('AckInput') }, responses: { '200': ok('AckAnswer'), ...refusals(400, 404) } },
      },
      '/_control/faults': { post: { requestBody: { required: true, ...jsonContent('FaultInput') }, responses: { '200': { description: 'The fault now in force' }, ...refusals(400) } } },
      '/_control/reset': { post: { responses: { '200': { description: 'Faults and traffic cleared' } } } },
    },
    components: {
      schemas: Object.fromEntries(
        Object.entries(components).map(([name, schema]) => {
          // Components of an OpenAPI document carry no $schema of their own.
          const jsonSchema: Record<string, unknown> = { ...z.toJSONSchema(schema, { io: 'input' }) };
          delete jsonSchema.$schema;
          return [name, jsonSchema];
        }),
      ),
    },
  };
}
