import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyPlugin from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI document from the routes' zod schemas, and its UI at `/docs`. */
export const docsPlugin = fastifyPlugin(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Warebench server', description: 'ERP API, station enrollment and sync', version: '1' },
        components: {
          securitySchemes: {
            adminKey: { type: 'http', scheme: 'bearer', description: 'WAREBENCH_ADMIN_KEY' },
            stationCredential: { type: 'http', scheme: 'bearer', description: 'credential from /sync/v1/enroll' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'warebench-docs' },
);

/** OpenAPI `security` of the ERP's routes and of the station routes. */
export const erpSecurity = [{ adminKey: [] }];
export const stationSecurity = [{ stationCredential: [] }];
