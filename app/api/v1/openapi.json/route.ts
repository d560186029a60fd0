// GET /api/v1/openapi.json – the API description (docs/openapi.yaml as JSON); public: it holds no fleet data
import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(openApiDocument());
}
